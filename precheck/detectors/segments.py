"""Sentences and their parts, found without a language model.

Tone and policy cues are weighed where a reader weighs them: a swear word
near "customers" in the same clause says something about customers; in the
next paragraph it does not. Document-scope detectors see no parse, and Dutch
has no parser at all, so this is punctuation-based on purpose.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n+")
_PART_END = re.compile(r"[;:](?=\s)|\s[-–—]\s")
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-–—]\s")
_HANDLES = re.compile(r"(?:@\w+\s*)+")


def _split(text: str, start: int, end: int, ends: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans between separators, each trimmed of surrounding white space."""
    out, at = [], start
    for match in ends.finditer(text, start, end):
        out.append(_trim(text, at, match.end()))
        at = match.end()
    out.append(_trim(text, at, end))
    return [(a, b) for a, b in out if b > a]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Segments:
    """Sentence, part (split at ; and :) and clause (also split at commas) spans of a text."""

    text: str

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return _split(self.text, 0, len(self.text), _SENTENCE_END)

    @cached_property
    def parts(self) -> list[tuple[int, int]]:
        return [p for a, b in self.sentences for p in _split(self.text, a, b, _PART_END)]

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return [c for a, b in self.sentences for c in _split(self.text, a, b, _CLAUSE_END)]

    @cached_property
    def _starts(self) -> dict[str, list[int]]:
        return {unit: [a for a, _ in self._spans(unit)] for unit in ("sentence", "part", "clause")}

    def _spans(self, unit: str) -> list[tuple[int, int]]:
        return {"sentence": self.sentences, "part": self.parts, "clause": self.clauses}[unit]

    def sentence_index(self, position: int) -> int:
        return max(bisect.bisect_right(self._starts["sentence"], position) - 1, 0)

    def around(self, position: int, unit: str) -> tuple[int, int]:
        """The sentence, part or clause that holds ``position``."""
        spans = self._spans(unit)
        if not spans:
            return 0, len(self.text)
        return spans[max(bisect.bisect_right(self._starts[unit], position) - 1, 0)]

    def is_sentence_start(self, position: int) -> bool:
        before = self.text[:position].rstrip()
        if _HANDLES.fullmatch(before):  # "@karin_w Sorry": the reply starts after the handles
            return True
        return not before or before[-1] in ".!?…\n" or self.text[:position].endswith("\n")
