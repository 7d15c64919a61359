"""``precheck-gui`` itself: the window first, checks later; and a Qt binding that does not crash."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import run_app

pytestmark = pytest.mark.gui


def test_main_opens_the_window_before_the_checks_are_loaded(qtbot):
    from precheck.ui.main_window import MainWindow

    seen: dict[str, object] = {}

    def look_then_quit() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["status"] = window.status.text()
        seen["title"] = window.windowTitle()
        window.close()  # the last window: exec() returns, as when the user quits

    assert run_app(look_then_quit, "--ui-language", "en") == 0
    assert seen["status"] == "Loading rule packs…"
    assert seen["title"] == "Precheck: check a post before you share it"


def test_an_unknown_option_is_a_usage_error():
    from precheck.ui import app

    with pytest.raises(SystemExit) as exit_info:
        app.main(["--ui-language", "fr"])
    assert exit_info.value.code == 2


def test_void_qt_calls_keep_none_alive():
    """PySide6 6.12.0 dropped a reference to None per void call, aborting Python 3.11 apps."""
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) >= before - 100
