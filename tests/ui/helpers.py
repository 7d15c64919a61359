"""Shared steps of the GUI tests: paste like a user, wait like a user."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

FIXTURES = Path(__file__).parent / "fixtures"
TEST_PACK = FIXTURES / "ui-test-pack.yaml"
AWS_KEY = "AKIAZ7EXAMPLE4NWL2QX"


def wait_until(condition: Callable[[], object], timeout: int = 10_000) -> None:
    """Like ``qtbot.waitUntil``, but waiting in an event loop, as the app does.

    ``QTest.qWait`` (behind ``qtbot.waitUntil``) holds Python's GIL while it
    sleeps, which starves the checker thread; an event loop releases it.
    """
    deadline = time.monotonic() + timeout / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true within {timeout} ms")
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def wait_checked(qtbot, window, timeout: int = 10_000) -> None:
    """Until the final report for exactly the text now in the editor is on screen."""
    wait_until(
        lambda: window.is_current()
        and window.review.report.complete
        and not window.editor.highlighter.pending,
        timeout,
    )


def paste(qtbot, window, text: str) -> None:
    """Paste as a user would (one undoable insert), then wait for the check."""
    window.editor.selectAll()
    window.editor.insertPlainText(text)
    wait_checked(qtbot, window)
