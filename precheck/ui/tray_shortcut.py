"""A global "check clipboard" shortcut, only where the platform allows one without extra privileges.

Qt has no portable global-shortcut API. Windows' ``RegisterHotKey`` needs no
privileges and no helper library, so precheck uses it there. X11 would need a
helper library, Wayland a desktop portal, macOS an event tap the user must
allow; there the settings say so and point to the desktop's own keyboard
settings, bound to ``precheck-gui --check-clipboard``.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, QTimer, Signal

from precheck.ui.i18n import tr

log = logging.getLogger(__name__)
KEYS = "Ctrl+Alt+P"
MOD_ALT, MOD_CONTROL, MOD_NOREPEAT = 0x0001, 0x0002, 0x4000
VK_P = 0x50
WM_HOTKEY = 0x0312
HOTKEY_ID = 0x5043
_status = {"value": "unsupported"}  # what the settings dialog reports: registered, taken, unsupported


def shortcut_note() -> str:
    """One sentence for the settings dialog; never silent about a missing shortcut."""
    return {
        "registered": tr("{0} checks the clipboard from any program.").format(KEYS),
        "taken": tr("{0} is already used by another program, so there is no global shortcut. "
                    "Use the tray icon instead.").format(KEYS),
    }.get(_status["value"], tr(
        "Not available on this desktop: use the tray icon, or bind “precheck-gui --check-clipboard” "
        "to a key in your desktop's keyboard settings."))


class _HotkeyFilter(QAbstractNativeEventFilter):
    def __init__(self, callback) -> None:
        super().__init__()
        self._callback = callback

    def nativeEventFilter(self, event_type, message) -> tuple[bool, int]:  # Qt override
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                QTimer.singleShot(0, self._callback)  # not inside the native event
                return True, 0
        return False, 0


class GlobalShortcut(QObject):
    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter: _HotkeyFilter | None = None

    def register(self) -> bool:
        if sys.platform != "win32":
            _status["value"] = "unsupported"
            return False
        user32 = ctypes.windll.user32
        if not user32.RegisterHotKey(None, HOTKEY_ID, MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, VK_P):
            log.warning("global shortcut %s is taken by another program", KEYS)
            _status["value"] = "taken"
            return False
        self._filter = _HotkeyFilter(self.activated.emit)
        QCoreApplication.instance().installNativeEventFilter(self._filter)
        _status["value"] = "registered"
        return True

    def unregister(self) -> None:
        if self._filter is None:
            return
        QCoreApplication.instance().removeNativeEventFilter(self._filter)
        ctypes.windll.user32.UnregisterHotKey(None, HOTKEY_ID)
        self._filter = None
        _status["value"] = "unsupported"
