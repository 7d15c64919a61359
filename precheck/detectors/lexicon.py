"""Phrase lists shipped as data and compiled once into RE2 alternations.

The wording people use changes with every post; the logic that weighs it
should not. So detectors keep only rules ("a figure near a financial word",
"an insider speaking"), and the words live in ``resources/lexicons``.

Phrase syntax, matched on the normalised, case-folded text:
``a|b`` alternatives for one word; ``word*`` any ending and ``*word`` any
beginning (Dutch compounds: ``*omzet`` finds "jaaromzet"); ``...`` up to
five other words in between (Dutch separable verbs: "nemen ... over");
``#`` a number. Words are separated by anything that is not a letter or digit,
but a phrase never runs across the end of a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import re2
import yaml

from precheck.paths import resources_dir

GAP_WORDS = 5
_WORD = r"[\pL\pN]"
_SEP = r"[^\pL\pN.!?\n]+"
_NUMBER = r"\d+(?:[.,]\d+)*"
# Fixed internal pattern: a sentence ends at . ! ? or … before a space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


@cache
def load_lexicon(name: str, folder: str = "confidential") -> dict[str, Any]:
    """One YAML file of ``resources/lexicons/<folder>``; read once per process."""
    path = resources_dir() / "lexicons" / folder / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold a mapping")
    return data


def for_language(entry: Mapping[str, Sequence[str]] | None, language: str) -> list[str]:
    """The phrases of one language; Dutch posts also get the English ones.

    Dutch business writing borrows English freely ("een breach", "layoffs"),
    while English posts almost never borrow Dutch.
    """
    if not entry:
        return []
    phrases = list(entry.get(language, ()))
    if language != "en":
        phrases += entry.get("en", ())
    return phrases


def _token(token: str) -> str:
    if token == "#":
        return _NUMBER
    options = []
    for word in token.split("|"):
        body = re2.escape(word.strip("*")).replace(r"\'", "'").replace("'", "['’]")
        head = f"{_WORD}*" if word.startswith("*") else ""
        tail = f"{_WORD}*" if word.endswith("*") and len(word) > 1 else ""
        options.append(head + body + tail)
    return "(?:" + "|".join(options) + ")"


def phrase_regex(phrase: str) -> str:
    """One phrase as an RE2 pattern; ``\\b`` only where the edge is an ASCII word character."""
    parts: list[str] = []
    gap = False
    for token in phrase.lower().split():
        if token == "...":
            gap = True
            continue
        if parts:
            parts.append(f"(?:{_SEP}{_WORD}+){{0,{GAP_WORDS}}}{_SEP}" if gap else _SEP)
        parts.append(_token(token))
        gap = False
    first, last = phrase.split()[0], phrase.split()[-1]
    lead = r"\b" if first[0].isascii() and (first[0].isalnum() or first == "#") else ""
    trail = r"\b" if last[-1].isascii() and (last[-1].isalnum() or last == "#") else ""
    return lead + "".join(parts) + trail


class PhraseSet:
    """A list of phrases as one RE2 pattern, preferring the longest match at a position."""

    def __init__(self, phrases: Iterable[str]) -> None:
        unique = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
        self.phrases = tuple(unique)
        self._regex = _compile("|".join(f"(?:{phrase_regex(p)})" for p in unique)) if unique else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._regex is None:
            return []
        return [m.span() for m in self._regex.finditer(text)]

    def search(self, text: str) -> bool:
        return self._regex is not None and self._regex.search(text) is not None


def _compile(pattern: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    options.longest_match = True
    return re2.compile(pattern, options)


class Spans:
    """Sorted match spans with a cheap "does any fall within [start, end)" test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, lo=i)
        return any(e <= end for _, e in self._spans[i:j])

    def covering(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return any(end <= e for _, e in self._spans[:i])  # a post holds a handful of cues

    def without(self, other: Spans) -> Spans:
        """These spans minus those lying inside one of ``other`` ("our" in "our industry")."""
        return Spans(s for s in self._spans if not other.covering(*s))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; cues are weighed per sentence, where a reader weighs them too."""
    out, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if end.end() > start:
            out.append((start, end.end()))
        start = end.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentence_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    i = bisect.bisect_right([s for s, _ in bounds], position) - 1
    return bounds[max(i, 0)] if bounds else (0, position + 1)
