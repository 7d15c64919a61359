"""What the user reads before posting: verdict, channel, length, safer version, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from precheck.ui.worker import Loaded
from tests.ui.helpers import AWS_KEY, paste, wait_checked

pytestmark = pytest.mark.gui


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_codename_blocks_in_public_but_is_fine_on_the_internal_network(qtbot, window):
    paste(qtbot, window, "Project Quokka ships next month, thanks team!")
    assert window.bar.networks.currentData() == "linkedin"
    assert window.banner.title.text() == "Don't post"
    choose(window.bar.networks, "yammer")
    wait_checked(qtbot, window)
    assert window.review.report.channel == "internal"
    assert window.banner.title.text() == "Looks good"
    assert window.panel.items() == []
    assert window.bar.counter.text() == "45 / 10000 characters"


def test_a_warning_asks_for_review(qtbot, window):
    paste(qtbot, window, "Our new release is zorbtastic")
    assert window.banner.title.text() == "Review before posting"
    assert window.banner.verdict == "review"


def test_the_counter_and_banner_say_when_a_post_is_too_long_for_x(qtbot, window):
    choose(window.bar.networks, "x")
    paste(qtbot, window, "word " * 60)
    assert window.bar.counter.text() == "300 / 280 characters"
    assert window.bar.counter.property("over") is True
    choose(window.bar.networks, "linkedin")
    assert window.bar.counter.text() == "300 / 3000 characters"
    assert window.bar.counter.property("over") is False


def test_copy_safer_version_puts_the_redacted_post_on_the_clipboard(qtbot, window):
    draft = f"Deploy key {AWS_KEY} works again 🎉"
    paste(qtbot, window, draft)
    window.tabs.setCurrentWidget(window.safer)
    html = window.safer.browser.toHtml()
    assert "line-through" in html and AWS_KEY in html and "[redacted]" in html
    qtbot.mouseClick(window.safer.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == "Deploy key [redacted] works again 🎉"
    assert window.status.text() == "Safer version copied to the clipboard."
    qtbot.mouseClick(window.safer.apply_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == copied


def test_the_safer_view_says_when_a_finding_needs_a_manual_fix(qtbot, make_window, ui_checker):
    from dataclasses import replace

    class NoFixes:
        """The shared checker, with every suggestion stripped."""

        nlp, detectors = None, ()

        def resolve_language(self, text, language):
            return ui_checker.resolve_language(text, language)

        def check(self, text, **kw):
            report = ui_checker.check(text, **kw)
            findings = tuple(replace(f, suggestions=()) for f in report.findings)
            return replace(report, findings=findings, safer_text=text)

    window = make_window(lambda _s: lambda: Loaded(NoFixes()))
    paste(qtbot, window, "Project Quokka")
    window.tabs.setCurrentWidget(window.safer)
    assert window.safer.note.text() == "1 finding(s) have no automatic fix: edit them by hand."
    assert not window.bar.apply_all.isEnabled()


def test_automatic_language_shows_what_it_detected_and_can_be_overridden(qtbot, window):
    paste(qtbot, window, "Vandaag was een mooie dag op kantoor met alle collega's van het team.")
    assert window.review.report.language == "nl"
    assert window.bar.languages.currentText() == "Automatic (Dutch)"
    choose(window.bar.languages, "en")
    wait_checked(qtbot, window)
    assert window.review.report.language == "en"


def test_copy_right_after_typing_waits_for_the_check_of_what_was_typed(qtbot, window):
    paste(qtbot, window, "Old text")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(f" and key {AWS_KEY}")
    QGuiApplication.clipboard().setText("")
    window.menus.copy_safer.trigger()
    assert QGuiApplication.clipboard().text() == "", "not the safer version of the old text"
    wait_checked(qtbot, window)
    assert QGuiApplication.clipboard().text() == "Old text and key [redacted]"
