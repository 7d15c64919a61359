"""The safer version of the post, as a diff against the draft, ready to copy."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from precheck.core.model import Report, Severity
from precheck.ui.diff import Change, changes
from precheck.ui.i18n import tr

CONTEXT = 2000
INFO = Severity.INFO
_DEL = '<span style="background:#fde0dc;color:#b71c1c;text-decoration:line-through">{}</span>'
_INS = '<span style="background:#dcf5e0;color:#1b5e20;font-weight:600">{}</span>'


def diff_html(old: str, edits: list[Change]) -> str:
    """Changes inline; long unchanged stretches shortened so a 1 MB draft stays cheap to show."""
    parts, last = [], 0
    for i, change in enumerate(edits):
        parts.append(_plain(old[last:change.start], first=i == 0, last=False))
        if change.start < change.end:
            parts.append(_DEL.format(escape(old[change.start:change.end])))
        if change.new:
            spacer = "\u2009" if change.start < change.end else ""  # thin space: old | new
            parts.append(spacer + _INS.format(escape(change.new)))
        last = change.end
    parts.append(_plain(old[last:], first=not edits, last=True))
    return '<div style="white-space:pre-wrap">' + "".join(parts) + "</div>"


def _plain(text: str, first: bool, last: bool) -> str:
    if len(text) > 2 * CONTEXT and not (first and last):
        head = "" if first else text[:CONTEXT]
        tail = "" if last else text[-CONTEXT:]
        return escape(head) + " <i>[…]</i> " + escape(tail)
    return escape(text)


class SaferView(QWidget):
    applyAll = Signal()
    copyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(objectName="saferDiff", openLinks=False)
        self.note = QLabel(objectName="muted", wordWrap=True)
        self.copy_button = QPushButton()
        self.apply_button = QPushButton()
        self.copy_button.clicked.connect(self.copyRequested)
        self.apply_button.clicked.connect(self.applyAll)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._draft = ""
        self._report: Report | None = None
        self._dirty = False
        self.edits: list[Change] = []
        self.retranslate()
        self.set_report(None, "")

    def retranslate(self) -> None:
        self.copy_button.setText(tr("Copy safer version"))
        self.apply_button.setText(tr("Apply all safe suggestions"))
        self._dirty = True
        self.refresh()

    def set_report(self, report: Report | None, draft: str) -> None:
        self._report, self._draft, self._dirty = report, draft, True
        ready = report is not None and report.safer_text != draft
        self.apply_button.setEnabled(ready)
        self.copy_button.setEnabled(report is not None and bool(draft))
        self.refresh()

    def refresh(self) -> None:
        """Work only while visible: a diff nobody looks at is not computed."""
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        report = self._report
        if report is None:
            self.edits = []
            self.browser.setPlainText("")
            self.note.setText(tr("The safer version appears here once the draft is checked."))
            return
        self.edits = changes(self._draft, report.safer_text)
        self.browser.setHtml(diff_html(self._draft, self.edits))
        self.note.setText(self._note(report))

    def _note(self, report: Report) -> str:
        manual = [f for f in report.findings if not f.suggestions and f.severity is not INFO]
        if manual:
            return tr("{0} finding(s) have no automatic fix: edit them by hand.").format(
                len(manual)
            )
        if not self.edits:
            return tr("No changes needed.")
        return tr("Red is removed, green is added.")

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.refresh()

    def copy(self) -> None:
        if self._report is not None:
            QGuiApplication.clipboard().setText(self._report.safer_text)
