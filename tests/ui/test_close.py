"""Closing never loses a risky or unchecked draft silently, and never saves it either."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import AWS_KEY, paste

pytestmark = pytest.mark.gui


def answer_next_question(button_text: str, asked: list[str]) -> None:
    """Click a button in the message box the window is about to show."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def test_closing_with_a_risky_draft_asks_and_keep_editing_keeps_it(qtbot, window):
    paste(qtbot, window, f"key {AWS_KEY}")
    asked: list[str] = []
    answer_next_question("Keep editing", asked)
    window.close()
    assert asked and "Precheck never saves drafts" in asked[0]
    assert window.isVisible()
    assert window.editor.toPlainText() == f"key {AWS_KEY}"


def test_discarding_closes_the_window(qtbot, window):
    paste(qtbot, window, f"key {AWS_KEY}")
    asked: list[str] = []
    answer_next_question("Discard draft", asked)
    window.close()
    assert asked
    assert not window.isVisible()


def test_an_unchecked_draft_also_asks(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window, "confirm_discard", lambda: asked.append(True) or False)
    window.editor.setPlainText("Just typed, not checked yet")
    window.close()
    assert asked == [True]
    assert window.isVisible()


def test_a_checked_clean_draft_or_an_empty_one_closes_without_a_question(qtbot, make_window, monkeypatch):
    for draft in ("A lovely day at the office.", ""):
        window = make_window()
        asked = []
        monkeypatch.setattr(window, "confirm_discard", lambda asked=asked: asked.append(True) or False)
        if draft:
            paste(qtbot, window, draft)
            assert window.banner.title.text() == "Looks good"
        window.close()
        assert asked == []
        assert not window.isVisible()
