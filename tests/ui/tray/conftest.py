"""Tray test set-up: a real system tray (trayer on pytest-xvfb's display) and a tray app to drive.

Under Xvfb every tray test runs against a real tray. Offscreen (no X
display) Qt has no tray at all; there the tests that need a real one skip and
the rest drive the same code with the tray declared available, so the logic is
still covered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from tests.ui.helpers import wait_until

TRAYER = ["--edge", "top", "--align", "right", "--SetDockType", "true", "--transparent", "true",
          "--expand", "true"]


def _x_display(qapp) -> bool:
    return bool(os.environ.get("DISPLAY")) and qapp.platformName() == "xcb"


@pytest.fixture(scope="session")
def real_tray(qapp) -> Iterator[bool]:
    """True when a real system tray runs: trayer started on the X display, stopped at the end."""
    if not _x_display(qapp):
        yield False
        return
    if QSystemTrayIcon.isSystemTrayAvailable():  # a desktop's own tray, or one left running
        yield True
        return
    trayer = shutil.which("trayer")
    if trayer is None:
        yield False
        return
    process = subprocess.Popen([trayer, *TRAYER], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: QSystemTrayIcon.isSystemTrayAvailable() or process.poll() is not None, 15_000)
        yield QSystemTrayIcon.isSystemTrayAvailable()
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def system_tray(real_tray, qapp) -> None:
    """For tests that need the real thing; skips only where Xvfb or trayer is missing."""
    if real_tray:
        return
    if not _x_display(qapp):
        pytest.skip("no X display: install Xvfb (Debian package xvfb) so pytest-xvfb can start one")
    pytest.skip("no system tray: install trayer (Debian package trayer)")


@dataclass
class Desk:
    """A tray app around a window with the tests' checker, and everything it told the user."""

    app: object
    window: object
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def tray(self):
        return self.app.tray

    def watch(self) -> None:
        if self.tray is not None:
            self.tray.notified.connect(lambda *note: self.notes.append(note))

    def check(self, clipboard_text: str | None = None, count: int = 1) -> tuple[str, str, str]:
        """Put text on the clipboard, check it as the tray's menu does, wait for the notification."""
        if clipboard_text is not None:
            QGuiApplication.clipboard().setText(clipboard_text)
        before = len(self.notes)
        self.app.check_clipboard()
        wait_until(lambda: len(self.notes) >= before + count, 15_000)
        return self.notes[-1]


@pytest.fixture
def make_desk(qtbot, settings, ui_checker, real_tray) -> Callable[..., Desk]:
    from precheck.ui.main_window import MainWindow
    from precheck.ui.tray_app import TrayApp
    from precheck.ui.tray_checks import SharedChecker
    from precheck.ui.worker import Loaded

    made: list[Desk] = []

    def make(in_tray: bool = True, available: bool | None = None, hold: bool = False, wait: bool = True,
             fail: Exception | None = None) -> Desk:
        shared = SharedChecker()
        desk = Desk(None, None)

        def loader() -> Loaded:
            if hold:
                desk.release.wait(30)
            if fail is not None:
                raise fail
            return Loaded(ui_checker)

        window = MainWindow(settings, loader_factory=shared.wrap(lambda _s: loader))
        qtbot.addWidget(window, before_close_func=_quiet_close)
        tray_ok = real_tray if available is None else available
        desk.app, desk.window = TrayApp(window, shared, tray_available=lambda: tray_ok), window
        desk.app.start(in_tray)
        desk.watch()
        window.start()
        made.append(desk)
        if wait and not hold and fail is None:
            wait_until(lambda: desk.app.quick.ready, 15_000)
        return desk

    yield make
    for desk in made:
        desk.release.set()
        desk.app.shutdown()
        desk.window.hide_on_close = False
    QApplication.setQuitOnLastWindowClosed(True)
    QGuiApplication.clipboard().clear()


def _quiet_close(window) -> None:
    window.confirm_discard = lambda: True
    window.runner.shutdown()


@pytest.fixture
def desk(make_desk) -> Desk:
    """In the tray: a real one under Xvfb, else the same code with the tray declared available."""
    return make_desk(available=True)
