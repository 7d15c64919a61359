"""The one-line answer at the top: may I post this, and how many problems are there."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from precheck.core.model import Report, Severity, Verdict
from precheck.ui.i18n import tr
from precheck.ui.labels import verdict_title
from precheck.ui.style import VERDICT_COLOURS, verdict_icon


class VerdictBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="banner")
        self.icon = QLabel()
        self.title = QLabel(objectName="bannerTitle")
        self.detail = QLabel(objectName="bannerDetail", wordWrap=True)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.addWidget(self.icon)
        row.addLayout(text, 1)
        self.verdict: Verdict | None = None
        self.show_idle(tr("Paste or type a draft to check it."))

    def show_idle(self, message: str, title: str | None = None) -> None:
        self._paint(None, title or tr("Nothing checked yet"), message)

    def show_report(self, report: Report, extra: str = "") -> None:
        counts = tr("{0} must fix · {1} to review · {2} notes").format(
            report.count(Severity.BLOCK), report.count(Severity.WARN), report.count(Severity.INFO)
        )
        if not report.complete:
            counts += " · " + tr("deeper checks still running…")
        detail = " · ".join(part for part in (counts, extra) if part)
        self._paint(report.verdict, verdict_title(report.verdict), detail)

    def _paint(self, verdict: Verdict | None, title: str, detail: str) -> None:
        self.verdict = verdict
        background, foreground = VERDICT_COLOURS[verdict]
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {foreground}40; }}"
            f" QLabel {{ color: {foreground}; background: transparent; }}"
        )
        self.icon.setPixmap(verdict_icon(verdict).pixmap(30, 30))
        self.title.setText(title)
        self.detail.setText(detail)
