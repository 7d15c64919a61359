"""``precheck pack validate``: one ``file:line:column: message`` per problem, exit 1; ok packs exit 0."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from precheck.cli.main import main
from precheck.rulepacks.replacements import replacement_sites
from precheck.rulepacks.yaml_lines import load_located

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "packs"
HEAD = "pack: dept\nversion: 1\n"
TERM = """  - id: {id}
    kind: codename
    category: confidential
    severity: block
    replacement: {replacement}
    values: {values}
"""


def validate(*paths: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["pack", "validate", *map(str, paths)], stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def term(id: str = "falcon", replacement: str = "a new project", values: str = "[Project Falcon]") -> str:
    return TERM.format(id=id, replacement=replacement, values=values)


@pytest.mark.parametrize(("body", "where", "needle"), [
    ("terms:\n" + term() + "    replacment: x\n", "10:5", "unknown key 'replacment'"),
    ("terms:\n" + term() + term(), "10:5", "rule id 'dept/falcon' is used twice (first at line 4)"),
    ("patterns:\n  - {id: p, kind: k, category: pii, severity: warn, message: m, regex: a}\n"
     "  - {id: p, kind: k, category: pii, severity: warn, message: m, regex: b}\n", "5:6",
     "rule id 'dept/p' is used twice (first at line 4)"),
    ("terms:\n" + term(values="[]"), "9:5", "'values' in term group 'falcon' is empty"),
    ("terms:\n" + term(values="Project Falcon"), "9:5", "must be a list"),
    ("patterns:\n  - {id: p, kind: k, category: pii, severity: warn, message: m, regex: '(a))'}\n", "4:65",
     "RE2 cannot compile regex"),
    ("patterns:\n  - {id: p, kind: k, category: pii, severity: warn, message: m, regex: '(?=a)b'}\n", "4:65",
     "RE2 cannot compile regex"),
    ("terms:\n" + term(replacement="'mail jan@example.com'"), "8:5",
     "replacement 'mail jan@example.com' would itself be flagged by builtin-pii/email"),
    ("terms:\n" + term(replacement="'the Project Falcon team'"), "8:5",
     "would itself be flagged by dept/falcon"),
])
def test_each_validation_error_names_its_position(tmp_path: Path, body: str, where: str, needle: str) -> None:
    path = tmp_path / "dept.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    code, out = validate(path)
    assert code == 1
    assert any(line.startswith(f"{path}:{where}: ") and needle in line for line in out.splitlines()), out


def test_shipped_packs_and_good_fixture_validate() -> None:
    code, out = validate(*sorted((ROOT / "rules").glob("*.yaml")), FIXTURES / "acme-terms.yaml")
    assert code == 0, out
    assert out.count(": ok (") == 5


def test_every_broken_fixture_is_refused_with_a_position() -> None:
    broken = sorted(FIXTURES.glob("broken-*.yaml"))
    code, out = validate(*broken)
    assert code == 1
    for path in broken:
        assert f"{path}:" in out and f"{path}: ok" not in out


def test_replacement_sites_skip_examples_and_empty_replacements() -> None:
    text = HEAD + "terms:\n" + term(replacement="''") + "lexicons:\n  - {kind: insult, language: en, entries: " \
        "[{term: idiot, replacement: person}]}\ntests:\n  - {text: x, expect: [a], replacement: no}\n"
    assert [value for _, value, _ in replacement_sites(load_located(text))] == ["person"]


@pytest.mark.parametrize(("head", "replacement", "noted"), [
    (HEAD, "a new project", True),
    (HEAD, "{en: a new project, nl: een nieuw project}", False),
    (HEAD + "languages: [en]\n", "a new project", False),
    (HEAD, "''", False),
])
def test_a_term_replacement_written_once_for_both_languages_gets_a_note(
        tmp_path: Path, head: str, replacement: str, noted: bool) -> None:
    path = tmp_path / "dept.yaml"
    path.write_text(head + "terms:\n" + term(replacement=replacement), encoding="utf-8")
    code, out = validate(path)
    assert code == 0
    line = head.count("\n") + 6
    note = f"{path}:{line}:5: note: replacement 'a new project' is used in en and nl posts alike"
    assert ("note:" in out) is noted, out
    assert not noted or note in out, out
    assert out.rstrip().endswith(f"{path}: ok (dept 1)")
