"""The "skeleton" view of a text that company terms are matched on.

Evasion and ordinary typing both hide a term behind what sits *between* its
letters (``F.a.l.c.o.n``, ``Project-Falcon``, a line break) or behind digits
used as letters (``F4lc0n``). The skeleton keeps only letters and digits,
lower case, without accents, with look-alike digits folded to letters, so one
Aho-Corasick automaton finds every spelling. What was removed is not lost:
each skeleton position records the separators that stood before it, so the
matcher can still insist on word boundaries and refuse sentence breaks, and
an offset map leads back to the exact characters of the original text.

Keys for the automaton are made with the same folding (``skeleton_key``), so
a value and a text meet in one alphabet.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

from precheck.core.normalize import NormalizedText

# Gap codes: what stood between skeleton[i - 1] and skeleton[i].
NONE = 0  # nothing: the two characters touch
SPACE = 1  # whitespace, at most one line break
MARK = 2  # soft punctuation (hyphen, apostrophe, slash, underscore...), maybe with spaces
DOT = 3  # soft, with a dot inside a word ("nwl.local", "2.0", "[dot]")
BREAK = 4  # soft characters that still end a sentence or paragraph (". ", blank line)
HARD = 5  # anything else (comma, bracket, emoji, ...) and the ends of the text

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
# "l" and "1" and "i" look alike; folding all three to "i" on both sides lets
# "Fa1con" meet "Falcon" without an automaton entry per spelling.
_LETTER_FOLD = {"l": "i"}
_SOFT = frozenset("-_.·•*/\\'’‘`~+=^|‐‑‒–—―⁃")
_DOTS = frozenset(".·")
MAX_GAP = 4
_SPELLED_DOT = re.compile(r"[\[({]\s*dot\s*[\])}]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.\s")


@cache
def fold_char(char: str) -> str:
    """The skeleton form of one letter or digit (may be empty or longer for ß-like letters)."""
    if char in _LEET:
        return _LEET[char]
    out = []
    for c in char.casefold():
        if not c.isascii():
            c = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
        out.append(_LETTER_FOLD.get(c, c))
    return "".join(out)


def skeleton_key(text: str) -> str:
    """A value's automaton key: its letters and digits folded like the text view."""
    return "".join(fold_char(c) for c in text if c.isalnum())


@dataclass(frozen=True, slots=True)
class TermView:
    """The skeleton of ``norm.text`` with, per skeleton position, where it came from.

    ``index[i]`` is the position in ``norm.text``; ``gap[i]`` the gap code before
    skeleton[i] (``gap[len]`` is the gap after the last character); ``upper[i]``
    whether the original character was a capital; ``digit[i]`` whether it was a
    digit; ``run_start``/``run_end`` bound the separator-free run around ``i``.
    """

    norm: NormalizedText
    text: str
    index: array
    gap: bytearray
    upper: bytearray
    digit: bytearray
    run_start: array
    run_end: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty skeleton span to original offsets."""
        a = self.index[start]
        b = self.index[end - 1] + 1
        return self.norm.to_original(a, b)

    def run_text(self, i: int) -> str:
        return self.text[self.run_start[i]:self.run_end[i]]


def build_view(norm: NormalizedText) -> TermView:
    """One pass over the normalised text; cost grows linearly with the post."""
    src = norm.text
    spelled = _spelled_dots(src)
    chars: list[str] = []
    index, upper, digit = array("q"), bytearray(), bytearray()
    gap = bytearray()
    gap_from = 0
    i, n = 0, len(src)
    while i < n:
        if i in spelled:
            i = spelled[i]
            continue
        c = src[i]
        if not c.isalnum():
            i += 1
            continue
        folded = fold_char(c)
        if folded:
            code = classify_gap(src[gap_from:i]) if chars else HARD
            for k, f in enumerate(folded):
                chars.append(f)
                index.append(i)
                upper.append(c.isupper())
                digit.append(c.isdigit())
                gap.append(code if k == 0 else NONE)
            gap_from = i + 1
        i += 1
    gap.append(HARD)
    text = "".join(chars)
    run_start, run_end = _runs(gap, len(text))
    return TermView(norm, text, index, gap, upper, digit, run_start, run_end)


def classify_gap(between: str) -> int:
    """The gap code of the characters between two letters or digits."""
    if not between:
        return NONE
    if "dot" in between.lower():
        between = _SPELLED_DOT.sub("·", between)  # a dot, but never a full stop
    code = SPACE
    for c in between:
        if c.isspace():
            continue
        if c in _DOTS:
            code = DOT
        elif c in _SOFT:
            code = max(code, MARK) if code != DOT else DOT
        else:
            return HARD
    if len(between) > MAX_GAP or between.count("\n") > 1 or _SENTENCE_END.search(between):
        return BREAK
    return code


def _spelled_dots(src: str) -> dict[int, int]:
    """Where "[dot]" and friends stand in for a dot, as start -> end."""
    if "dot" not in src.lower():
        return {}
    return {m.start(): m.end() for m in _SPELLED_DOT.finditer(src)}


def _runs(gap: bytearray, n: int) -> tuple[array, array]:
    starts, ends = array("q", bytes(8 * n)), array("q", bytes(8 * n))
    begin = 0
    for i in range(1, n + 1):
        if i == n or gap[i] != NONE:
            for k in range(begin, i):
                starts[k] = begin
                ends[k] = i
            begin = i
    return starts, ends
