"""Pasting a draft: underlines in the right place and style, tooltips, suggestions, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from tests.ui.helpers import AWS_KEY, paste, wait_checked

pytestmark = pytest.mark.gui
Style = QTextCharFormat.UnderlineStyle


def underlines(window) -> list[tuple[int, int, str, Style]]:
    """Every formatted range the highlighter put in the document, in UTF-16 positions."""
    out, block = [], window.editor.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            start = block.position() + r.start
            out.append((start, start + r.length, r.format.underlineColor().name(), r.format.underlineStyle()))
        block = block.next()
    return out


def document_slice(window, start: int, end: int) -> str:
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def viewport_point(window, pos: int) -> QPoint:
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(pos)
    return window.editor.cursorRect(cursor).center()


def test_a_secret_after_emoji_is_underlined_exactly(qtbot, window):
    draft = f"Launch day 🚀🚀 key {AWS_KEY} for the team"
    paste(qtbot, window, draft)
    [(start, end, colour, style)] = underlines(window)
    assert start == draft.index(AWS_KEY) + 2  # each rocket is two UTF-16 units
    assert document_slice(window, start, end) == AWS_KEY
    assert (colour, style) == ("#c62828", Style.SingleUnderline)


def test_each_severity_has_its_own_mark_and_the_panel_groups_by_category(qtbot, window):
    paste(qtbot, window, "Project Quokka is zorbtastic. TODO-POST")
    styles = {document_slice(window, s, e): style for s, e, _, style in underlines(window)}
    assert styles == {
        "Project Quokka": Style.SingleUnderline,
        "zorbtastic": Style.WaveUnderline,
        "TODO-POST": Style.DotLine,
    }
    groups = [window.panel.tree.topLevelItem(i).text(0) for i in range(window.panel.tree.topLevelItemCount())]
    assert groups == ["Confidential information (1)", "Tone (1)", "Policy (1)"]
    assert window.banner.title.text() == "Don't post"
    assert window.banner.detail.text().startswith("1 must fix · 1 to review · 1 notes")


def test_hovering_a_finding_shows_its_message(qtbot, window):
    draft = f"my key {AWS_KEY}"
    paste(qtbot, window, draft)
    point = viewport_point(window, draft.index(AWS_KEY) + 3)
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.editor.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "AWS access key" in QToolTip.text()
    assert "[redacted]" in QToolTip.text()


def test_fix_from_the_panel_and_take_it_back_with_ctrl_z(qtbot, window):
    draft = f"My key {AWS_KEY} is here"
    paste(qtbot, window, draft)
    [entry] = window.panel.items()
    window.panel.tree.setCurrentItem(entry)
    [fix] = window.panel.card.fix_buttons()
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "My key [redacted] is here"
    wait_checked(qtbot, window)
    assert underlines(window) == []
    assert window.banner.title.text() == "Looks good"

    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == draft
    wait_checked(qtbot, window)
    assert window.banner.title.text() == "Don't post"
    assert len(underlines(window)) == 1


def test_right_click_on_a_finding_offers_its_fix_first(qtbot, window, monkeypatch):
    draft = f"key {AWS_KEY} end"
    paste(qtbot, window, draft)
    offered: list[str] = []

    def choose_first(menu: QMenu, *_args):
        offered.extend(a.text() for a in menu.actions())
        menu.actions()[0].trigger()

    monkeypatch.setattr(window.editor, "popup", choose_first)
    point = viewport_point(window, draft.index(AWS_KEY) + 1)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.editor.mapToGlobal(point))
    QApplication.sendEvent(window.editor.viewport(), event)
    assert offered[:3] == ["Replace with “[redacted]”", "Ignore once", "Always ignore this term"]
    assert window.editor.toPlainText() == "key [redacted] end"


def test_clicking_into_a_finding_shows_it_in_the_panel(qtbot, window):
    draft = f"Project Quokka and {AWS_KEY}"
    paste(qtbot, window, draft)
    point = viewport_point(window, draft.index(AWS_KEY) + 2)
    qtbot.mouseClick(window.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.panel.current_mark().finding.text == AWS_KEY
    assert window.panel.card.title.text() == "AWS access key"
    assert [b.text() for b in window.panel.card.fix_buttons()] == ["Replace with “[redacted]”"]


def test_apply_all_gives_the_safer_version_and_one_undo_restores(qtbot, window):
    draft = f"Project Quokka is zorbtastic, key {AWS_KEY}. TODO-POST"
    paste(qtbot, window, draft)
    safer = window.review.report.safer_text
    assert window.bar.apply_all.isEnabled()
    assert window.bar.apply_all.toolTip() == "Apply all safe suggestions"
    qtbot.mouseClick(window.bar.apply_all, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == safer
    assert safer.rstrip() == "an internal project is good, key [redacted]."
    window.editor.undo()
    assert window.editor.toPlainText() == draft


def test_f8_walks_the_findings_and_wraps(qtbot, window):
    draft = f"zorbtastic {AWS_KEY} Project Quokka"
    paste(qtbot, window, draft)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
        seen.append(window.editor.textCursor().selectedText())
    assert seen == ["zorbtastic", AWS_KEY, "Project Quokka", "zorbtastic"]
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "Project Quokka"
    assert window.panel.current_mark().finding.text == "Project Quokka"


def test_underlines_follow_typing_before_the_next_check(qtbot, window):
    draft = f"key {AWS_KEY}"
    paste(qtbot, window, draft)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(window.editor, "My ")
    [(start, end, _, _)] = underlines(window)
    assert document_slice(window, start, end) == AWS_KEY
