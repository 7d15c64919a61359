"""Replacements per language: a Dutch post's safer text reads Dutch, and no company term is left in it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from precheck.cli.main import main
from precheck.rulepacks.loader import TERM_KIND_DEFAULTS
from precheck.service import CheckerSettings, build_checker

PACK = """pack: dept
version: 1
terms:
  - id: customers
    kind: customer_name
    category: confidential
    severity: block
{replacement}    values: [Alpenrose Dairy]
  - id: rivals
    kind: competitor
    category: confidential
    severity: warn
    values: [Nordfracht]
patterns:
  - id: ticket
    kind: internal_ticket
    category: confidential
    severity: warn
    message: Internal ticket numbers point outsiders at internal systems.
    regex: 'OPS-\\d{{4}}'
    replacement: {{en: a ticket, nl: een melding}}
"""
EN = "Big thanks to Alpenrose Dairy for the trust, see OPS-1234."
NL = "Dank aan Alpenrose Dairy voor het vertrouwen, zie OPS-1234."


def safer(tmp_path: Path, replacement: str, text: str, language: str) -> str:
    path = tmp_path / "dept.yaml"
    path.write_text(PACK.format(replacement=replacement), encoding="utf-8")
    settings = CheckerSettings(extra_packs=[path], builtin_packs=[], installed_packs=False, use_nlp=False)
    return build_checker(settings).check(text, language=language).safer_text


@pytest.mark.parametrize(("replacement", "english", "dutch"), [
    ("    replacement: {en: a dairy customer, nl: een zuivelklant}\n",
     "Big thanks to a dairy customer for the trust, see a ticket.",
     "Dank aan een zuivelklant voor het vertrouwen, zie een melding."),
    ("    replacement: {en: a dairy customer}\n",
     "Big thanks to a dairy customer for the trust, see a ticket.",
     "Dank aan een klant voor het vertrouwen, zie een melding."),
    ("    replacement: a partner\n",
     "Big thanks to a partner for the trust, see a ticket.",
     "Dank aan a partner voor het vertrouwen, zie een melding."),
    ("",
     "Big thanks to a customer for the trust, see a ticket.",
     "Dank aan een klant voor het vertrouwen, zie een melding."),
], ids=["per-language", "missing-language-gets-kind-default", "one-text-for-all", "kind-default"])
def test_safer_text_reads_in_the_posts_language(tmp_path: Path, replacement: str, english: str, dutch: str) -> None:
    assert safer(tmp_path, replacement, EN, "en") == english
    assert safer(tmp_path, replacement, NL, "nl") == dutch


def test_a_competitor_named_neutrally_stays(tmp_path: Path) -> None:
    assert safer(tmp_path, "", "Nordfracht opened a hub in Venlo.", "en") == "Nordfracht opened a hub in Venlo."


def validate(path: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["pack", "validate", str(path)], stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def test_an_unknown_language_is_named_at_its_position(tmp_path: Path) -> None:
    path = tmp_path / "dept.yaml"
    path.write_text(PACK.format(replacement="    replacement: {en: a customer, de: ein Kunde}\n"), encoding="utf-8")
    code, out = validate(path)
    assert code == 1
    assert f"{path}:8:35: 'replacement' in term group 'customers' maps a language (en, nl) to text, not 'de'" in out


def test_a_dutch_replacement_that_would_be_flagged_is_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "dept.yaml"
    path.write_text(PACK.format(replacement="    replacement: {en: a customer, nl: de klant Alpenrose Dairy}\n"),
                    encoding="utf-8")
    code, out = validate(path)
    assert code == 1
    assert f"{path}:8:35: replacement 'de klant Alpenrose Dairy' would itself be flagged by dept/customers" in out
    assert "(customer_name, nl)" in out


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_kind_default_is_itself_flagged(language: str) -> None:
    checker = build_checker(CheckerSettings(installed_packs=False, use_nlp=False))
    wordings = [d["replacement"][language] for d in TERM_KIND_DEFAULTS.values() if "replacement" in d]
    assert len(wordings) >= 5
    for wording in wordings:
        assert checker.check(f"We work with {wording}.", language=language).findings == (), wording
