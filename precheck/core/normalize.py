"""Text normalisation for matching, with a map back to the original offsets.

Evasion hides a term behind look-alike letters, zero-width characters or
compatibility forms; matching on a normalised view catches it, and the offset
map lets every finding still point at the exact characters the user typed.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised view of ``original``; ``None`` maps mean the view is the original."""

    original: str
    text: str
    starts: array | None = None
    ends: array | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of the normalised text back to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def is_invisible(char: str) -> bool:
    """Format characters (zero-width, bidi controls, soft hyphen) and variation selectors."""
    if unicodedata.category(char) == "Cf":
        return True
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


@cache
def confusable_fold() -> dict[str, str]:
    """Non-ASCII characters that Unicode TR39 lists as look-alikes of one ASCII letter."""
    data_file = resources.files("confusable_homoglyphs") / "confusables.json"
    table: dict[str, list[dict[str, str]]] = json.loads(data_file.read_text("utf-8"))
    fold: dict[str, str] = {}
    for char, glyphs in table.items():
        if len(char) != 1 or char.isascii():
            continue
        letters = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()]
        if letters:
            fold[char] = letters[0]
    return fold


@cache
def _changing_characters() -> Any:
    """Matches any character that normalisation would drop or fold (RE2: linear, in C)."""
    import re2

    folded = "".join(f"\\x{{{ord(c):X}}}" for c in sorted(confusable_fold()))
    options = re2.Options()
    options.log_errors = False
    return re2.compile(f"[\\p{{Cf}}\\x{{FE00}}-\\x{{FE0F}}\\x{{E0100}}-\\x{{E01EF}}{folded}]", options)


def _unchanged(text: str, fold_case: bool) -> str | None:
    """The view when it maps one to one onto the original; None when the slow path is needed.

    Most non-ASCII posts (an emoji, a euro sign, Dutch accents) are already
    NFKC with nothing to fold, and should not pay for a per-character loop.
    """
    if not unicodedata.is_normalized("NFKC", text) or _changing_characters().search(text):
        return None
    if not fold_case:
        return text
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def normalize(text: str, *, fold_case: bool = False) -> NormalizedText:
    """NFKC per grapheme cluster, invisible characters dropped, confusables folded."""
    if text.isascii():
        return NormalizedText(text, text.lower() if fold_case else text)
    same = _unchanged(text, fold_case)
    if same is not None:
        return NormalizedText(text, same)
    fold = confusable_fold()
    pieces: list[str] = []
    starts, ends = array("q"), array("q")
    i, n = 0, len(text)
    while i < n:
        if is_invisible(text[i]):
            i += 1
            continue
        j = _cluster_end(text, i)
        piece = "".join(fold.get(c, c) for c in unicodedata.normalize("NFKC", text[i:j]))
        if fold_case:
            piece = piece.casefold()
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return NormalizedText(text, "".join(pieces), starts, ends)


def _cluster_end(text: str, i: int) -> int:
    """End of the base character at ``i`` plus its combining marks."""
    j = i + 1
    while j < len(text) and unicodedata.combining(text[j]):
        j += 1
    return j
