"""Personal details about people: health, HR matters, dates of birth and home addresses.

These are the details that get employees into trouble: a colleague's burn-out
or dismissal shared "to explain why they're away", a birthday post with the
year, the address of a driver of the month. Under the GDPR they are personal
data, health even a special category, and it is the person they are about who
decides who hears them. So a detail counts when the post says whose it is:
another person's (block, on every channel: a colleague's health is not for a
Yammer group either), a close relative's ("my mum is in hospital": a warning,
family usually speaks with their blessing), or the writer's own (no finding
for health and HR, which are theirs to share; a warning for a full birth date
or a home address, which help identity thieves and stalkers whoever posts
them). The severities per case are data too, in each kind's YAML file.

Model-free and cheap: one RE2 scan over every trigger word decides whether
anything else runs, and nearly every post stops there. Words and cues are
data in ``resources/lexicons/personal``; this module holds only the rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.detectors.lexicon import PhraseSet, Spans, for_language
from precheck.detectors.personal_conditions import SEVERITIES, ConditionRules, Detail
from precheck.detectors.personal_people import FAMILY, GROUP, OTHER, OWN, People, PeopleCues, load_personal
from precheck.detectors.personal_shapes import Addresses, Dates, Money, Shape
from precheck.detectors.suggest import fit_case

BUILTIN_PACK = "builtin-personal"
LANGUAGES = ("en", "nl")
BIRTH_CUES = ("verb", "label", "birthday")


class _Kind:
    """The rule metadata of one kind in one language, one ``RuleMeta`` per severity it can have."""

    def __init__(self, data: Mapping[str, Any], lang: str) -> None:
        self.severity = {who: SEVERITIES[level] for who, level in data["severity"].items()}
        self.metas = {
            severity: RuleMeta(f"{BUILTIN_PACK}/{data['rule']}", Category.PII, data["kind"], severity,
                               data["message"][lang])
            for severity in Severity
        }

    def make(self, ctx: CheckContext, detail: Detail) -> Finding:
        a, b = ctx.folded.to_original(detail.start, detail.end)
        return self.metas[detail.severity].make(ctx, a, b, confidence=detail.confidence,
                                                suggestions=(detail.suggestion,))


class _Language:
    """Every personal-data rule of one language, compiled once."""

    def __init__(self, lang: str, money: Money) -> None:
        grammar, birth, address = (load_personal(n) for n in ("grammar", "birth", "address"))
        kinds = [load_personal(n) for n in ("health", "hr")]
        self.conditions = [(ConditionRules(d, grammar, lang, money), _Kind(d, lang)) for d in kinds]
        self.birth = {cue: PhraseSet(for_language(birth["cues"][cue], lang)) for cue in BIRTH_CUES}
        self.birth_kind, self.birth_window = _Kind(birth, lang), int(birth["window"])
        self.birth_prepositions = frozenset(birth["prepositions"][lang])
        self.possessives = frozenset(for_language(birth["possessives"], lang))
        self.strong = PhraseSet(for_language(address["cues"]["strong"], lang))
        self.weak = PhraseSet(for_language(address["cues"]["weak"], lang))
        self.venues = PhraseSet(for_language(address["venues"], lang))
        self.address_kind = _Kind(address, lang)
        self.address_prepositions = sorted(address["prepositions"][lang], key=len, reverse=True)
        self.directions = frozenset(address["directions"])
        self.replacement = {how: words[lang] for how, words in address["replacement"].items()}
        cues = [p for spec in (birth["cues"], address["cues"]) for words in spec.values()
                for p in for_language(words, lang)]
        self.any = PhraseSet([*cues, *(p for rules, _ in self.conditions for p in rules.triggers)])


class PersonalDetector:
    """Model-free, chunk scope: health, HR, birth dates and home addresses of people in a post."""

    id = "personal"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self) -> None:
        money = Money()
        self._langs = {lang: _Language(lang, money) for lang in LANGUAGES}
        self._people = PeopleCues()
        self._dates = Dates(load_personal("birth"))
        self._addresses = Addresses(load_personal("address"))

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        rules = self._langs.get(ctx.language, self._langs["en"])
        text = ctx.folded.text
        if not rules.any.search(text):
            return  # the fast path: no trigger, cue or pay word at all
        people = self._people.read(ctx)
        for conditions, kind in rules.conditions:
            yield from (kind.make(ctx, d) for d in conditions.details(text, people))
        yield from (rules.birth_kind.make(ctx, d) for d in self._births(text, rules, people))
        yield from (rules.address_kind.make(ctx, d) for d in self._homes(ctx, rules, people))

    def _births(self, text: str, rules: _Language, people: People) -> Iterator[Detail]:
        """Full dates a few words after a birth cue; the date goes, with what only makes sense with it."""
        cues = sorted((a, b, cue) for cue, phrases in rules.birth.items() for a, b in phrases.spans(text))
        if not cues:
            return
        for date in self._dates.find(text):
            lo, _ = people.sentence(date.start)
            near = [c for c in cues if lo <= c[0] and c[1] <= date.start
                    and len(text[c[1]:date.start].split()) <= rules.birth_window]
            severity = rules.birth_kind.severity.get(_whose(people, date))
            if near and severity is not None:
                start, end = _parenthesised(text, self._birth_start(text, rules, near[-1], date), date.end)
                yield Detail(start, end, severity, "", 0.95)

    @staticmethod
    def _birth_start(text: str, rules: _Language, cue: tuple[int, int, str], date: Shape) -> int:
        """Where the removal starts: what only makes sense with the date goes with it; a birthday stays."""
        start, end, kind = cue
        if kind == "verb":  # "born on 3 May" keeps "born"; "daughter, born 3 May" loses ", born 3 May"
            between = text[end:date.start].strip()
            if not between:
                return start
            return end + text[end:date.start].index(between) if between in rules.birth_prepositions else date.start
        if kind == "label":
            head = text[:start].rstrip(" ")
            word = head.split(" ")[-1] if head else ""
            return len(head) - len(word) if word in rules.possessives else start
        return date.start

    def _homes(self, ctx: CheckContext, rules: _Language, people: People) -> Iterator[Detail]:
        """Street addresses in a sentence that says somebody lives there."""
        text = ctx.folded.text
        strong, weak = rules.strong.spans(text), rules.weak.spans(text)
        if not strong and not weak:
            return
        venues = Spans(rules.venues.spans(text))
        for shape in self._addresses.find(ctx):
            lo, hi = people.sentence(shape.start)
            ref = people.about(shape.start, shape.end, inside=False)
            if any(lo <= a < hi for a, _ in strong):
                confidence = 0.9
            elif any(lo <= a < hi for a, _ in weak) and not venues.within(lo, hi) and ref and ref.who != GROUP:
                confidence = 0.8
            else:
                continue
            severity = rules.address_kind.severity.get(_whose(people, shape))
            if severity is not None:
                yield self._home(ctx, rules, people, shape, severity, confidence)

    @staticmethod
    def _home(ctx: CheckContext, rules: _Language, people: People, shape: Shape, severity: Severity,
              confidence: float) -> Detail:
        """The address, with the preposition before it, becomes the town or "nearby"."""
        text, start = ctx.folded.text, shape.start
        head = text[:start].rstrip(" ")
        prep = next((p for p in rules.address_prepositions if head.endswith(p)
                     and (len(head) == len(p) or not head[-len(p) - 1].isalnum())), None)
        if prep is not None:
            start = len(head) - len(prep)
        direction = prep.split()[0] if prep and prep.split()[0] in rules.directions else None
        if shape.city is not None:
            city = ctx.folded.original_slice(*shape.city)
            replacement = f"{direction} {city}" if direction else rules.replacement["with_city"].format(city=city)
        else:
            replacement = rules.replacement["after_preposition" if prep else "bare"]
        at_start = not text[people.sentence(start)[0]:start].strip()
        return Detail(start, shape.end, severity, fit_case(replacement, text[start:shape.end], at_start), confidence)


def _whose(people: People, shape: Shape) -> str:
    """Own or family when the writer says so; a date or an address of nobody in particular is somebody's."""
    ref = people.about(shape.start, shape.end, inside=False)
    return ref.who if ref is not None and ref.who in (OWN, FAMILY) else OTHER


def _parenthesised(text: str, start: int, end: int) -> tuple[int, int]:
    """"Rob (born 2 May 1985)!" loses the whole bracket, not just the date inside it."""
    opening = text.rfind("(", 0, start)
    closing = end + len(text[end:]) - len(text[end:].lstrip(" "))
    if opening == -1 or closing >= len(text) or text[closing] != ")" or ")" in text[opening:start]:
        return start, end
    if len(text[opening + 1:start].split()) > 2:
        return start, end
    return (opening - 1 if opening and text[opening - 1] == " " else opening), closing + 1
