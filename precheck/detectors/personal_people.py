"""Who a sentence is about: the writer, their family, another identifiable person, or nobody.

A health condition, a dismissal or a birth date is personal data only when it
points at somebody. A reader finds that somebody the way this module does:
the nearest person mentioned before the detail ("Marco ... he's been off"),
a name being a capitalised word, a pronoun counting only when somebody was
named just before it. "I", "we" and "our" are the writer's own circle;
"people", "you" and "every employee" are nobody in particular.

Without a parser this is a heuristic on purpose: the fast tier must answer in
milliseconds and Dutch has no parser at all. The words are data in
``resources/lexicons/personal/people.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from precheck.core.context import CheckContext
from precheck.detectors.figures import to_folded
from precheck.detectors.lexicon import PhraseSet, Spans, for_language, load_lexicon, sentence_of, sentences

OWN, FAMILY, OTHER, GROUP = "own", "family", "other", "group"
_ANTECEDENT_SENTENCES = 2
# A word as typed: letters with inner hyphens or apostrophes ("Jan-Willem", "O'Brien", "Maria's").
_WORD = re.compile(r"[@#]?[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_STARTERS = frozenset(".!?:;\n\"“‘(…-–—•*")


def load_personal(name: str) -> dict[str, Any]:
    """One YAML file of ``resources/lexicons/personal``; read once per process."""
    return load_lexicon(name, "personal")


@dataclass(frozen=True, slots=True)
class Ref:
    """A mention of somebody, in folded-text offsets; ``who`` is own, family, other or group."""

    start: int
    end: int
    who: str


@dataclass(frozen=True)
class People:
    """Everybody mentioned in one text, in text order, with its sentences."""

    sentences: list[tuple[int, int]]
    refs: list[Ref]

    def sentence(self, position: int) -> tuple[int, int]:
        return sentence_of(self.sentences, position)

    def about(self, start: int, end: int, inside: bool = True) -> Ref | None:
        """The mention a detail at ``[start, end)`` is about: the nearest one before it, else after it.

        ``inside`` lets a mention within the detail count ("fired him"); the capitals of a
        street name or a month are no people, so addresses and dates pass False.
        """
        lo, hi = self.sentence(start)
        before = [r for r in self.refs if lo <= r.start and (r.start < end if inside else r.end <= start)]
        if before:
            return before[-1]
        return next((r for r in self.refs if end <= r.start < hi), None)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _bare(word: str) -> str:
    """'Maria's' -> 'maria': the possessive is the same person."""
    lowered = word.lower()
    return lowered[:-2] if lowered.endswith(("'s", "’s")) else lowered


class _Language:
    """The mention phrases of one language, compiled once."""

    def __init__(self, data: Mapping[str, Any], lang: str) -> None:
        def phrases(key: str) -> list[str]:
            return for_language(data.get(key), lang)

        family = "|".join(w for w in phrases("family") if " " not in w)
        own_poss, other_poss = "|".join(phrases("family_possessive")), "|".join(phrases("other_possessive"))
        self.sets = {
            OWN: PhraseSet(phrases("first_person")),
            FAMILY: PhraseSet([f"{own_poss} {family}"]),
            OTHER: PhraseSet([*phrases("person"), f"{other_poss} {family}"]),
            GROUP: PhraseSet(phrases("group")),
        }
        self.pronouns = PhraseSet(phrases("pronoun"))


