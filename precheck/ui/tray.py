"""The tray icon: its picture follows the last verdict, its menu is rebuilt each time it opens.

``notify`` is the one way the tray speaks to the user, so tests and the
benchmark observe exactly what the user would read (``notified``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from precheck.paths import resources_dir
from precheck.ui.i18n import tr

STATES = ("idle", "loading", "ok", "review", "block")
MESSAGE_MS = 10_000


@cache
def tray_icon(state: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"tray-{state}.svg"))


class Tray(QObject):
    activated = Signal()
    messageClicked = Signal()
    notified = Signal(str, str, str)  # title, message, kind

    def __init__(self, fill_menu: Callable[[QMenu], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fill_menu = fill_menu
        self.menu = QMenu()
        self.menu.setToolTipsVisible(True)
        # Rebuilt on every opening (vorta's tray_menu.py), so versions and the update state are current.
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.messageClicked)
        self.state = ""
        self.set_state("idle", tr("Ready. Click to check the text on the clipboard."))
        self.rebuild_menu()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def rebuild_menu(self) -> None:
        self.menu.clear()
        self._fill_menu(self.menu)

    def set_state(self, state: str, detail: str) -> None:
        if state not in STATES:
            raise ValueError(f"unknown tray state {state!r}")
        self.state = state
        self.icon.setIcon(tray_icon(state))
        self.icon.setToolTip(tr("Precheck: {0}").format(detail))

    def notify(self, title: str, message: str, kind: str = "info") -> None:
        """``kind`` (a verdict, a clipboard problem, ...) picks the icon; it is also what a trace records."""
        state = kind if kind in STATES else "idle"
        self.icon.showMessage(title, message, tray_icon(state), MESSAGE_MS)
        self.notified.emit(title, message, kind)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        """A left click (Trigger) checks the clipboard; the context menu opens by itself.

        On macOS a click opens the menu and also reports Trigger, so there the menu's
        "Check clipboard" does it, not every glance at the menu.
        """
        if reason == QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin":
            self.activated.emit()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
