"""The tray quick-check: the tray icon, the window behind it, and commands from a second start.

A clipboard check runs on the window's checker (see ``tray_checks``) and
answers with a notification. The text stays in memory only: clicking the
notification opens it in the window, and "Copy safer version" offers the fixed
text. Without a system tray the app says so once and the window does the job.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from precheck.core.model import Report
from precheck.ui.channels import network
from precheck.ui.i18n import tr
from precheck.ui.labels import stage_text, verdict_title
from precheck.ui.main_window import MainWindow
from precheck.ui.settings_packs import remember
from precheck.ui.tray import Tray
from precheck.ui.tray_checks import QuickCheck, SharedChecker
from precheck.ui.tray_menu import fill_menu
from precheck.ui.tray_messages import clip_problem, read_clip, summary
from precheck.ui.tray_packs import PackControl
from precheck.ui.tray_shortcut import GlobalShortcut

log = logging.getLogger(__name__)
TRACE_ENV = "PRECHECK_TRACE_FILE"
LOADING_STAGES = frozenset({"packs", "models"})


def trace(event: str) -> None:
    """Event names for tests and support ("received: show", "notified: block"); never draft text."""
    path = os.environ.get(TRACE_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(event + "\n")


class TrayApp(QObject):
    def __init__(self, window: MainWindow, shared: SharedChecker,
                 tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.tray: Tray | None = None
        self.quick = QuickCheck(shared, self._options, self)
        self.packs = PackControl(window.settings.checker_settings, self)
        self.shortcut = GlobalShortcut(self)
        self.last: tuple[str, Report] | None = None
        self._offer: str | None = None  # what clicking the last notification opens
        self._loading = True
        self._load_error = ""
        self._told_hidden = False
        self._told_no_tray = False
        self._tray_available = tray_available
        self._update_at_start = "pending"  # then "running" while that one update runs, then "done"
        self._connect()

    def _connect(self) -> None:
        runner = self.window.runner
        runner.stageChanged.connect(self._stage)
        runner.loadProblem.connect(self._load_problem)
        self.window.settingsApplied.connect(self._settings_applied)
        self.window.hiddenToTray.connect(self._hidden)
        self.quick.finished.connect(self._checked)
        self.quick.failed.connect(lambda message: self._notify(tr("The check failed"), message, "error"))
        self.packs.done.connect(self._packs_done)
        self.shortcut.activated.connect(lambda: self.handle("check-clipboard"))

    # --- starting and commands -------------------------------------------------

    def start(self, in_tray: bool) -> None:
        """In the tray if asked and possible, else as a normal window."""
        self.shortcut.register()
        if not (in_tray and self.enable_tray()):
            self.window.show()

    def enable_tray(self) -> bool:
        if self.tray is not None:
            return True
        if not self._tray_available():
            self._say_no_tray()
            return False
        self.tray = Tray(partial(fill_menu, app=self), self)
        self.tray.activated.connect(self.check_clipboard)
        self.tray.messageClicked.connect(self._message_clicked)
        self.tray.notified.connect(lambda _title, _message, kind: trace(f"notified: {kind}"))
        self.window.hide_on_close = True
        QApplication.setQuitOnLastWindowClosed(False)
        self._show_state()
        self.tray.show()
        return True

    def handle(self, command: str) -> None:
        """A command from a second start (see single_instance.py) or from the global shortcut."""
        trace(f"received: {command}")
        if command == "check-clipboard":
            self.check_clipboard()
        elif command == "tray" and self.enable_tray():
            return
        else:
            self.open_window()

    def _say_no_tray(self) -> None:
        if self._told_no_tray:
            return
        self._told_no_tray = True
        log.warning("no system tray on this desktop; running as a normal window")
        trace("no-tray")
        self.window.statusBar().showMessage(
            tr("There is no system tray on this desktop, so Precheck runs as a normal window."), 30_000)

    # --- checking the clipboard ------------------------------------------------

    def check_clipboard(self) -> None:
        if self.tray is None:
            self._check_in_window()
            return
        clip = read_clip(QGuiApplication.clipboard().mimeData())
        if clip.problem:
            self._notify(*clip_problem(clip), clip.problem, offer=clip.text or None)
        elif self._load_error:
            self._notify(stage_text("failed"), self._load_error, "error")
        else:
            if not self.quick.ready:
                self._notify(tr("Still loading"), tr("Precheck is loading its checks; "
                                                     "the result follows in a moment."), "loading")
            self.quick.check(clip.text)

    def _check_in_window(self) -> None:
        """No tray: the window takes the clipboard text, however long, or says why there is none."""
        clip = read_clip(QGuiApplication.clipboard().mimeData(), limit=sys.maxsize)
        if clip.problem:
            self.window.bring_forward()
            self.window.statusBar().showMessage(clip_problem(clip)[1], 15_000)
            return
        self.window.load_draft(clip.text)

    def _options(self) -> dict[str, str]:
        chosen = network(self.window.settings.default_network)
        return {"language": "auto", "channel": chosen.channel, "network": chosen.key}

    def _checked(self, text: str, report: Report) -> None:
        self.last = (text, report)
        self._show_state()
        self._notify(*summary(report), report.verdict.value, offer=text)

    def can_copy_safer(self) -> bool:
        return self.last is not None and self.last[1].safer_text != self.last[0]

    def copy_safer(self) -> None:
        if not self.can_copy_safer():
            return
        QGuiApplication.clipboard().setText(self.last[1].safer_text)
        self._notify(tr("Safer version copied"), tr("Paste it where you were writing your post."), "copied")

    def _notify(self, title: str, message: str, kind: str, offer: str | None = None) -> None:
        self._offer = offer
        if self.tray is not None:
            self.tray.notify(title, message, kind)

    def _message_clicked(self) -> None:
        """Opens the text the notification was about, already checked; or just the window."""
        if self._offer is not None:
            self.window.load_draft(self._offer)
        else:
            self.open_window()

    # --- loading state, packs, window ------------------------------------------

    def _stage(self, stage: str) -> None:
        if stage in LOADING_STAGES:
            self._loading, self._load_error = True, ""
            self.quick.set_ready(False)
        elif stage == "ready":
            self._loading = False
            self.quick.set_ready(True)
            self.packs.refresh()
            self._check_updates_at_start()
        elif stage == "failed":
            self._loading, self._load_error = False, stage_text("failed")
        else:
            return  # the window's own checks
        self._show_state()

    def _load_problem(self, message: str) -> None:
        if not self._load_error:
            return
        self._load_error = message or self._load_error
        self._show_state()
        if self.quick.pending is not None:
            self.quick.pending = None
            self._notify(stage_text("failed"), self._load_error, "error")

    def _show_state(self) -> None:
        if self.tray is None:
            return
        if self._loading:
            self.tray.set_state("loading", stage_text("models"))
        elif self._load_error:
            self.tray.set_state("idle", self._load_error)
        elif self.last is not None:
            verdict = self.last[1].verdict
            self.tray.set_state(verdict.value, tr("last check: {0}").format(verdict_title(verdict)))
        else:
            self.tray.set_state("idle", tr("Ready. Click to check the text on the clipboard."))

    def _check_updates_at_start(self) -> None:
        """Once per run, after the checks are ready, so a slow or offline repository never delays them."""
        if self._update_at_start != "pending":
            return
        self._update_at_start = "done"
        if self.window.settings.check_updates_at_start and not self.packs.sources().problem:
            self._update_at_start = "running"
            trace("packs: update at start")
            self.packs.update()

    def _packs_done(self, title: str, message: str, outcome: str) -> None:
        remember(self.window.settings, outcome, f"{title}. {message}")
        if self._update_at_start == "running":
            self._update_at_start = "done"
            if outcome != "current":  # never a dialog at start; "up to date" is not news
                self.window.statusBar().showMessage(f"{title}. {message}", 30_000)
        else:
            self._notify(title, message, "packs")
        if outcome == "updated":
            self.window.start()  # the new packs take effect now

    def _settings_applied(self) -> None:
        """Turning the tray on takes effect at once; the tooltip follows a new interface language."""
        if self.window.settings.start_in_tray:
            self.enable_tray()
        self._show_state()

    def _hidden(self) -> None:
        if not self._told_hidden:
            self._told_hidden = True
            self._notify(tr("Precheck is still running"),
                         tr("It stays in the tray. Use Quit Precheck in the tray menu to end it."), "info")

    def open_window(self) -> None:
        self.window.bring_forward()

    def open_settings(self) -> None:
        self.window.open_settings()
        self.window.settings_dialog.raise_()
        self.window.settings_dialog.activateWindow()

    def quit(self) -> None:
        self.window.request_quit()

    def shutdown(self) -> None:
        self.quick.shutdown()
        self.packs.shutdown()
        self.shortcut.unregister()
        if self.tray is not None:
            self.tray.close()
