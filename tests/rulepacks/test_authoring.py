"""Authoring sections: ``allow``, ``disable``, simulation mode and embedded ``tests``, and their precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.core.filters import allow_terms, disable_rules, keep, term_digest
from precheck.core.model import Category, Finding, Severity, Verdict
from precheck.rulepacks.fields import Problems
from precheck.rulepacks.loader import parse_pack
from precheck.rulepacks.precedence import effective_disabled
from precheck.service import CheckerSettings, build_checker

ROOT = Path(__file__).resolve().parents[2]
PII = ROOT / "rules" / "pii.yaml"
EMAIL_POST = "Mail me at jan.jansen@example.com about it."
SALT = b"per-install-salt"
TERMS = """pack: {pack}
version: 1
{extra}
terms:
  - id: falcon
    kind: codename
    category: confidential
    severity: block
    values: ["Project Falcon", "Falcon Heavy"]
"""


def parse(text: str) -> tuple[object, list[str]]:
    problems = Problems("pack.yaml")
    return parse_pack(text, None, problems), problems.items


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def checker(*packs: Path, personal: frozenset[str] = frozenset()):
    settings = CheckerSettings(extra_packs=packs, builtin_packs=[PII], installed_packs=False, use_nlp=False,
                               personal_allow=personal, personal_salt=SALT)
    return build_checker(settings)


def finding(text: str, rule: str = "p/r") -> Finding:
    return Finding(Category.PII, "email", Severity.WARN, 0, len(text), text, "m", rule)


# ---------------------------------------------------------------- filters (pure)

@pytest.mark.parametrize(("allowed", "text", "kept"), [
    (["Falcon Heavy"], "falcon  heavy", False),
    (["Falcon Heavy"], "Falcon", True),
    (["Vertrouwelijk"], "VERTROUWELIJK", False),
    ([], "anything", True),
])
def test_allow_terms_match_the_whole_finding(allowed: list[str], text: str, kept: bool) -> None:
    assert bool(keep([allow_terms(allowed)], [finding(text)])) is kept


def test_disable_rules_drops_only_named_rules() -> None:
    kept = keep([disable_rules({"a/x"})], [finding("one", "a/x"), finding("two", "a/y")])
    assert [f.rule for f in kept] == ["a/y"]


# ---------------------------------------------------------------- loading

def test_allow_disable_and_simulate_load() -> None:
    extra = "allow: [jan@example.com, {regex: '.*@example\\.org'}]\ndisable: [builtin-pii/email]"
    pack, problems = parse(TERMS.format(pack="dept", extra=extra))
    assert problems == []
    assert [(a.term, a.regex) for a in pack.allow] == [("jan@example.com", None), (None, ".*@example\\.org")]
    assert pack.disable == ("builtin-pii/email",)


@pytest.mark.parametrize(("extra", "line", "needle"), [
    ("allow: 'x'", 3, "'allow' must be a list"),
    ("allow: [{term: a, regex: b}]", 3, "exactly one"),
    ("allow: [{regex: '(a'}]", 3, "RE2 cannot compile"),
    ("allow: [{regex: ''}]", 3, "non-empty"),
    ("disable: [email]", 3, "not a rule id"),
    ("disable: [dept/falcon]", 3, "of this pack itself"),
    ("disable: []", 3, "is empty"),
    ("simulate: yes-please", 3, "must be a bool"),
    ("simulate: true\nallow: [x]", 3, "cannot carry 'allow'"),
    ("tests: [{text: hi}]", 3, "proves nothing"),
    ("tests: [{text: hi, expect: [a], reject: [a]}]", 3, "both expects and rejects"),
    ("tests: [{text: hi, expect: [a], lang: fr}]", 3, "'lang' must be one of"),
    ("tests: [{txt: hi, expect: [a]}]", 3, "did you mean 'text'"),
])
def test_authoring_problems_name_their_line(extra: str, line: int, needle: str) -> None:
    _, problems = parse(TERMS.format(pack="dept", extra=extra))
    assert len(problems) >= 1
    assert problems[0].startswith(f"pack.yaml:{line}:")
    assert needle in problems[0]


def test_simulated_pack_makes_every_rule_a_trial() -> None:
    pack, problems = parse(TERMS.format(pack="dept", extra="simulate: true"))
    assert problems == []
    meta = pack.terms[0].meta
    assert meta.severity is Severity.INFO
    assert meta.message.startswith("(trial rule) ")


def test_simulated_rule_leaves_its_neighbours_alone() -> None:
    text = TERMS.format(pack="dept", extra="") + """  - id: kestrel
    kind: unreleased_product
    category: confidential
    severity: block
    simulate: true
    values: [Kestrel]