class PeopleCues:
    """Reads who a text mentions; one instance per detector, shared by every chunk."""

    def __init__(self) -> None:
        data = load_personal("people")
        self._langs = {lang: _Language(data, lang) for lang in ("en", "nl")}
        self._not_names = frozenset(data["not_names"])
        self._first_names = frozenset(data["first_names"])
        self._titles = frozenset(data["titles"])
        self._places = frozenset(data["place_prepositions"])

    def read(self, ctx: CheckContext) -> People:
        text = ctx.folded.text
        lang = self._langs.get(ctx.language, self._langs["en"])
        bounds = sentences(text)
        spans = [(a, b, who) for who, phrases in lang.sets.items() for a, b in phrases.spans(text)]
        said = Spans((a, b) for a, b, _ in spans)
        spans += [(a, b, OTHER) for a, b in self._names(ctx) if not said.within(a, b)]  # "I've" is no name
        refs = _absorb_names(_outermost(spans), text)
        taken = Spans((r.start, r.end) for r in refs)
        pronouns = [(a, b) for a, b in lang.pronouns.spans(text) if not taken.covering(a, b)]
        return People(bounds, sorted([*refs, *_resolved(pronouns, refs, bounds)], key=lambda r: r.start))

    def _names(self, ctx: CheckContext) -> Iterable[tuple[int, int]]:
        """Capitalised words that are names, in folded offsets (found on the normalised text, which
        keeps case: "Ｍarco" in full-width letters is Marco)."""
        text, norm = ctx.norm.text, ctx.norm
        words = [m for m in _WORD.finditer(text) if not m.group().startswith("#")]
        mid = {_bare(m.group()) for m in words if _capitalised(m.group()) and not self._starts(text, m.start())}
        for i, m in enumerate(words):
            word = m.group()
            if word.startswith("@"):
                yield to_folded(ctx.folded, *norm.to_original(m.start(), m.end()))
                continue
            key = _bare(word)
            if not _capitalised(word) or key in self._not_names or len(key) < 2:
                continue
            if i > 0 and words[i - 1].group().lower() in self._places and text[words[i - 1].end():m.start()] == " ":
                continue
            if self._starts(text, m.start()) and not self._sure(words, i, key, mid):
                continue
            yield to_folded(ctx.folded, *norm.to_original(m.start(), m.end()))

    @staticmethod
    def _starts(text: str, position: int) -> bool:
        """At the start of a sentence or line, where every word is capitalised."""
        before = text[:position].rstrip(" \t")
        return not before or before[-1] in _STARTERS

    def _sure(self, words: list[re.Match[str]], i: int, key: str, mid: set[str]) -> bool:
        """A sentence-initial capital is a name if it is a known first name, follows a title, has a
        surname, or recurs capitalised in mid-sentence."""
        if key in mid or any(part in self._first_names for part in key.split("-")):  # "Jan-Willem"
            return True
        if i > 0 and words[i - 1].group().lower() in self._titles:
            return True
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        return _capitalised(nxt) and _bare(nxt) not in self._not_names


def _outermost(spans: list[tuple[int, int, str]]) -> list[Ref]:
    """Mentions not inside a longer one: "my mother" is family, not "my"; "every colleague" is a group."""
    def inside(a: int, b: int, other: tuple[int, int, str]) -> bool:
        return other[0] <= a and b <= other[1] and other[1] - other[0] > b - a

    kept = {(a, b): who for a, b, who in spans if not any(inside(a, b, o) for o in spans)}
    return sorted((Ref(a, b, who) for (a, b), who in kept.items()), key=lambda r: r.start)


def _absorb_names(refs: list[Ref], text: str) -> list[Ref]:
    """A name right after a mention is that mention: "my daughter Emma", "onze collega Sandra"."""
    out: list[Ref] = []
    for ref in refs:
        prev = out[-1] if out else None
        if prev and prev.who == FAMILY and ref.who == OTHER and not text[prev.end:ref.start].strip():
            out[-1] = Ref(prev.start, ref.end, FAMILY)
            continue
        out.append(ref)
    return out


def _resolved(pronouns: Iterable[tuple[int, int]], refs: list[Ref], bounds: list[tuple[int, int]]) -> list[Ref]:
    """Pronouns that point back at somebody named in this or the two sentences before."""
    starts = [s for s, _ in bounds]
    out = []
    for start, end in pronouns:
        here = max(bisect.bisect_right(starts, start) - 1, 0)
        floor = bounds[max(here - _ANTECEDENT_SENTENCES, 0)][0] if bounds else 0
        named = [r for r in refs if floor <= r.start < start and r.who in (OTHER, FAMILY)]
        if named:
            out.append(Ref(start, end, named[-1].who))
    return out
