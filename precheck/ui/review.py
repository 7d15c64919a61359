"""The current draft's findings as the user sees them: the report minus what they chose to ignore.

"Ignore once" hides one occurrence: it is pinned to the document like a
mark, so it survives typing elsewhere and ends when its own text is edited.
"""

from __future__ import annotations

from precheck.core.model import Finding, Report
from precheck.ui.allowlist import Allowlist, without
from precheck.ui.marks import Mark, MarkSet
from precheck.ui.positions import Utf16Map


class Review:
    def __init__(self, allowlist: Allowlist) -> None:
        self.allowlist = allowlist
        self.ignored = MarkSet()
        self.raw: Report | None = None
        self.text = ""
        self.report: Report | None = None
        self.marks = MarkSet()

    def update(self, report: Report | None, text: str) -> None:
        self.raw, self.text = report, text
        self._refilter()

    def _refilter(self) -> None:
        if self.raw is None:
            self.report, self.marks = None, MarkSet()
            return
        positions = Utf16Map(self.text)
        once = {(m.start, m.end, m.finding.rule) for m in self.ignored}

        def hidden(f: Finding) -> bool:
            return (*positions.span(f.start, f.end), f.rule) in once or f in self.allowlist

        anything_hidden = bool(once) or bool(len(self.allowlist))
        self.report = without(self.raw, self.text, hidden) if anything_hidden else self.raw
        self.marks = MarkSet.from_report(self.report, positions)

    def ignore_once(self, mark: Mark) -> None:
        self.ignored = MarkSet([*self.ignored, Mark(mark.start, mark.end, mark.finding)])
        self._refilter()

    def ignore_always(self, mark: Mark) -> None:
        self.allowlist.add(mark.finding)
        self._refilter()

    def follow_edit(self, pos: int, removed: int, added: int) -> None:
        self.ignored.shift(pos, removed, added)
