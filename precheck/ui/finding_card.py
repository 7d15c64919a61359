"""The chosen finding explained: what it is, why it matters, which rule says so, the fixes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from precheck.ui.editor import fix_label
from precheck.ui.i18n import tr
from precheck.ui.labels import category_label, excerpt, severity_label, split_message
from precheck.ui.marks import Mark
from precheck.ui.style import severity_icon


class FindingCard(QScrollArea):
    """Scrolls rather than squeezes: a long explanation never overlaps the buttons."""

    applyRequested = Signal(object, str)
    ignoreOnce = Signal(object)
    ignoreAlways = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.body = QFrame(objectName="card")
        self.setWidget(self.body)
        self.mark: Mark | None = None
        self.icon = QLabel()
        self.title = QLabel(objectName="cardTitle", wordWrap=True)
        self.severity = QLabel(objectName="muted", wordWrap=True)
        self.flagged = QLabel(objectName="cardExcerpt", wordWrap=True)
        self.why = QLabel(wordWrap=True)
        self.rule = QLabel(objectName="muted", wordWrap=True)
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fixes = QVBoxLayout()
        self.ignore_once = QPushButton(clicked=self._ignore_once)
        self.ignore_always = QPushButton(clicked=self._ignore_always)
        self.empty = QLabel(objectName="muted", wordWrap=True)
        self._layout()
        self.retranslate()
        self.show_mark(None)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        ignores = QHBoxLayout()
        ignores.addWidget(self.ignore_once)
        ignores.addWidget(self.ignore_always)
        ignores.addStretch(1)
        box = QVBoxLayout(self.body)
        box.addLayout(head)
        for label in (self.severity, self.flagged, self.why, self.rule):
            box.addWidget(label)
        box.addLayout(self.fixes)
        box.addLayout(ignores)
        box.addWidget(self.empty)
        box.addStretch(1)

    def retranslate(self) -> None:
        self.ignore_once.setText(tr("Ignore once"))
        self.ignore_always.setText(tr("Always ignore"))
        self.ignore_always.setToolTip(tr(
            "Never flag this term for this rule again. "
            "Only a salted fingerprint of it is stored, never the term."
        ))
        self.empty.setText(tr("Choose a finding to see why it matters and how to fix it."))
        self.show_mark(self.mark)

    def show_mark(self, mark: Mark | None) -> None:
        self.mark = mark
        self._clear_fixes()
        has = mark is not None
        for widget in (self.icon, self.title, self.severity, self.flagged, self.why, self.rule,
                       self.ignore_once, self.ignore_always):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if mark is None:
            return
        f = mark.finding
        title, why = split_message(f.message, f.kind)
        self.icon.setPixmap(severity_icon(f.severity).pixmap(20, 20))
        self.title.setText(title)
        self.severity.setText(f"{category_label(f.category)} · {severity_label(f.severity)}")
        self.flagged.setText(excerpt(f.text, 80))
        self.why.setText(tr("Why it matters: {0}").format(why))
        self.rule.setText(tr("Rule: {0}").format(f.rule))
        for suggestion in f.suggestions:
            self._add_fix(mark, suggestion)

    def _add_fix(self, mark: Mark, suggestion: str) -> None:
        button = QPushButton(fix_label(suggestion), self.body, objectName="fix")
        button.clicked.connect(lambda _=False: self.applyRequested.emit(mark, suggestion))
        self.fixes.addWidget(button)

    def _clear_fixes(self) -> None:
        while self.fixes.count():
            widget = self.fixes.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def fix_buttons(self) -> list[QPushButton]:
        return [self.fixes.itemAt(i).widget() for i in range(self.fixes.count())]

    def _ignore_once(self) -> None:
        if self.mark is not None:
            self.ignoreOnce.emit(self.mark)

    def _ignore_always(self) -> None:
        if self.mark is not None:
            self.ignoreAlways.emit(self.mark)
