"""A finding is explained in the language of the post; every shipped message exists in English and Dutch."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from precheck.cli.main import main
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.paths import builtin_pack_paths, resources_dir
from precheck.rulepacks.fields import Problems
from precheck.rulepacks.loader import load_pack, parse_pack
from precheck.service import CheckerSettings, build_checker

LEXICONS = resources_dir() / "lexicons"
CODENAMES = """pack: dept
version: 1
{extra}
terms:
  - id: falcon
    kind: codename
    category: confidential
    severity: block
    values: [Project Falcon]
"""
NL_POST = ("Bel me op 06 12345678 of mail jan.devries@example.com. De sleutel is AKIAZ7EXAMPLE4NWL2QX. "
           "Namens Northwind zeggen we sorry. Jullie zijn een stelletje idioten!!! NOOIT MEER DIT SOORT ONZIN. "
           "We werken hard aan Project Falcon.")
EN_POST = ("Call me on 06 12345678 or mail jan.devries@example.com. The key is AKIAZ7EXAMPLE4NWL2QX. "
           "On behalf of Northwind we apologise. You are a bunch of idiots!!! NEVER AGAIN THIS KIND OF NONSENSE. "
           "We work hard on Project Falcon.")
NL_START = {
    "phone_number": "Telefoonnummer: eenmaal gepost kan iedereen deze persoon bellen",
    "email": "E-mailadres: eenmaal openbaar trekt het spam en phishing aan",
    "aws_access_key": "AWS-toegangssleutel: samen met de geheime sleutel",
    "unauthorized_spokesperson": "Spreken namens het bedrijf: alleen officiële woordvoerders",
    "insult": "Belediging: mensen uitschelden",
    "excessive_punctuation": "Herhaalde '!' of '?' leest als opgewonden",
    "shouting": "Hoofdletters lezen als schreeuwen:",
    "codename": "Interne projectnaam: als je die openbaar noemt",
}
EN_START = {
    "phone_number": "Phone number: once posted, anyone can call",
    "email": "E-mail address: once public it draws spam",
    "aws_access_key": "AWS access key: together with its secret key",
    "unauthorized_spokesperson": "Speaking for the company: only official spokespeople",
    "insult": "Insult: calling people names",
    "excessive_punctuation": "Repeated '!' or '?' reads as agitated",
    "shouting": "Capitals read as shouting:",
    "codename": "Internal project codename: naming it in public",
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dept.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(tmp_path: Path, pack: str, text: str, language: str, builtin: bool = True) -> tuple[Finding, ...]:
    settings = CheckerSettings(extra_packs=[write(tmp_path, pack)], installed_packs=False, use_nlp=False)
    if not builtin:
        settings = CheckerSettings(extra_packs=settings.extra_packs, builtin_packs=[], installed_packs=False,
                                   use_nlp=False)
    return build_checker(settings).check(text, language=language).findings


def by_kind(found: tuple[Finding, ...]) -> dict[str, str]:
    return {f.kind: f.message for f in found}


@pytest.mark.parametrize(("text", "language", "expected"), [(NL_POST, "nl", NL_START), (EN_POST, "en", EN_START)],
                         ids=["nl", "en"])
def test_each_category_speaks_the_posts_language(tmp_path: Path, text: str, language: str,
                                                 expected: dict[str, str]) -> None:
    messages = by_kind(findings(tmp_path, CODENAMES.format(extra=""), text, language))
    for kind, start in expected.items():
        assert kind in messages, (kind, sorted(messages))
        assert messages[kind].startswith(start), messages[kind]


def test_built_in_detectors_of_other_categories_speak_dutch(checker: Any) -> None:
    report = checker.check("We zitten in de laatste fase van de overname van een Duitse transporteur.", language="nl")
    assert [f.message for f in report.findings if f.kind == "m_and_a"] == [
        "Niet-aangekondigde overname of fusie: gesprekken hierover zijn koersgevoelig en vertrouwelijk tot het "
        "bedrijf ze bekendmaakt."]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "X allows 280 characters; this post counts 1,200, so it would be cut 920 characters short of its end."),
    ("nl", "X staat 280 tekens toe; deze post telt er 1.200, dus de laatste 920 tekens vallen weg."),
])
def test_length_limit_groups_numbers_the_languages_way(language: str, expected: str) -> None:
    checker = build_checker(CheckerSettings(builtin_packs=[], installed_packs=False, use_nlp=False))
    report = checker.check("a " * 600, language=language, network="x")
    assert [f.message for f in report.findings if f.kind == "length_limit"] == [expected]


# ------------------------------------------------------------------ completeness of the shipped data


def _rule_metas() -> list[RuleMeta]:
    packs = [load_pack(path) for path in builtin_pack_paths()]
    return [rule.meta for pack in packs for rule in (*pack.patterns, *pack.terms, *pack.policies)]


@pytest.mark.parametrize("meta", _rule_metas(), ids=lambda m: m.rule)
def test_every_shipped_rule_has_an_english_and_a_dutch_message(meta: RuleMeta) -> None:
    texts = dict(meta.translations)
    assert set(texts) == {"en", "nl"}, "give the rule's message as {en: ..., nl: ...}"
    assert texts["en"] and texts["nl"] and texts["en"] != texts["nl"]
    assert ": " in texts["nl"], "a message reads 'Title: why it matters'"


def _data_messages() -> list[tuple[str, Any]]:
    """Every ``message:`` in the lexicons, and every entry of the built-in detectors' message files."""
    out = []
    for path in sorted(LEXICONS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.parent.name == "messages":
            out += [(f"{path.name}:{key}", value) for key, value in data.items()]
        elif isinstance(data, dict):
            out += [(f"{path.name}:{key}", value["message"]) for key, value in data.items()
                    if isinstance(value, dict) and "message" in value]
            if "message" in data:
                out.append((f"{path.name}:message", data["message"]))
    return out


@pytest.mark.parametrize(("where", "texts"), _data_messages(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_built_in_message_has_english_and_dutch(where: str, texts: Any) -> None:
    assert isinstance(texts, dict) and set(texts) == {"en", "nl"}, where
    assert all(isinstance(t, str) and t for t in texts.values()), where


def test_the_built_in_messages_are_all_found() -> None:
    names = {where.partition(":")[0] for where, _ in _data_messages()}
    assert {"tone.yaml", "pii.yaml", "policy.yaml", "packs.yaml", "terms.yaml", "topics.yaml", "figures.yaml",
            "health.yaml", "hr.yaml", "birth.yaml", "address.yaml"} <= names


# ------------------------------------------------------------------ messages in rule packs

PATTERN = """pack: dept
version: 1
{extra}
patterns:
  - id: ticket
    kind: internal_ticket
    category: confidential
    severity: warn
    message: {message}
    regex: 'OPS-\\d{{4}}'
policies:
  - id: no-hype
    kind: hype
    policy: {policy}
    message: {why}
    phrases: {{en: [game changer], nl: [gamechanger]}}
"""


def pack_text(message: str, policy: str = "Tone", why: str = "Avoid hype.", extra: str = "") -> str:
    return PATTERN.format(message=message, policy=policy, why=why, extra=extra)


def test_a_plain_message_serves_every_language(tmp_path: Path) -> None:
    pack = pack_text('"Ticket number: points outsiders at internal systems."')
    for text, language in (("See OPS-1234, a game changer.", "en"), ("Zie OPS-1234, een gamechanger.", "nl")):
        assert by_kind(findings(tmp_path, pack, text, language, builtin=False)) == {
            "internal_ticket": "Ticket number: points outsiders at internal systems.",
            "hype": "Tone: Avoid hype.",
        }


def test_a_message_per_language_and_the_policy_name_follow_the_post(tmp_path: Path) -> None:
    pack = pack_text("{en: 'Ticket: internal.', nl: 'Melding: intern.'}", policy="{en: Tone, nl: Toon}",
                     why="{en: Avoid hype., nl: Vermijd hype.}")
    assert by_kind(findings(tmp_path, pack, "See OPS-1234, a game changer.", "en", builtin=False)) == {
        "internal_ticket": "Ticket: internal.", "hype": "Tone: Avoid hype."}
    assert by_kind(findings(tmp_path, pack, "Zie OPS-1234, een gamechanger.", "nl", builtin=False)) == {
        "internal_ticket": "Melding: intern.", "hype": "Toon: Vermijd hype."}


def test_a_policy_name_in_one_language_joins_each_message(tmp_path: Path) -> None:
    pack = pack_text("x", policy="Hype", why="{en: avoid it., nl: vermijd het.}")
    assert by_kind(findings(tmp_path, pack, "Een gamechanger.", "nl", builtin=False))["hype"] == "Hype: vermijd het."


def test_an_english_only_message_falls_back_to_english(tmp_path: Path) -> None:
    pack = pack_text("{en: 'Ticket: internal.'}")
    assert by_kind(findings(tmp_path, pack, "Zie OPS-1234.", "nl", builtin=False)) == {
        "internal_ticket": "Ticket: internal."}


def test_a_term_kind_default_fills_the_language_a_pack_leaves_out(tmp_path: Path) -> None:
    pack = CODENAMES.format(extra="").replace("    values:", "    message: {nl: 'Codenaam: geheim.'}\n    values:")
    assert by_kind(findings(tmp_path, pack, "We bouwen aan Project Falcon.", "nl", builtin=False)) == {
        "codename": "Codenaam: geheim."}
    english = by_kind(findings(tmp_path, pack, "We build Project Falcon.", "en", builtin=False))["codename"]
    assert english.startswith("Internal project codename: ")


def validate(path: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["pack", "validate", str(path)], stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


@pytest.mark.parametrize(("pack", "where", "what"), [
    (pack_text("{en: 'Ticket: internal.', de: 'Ticket: intern.'}"), "9:40", "'message' in pattern 'ticket'"),
    (pack_text("x", why="{en: Avoid hype., de: Kein Hype.}"), "15:32", "'message' in policy 'no-hype'"),
    (pack_text("x", policy="{en: Tone, fr: Ton}"), "14:24", "'policy' in policy 'no-hype'"),
], ids=["pattern", "policy-message", "policy-name"])
def test_a_message_in_an_unknown_language_is_refused_at_its_position(tmp_path: Path, pack: str, where: str,
                                                                     what: str) -> None:
    path = write(tmp_path, pack)
    code, out = validate(path)
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith(str(path))]
    assert len(problems) == 1, out
    assert problems[0].startswith(f"{path}:{where}: {what} maps a language (en, nl) to text, not ")


# ------------------------------------------------------------------ trial rules


def test_a_trial_rule_says_so_in_dutch(tmp_path: Path) -> None:
    pack = CODENAMES.format(extra="simulate: true")
    dutch = by_kind(findings(tmp_path, pack, "We bouwen aan Project Falcon.", "nl", builtin=False))["codename"]
    english = by_kind(findings(tmp_path, pack, "We build Project Falcon.", "en", builtin=False))["codename"]
    assert dutch.startswith("(proefregel) Interne projectnaam: ")
    assert english.startswith("(trial rule) Internal project codename: ")


def test_a_trial_rule_with_one_message_gets_each_languages_prefix() -> None:
    problems = Problems("pack.yaml")
    pack = parse_pack(pack_text("x", extra="simulate: true"), None, problems)
    assert problems.items == [] and pack is not None
    meta = pack.policies[0].meta
    assert meta.trial and meta.message == "(trial rule) Tone: Avoid hype."
    assert meta.message_for("nl") == "(proefregel) Tone: Avoid hype."


def test_a_rule_meta_with_one_message_keeps_working() -> None:
    meta = RuleMeta("x/y", Category.TONE, "y", Severity.WARN, "Title: why.")
    assert meta.message_for("nl") == meta.message_for("en") == "Title: why."
    worded = RuleMeta.worded("x/y", Category.TONE, "y", Severity.WARN, {"nl": "Titel: waarom.", "en": "Title: why."})
    assert worded.message == "Title: why." and worded.message_for("nl") == "Titel: waarom."
    assert worded.message_for("de") == "Title: why."
