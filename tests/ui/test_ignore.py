"""Ignore once hides one occurrence; always ignore remembers a salted hash, never the term."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import AWS_KEY, paste, wait_checked

pytestmark = pytest.mark.gui
OTHER_KEY = "AKIAZ7EXAMPLE4NWL2QY"


def texts(window) -> list[str]:
    return [m.finding.text for m in window.editor.marks]


def test_ignore_once_hides_that_occurrence_only(qtbot, window):
    paste(qtbot, window, "Project Quokka, yes, Project Quokka")
    first = next(iter(window.editor.marks))
    window.ignore_once(first)
    assert [m.start for m in window.editor.marks] == [21]
    assert window.banner.title.text() == "Don't post"
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(" today")
    wait_checked(qtbot, window)
    assert [m.start for m in window.editor.marks] == [21], "typing elsewhere keeps it ignored"


def test_ignore_once_ends_when_its_text_is_edited(qtbot, window):
    paste(qtbot, window, "Project Quokka")
    window.ignore_once(next(iter(window.editor.marks)))
    assert texts(window) == []
    window.editor.selectAll()
    window.editor.insertPlainText("Project Quokka!")
    wait_checked(qtbot, window)
    assert texts(window) == ["Project Quokka"]


def test_always_ignore_hides_every_occurrence_and_survives_a_restart(qtbot, make_window, settings):
    window = make_window()
    paste(qtbot, window, f"{AWS_KEY} and {AWS_KEY} and {OTHER_KEY}")
    mark = next(m for m in window.editor.marks if m.finding.text == AWS_KEY)
    window.panel.select(mark)
    qtbot.mouseClick(window.panel.card.ignore_always, Qt.MouseButton.LeftButton)
    assert texts(window) == [OTHER_KEY]
    assert window.review.report.safer_text.startswith(f"{AWS_KEY} and {AWS_KEY}")

    stored = settings.path.read_text(encoding="utf-8")
    assert AWS_KEY not in stored
    assert len(settings.ignored_digests) == 1

    again = make_window()
    paste(qtbot, again, f"new post with {AWS_KEY}")
    assert texts(again) == []

