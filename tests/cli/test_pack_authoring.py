"""``precheck pack test`` and ``precheck pack try``: exit codes and what they print."""

from __future__ import annotations

import io
from pathlib import Path

from precheck.cli.main import main
from precheck.core.model import Report
from precheck.rulepacks.fields import Problems
from precheck.rulepacks.loader import parse_pack
from precheck.rulepacks.pack_tests import run_examples

PACK = """pack: dept
version: 1
terms:
  - id: falcon
    kind: codename
    category: confidential
    severity: block
    replacement: a new project
    values: ["Project Falcon"]
tests:
  - {text: "We launch Project Falcon soon.", lang: en, expect: [codename]}
  - {text: "Een valk vloog over.", lang: nl, reject: [codename]}
"""
FAILING = """  - {text: "Nothing to see here.", lang: en, expect: [codename]}
  - {text: "Project Falcon again.", lang: en, reject: [codename]}
"""


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dept.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_pack_test_passes(tmp_path: Path) -> None:
    code, out = run(["pack", "test", "--no-nlp", str(write(tmp_path, PACK))])
    assert code == 0
    assert out.count("PASS") == 2 and "2 passed, 0 failed" in out


def test_pack_test_fails_and_says_why_with_a_position(tmp_path: Path) -> None:
    path = write(tmp_path, PACK + FAILING)
    code, out = run(["pack", "test", "--no-nlp", str(path)])
    assert code == 1
    assert f"{path}:13:5: FAIL 'Nothing to see here.' (expected codename" in out
    assert f"{path}:14:5: FAIL 'Project Falcon again.' (rejected codename" in out
    assert "2 passed, 2 failed" in out


def test_pack_test_reports_a_broken_pack(tmp_path: Path) -> None:
    code, out = run(["pack", "test", str(write(tmp_path, "pack: dept\nversion: 1\nbogus: 1\n"))])
    assert code == 1 and ":3:1: unknown key 'bogus'" in out


def test_pack_without_examples_says_so(tmp_path: Path) -> None:
    code, out = run(["pack", "test", "--no-nlp", str(write(tmp_path, PACK.split("tests:")[0]))])
    assert code == 0 and "no examples" in out


def test_run_examples_uses_language_and_channel() -> None:
    pack = parse_pack(PACK, None, Problems("p"))
    calls: list[tuple[str, dict]] = []

    def fake_check(text: str, **options: str) -> Report:
        calls.append((text, options))
        return Report(language="en", channel="public", findings=(), verdict="ok", safer_text=text)  # type: ignore[arg-type]

    outcomes = run_examples(pack, fake_check)
    assert [o.passed for o in outcomes] == [False, True]
    assert calls[1][1] == {"language": "nl", "channel": "public"}


def test_pack_try_names_rule_pack_and_reason(tmp_path: Path) -> None:
    code, out = run(["pack", "try", "--no-nlp", "--lang", "en", str(write(tmp_path, PACK)),
                     "We launch Project Falcon, mail jan@example.com"])
    assert code == 0
    assert "10-24 'Project Falcon': rule dept/falcon (pack dept)  <- this pack" in out
    assert "kind codename, category confidential, severity block" in out
    assert "suggestion: 'a new project'" in out
    assert "rule builtin-pii/email (pack builtin-pii)" in out


def test_pack_try_on_a_clean_text(tmp_path: Path) -> None:
    code, out = run(["pack", "try", "--no-nlp", "--lang", "en", str(write(tmp_path, PACK)), "Lovely weather."])
    assert code == 0 and "no rule fires" in out and "verdict ok" in out
