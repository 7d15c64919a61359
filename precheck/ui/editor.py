"""The draft editor: underlines with tooltips, suggestions on right-click, undoable fixes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from precheck.ui.highlighter import FindingHighlighter
from precheck.ui.i18n import tr
from precheck.ui.marks import Mark, MarkSet


class DraftEditor(QPlainTextEdit):
    suggestionChosen = Signal(object, str)
    ignoreOnce = Signal(object)
    ignoreAlways = Signal(object)
    markEntered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.marks = MarkSet()
        # Marks must follow an edit before the highlighter repaints the edited block.
        self.document().contentsChange.connect(self._follow_edit)
        self.highlighter = FindingHighlighter(self.document(), self.marks)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(
            tr("Paste or type your draft here. Nothing you type leaves this computer.")
        )

    def set_marks(self, marks: MarkSet) -> None:
        first, last = self._visible_blocks()
        self.marks = marks
        self.highlighter.replace_marks(marks, first, last)

    def _visible_blocks(self) -> tuple[int, int]:
        top = self.firstVisibleBlock().blockNumber()
        bottom = self.cursorForPosition(QPoint(0, self.viewport().height())).blockNumber()
        return top, max(top, bottom)

    def _follow_edit(self, pos: int, removed: int, added: int) -> None:
        self.marks.shift(pos, removed, added)

    def mark_at(self, pos: int) -> Mark | None:
        """The most severe finding under a position, if any."""
        found = self.marks.at(pos)
        return max(found, key=lambda m: m.finding.severity.rank) if found else None

    def viewportEvent(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event) -> None:
        pos = self.cursorForPosition(event.pos()).position()
        marks = self.marks.at(pos)
        if not marks:
            QToolTip.hideText()
            return
        text = "<br><br>".join(tooltip_html(m) for m in marks)
        QToolTip.showText(event.globalPos(), text, self.viewport())

    def contextMenuEvent(self, event) -> None:  # Qt override
        menu = self.createStandardContextMenu(event.pos())
        mark = self.mark_at(self.cursorForPosition(event.pos()).position())
        if mark is not None:
            self._add_mark_actions(menu, mark)
        self.popup(menu, event.globalPos())
        menu.deleteLater()

    def popup(self, menu: QMenu, where: QPoint) -> None:
        """Blocks until the user picks; a seam for tests, which cannot click a modal menu."""
        menu.exec(where)

    def _add_mark_actions(self, menu: QMenu, mark: Mark) -> None:
        first = menu.actions()[0] if menu.actions() else None
        emit = self.suggestionChosen.emit
        actions = [
            self._action(menu, fix_label(s), lambda _=False, s=s: emit(mark, s))
            for s in mark.finding.suggestions
        ]
        once = self._action(menu, tr("Ignore once"), lambda _=False: self.ignoreOnce.emit(mark))
        always = self._action(
            menu, tr("Always ignore this term"), lambda _=False: self.ignoreAlways.emit(mark)
        )
        actions += [once, always]
        for action in actions:
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    @staticmethod
    def _action(menu: QMenu, text: str, slot):
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _cursor_moved(self) -> None:
        mark = self.mark_at(self.textCursor().position())
        if mark is not None:
            self.markEntered.emit(mark)

    def replace_span(self, start: int, end: int, text: str) -> None:
        """One edit block, so Ctrl+Z takes back exactly this fix."""
        self.apply_changes([(start, end, text)])

    def apply_changes(self, changes: Sequence[tuple[int, int, str]]) -> None:
        """Several fixes as one undo step, applied right to left so positions stay valid."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, text in sorted(changes, reverse=True):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
        cursor.endEditBlock()

    def select_mark(self, mark: Mark) -> None:
        cursor = self.textCursor()
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


def tooltip_html(mark: Mark) -> str:
    f = mark.finding
    fix = tr("Suggestion: {0}").format(escape(f.suggestions[0])) if f.suggestions else ""
    head = f"<b>{escape(f.message)}</b><br><small>{escape(f.rule)}</small>"
    return head + (f"<br>{fix}" if fix else "")


def fix_label(suggestion: str) -> str:
    return tr("Replace with “{0}”").format(suggestion) if suggestion else tr("Remove it")
