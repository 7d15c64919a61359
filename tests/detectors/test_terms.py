"""Company terms from rule packs: every way people write a term, and every way they don't.

Two packs: ``tests/fixtures/packs/acme-terms.yaml`` (modelled on issue 3's
example) and the dev corpus org pack. Each row checks the exact span, the
channel rule, the suggestion and that the safer text no longer carries the term.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from precheck.core.errors import PackError
from precheck.core.normalize import normalize
from precheck.detectors.term_views import build_view
from precheck.detectors.terms import fit_replacement
from precheck.evaluation import evaluate, load_jsonl
from precheck.rulepacks.loader import TERM_KINDS, load_pack
from precheck.service import CheckerSettings, build_checker

PACKS = Path(__file__).resolve().parent.parent / "fixtures" / "packs"
ACME = PACKS / "acme-terms.yaml"


def _checker(pack: Path):
    """The real service path with only the pack under test: other packs' findings could
    legitimately win an overlap, and a half-edited shipped pack must not fail these tests.

    Competitor mentions are context the policies build on, not findings of their own; these
    tests look at the matching itself, so they keep them visible.
    """
    checker = build_checker(CheckerSettings(extra_packs=[pack], builtin_packs=[], use_nlp=False))
    checker.context_kinds = frozenset()
    return checker


def test_a_bare_competitor_mention_is_fine_but_disparaging_one_is_not(dev_dir: Path):
    checker = build_checker(CheckerSettings(extra_packs=[dev_dir / "org-pack.yaml"]))
    neutral = checker.check("Congrats to Swiftlane on their new hub in Venlo!", language="en")
    assert neutral.verdict.value == "ok" and not neutral.findings
    rude = checker.check("Swiftlane are clueless amateurs, their tracking is a joke.", language="en")
    assert rude.verdict.value != "ok"
    assert any(f.category.value == "policy" and "competitor" in f.kind for f in rude.findings)


@pytest.fixture(scope="module")
def acme():
    return _checker(ACME)


@pytest.fixture(scope="module")
def org(dev_dir: Path):
    return _checker(dev_dir / "org-pack.yaml")


def _terms(report, pack_id: str):
    return [f for f in report.findings if f.rule.startswith(pack_id + "/")]


def _assert_found(checker, pack_id, text, lang, channel, expected):
    report = checker.check(text, language=lang, channel=channel)
    found = _terms(report, pack_id)
    assert [(f.kind, f.text) for f in found] == expected, text
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.suggestions, f"{f.rule} gives no suggestion"
        assert f.text not in report.safer_text
    again = checker.check(report.safer_text, language=lang, channel=channel)
    assert not _terms(again, pack_id), f"safer text still names a term: {report.safer_text!r}"


ACME_POSITIVE = [
    # any case, whitespace and punctuation variants, line breaks
    ("Project Falcon launches next week.", "en", [("codename", "Project Falcon")]),
    ("Proud of the PROJECT FALCON crew today", "en", [("codename", "PROJECT FALCON")]),
    ("quick update: project falcon is on track", "en", [("codename", "project falcon")]),
    ("Kickoff for Project  Falcon went well", "en", [("codename", "Project  Falcon")]),
    ("Morgen de demo van Project-Falcon!", "nl", [("codename", "Project-Falcon")]),
    ("The plan for Project\nFalcon is ready", "en", [("codename", "Project\nFalcon")]),
    ("Trots op het team #ProjectFalcon", "nl", [("codename", "ProjectFalcon")]),
    # possessives, inflection, compounds with a project word
    ("Project Falcon's launch date moved", "en", [("codename", "Project Falcon")]),
    ("Project Falcon’s first pilot", "en", [("codename", "Project Falcon")]),
    ("Het Falcon-team viert vandaag feest", "nl", [("codename", "Falcon")]),
    ("Het Falconproject loopt uit, helaas", "nl", [("codename", "Falconproject")]),
    ("Deze week zit ik in de Falcon project room", "nl", [("codename", "Falcon project")]),
    ("Falcon-2 is almost ready for the road", "en", [("codename", "Falcon-2")]),
    ("Falcon 2 draait al in Venlo", "nl", [("codename", "Falcon 2")]),
    ("Een update van operatie Lantern volgt", "nl", [("codename", "operatie Lantern")]),
    ("The Beacons are lit, says the board", "en", [("codename", "Beacons")]),
    ("Beacon's budget doubled", "en", [("codename", "Beacon")]),
    # separators inside the word, digits for letters, invisible and look-alike characters
    ("Not allowed to say it, but Project F.a.l.c.o.n is big", "en", [("codename", "Project F.a.l.c.o.n")]),
    ("Binnenkort: Project F a l c o n in Venlo", "nl", [("codename", "Project F a l c o n")]),
    ("Project F-a-l-c-o-n rolls out today", "en", [("codename", "Project F-a-l-c-o-n")]),
    ("F.a.l.c.o.n-2 is bijna klaar", "nl", [("codename", "F.a.l.c.o.n-2")]),
    ("Pr0ject F4lc0n just went live", "en", [("codename", "Pr0ject F4lc0n")]),
    ("Big day for Project Fal\u200bcon", "en", [("codename", "Project Fal\u200bcon")]),
    ("Big day for Project F\u0430lcon", "en", [("codename", "Project F\u0430lcon")]),
    ("Ｐｒｏｊｅｃｔ Ｆａｌｃｏｎ is live", "en", [("codename", "Ｐｒｏｊｅｃｔ Ｆａｌｃｏｎ")]),
    # single distinctive words: alone, inflected, compounded, split at their own humps
    ("De DockSense-sensoren hangen al", "nl", [("unreleased_product", "DockSense")]),
    ("Alle DockSensesensoren zijn binnen", "nl", [("unreleased_product", "DockSensesensoren")]),
    ("RouteMind's first users love it", "en", [("unreleased_product", "RouteMind")]),
    ("we testen routemind bij twee klanten", "nl", [("unreleased_product", "routemind")]),
    ("Two KestrelRoutes planned overnight", "en", [("unreleased_product", "KestrelRoutes")]),
    ("Testing Dock-Sense at the dock", "en", [("unreleased_product", "Dock-Sense")]),
    ("Testing Dock Sense at the dock", "en", [("unreleased_product", "Dock Sense")]),
    ("Wie wil Blu3f1n testen?", "nl", [("unreleased_product", "Blu3f1n")]),
    # customer names: whole, any case, possessive, the distinctive part written as a name
    ("Eerste levering aan Hollandia Foods zit erop", "nl", [("customer_name", "Hollandia Foods")]),
    ("300 pallets voor hollandia foods gelost", "nl", [("customer_name", "hollandia foods")]),
    ("Spent the day at Hollandia in Breda", "en", [("customer_name", "Hollandia")]),
    ("Cleaning up Alpenrose Dairy's labels again", "en", [("customer_name", "Alpenrose Dairy")]),
    # competitors (policy) and hosts, with the whole host name reported
    ("Swiftlane is hiring planners", "en", [("competitor", "Swiftlane")]),
    ("Meridian Express opent een hub in Luik", "nl", [("competitor", "Meridian Express")]),
    ("ssh into build-srv-07.acme.local now", "en", [("internal_host", "build-srv-07.acme.local")]),
    ("HR-pagina staat op wiki.acme.internal/hr", "nl", [("internal_host", "wiki.acme.internal")]),
    ("Migrated deploy.acme.local.", "en", [("internal_host", "deploy.acme.local")]),
    ("ACME-SECRET, but here goes", "en", [("internal_term", "ACME-SECRET")]),
    ("Staat op onze Tier-0 list", "nl", [("internal_term", "Tier-0 list")]),
]

ACME_NEGATIVE = [
    ("A falcon circled over the dunes this morning", "en"),
    ("Een slechtvalk, in het Engels falcon, broedt op de kerktoren", "nl"),
    ("the falcon team of the zoo did a great show", "en"),
    ("Falcon 3 is out, says the games press", "en"),
    ("Falcon-20 jets at the airshow", "en"),
    ("Our project. Falcons are fast birds", "en"),
    ("The project, falcon or not, is done", "en"),
    ("Falconry is an old craft", "en"),
    ("Beaconing is a network feature; Beaconsfield is a town", "en"),
    ("Good dock sense matters on a night shift", "en"),
    ("kestrel route maps for birders", "en"),
    ("hollandia is a nice word", "en"),
    ("Bluefintonijn op het menu", "nl"),
    ("acme local news and acme.localhost tests", "en"),
    ("ACME rocks, and a secret is a secret", "en"),
    ("De operatie was geslaagd, de lantaarn brandt", "nl"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), ACME_POSITIVE)
def test_acme_terms_found(acme, text, lang, expected):
    _assert_found(acme, "acme-confidential", text, lang, "public", expected)


@pytest.mark.parametrize(("text", "lang"), ACME_NEGATIVE)
def test_acme_ordinary_words_left_alone(acme, text, lang):
    report = acme.check(text, language=lang, channel="public")
    assert _terms(report, "acme-confidential") == []


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        ("Project Falcon standup at ten", "internal", []),
        ("Project Falcon standup at ten", "public", [("codename", "Project Falcon")]),
        ("Operation Lantern: wie zit erin?", "internal", [("codename", "Operation Lantern")]),
        ("DockSense beta testers wanted", "internal", []),
        ("Swiftlane opens a hub", "internal", [("competitor", "Swiftlane")]),
        ("jira is down on wiki.acme.internal", "internal", []),
    ],
)
def test_channels_are_honoured(acme, text, channel, expected):
    report = acme.check(text, language="en", channel=channel)
    assert [(f.kind, f.text) for f in _terms(report, "acme-confidential")] == expected


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Project Falcon launches next week.", "A new project"),
        ("Proud of Project Falcon today", "a new project"),
        ("Proud of the Project Falcon crew", "new project"),
        ("Done. Hollandia Foods signed!", "A customer"),
        ("Trots op onze Hollandia Foods", "customer"),
    ],
)
def test_suggestion_reads_well_in_place(acme, text, suggestion):
    (finding,) = _terms(acme.check(text, language="en", channel="public"), "acme-confidential")
    assert finding.suggestions == (suggestion,)


def test_fit_replacement_keeps_unarticled_replacements():
    assert fit_replacement("strong growth", "the X", 4, 5) == "strong growth"
    assert fit_replacement("", "X is", 0, 1) == ""


ORG_CASES = [
    ("Trots op het team van Project Bluefin!", "nl", "public", [("codename", "Project Bluefin")]),
    ("Voor iedereen in Project Bluefin: stuurgroep op dinsdag", "nl", "internal", []),
    ("Gisteren de stuurgroep van PROJECT KESTREL bijgewoond.", "nl", "public", [("codename", "PROJECT KESTREL")]),
    ("Pr0ject K3str3l just finished its first pilot", "en", "public", [("codename", "Pr0ject K3str3l")]),
    ("Not allowed to name it: Project B.l.u.e.f.i.n is big", "en", "public",
     [("codename", "Project B.l.u.e.f.i.n")]),
    ("Goed nieuws van het F l e e t P u l s e 3-team", "nl", "public",
     [("unreleased_product", "F l e e t P u l s e 3")]),
    ("FleetPulse 2 has been live for six months", "en", "public", []),
    ("Testing D\u043eckSense at the Antwerp dock", "en", "public", [("unreleased_product", "D\u043eckSense")]),
    ("Vandaag 300 pallets voor brightwater retail gelost", "nl", "public",
     [("customer_name", "brightwater retail")]),
    ("Reminder for the Project Tidewater deal team", "en", "internal",
     [("codename", "Project Tidewater deal")]),
    ("postgres://u:p@wms-prod-01.nwl.local:5432/wms", "en", "public",
     [("internal_host", "wms-prod-01.nwl.local")]),
    ("A kestrel hovered over the grass for a minute", "en", "public", []),
    ("in het Engels heet zo'n vogel trouwens een kestrel", "nl", "public", []),
    ("Kestrel sprint demo on Thursday", "en", "internal", []),
    ("Thanks to everyone who joined our lantern walk", "en", "public", []),
    ("Blauwvintonijn, makreel en heel veel zeewier", "nl", "public", []),
]


@pytest.mark.parametrize(("text", "lang", "channel", "expected"), ORG_CASES)
def test_dev_org_pack(org, text, lang, channel, expected):
    _assert_found(org, "northwind-logistics", text, lang, channel, expected)


class _TermsOnly:
    """The checker with only term findings, so other detectors do not blur the score."""

    def __init__(self, checker):
        self.checker = checker

    def check(self, text, **kwargs):
        report = self.checker.check(text, **kwargs)
        return replace(report, findings=tuple(f for f in report.findings if f.kind in TERM_KINDS))


def test_dev_corpus_term_scores(org, dev_dir):
    """Company-term kinds of the dev corpus; competitor labels only mark disparaging mentions.

    The term detector reports every competitor mention (what the pack asks);
    whether a mention disparages is the tone detector's call, so competitor
    precision is floored low on purpose and printed for the record.
    """
    records = []
    for record in load_jsonl(dev_dir / "posts.jsonl"):
        expect = [e for e in record["expect"] if e["kind"] in TERM_KINDS or e["kind"].startswith("competitor")]
        records.append({**{k: v for k, v in record.items() if k != "verdict"}, "expect": expect})
    result = evaluate(records, _TermsOnly(org), ["confidential", "policy"])
    print("\n".join(result.lines()))
    confidential, competitor = result.scores["confidential"], result.scores["policy"]
    print("misses:", confidential.misses + competitor.misses)
    print("false alarms:", confidential.false_alarms + competitor.false_alarms)
    assert confidential.recall >= 0.95 and confidential.precision >= 0.95
    assert competitor.recall >= 0.95 and competitor.precision >= 0.5


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("broken-empty-values.yaml", (7, 5), "empty"),
        ("broken-unknown-key.yaml", (7, 5), "did you mean 'replacement'"),
        ("broken-severity.yaml", (6, 5), "must be one of block, warn, info"),
        ("broken-yaml.yaml", (8, 3), "not valid YAML"),
        ("broken-no-letters.yaml", (9, 9), "no letter or digit"),
    ],
)
def test_broken_term_pack_names_file_line_column(name, where, words):
    path = PACKS / name
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert caught.value.code == "E200"
    located = [re.match(rf"{re.escape(str(path))}:(\d+):(\d+): (.*)", p) for p in caught.value.problems]
    assert all(located), caught.value.problems
    assert any((int(m[1]), int(m[2])) == where and words in m[3] for m in located), caught.value.problems


def test_valid_fixture_pack_loads():
    pack = load_pack(ACME)
    assert {t.meta.kind for t in pack.terms} == set(TERM_KINDS)


@given(st.text(alphabet=st.sampled_from("Fa1c0n .-_'\u200b\u0430Ｆß\n,é"), max_size=40))
def test_view_maps_every_letter_back_to_the_original(text):
    view = build_view(normalize(text))
    assert len(view.text) == len(view.index) == len(view.gap) - 1
    for i in range(len(view.text)):
        a, b = view.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)
        assert any(c.isalnum() for c in text[a:b])
