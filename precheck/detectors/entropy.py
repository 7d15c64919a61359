"""How random a value looks: random tokens (keys, passwords) score high, words and ids low.

Entropy alone is fooled by documentation placeholders: "AKIAXXXXXXXXXXXXXXXX"
or "abcdefghijklmnopqrstuvwxyz" contain a few different characters, and a
fake key built from a keyboard row can reach the threshold of a real one.
``looks_like_placeholder`` catches those shapes, which no regex can describe
(RE2 has no back-references to say "the same character again").
"""

from __future__ import annotations

import itertools
import math
from collections import Counter


def shannon(text: str) -> float:
    """Bits per character."""
    if not text:
        return 0.0
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in Counter(text).values())


def _step(a: str, b: str) -> int:
    """+1 or -1 when ``b`` follows or precedes ``a`` in 0-9 or a-z (cyclic), else 0."""
    for alphabet in ("0123456789", "abcdefghijklmnopqrstuvwxyz"):
        if a in alphabet and b in alphabet:
            i, j = alphabet.index(a), alphabet.index(b)
            if j == (i + 1) % len(alphabet):
                return 1
            if i == (j + 1) % len(alphabet):
                return -1
    return 0


def longest_repeat(chars: str) -> int:
    """Length of the longest run of one character."""
    best = run = 0
    previous = ""
    for c in chars:
        run = run + 1 if c == previous else 1
        best = max(best, run)
        previous = c
    return best


def longest_sequence(chars: str) -> int:
    """Length of the longest run like 'abcdef', '34567890' or '987654'."""
    best = run = 1 if chars else 0
    direction = 0
    for a, b in itertools.pairwise(chars):
        step = _step(a, b)
        if step and (step == direction or run == 1):
            run += 1
            direction = step
        else:
            run, direction = (2, step) if step else (1, 0)
        best = max(best, run)
    return best


def looks_like_placeholder(value: str) -> bool:
    """Half of the letters and digits are one repeated character or an alphabet run.

    Separators are skipped, so "xoxb-xxxxxxxxx-xxxxxxxxxx" counts as one run
    of x. Real keys mix characters evenly; a run that long means somebody
    typed the value to show a format.
    """
    chars = "".join(c for c in value.lower() if c.isalnum())
    if len(chars) < 6:
        return False
    half = len(chars) / 2
    return longest_repeat(chars) >= half or longest_sequence(chars) >= half
