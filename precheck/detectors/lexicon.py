"""Phrase lists shipped as data and compiled once into RE2 alternations.

The wording people use changes with every post; the logic that weighs it
should not. So detectors keep only rules ("a figure near a financial word",
"an insider speaking"), and the words live in ``resources/lexicons``.

Phrases are written in the phrase language of ``detectors/phrases.py`` and
matched on the normalised, case-folded text: ``a|b`` alternatives for one
word; ``word*`` any ending and ``*word`` any beginning (Dutch compounds:
``*omzet`` finds "jaaromzet"); ``...`` up to five other words in between
(Dutch separable verbs: "nemen ... over"); ``#`` a number. A phrase never
runs across the end of a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import yaml

from precheck.detectors.phrases import compile_re2, phrase_regex, scan
from precheck.paths import resources_dir

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


class PhraseSet:
    """A list of phrases as one RE2 pattern, preferring the longest match at a position.

    Compiled on first use: a checker holds over a hundred of these, and an
    English post never needs the Dutch ones.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        unique = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
        self.phrases = tuple(unique)
        self._compiled: Any = None

    def __bool__(self) -> bool:
        return bool(self.phrases)

    @property
    def _regex(self) -> Any:
        if self._compiled is None and self.phrases:
            pattern = "|".join(f"(?:{phrase_regex(p, symbol_edges=False)})" for p in self.phrases)
            self._compiled = compile_re2(pattern, longest=True)
        return self._compiled

    def spans(self, text: str) -> list[tuple[int, int]]:
        regex = self._regex
        return [] if regex is None else list(scan(regex, text))

    def search(self, text: str) -> bool:
        regex = self._regex
        return regex is not None and regex.search(text) is not None


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
