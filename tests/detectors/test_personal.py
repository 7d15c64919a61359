"""Personal details about people: health, HR, dates of birth and home addresses.

Table-driven, English and Dutch: positives, near-misses (the writer's own
health, a company address, a birthday without the year, "warning: wet floor",
dismissal law in general, a hospital as employer), the safer text each
suggestion produces, who-is-it-about severities, channels; then the lexicon
files, the held-out set (written before any rule was tuned on the dev corpus),
the dev and peer corpora. Its speed is in benchmarks/bench_fast_tier.py ("personal").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from precheck.core.context import CheckContext
from precheck.evaluation import evaluate, expected_spans, load_jsonl

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "tests" / "fixtures" / "personal_holdout.jsonl"
LEXICONS = ROOT / "resources" / "lexicons" / "personal"
MINE = "builtin-personal/"

POSITIVE = [
    # (language, channel, text, kind, characters the finding must touch, severity)
    ("en", "public", "Get well soon Marco! He's been off for weeks with severe depression.", "health_info",
     "severe depression", "block"),
    ("en", "public", "Our planner Sophie has been diagnosed with breast cancer.", "health_info", "cancer", "block"),
    ("en", "internal", "Can someone cover Maria's shifts? She's on sick leave until Friday.", "health_info",
     "sick leave", "block"),
    ("en", "public", "Big congrats to Lisa, who is pregnant with twins!", "health_info", "pregnant", "block"),
    ("en", "public", "My mom is in the hospital after a fall, please keep her in your thoughts.", "health_info",
     "in the hospital", "warn"),
    ("nl", "internal", "Els ligt in het ziekenhuis na een zware hartoperatie.", "health_info", "hartoperatie", "block"),
    ("nl", "public", "Beterschap aan onze collega Sandra, die thuis zit met een burn-out.", "health_info", "burn-out",
     "block"),
    ("nl", "public", "Ik hoorde dat Jan een burn-out heeft.", "health_info", "burn-out", "block"),
    ("nl", "public", "Anouk is zwanger van haar tweede!", "health_info", "zwanger", "block"),
    ("en", "public", "Dave got sacked for stealing diesel, can you believe it?", "hr_info", "got sacked", "block"),
    ("en", "internal", "Heads-up: Nina is on a performance improvement plan.", "hr_info", "improvement plan", "block"),
    ("en", "public", "Fun fact: our sales director Mark earns €140k a year.", "hr_info", "earns €140k", "block"),
    ("nl", "public", "Vandaag is Kees eindelijk ontslagen na zijn derde officiële waarschuwing.", "hr_info",
     "ontslagen", "block"),
    ("nl", "internal", "Henk heeft een officiële waarschuwing gekregen omdat hij te laat kwam.", "hr_info",
     "officiële waarschuwing", "block"),
    ("nl", "public", "Petra verdient €4.800 bruto per maand.", "hr_info", "verdient", "block"),
    ("en", "public", "Happy 40th to Rob Dekker (born 2 May 1985)!", "date_of_birth", "2 May 1985", "block"),
    ("en", "internal", "New starter: Tim Okafor, DOB 05/11/1998, starts Monday.", "date_of_birth", "05/11/1998",
     "block"),
    ("en", "public", "Fun fact: I was born on 12 March 1990, same day as my boss.", "date_of_birth", "12 March 1990",
     "warn"),
    ("nl", "public", "Onze stagiair Lars is geboren op 3 januari 2004.", "date_of_birth", "3 januari 2004", "block"),
    ("nl", "internal", "Voor de kalender: Sanne de Wit, geboortedatum 17-08-1992.", "date_of_birth", "17-08-1992",
     "block"),
    ("en", "public", "Our CFO lives at 221 Oakwood Avenue, see his new car from the street.", "home_address",
     "221 Oakwood Avenue", "block"),
    ("en", "public", "BBQ at Joanne's place: 14 Birch Lane, Harrogate.", "home_address", "14 Birch Lane", "block"),
    ("en", "public", "Drop by, I live at 5 Elm Street now.", "home_address", "5 Elm Street", "warn"),
    ("nl", "public", "Bloemen sturen? Femke woont op de Lindenlaan 27 in Amersfoort.", "home_address",
     "Lindenlaan 27", "block"),
    ("nl", "internal", "Zijn adres is Kerkstraat 8, 3511 AB Utrecht.", "home_address", "Kerkstraat 8", "block"),
]

NEGATIVE = [
    # the writer's own health and HR story is theirs to tell
    ("en", "I had a burnout last year and I'm finally back at work."),
    ("en", "Two years ago I was diagnosed with cancer. Today I rang the bell after my last chemo."),
    ("en", "Sorry for the late reply, I've been off sick all week."),
    ("en", "Got a written warning from my manager today, not my best week."),
    ("nl", "Na mijn burn-out vorig jaar werk ik weer volledig."),
    ("nl", "Ik zit sinds maart thuis met een burn-out, maar het gaat beter."),
    # company and venue addresses
    ("en", "Our new office opens on Monday at 45 Queen Street, Edinburgh."),
    ("en", "Our office moved to 1 Canal Street, Manchester."),
    ("nl", "De open dag is bij ons distributiecentrum aan de Industrieweg 12 in Tilburg."),
    ("nl", "Het nieuwe kantoor zit aan de Stationsweg 4 in Leiden."),
    ("en", "He lives 3 doors down the road from the depot."),
    # birthdays without a year, historical people
    ("en", "Happy birthday to Maria, born on the 4th of July like a firework!"),
    ("nl", "Jarig vandaag: onze collega Henk! De taart staat in de kantine."),
    ("nl", "Mijn opa is vandaag 90 geworden, geboren in 1934 in Rotterdam."),
    ("en", "Einstein was born on 14 March 1879 in Ulm."),
    # HR words in their everyday or general sense
    ("en", "Warning: wet floor near dock 4 after this morning's cleaning."),
    ("en", "Jake was fired up after the match and wouldn't stop talking."),
    ("en", "Reminder: performance reviews are due by Friday."),
    ("en", "Drivers in our region earn about €2,600 a month."),
    ("en", "The minister said people can no longer be fired for being sick."),
    ("nl", "Volgens de nieuwe wet mogen werknemers in de proeftijd niet zomaar ontslagen worden."),
    ("nl", "Het UWV zegt dat je bij ziekte niet zomaar ontslagen mag worden."),
    ("nl", "Collega Ruud is met pensioen gegaan na 40 jaar trouwe dienst."),
    # health as a topic, a workplace or a delivery address
    ("en", "Proud to share that I'm starting as a coordinator at St. Mary's Hospital!"),
    ("en", "I work as a nurse in the hospital and love my team."),
    ("en", "Burnout is a real problem in logistics, talk to your manager if you feel it coming."),
    ("en", "Mental health matters: our company offers free therapy sessions to every employee."),
    ("en", "The heart attack risk for truck drivers is higher than average, says a new study."),
    ("nl", "Vandaag medische apparatuur afgeleverd bij het ziekenhuis in Breda."),
    ("nl", "Op onze website lees je wat je moet doen als je je ziek meldt."),
    ("nl", "Wat een griepgolf op kantoor, de helft van het team ligt plat."),
    ("en", "He got fired. Anyway, who wants coffee?"),  # nobody named: not identifiable
    # everyday senses found while probing
    ("en", "Jan takes a very disciplined approach to route planning. Respect!"),
    ("en", "The rehab of the old warehouse in Venlo is finally finished!"),
    ("en", "Our star striker Mo was suspended for two matches after a red card."),
    ("nl", "Onze spits Mo is geschorst na een rode kaart."),
    ("en", "Lisa got the flu shot at the office today, quick and painless."),
    ("en", "Jake was fired up after the match and wouldn't stop talking."),
    ("en", "Jan made €2,000 for the food bank with his sponsored run!"),
    ("en", "Tom got a warning from the police for speeding, he says it wasn't him."),
    ("en", "Jan visited the children in the hospital as Santa. Legend."),
    ("nl", "Sanne is in verwachting van een drukke week met de kerstpiek."),
    ("nl", "Onze vestiging in Venlo is geopereerd als een startup."),
    ("en", "Our new sick leave policy gives everyone two extra days."),
    ("en", "Our office moved to 1 Canal Street, Manchester."),
    ("en", "Kevin's address to the team at the town hall was inspiring."),
]

SAFER = [
    ("nl", "Els ligt in het ziekenhuis na een zware hartoperatie.", "Els is er even niet."),
    ("en", "Send good vibes to Marco: he's been off for weeks with severe depression.",
     "Send good vibes to Marco: he's been unwell."),
    ("nl", "Beterschap aan Sandra, die thuis zit met een burn-out. We missen je!",
     "Beterschap aan Sandra, die er even niet is. We missen je!"),
    ("nl", "Hij is opgenomen met een hartinfarct. Duim voor hem!",
     "Hij is opgenomen met een hartinfarct. Duim voor hem!"),  # nobody named: not identifiable
    ("nl", "Pieter kon er niet bij zijn. Hij is opgenomen met een hartinfarct, dus duim voor hem.",
     "Pieter kon er niet bij zijn. Hij is er even niet, dus duim voor hem."),
    ("nl", "Vandaag is Kees eindelijk ontslagen na zijn derde officiële waarschuwing.",
     "Vandaag is Kees eindelijk uit dienst."),
    ("en", "Finally! Gary got fired today after months of showing up late.", "Finally! Gary left the company."),
    ("en", "Second written warning for Kevin. Maybe he'll learn.", "Maybe he'll learn."),
    ("nl", "Onze stagiair Lars is geboren op 3 januari 2004 en rijdt al heftruck.",
     "Onze stagiair Lars is geboren en rijdt al heftruck."),
    ("en", "Happy 40th to Rob (born 2 May 1985)! Cake at three.", "Happy 40th to Rob! Cake at three."),
    ("en", "New starter: Tim, DOB 05/11/1998, starts Monday.", "New starter: Tim, starts Monday."),
    ("en", "Wim lives around the corner from the depot at Havenstraat 12, Dordrecht.",
     "Wim lives around the corner from the depot in Dordrecht."),
    ("nl", "Joost is verhuisd naar de Kerkweg 3 in Gouda.", "Joost is verhuisd naar Gouda."),
    ("en", "Our CFO lives at 221 Oakwood Avenue and drives a Tesla.", "Our CFO lives nearby and drives a Tesla."),
    ("nl", "Eva gaat met zwangerschapsverlof, Tom neemt haar klanten over.",
     "Eva gaat met verlof, Tom neemt haar klanten over."),
    ("en", "Can someone cover Maria's shifts? She's on sick leave after her miscarriage.",
     "Can someone cover Maria's shifts? She's on leave."),
    ("en", "Marco is in hospital with a heart attack 😢 get well soon!", "Marco is unwell 😢 get well soon!"),
]


def _mine(report):
    return [f for f in report.findings if f.rule.startswith(MINE)]


@pytest.mark.parametrize(("lang", "channel", "text", "kind", "expected", "severity"), POSITIVE)
def test_finds_personal_details(checker, lang, channel, text, kind, expected, severity) -> None:
    report = checker.check(text, language=lang, channel=channel)
    at = text.index(expected)
    hits = [f for f in _mine(report) if f.kind == kind and f.start < at + len(expected) and at < f.end]
    assert hits, [(f.kind, f.text) for f in report.findings]
    for f in hits:
        assert text[f.start:f.end] == f.text
        assert f.category.value == "pii" and f.severity.value == severity
        assert f.message and f.suggestions
        assert expected not in report.safer_text


@pytest.mark.parametrize(("lang", "text"), NEGATIVE)
def test_leaves_near_misses_alone(checker, lang: str, text: str) -> None:
    assert [(f.kind, f.text) for f in _mine(checker.check(text, language=lang))] == []


@pytest.mark.parametrize(("lang", "text", "safer"), SAFER)
def test_suggestions_say_it_neutrally(checker, lang: str, text: str, safer: str) -> None:
    assert checker.check(text, language=lang).safer_text == safer


@pytest.mark.parametrize("channel", ["public", "internal"])
def test_colleagues_details_block_on_every_channel(checker, channel: str) -> None:
    report = checker.check("Marco is in hospital with a heart attack.", language="en", channel=channel)
    assert [f.severity.value for f in _mine(report)] == ["block"]
    assert report.verdict.value == "block"


@pytest.mark.parametrize(("lang", "text"), [("en", "Marco is in hospital."), ("nl", "Els ligt in het ziekenhuis.")])
def test_messages_speak_the_posts_language(checker, lang: str, text: str) -> None:
    (finding,) = _mine(checker.check(text, language=lang))
    assert ("AVG" in finding.message) == (lang == "nl") and ("GDPR" in finding.message) == (lang == "en")


def test_fast_path_reads_nobody_without_a_trigger(monkeypatch) -> None:
    from precheck.detectors.personal import PersonalDetector
    from precheck.detectors.personal_people import PeopleCues

    detector = PersonalDetector()
    monkeypatch.setattr(PeopleCues, "read", lambda *_: pytest.fail("people were read without a trigger"))
    assert list(detector.detect(CheckContext("Great day at the Antwerp dock with the team!", "en", "public"))) == []
    assert list(detector.detect(CheckContext("", "nl", "public"))) == []


def test_who_a_sentence_is_about() -> None:
    from precheck.detectors.personal_people import PeopleCues

    text = "He left. Can someone cover Maria's shifts? She's away. My mother and our daughter Emma say hi."
    people = PeopleCues().read(CheckContext(text, "en", "public"))
    who = {text[r.start:r.end]: r.who for r in people.refs}
    assert who == {"someone": "group", "Maria's": "other", "She": "other", "My mother": "family",
                   "our daughter Emma": "family"}  # "He" has nobody named before it


def _leaves(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, f"{path}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, path)
    else:
        yield path, node


@pytest.mark.parametrize("name", ["people", "grammar", "health", "hr", "birth", "address"])
def test_lexicons_are_words_in_both_languages(name: str) -> None:
    """Bare YAML words like on, no and yes load as booleans; every phrase must stay a string."""
    data = yaml.safe_load((LEXICONS / f"{name}.yaml").read_text(encoding="utf-8"))
    numbers = {"window", "max_age", "remove", "needs_money", "needs_period"}
    assert [p for p, v in _leaves(data) if not isinstance(v, str) and p.rsplit("/", 1)[-1] not in numbers] == []
    if "message" in data:
        assert set(data["message"]) == {"en", "nl"}


def test_holdout_scores(checker) -> None:
    """Written before any rule was tuned on the dev corpus; first run: recall 0.969, precision 1.000."""
    result = evaluate(load_jsonl(HOLDOUT), checker, categories=["pii"])
    score = result.scores["pii"]
    print(f"held-out: recall {score.recall:.3f} precision {score.precision:.3f}", score.misses, score.false_alarms)
    assert score.recall >= 0.95 and score.precision >= 0.95, (score.misses, score.false_alarms)


def test_dev_corpus_personal_labels(checker, dev_dir: Path) -> None:
    """Every health, HR, birth-date and address label is caught, and nothing else gets such a finding."""
    kinds = {"health_info", "hr_info", "date_of_birth", "home_address"}
    caught, missed, alarms = 0, [], []
    for record in load_jsonl(dev_dir / "posts.jsonl"):
        report = checker.check(record["text"], language=record["lang"], channel=record["channel"])
        labels = [(a, b) for cat, kind, a, b in expected_spans(record) if cat == "pii" and kind in kinds]
        for a, b in labels:
            hit = any(f.start < b and a < f.end for f in _mine(report))
            caught += hit
            missed += [] if hit else [record["id"]]
        alarms += [f"{record['id']}: {f.text}" for f in _mine(report)
                   if not any(f.start < b and a < f.end for a, b in labels)]
    assert (caught, missed, alarms) == (5, [], [])


def test_peer_corpora_hold_no_personal_details(checker, peers_dir: Path) -> None:
    """Nothing in the peers' texts, in either language, except one colleague's stroke that is really there."""
    found = set()
    for path in sorted(peers_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for lang in ("en", "nl"):
                if _mine(checker.check(record["text"], language=lang)):
                    found.add(record["id"])
    assert found == {"cuss-36"}  # "Our colleague is recovering well after a stroke"
