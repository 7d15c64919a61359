"""The window's side of living in the tray: come forward, take the tray's text, hide on close, quit.

Closing never loses a draft silently. With a tray icon the window only hides
and the draft stays in memory; quitting asks about an unchecked or risky draft
once. Mixed into ``MainWindow``, whose widgets these methods use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox

from precheck.core.model import Verdict
from precheck.ui.i18n import tr


class WindowLife:
    hide_on_close = False  # set while the tray icon keeps the app running
    _quitting = False

    def bring_forward(self) -> None:
        """Shown, restored if minimised, on top and focused (as far as the window manager allows)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def load_draft(self, text: str) -> None:
        """The tray's text in the editor as one undoable edit (Ctrl+Z brings back what was there), checked at once."""
        if self.editor.toPlainText() != text:
            self.editor.selectAll()
            self.editor.insertPlainText(text)
        self.runner.send()
        self.bring_forward()

    def request_quit(self) -> None:
        """File > Quit and the tray's Quit: the draft question once, then the whole app ends."""
        self._quitting = True
        if self.hide_on_close and self.needs_confirmation():
            self.bring_forward()  # show which draft the question is about
        closed = self.close()
        self._quitting = False
        if closed:
            self.quitRequested.emit()

    def needs_confirmation(self) -> bool:
        if not self._length():
            return False
        report = self.review.report
        return not (self.is_current() and report.complete and report.verdict is Verdict.OK)

    def confirm_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Discard this draft?"), tr(
            "This draft is not checked or still has findings. "
            "Precheck never saves drafts, so closing now discards it."
        ), parent=self)
        discard = box.addButton(tr("Discard draft"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is discard

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.hide_on_close and not self._quitting:
            event.ignore()  # the draft stays in memory; the tray brings the window back
            self.hide()
            self.hiddenToTray.emit()
            return
        if self.needs_confirmation() and not self.confirm_discard():
            event.ignore()
            return
        self.runner.shutdown()
        event.accept()
