"""The shapes of personal data: full dates, street addresses and amounts of money.

The patterns are fixed here and built from word lists in
``resources/lexicons/personal`` (month names, street endings), the way
``figures.figure_regex`` is built from ``figures.yaml``; amounts of money are
that very regex. They run on the folded text (RE2, linear time) and only after
a cue ("born", "lives", "earns") was found, so most posts never reach them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from precheck.core.context import CheckContext
from precheck.detectors.figures import figure_regex
from precheck.detectors.lexicon import load_lexicon

_L = r"[\pL'’]"
_END = r"(?:[^\pL\pN]|$)"
# The word right before a position, separated by spaces only (a comma ends a street name).
# Fixed internal pattern on short text, so Python's re.
_PREVIOUS_WORD = re.compile(r"([\w'’-]+) +$")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re2.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(pattern: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(pattern, options)


class _Pattern:
    """An RE2 pattern with its group numbers: RE2's matches take numbers only, and its
    ``groupindex`` builds a new dict on every call."""

    def __init__(self, pattern: str) -> None:
        self.regex = _compile(pattern)
        self._groups = dict(self.regex.groupindex)

    def span(self, match: Any, name: str) -> tuple[int, int]:
        return match.span(self._groups[name])


@dataclass(frozen=True, slots=True)
class Shape:
    """A match in folded offsets; ``city`` is the town after an address, if one was written."""

    start: int
    end: int
    city: tuple[int, int] | None = None


class Dates:
    """Full dates with a year: 14-03-1974, 1974-03-14, 2 May 1985, May 2nd, 1985, 3 januari 2004."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        months = _alternation(sorted({m for words in data["months"].values() for m in words}))
        ordinal = f"(?:{_alternation(data['ordinals'])})?"
        self._regex = _compile(
            rf"\b(?:(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>\d{{4}}|\d{{2}})"
            rf"|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
            rf"|\d{{1,2}}{ordinal}\s+(?:of\s+)?(?:{months})\.?,?\s+(?P<wy>\d{{4}})"
            rf"|(?:{months})\.?\s+\d{{1,2}}{ordinal},?\s+(?P<my>\d{{4}}))\b"
        )
        self._max_age = int(data["max_age"])

    def find(self, text: str) -> list[Shape]:
        this_year = datetime.date.today().year
        out = []
        for m in self._regex.finditer(text):
            year = _year(m, this_year)
            if year is not None and this_year - self._max_age <= year <= this_year:
                out.append(Shape(*m.span()))
        return out


def _year(m: Any, this_year: int) -> int | None:
    """The year of a date match, or None when the numbers cannot be a day and a month."""
    if m.group("d"):
        day, month = int(m.group("d")), int(m.group("m"))
        if min(day, month) < 1 or not ((day <= 31 and month <= 12) or (day <= 12 and month <= 31)):
            return None  # 14-03 and 03/14 (American) are both dates; 10.40.12 is not
        year = int(m.group("y"))
        if len(m.group("y")) == 2:
            year += 2000 if year <= this_year % 100 else 1900
        return year
    if m.group("iy"):
        return int(m.group("iy")) if 1 <= int(m.group("im")) <= 12 and 1 <= int(m.group("id")) <= 31 else None
    return int(m.group("wy") or m.group("my"))


class Addresses:
    """Street and house number, Dutch ("Havenstraat 12") and English ("14 Birch Lane"), with the town.

    Street words must be capitalised as typed in the English form, where a
    number before ordinary words ("3 doors down the road") is far more common.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        suffixes, types = _alternation(data["street_suffixes"]), _alternation(data["street_types"])
        number = r"\d{1,4}(?:\s?[a-z](?:[^\pL\pN]|$)|-\d{1,3}|\s?-\s?[a-z0-9]{1,3}(?:[^\pL\pN]|$))?"
        self._dutch = _Pattern(rf"(?:^|[^\pL\pN'’-])(?P<street>{_L}*(?:{suffixes}))\s+(?P<no>{number})")
        self._english = _Pattern(
            rf"(?:^|[^\pL\pN])(?P<no>\d{{1,5}}[a-z]?)\s+(?P<name>(?:{_L}+[ ]){{1,3}}?)(?P<type>{types})\.?{_END}"
        )
        self._city = _Pattern(r"(?:\s*,\s*|\s+(?:in|te)\s+|\s+)(?:\d{4}\s?[a-z]{2}\s+)?(?P<city>\pL[\pL'’-]+)")
        self._particles = frozenset(data["particles"])
        self._suffixes = frozenset(data["street_suffixes"])

    def find(self, ctx: CheckContext) -> Iterator[Shape]:
        text = ctx.folded.text
        for m in self._dutch.regex.finditer(text):
            street, street_end = self._dutch.span(m, "street")
            end = _number_end(text, self._dutch.span(m, "no")[1])
            start = self._leftwards(ctx, street)
            if start < street or text[street:street_end] not in self._suffixes:  # "Oude Gracht", not "weg 3"
                yield self._with_city(ctx, start, end)
        for m in self._english.regex.finditer(text):
            start, name = self._english.span(m, "no")[0], self._english.span(m, "name")[0]
            end = self._english.span(m, "type")[1]
            if all(w[:1].isupper() for w in ctx.folded.original_slice(name, end).split()):
                yield self._with_city(ctx, start, end)

    def _leftwards(self, ctx: CheckContext, start: int) -> int:
        """Take in the capitalised words of a longer street name: "Oude Gracht", "Burgemeester de Vlugtlaan"."""
        text = ctx.folded.text
        while (word := _PREVIOUS_WORD.search(text, 0, start)) is not None:
            if ctx.folded.original_slice(*word.span(1))[:1].isupper():
                start = word.start(1)
                continue
            head = _PREVIOUS_WORD.search(text, 0, word.start(1)) if word.group(1) in self._particles else None
            if head is None or not ctx.folded.original_slice(*head.span(1))[:1].isupper():
                return start
            start = head.start(1)
        return start

    def _with_city(self, ctx: CheckContext, start: int, end: int) -> Shape:
        m = self._city.regex.match(ctx.folded.text, end)
        if m is None:
            return Shape(start, end)
        city = self._city.span(m, "city")
        typed = ctx.folded.original_slice(*city)
        return Shape(start, m.end(), city) if typed[:1].isupper() else Shape(start, end)


def _number_end(text: str, end: int) -> int:
    """The house number's end without the separator the pattern may have read after it."""
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    return end


class Money:
    """Amounts of money, as the confidential figure detector reads them ("€140k", "4.800 euro")."""

    def __init__(self) -> None:
        self._regex = figure_regex(load_lexicon("figures"))

    def find(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._regex.finditer(text) if m.lastgroup == "money"]
