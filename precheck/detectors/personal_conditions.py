"""Health and HR details about a person, and the neutral wording that replaces them.

A detail counts when its sentence is about somebody identifiable other than
the writer (``personal_people``). What replaces it is what a considerate
colleague would write: "Els ligt in het ziekenhuis na een zware hartoperatie"
becomes "Els is er even niet", "Kees is ontslagen na zijn derde waarschuwing"
becomes "Kees is uit dienst". Without a parser the rewrite starts at the verb
between the person and the detail and runs to the end of the clause, and a
reason given after it ("na ...", "because ...") goes too, since the reason is
often the most private part. Warnings, reviews and pay have no neutral
wording; their sentence is suggested for removal. Words live in
``resources/lexicons/personal/{health,hr,grammar}.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from precheck.core.model import Severity
from precheck.detectors.lexicon import PhraseSet, for_language
from precheck.detectors.personal_people import GROUP, People, Ref
from precheck.detectors.personal_shapes import Money
from precheck.detectors.suggest import fit_case

VERB_REACH = 6  # words between the verb and the detail ("'s been off for three weeks with")
MONEY_REACH = 8  # words between a pay word and its amount
_WORDS = re.compile(r"\w+")
# A clause ends at a pause, a bracket, a dash, or an emoji ("heart attack 😢 get well soon").
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\(|\s[-–—]\s|\s?[\U0001F300-\U0001FAFF\u2600-\u27BF]|$")
_TRAILING = " \t\n.!?…\"'”’)"
SEVERITIES = {"block": Severity.BLOCK, "warn": Severity.WARN, "info": Severity.INFO, "none": None}


@dataclass(frozen=True, slots=True)
class Detail:
    """A span of personal data in folded offsets, how serious it is for whom, and its replacement."""

    start: int
    end: int
    severity: Severity
    suggestion: str
    confidence: float


@dataclass(frozen=True)
class _Group:
    """One group of a kind (illness, pregnancy, dismissal, ...) in one language."""

    conditions: PhraseSet
    rewrites: tuple[tuple[PhraseSet, str], ...]
    subordinate: str | None
    fallback: str
    remove: bool
    needs_money: bool
    needs_period: bool

    @classmethod
    def build(cls, data: Mapping[str, Any], lang: str) -> _Group:
        rewrites = tuple((PhraseSet(r["verb"]), r["to"]) for r in data.get("rewrite", {}).get(lang, ()))
        return cls(
            conditions=PhraseSet(for_language(data["conditions"], lang)),
            rewrites=rewrites,
            subordinate=data.get("subordinate", {}).get(lang),
            fallback=data.get("fallback", {}).get(lang, ""),
            remove=bool(data.get("remove")),
            needs_money=bool(data.get("needs_money")),
            needs_period=bool(data.get("needs_period")),
        )


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    group: _Group
    ref: Ref
    severity: Severity


class ConditionRules:
    """One kind of detail (health or HR) in one language, compiled once."""

    def __init__(self, data: Mapping[str, Any], grammar: Mapping[str, Any], lang: str, money: Money) -> None:
        self.groups = tuple(_Group.build(spec, lang) for spec in data["groups"].values())
        self.harmless = PhraseSet(for_language(data.get("harmless"), lang))
        self.severity = {who: SEVERITIES[level] for who, level in data["severity"].items()}
        self.triggers = [p for spec in data["groups"].values() for p in for_language(spec["conditions"], lang)]
        # Clause words are grammar, so one language only: Dutch word order is not English word order.
        self._conjunctions = PhraseSet(grammar["subordinate"].get(lang, ()))
        self._relatives = PhraseSet(grammar["relative"].get(lang, ()))
        self._reasons = frozenset(grammar["reasons"].get(lang, ()))
        self._periods = PhraseSet(for_language(data.get("periods"), lang))
        self._money = money

    def details(self, text: str, people: People) -> list[Detail]:
        """Grouped per sentence, because one rewrite of the sentence's clause cures all its details."""
        hits = self._hits(text, people)
        out: list[Detail] = []
        for sentence, members in groupby(hits, key=lambda h: people.sentence(h.start)):
            out.extend(self._sentence(text, sentence, list(members)))
        return out

    def _hits(self, text: str, people: People) -> list[_Hit]:
        """Conditions about somebody; an everyday sense that overlaps a trigger cancels it, since
        triggers start at their auxiliary ("was suspended") and the everyday sense need not."""
        harmless: list[tuple[int, int]] | None = None
        hits = []
        for group in self.groups:
            for start, end in group.conditions.spans(text):
                harmless = harmless if harmless is not None else self.harmless.spans(text)
                if any(a < end and start < b for a, b in harmless):
                    continue
                if group.needs_money and not self._paid(text, people, group, start):
                    continue
                ref = people.about(start, end)
                severity = self.severity.get(ref.who) if ref is not None and ref.who != GROUP else None
                if ref is not None and severity is not None:
                    hits.append(_Hit(start, end, group, ref, severity))
        return sorted(hits, key=lambda h: h.start)

    def _paid(self, text: str, people: People, group: _Group, start: int) -> bool:
        """A pay word counts with an amount a few words away in its sentence ("earns €140k"), and for
        verbs that also mean other things, with a period or gross/net ("a year", "bruto")."""
        lo, hi = people.sentence(start)
        near = [(a, b) for a, b in self._money.find(text[:hi])
                if lo <= a and _words_between(text, (start, start), (a, b)) <= MONEY_REACH]
        if not near or not group.needs_period:
            return bool(near)
        return any(lo <= a < hi for a, _ in self._periods.spans(text[:hi]))

    def _sentence(self, text: str, sentence: tuple[int, int], hits: list[_Hit]) -> list[Detail]:
        """One detail per sentence: its rewrite, or the sentence itself when part of it has no neutral form."""
        severity = max((h.severity for h in hits), key=lambda s: s.rank)
        rewritable = [h for h in hits if not h.group.remove]
        rewrite = self._rewrite(text, sentence, rewritable, severity) if rewritable else None
        removable = [h for h in hits if h.group.remove]
        if rewrite is not None and all(rewrite.start <= h.start and h.end <= rewrite.end for h in removable):
            return [rewrite]
        return [Detail(_skip_spaces(text, sentence[0]), len(text[:sentence[1]].rstrip()), severity, "", 0.85)]

    def _rewrite(self, text: str, sentence: tuple[int, int], hits: list[_Hit], severity: Severity) -> Detail:
        """From the verb (or the Dutch subordinate clause, or the detail itself) to the clause end,
        so the replacement reads as a sentence again and no reason or treatment is left behind."""
        first, last = hits[0], hits[-1]
        group, ref = first.group, first.ref
        end = self._clause_end(text, last.end, sentence[1])
        sub = self._subordinate(text, ref, first.start) if group.subordinate else None
        if sub is not None:
            start, replacement = _skip_spaces(text, sub), group.subordinate or ""
        elif (verb := self._verb(text, group, ref, first.start, sentence[0])) is not None:
            start, replacement = verb
        else:
            start, replacement = first.start, group.fallback
            end = end if self._reason_follows(text, last.end) else last.end
        at_start = not text[sentence[0]:start].strip()
        return Detail(start, end, severity, fit_case(replacement, text[start:end], at_start), 0.85)

    def _clause_end(self, text: str, position: int, limit: int) -> int:
        """The end of the clause holding ``position``; a following clause that gives the reason joins it."""
        while True:
            found = _CLAUSE_END.search(text, position, limit)
            end = found.start() if found is not None else limit
            if found is None or found.group() != "," or not self._reason_follows(text, found.end()):
                return len(text[:end].rstrip(_TRAILING)) if end == limit else len(text[:end].rstrip())
            position = found.end()

    def _reason_follows(self, text: str, position: int) -> bool:
        """The next word or the one after it starts a reason or detail: "today after months of ..."."""
        return any(w in self._reasons for w in _WORDS.findall(text, position, position + 40)[:2])

    def _subordinate(self, text: str, ref: Ref, start: int) -> int | None:
        """Where a Dutch subordinate clause's words start: after "dat Jan" or "Sandra, die"."""
        if ref.start < start:
            relatives = [ref.end + b for _, b in self._relatives.spans(text[ref.end:start])]
            if relatives:
                return relatives[-1]
        lead = max(ref.start - 20, 0)
        before = [b for _, b in self._conjunctions.spans(text[lead:ref.start]) if not text[lead + b:ref.start].strip()]
        return ref.end if before and ref.start < start else None

    def _verb(self, text: str, group: _Group, ref: Ref, start: int, floor: int) -> tuple[int, str] | None:
        """The verb nearest before the detail, after the person: "Els ligt in het ziekenhuis"."""
        lo = ref.end if ref.end <= start else floor
        window = text[floor:start + 40]  # the verb may be the detail's own first word ("got fired")
        spans = [(floor + a, floor + b, to) for regex, to in group.rewrites for a, b in regex.spans(window)]
        found = [(a, b, to) for a, b, to in spans
                 if lo <= a <= start and _words_between(text, (a, b), (start, start)) <= VERB_REACH]
        if not found:
            return None
        a, _, to = max(found, key=lambda f: (f[0], f[1] - f[0]))
        return a, to


def _words_between(text: str, one: tuple[int, int], other: tuple[int, int]) -> int:
    lo, hi = (one[1], other[0]) if one[1] <= other[0] else (other[1], one[0])
    return len(_WORDS.findall(text, lo, hi)) if hi > lo else 0


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
