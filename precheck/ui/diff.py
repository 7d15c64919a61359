"""Word-level differences between the draft and its safer version.

The same list of changes drives the diff the user reads and the
"Apply all safe suggestions" edit, so what is shown is exactly what is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
MAX_TOKENS = 20_000


@dataclass(frozen=True, slots=True)
class Change:
    """``old[start:end]`` becomes ``new``, in code points of the old text."""

    start: int
    end: int
    new: str


def changes(old: str, new: str) -> list[Change]:
    """Trim the common ends first: a safer version differs from the draft in a few places."""
    if old == new:
        return []
    head = _word_start(old, _common_prefix(old, new))
    rest = old[head:]
    tail = len(rest) - _word_end(rest, len(rest) - _common_prefix(rest[::-1], new[head:][::-1]))
    old_mid, new_mid = old[head:len(old) - tail], new[head:len(new) - tail]
    a, b = _tokens(old_mid), _tokens(new_mid)
    if len(a) + len(b) > MAX_TOKENS:
        return [Change(head, head + len(old_mid), new_mid)]
    return _from_opcodes(a, b, head)


def _from_opcodes(a: list[str], b: list[str], base: int) -> list[Change]:
    a_pos = _offsets(a, base)
    old = "".join(a)
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        change = Change(a_pos[i1], a_pos[i2], "".join(b[j1:j2]))
        gap = old[out[-1].end - base:change.start - base] if out else ""
        if out and _joins(gap):
            previous = out.pop()
            change = Change(previous.start, change.end, previous.new + gap + change.new)
        out.append(change)
    return out


def _joins(gap: str) -> bool:
    """A space or a dot between two changes: "Project Kestrel" → "an internal project" is one edit."""
    return len(gap) <= 2 and not any(c.isalnum() for c in gap)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _offsets(tokens: list[str], base: int) -> list[int]:
    out = [base]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _common_prefix(a: str, b: str) -> int:
    """Binary search on slice equality: C-speed comparisons instead of a Python loop."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _word_start(text: str, at: int) -> int:
    """Back up to a word boundary so a changed word shows whole, not as a fragment."""
    while 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at += 1
    return at


def apply(old: str, edits: list[Change]) -> str:
    """What the editor will hold after the changes; used to prove the diff is faithful."""
    out, last = [], 0
    for change in edits:
        out.append(old[last:change.start])
        out.append(change.new)
        last = change.end
    out.append(old[last:])
    return "".join(out)
