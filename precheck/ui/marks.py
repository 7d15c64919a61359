"""Findings pinned to the live document, so underlines follow the text while the user types.

A check answers for the text it was given; until the next answer arrives the
user keeps typing. Marks shift with every edit, and a mark whose own
characters are edited disappears at once instead of underlining the wrong text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from precheck.core.model import Finding, Report
from precheck.ui.positions import Utf16Map


@dataclass(eq=False, slots=True)
class Mark:
    """A finding at UTF-16 positions ``start``..``end`` of the document."""

    start: int
    end: int
    finding: Finding
    alive: bool = True

    def contains(self, pos: int) -> bool:
        return self.alive and self.start <= pos < self.end


class MarkSet:
    """Live marks in document order, with fast lookup by position and by range.

    A mark an edit destroys leaves the set at once, so everything in it is alive.
    """

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._reindex()

    @classmethod
    def from_report(cls, report: Report, positions: Utf16Map) -> MarkSet:
        """``positions`` maps the text the report was made for."""
        return cls(Mark(*positions.span(f.start, f.end), f) for f in report.findings)

    def __iter__(self) -> Iterator[Mark]:
        return iter(self._marks)

    def __len__(self) -> int:
        return len(self._marks)

    def _reindex(self) -> None:
        self._starts = [m.start for m in self._marks]
        self._longest = max((m.end - m.start for m in self._marks), default=0)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """Marks with at least one unit inside ``start``..``end``."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self._marks[lo:hi] if m.end > start]

    def at(self, pos: int) -> list[Mark]:
        return [m for m in self.overlapping(pos, pos + 1) if m.contains(pos)]

    def after(self, pos: int) -> Mark | None:
        return next((m for m in self if m.start > pos), None)

    def before(self, pos: int) -> Mark | None:
        return next((m for m in reversed(self._marks) if m.start < pos), None)

    def shift(self, pos: int, removed: int, added: int) -> list[Mark]:
        """Follow an edit of the document; returns the marks the edit destroyed."""
        if not self._marks:
            return []
        delta, edit_end, dropped = added - removed, pos + removed, []
        for mark in self._marks:
            if mark.end <= pos:
                continue
            if mark.start >= edit_end:
                mark.start += delta
                mark.end += delta
            else:
                mark.alive = False
                dropped.append(mark)
        if dropped:
            self._marks = [m for m in self._marks if m.alive]
        self._reindex()
        return dropped