"""
    pack, problems = parse(text)
    assert problems == []
    assert [t.meta.severity for t in pack.terms] == [Severity.BLOCK, Severity.INFO]


# ---------------------------------------------------------------- effect and precedence

def test_findings_without_filters(tmp_path: Path) -> None:
    report = checker().check(EMAIL_POST, language="en")
    assert "email" in {f.kind for f in report.findings}


def test_department_pack_allows_a_term_of_a_builtin_rule(tmp_path: Path) -> None:
    dept = write(tmp_path, "dept", TERMS.format(pack="dept", extra="allow: [Jan.Jansen@example.com]"))
    report = checker(dept).check(EMAIL_POST, language="en")
    assert "email" not in {f.kind for f in report.findings}


def test_allow_regex_must_match_the_whole_finding(tmp_path: Path) -> None:
    whole = write(tmp_path, "whole", TERMS.format(pack="a", extra="allow: [{regex: '[a-z.]+@example\\.com'}]"))
    part = write(tmp_path, "part", TERMS.format(pack="b", extra="allow: [{regex: 'example'}]"))
    assert "email" not in {f.kind for f in checker(whole).check(EMAIL_POST, language="en").findings}
    assert "email" in {f.kind for f in checker(part).check(EMAIL_POST, language="en").findings}


def test_personal_allowlist_is_applied_by_digest(tmp_path: Path) -> None:
    digest = term_digest(SALT, "builtin-pii/email", "JAN.JANSEN@example.com")
    assert "jan" not in digest
    report = checker(personal=frozenset({digest})).check(EMAIL_POST, language="en")
    assert "email" not in {f.kind for f in report.findings}
    other_rule = term_digest(SALT, "builtin-pii/iban", "jan.jansen@example.com")
    assert "email" in {f.kind for f in checker(personal=frozenset({other_rule})).check(EMAIL_POST).findings}


def test_personal_digest_matches_the_desktop_allowlist() -> None:
    pytest.importorskip("PySide6")
    from precheck.ui.allowlist import Allowlist

    class Settings:
        salt, ignored_digests = SALT, frozenset()

    found = finding("Jan@Example.com", "builtin-pii/email")
    assert Allowlist(Settings()).digest(found) == term_digest(SALT, found.rule, found.text)  # type: ignore[arg-type]


def test_higher_pack_disables_a_lower_rule(tmp_path: Path) -> None:
    dept = write(tmp_path, "dept", TERMS.format(pack="dept", extra="disable: [builtin-pii/email]"))
    report = checker(dept).check(EMAIL_POST, language="en")
    assert "builtin-pii/email" not in {f.rule for f in report.findings}


def test_lower_pack_cannot_disable_a_higher_one(tmp_path: Path) -> None:
    org_text = TERMS.format(pack="org", extra="disable: [dept/falcon]").replace("Project Falcon", "Osprey")
    org = write(tmp_path, "org", org_text)
    dept = write(tmp_path, "dept", TERMS.format(pack="dept", extra=""))
    report = checker(org, dept).check("We launch Project Falcon soon.", language="en")
    assert "dept/falcon" in {f.rule for f in report.findings}
    swapped = checker(dept, org).check("We launch Project Falcon soon.", language="en")
    assert "dept/falcon" not in {f.rule for f in swapped.findings}


def test_effective_disabled_ignores_unknown_and_higher_packs(tmp_path: Path) -> None:
    low, _ = parse(TERMS.format(pack="low", extra="disable: [high/falcon, nowhere/x]"))
    high, _ = parse(TERMS.format(pack="high", extra="disable: [low/falcon]"))
    assert effective_disabled([low, high]) == {"low/falcon"}


def test_trial_rule_is_shown_but_never_changes_the_verdict(tmp_path: Path) -> None:
    trial = write(tmp_path, "trial", TERMS.format(pack="dept", extra="simulate: true"))
    report = checker(trial).check("We launch Project Falcon soon.", language="en")
    falcon = [f for f in report.findings if f.rule == "dept/falcon"]
    assert falcon and falcon[0].severity is Severity.INFO
    assert falcon[0].message.startswith("(trial rule) ") and falcon[0].trial
    assert report.verdict is Verdict.OK


def test_trial_rule_offers_its_fix_but_leaves_the_safer_text_alone(tmp_path: Path) -> None:
    text = "We launch Project Falcon soon."
    pack = TERMS.replace("    values:", "    replacement: a new project\n    values:")
    enforced = checker(write(tmp_path, "dept", pack.format(pack="dept", extra=""))).check(text, language="en")
    tried = checker(write(tmp_path, "trial", pack.format(pack="dept", extra="simulate: true"))).check(
        text, language="en")
    assert "Falcon" not in enforced.safer_text
    falcon = next(f for f in tried.findings if f.rule == "dept/falcon")
    assert falcon.suggestions and falcon.suggestions[0] not in text
    assert tried.safer_text == text


def test_trial_policy_is_information_only() -> None:
    text = """pack: dept
version: 1
policies:
  - id: no-hype
    kind: hype
    policy: Tone
    message: Avoid hype.
    severity: block
    simulate: true
    phrases: {en: [game changer]}
"""
    pack, problems = parse(text)
    assert problems == []
    assert pack.policies[0].meta.severity is Severity.INFO
    assert pack.policies[0].meta.message.startswith("(trial rule) Tone: ")
