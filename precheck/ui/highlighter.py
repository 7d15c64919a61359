"""Underlines findings in the editor, block by block, straight from the live marks.

Only blocks whose marks changed are repainted, visible ones first and the rest
in small batches, so a report with thousands of findings never stalls typing.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from precheck.ui.marks import Mark, MarkSet
from precheck.ui.style import mark_format

BATCH = 200


class FindingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, marks: MarkSet) -> None:
        super().__init__(document)
        self.marks = marks
        self._formats: dict = {}
        self._queue: list[int] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._drain)

    def highlightBlock(self, text: str) -> None:  # Qt override
        if not len(self.marks):
            return
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1  # UTF-16 units; len(text) counts code points
        for mark in self.marks.overlapping(start, end):
            a, b = max(mark.start, start), min(mark.end, end)
            self.setFormat(a - start, b - a, self._format(mark))

    def _format(self, mark: Mark):
        key = (mark.finding.category, mark.finding.severity)
        if key not in self._formats:
            self._formats[key] = mark_format(*key)
        return self._formats[key]

    def replace_marks(self, marks: MarkSet, first: int, last: int) -> None:
        """Swap in new marks and repaint the blocks whose underlines change.

        ``first``..``last`` is the visible block range, repainted at once.
        """
        # Blocks still queued from the previous report stay dirty too.
        dirty = self._blocks(_changed(self.marks, marks)) | set(self._queue)
        self.marks = marks
        visible = {n for n in dirty if first <= n <= last}
        self._repaint(visible)
        self._queue = sorted(dirty - visible, reverse=True)
        if self._queue:
            self._timer.start()

    def _blocks(self, marks: Iterable[Mark]) -> set[int]:
        doc = self.document()
        numbers: set[int] = set()
        for mark in marks:
            first = doc.findBlock(mark.start).blockNumber()
            last = doc.findBlock(max(mark.start, mark.end - 1)).blockNumber()
            numbers.update(range(first, last + 1))
        return numbers

    def _repaint(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for number in numbers:
            block: QTextBlock = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def _drain(self) -> None:
        batch, self._queue = self._queue[-BATCH:], self._queue[:-BATCH]
        self._repaint(batch)
        if self._queue:
            self._timer.start()

    @property
    def pending(self) -> int:
        """Blocks still waiting for their underlines; tests wait for zero."""
        return len(self._queue)


def _changed(old: Iterable[Mark], new: Iterable[Mark]) -> list[Mark]:
    """Marks that differ in place or look; a re-check after typing usually changes few."""
    def key(m: Mark) -> tuple:
        return m.start, m.end, m.finding.category, m.finding.severity

    before = {key(m): m for m in old}
    after = {key(m): m for m in new}
    return [m for k, m in before.items() if k not in after] + [
        m for k, m in after.items() if k not in before
    ]
