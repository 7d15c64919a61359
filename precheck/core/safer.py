"""The safer version of a draft: every first suggestion applied, nothing else touched but the seams.

Three kinds of edit come out of findings. A suggestion that keeps the flagged
text and adds to it (a disclaimer, "#ad") is an insertion at its end, so it
never blocks a fix inside the same sentence. A suggestion that only changes
letter case (shouting) keeps every offset, so fixes inside it still apply.
Everything else replaces its span; of two that overlap the stronger wins,
except that deleting a span makes any fix inside it moot.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from precheck.core.model import Finding
from precheck.core.overlaps import strength

_CLOSING = ".,;:!?)"
# A conjunction left hanging before a full stop once what it joined is gone: "... and." / "Dus."
_CONJUNCTIONS = ("and", "but", "or", "so", "en", "maar", "of", "dus", "want")
_SENTENCE_END = ".!?…\n"
_PAUSE = ",;:"


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str

    def conflicts(self, other: Edit) -> bool:
        if self.start == self.end or other.start == other.end:
            point, span = (self, other) if self.start == self.end else (other, self)
            return span.start < point.start < span.end or (point.start == span.start == span.end)
        return self.start < other.end and other.start < self.end


def safer_text(text: str, findings: Sequence[Finding]) -> str:
    """Every first suggestion applied; should that empty the post, a removal that offers a
    neutral wording as its second suggestion ("What a situation") uses it instead.

    Trial rules are left out: an admin trying a rule must not rewrite anyone's post.
    """
    findings = [f for f in findings if not f.trial]
    result = rewrite(*plan(text, findings))
    if not _has_words(text):
        return result
    removals = sorted((i for i, f in enumerate(findings) if f.suggestions[:1] == ("",) and len(f.suggestions) > 1),
                      key=lambda i: findings[i].start)
    for index in removals:  # one stand-in at a time, first in the text first, until words are left
        if _has_words(result):
            break
        findings[index] = replace(findings[index], suggestions=findings[index].suggestions[1:])
        result = rewrite(*plan(text, findings))
    return result


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def plan(text: str, findings: Iterable[Finding]) -> tuple[str, list[Edit]]:
    """The text with case-only fixes applied, and the other edits that do not collide."""
    ranked = sorted((f for f in findings if f.suggestions), key=strength)
    chars, cased_spans, edits = list(text), [], []
    for f in ranked:
        suggestion = f.suggestions[0]
        if suggestion != f.text and suggestion.lower() == f.text.lower() and len(suggestion) == f.length:
            if not any(a < f.end and f.start < b for a, b in cased_spans):
                chars[f.start:f.end] = suggestion
                cased_spans.append((f.start, f.end))
            continue
        edits.append(_edit(f, suggestion))
    return "".join(chars), _choose(edits)


def _edit(f: Finding, suggestion: str) -> Edit:
    if len(suggestion) > f.length and suggestion.startswith(f.text):
        return Edit(f.end, f.end, suggestion[f.length:])
    return Edit(f.start, f.end, suggestion)


def _choose(edits: list[Edit]) -> list[Edit]:
    """Greedy by strength (``edits`` is sorted strongest first); deletions swallow what they cover.

    Sorted lookups, not pairwise checks: a long post can carry thousands of findings.
    """
    swallowed = _inside_deletions(edits)
    kept: list[tuple[int, int]] = []
    out: list[Edit] = []
    for index, edit in enumerate(edits):
        if index in swallowed or _collides(kept, edit):
            continue
        bisect.insort(kept, (edit.start, edit.end))
        out.append(edit)
    return out


def _inside_deletions(edits: list[Edit]) -> set[int]:
    """Indexes of edits that lie within another edit that deletes text."""
    deletions = sorted((e.start, -e.end, i) for i, e in enumerate(edits) if not e.replacement and e.start < e.end)
    starts = [start for start, _, _ in deletions]
    reach = list(accumulate((-neg_end for _, neg_end, _ in deletions), max))
    out = set()
    for index, edit in enumerate(edits):
        at = bisect.bisect_left(starts, edit.start)  # deletions that start strictly earlier
        if at and reach[at - 1] >= edit.end:
            out.add(index)
        elif at < len(deletions) and starts[at] == edit.start:  # the widest one starting here
            _, neg_end, other = deletions[at]
            if other != index and -neg_end >= edit.end:
                out.add(index)
    return out


def _collides(kept: list[tuple[int, int]], edit: Edit) -> bool:
    """``kept`` is sorted and overlap-free, so only the neighbours of ``edit`` can collide."""
    at = bisect.bisect_left(kept, (edit.start, edit.end))
    return any(edit.conflicts(Edit(a, b, "x")) for a, b in kept[max(0, at - 2):at + 2])


def rewrite(text: str, edits: Iterable[Edit]) -> str:
    """Apply from right to left, so earlier offsets stay valid while we edit."""
    result = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        result = _splice(result, edit.start, edit.end, edit.replacement)
    return result


def _splice(text: str, start: int, end: int, replacement: str) -> str:
    """Replace a span and tidy only the seam: spaces, stray punctuation, the capital after it."""
    before, after = text[:start], text[end:]
    if replacement:
        if before.endswith(" ") and replacement.startswith(" "):
            replacement = replacement.lstrip(" ")
        return before + replacement + after
    return _close_gap(before, after)


def _close_gap(before: str, after: str) -> str:
    before, after = _drop_conjunction(before, after)
    if before.endswith(" ") and (after[:1] in (" ", "") or after[:1] in _CLOSING):
        before = before.rstrip(" ")
    stripped = before.rstrip(" \t")  # a line break ends the seam: marks above it are not ours
    if stripped[-1:] in _PAUSE and (after.lstrip(" ")[:1] in tuple(_CLOSING) or not after.strip()):
        before = stripped[:-1] + before[len(stripped):]  # "words, ." -> "words."
        before = before.rstrip(" ") if not after.strip() else before
    if not stripped or stripped[-1] in _SENTENCE_END:
        if after.lstrip(" ")[:1] in (".", "!", "?"):  # the removed sentence's own full stop
            after = after.lstrip(" ")[1:]
        if not stripped:
            after = _sentence_start(after.lstrip())
        else:
            after = _sentence_start(after)
            if before and not before[-1].isspace() and after[:1].isalnum():
                before += " "
    elif not after.strip():
        before = before.rstrip(" ")
    return before + after


def _drop_conjunction(before: str, after: str) -> tuple[str, str]:
    rest = after.lstrip(" ")
    if not rest or rest[0] in _SENTENCE_END:
        words = before.rstrip(" ,").rsplit(" ", 1)
        if words[-1].lower() in _CONJUNCTIONS:
            before = words[0] if len(words) == 2 else ""
    elif not before.strip() or before.rstrip()[-1] in _SENTENCE_END:
        head, _, tail = rest.partition(" ")
        if head.lower().rstrip(",") in _CONJUNCTIONS and tail[:1] in tuple(_SENTENCE_END):
            after = tail
    return before, after


def _sentence_start(after: str) -> str:
    """What follows a deleted sentence start begins a sentence itself: no pause mark, a capital."""
    lead = len(after) - len(after.lstrip(" "))
    rest = after[lead:]
    while rest[:1] in tuple(_PAUSE) and rest:
        rest = rest[1:].lstrip(" ")
    if rest[:1].islower():
        rest = rest[0].upper() + rest[1:]
    return after[:lead] + rest
