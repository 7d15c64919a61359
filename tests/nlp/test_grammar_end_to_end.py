"""Grammar with the real checker and the real command line, against the LanguageTool stand-in."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from precheck.cli.main import main
from precheck.core.model import Category
from precheck.nlp.grammar import FixedEndpoint, GrammarService, Mode
from precheck.nlp.languagetool_local import free_port
from tests.fixtures.languagetool.fake_server import FakeLanguageTool, recording

pytestmark = pytest.mark.slow

TEXT = recording("en_article_and_typo")["request"]["text"]


def run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "post.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def configure(monkeypatch, tmp_path: Path, server: str) -> None:
    path = tmp_path / "admin.toml"
    path.write_text(f'[grammar]\nmode = "server"\nserver = "{server}"\n', encoding="utf-8")
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(path))


def test_the_other_findings_never_wait_for_grammar(checker) -> None:
    """The app shows Checker.check at once; a hanging grammar server costs only its own time limit."""
    text = "Mail me at jan.devries@example.com, teh launch is tomorrow."
    with FakeLanguageTool(delay=3.0) as slow:
        grammar = GrammarService(Mode.SERVER, FixedEndpoint(slow.url), time_limit=0.5)
        checker.check(text, language="en")
        started = time.monotonic()
        first = checker.check(text, language="en")
        shown = time.monotonic() - started
        complete = grammar.check(text, first)
        total = time.monotonic() - started
    assert any(f.category is Category.PII for f in first.findings)
    assert shown < 0.5 and total < shown + 1.0
    assert complete.findings == first.findings and len(complete.notices) == len(first.notices) + 1


def test_check_with_grammar_prints_languagetools_findings(monkeypatch, tmp_path, draft) -> None:
    with FakeLanguageTool() as lt:
        configure(monkeypatch, tmp_path, lt.url)
        code, output = run(["check", "--grammar", str(draft)])
    assert f"{draft}:1:12: warn grammar/spelling: Use “an” instead of ‘a’" in output
    assert "'teh'  ->  'the'  [languagetool/MORFOLOGIK_RULE_EN_US]" in output
    assert code == 1


def test_without_the_flag_the_command_line_never_asks_languagetool(monkeypatch, tmp_path, draft) -> None:
    with FakeLanguageTool() as lt:
        configure(monkeypatch, tmp_path, lt.url)
        code, output = run(["check", str(draft)])
        assert lt.requests == []
    assert "grammar/" not in output and code == 0


def test_an_unreachable_server_is_a_note_and_the_exit_code_is_unchanged(monkeypatch, tmp_path, draft) -> None:
    port = free_port()
    configure(monkeypatch, tmp_path, f"http://127.0.0.1:{port}")
    code, output = run(["check", "--grammar", str(draft)])
    assert f"note: Grammar checks are off: no LanguageTool server is reachable at 127.0.0.1:{port}." in output
    assert output.count("Grammar checks are off") == 1 and code == 0


def test_batch_with_grammar_checks_every_line(monkeypatch, tmp_path) -> None:
    batch = tmp_path / "posts.jsonl"
    nl = recording("nl_case_and_typo")["request"]["text"]
    lines = [json.dumps({"id": 1, "text": TEXT}), json.dumps({"id": 2, "text": nl, "lang": "nl"})]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with FakeLanguageTool() as lt:
        configure(monkeypatch, tmp_path, lt.url)
        code, output = run(["check", "--grammar", "--batch", str(batch)])
    results = [json.loads(line) for line in output.splitlines()]
    words = [[f["text"] for f in r["findings"] if f["category"] == "grammar"] for r in results]
    assert words == [["a", "teh"], ["we", "reakties"]] and code == 1
