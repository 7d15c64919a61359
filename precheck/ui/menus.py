"""The window's menus and shortcuts (F8 / Shift+F8 walk the findings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from precheck.ui.i18n import tr

if TYPE_CHECKING:
    from precheck.ui.main_window import MainWindow


class Menus:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file, self.edit, self.help = bar.addMenu(""), bar.addMenu(""), bar.addMenu("")
        ed = window.editor
        keys = QKeySequence.StandardKey
        self.settings = self._add(self.file, window.open_settings, keys.Preferences)
        self.file.addSeparator()
        self.quit = self._add(self.file, window.request_quit, keys.Quit)
        self.undo = self._add(self.edit, ed.undo, keys.Undo)
        self.redo = self._add(self.edit, ed.redo, keys.Redo)
        self.edit.addSeparator()
        self.next = self._add(self.edit, lambda: window.navigate(1), QKeySequence("F8"))
        self.previous = self._add(self.edit, lambda: window.navigate(-1), QKeySequence("Shift+F8"))
        self.edit.addSeparator()
        self.apply_all = self._add(self.edit, window.apply_all, QKeySequence("Ctrl+Shift+A"))
        self.copy_safer = self._add(self.edit, window.copy_safer, QKeySequence("Ctrl+Shift+C"))
        self.about = self._add(self.help, self._about, None)

    def _add(self, menu, slot, shortcut) -> QAction:
        action = menu.addAction("")
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def retranslate(self) -> None:
        self.file.setTitle(tr("&File"))
        self.edit.setTitle(tr("&Edit"))
        self.help.setTitle(tr("&Help"))
        texts = {
            self.settings: tr("&Settings…"),
            self.quit: tr("&Quit"),
            self.undo: tr("&Undo"),
            self.redo: tr("&Redo"),
            self.next: tr("&Next finding"),
            self.previous: tr("&Previous finding"),
            self.apply_all: tr("&Apply all safe suggestions"),
            self.copy_safer: tr("&Copy safer version"),
            self.about: tr("&About Precheck"),
        }
        for action, text in texts.items():
            action.setText(text)

    def _about(self) -> None:
        QMessageBox.about(self.window, tr("About Precheck"), tr(
            "Precheck checks a social-media draft for secrets, confidential information, personal "
            "data, tone and policy problems before you post it. Everything runs on this computer; "
            "nothing of your draft is sent anywhere or saved."))
