"""A clipboard the tray cannot check quickly gets a short, clear message; nothing is lost or written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QGuiApplication, QImage

from precheck.ui.tray_messages import MAX_QUICK_CHARS, Clip, read_clip
from tests.ui.helpers import AWS_KEY, wait_checked, wait_until

pytestmark = pytest.mark.gui


def image_only() -> QMimeData:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    mime = QMimeData()
    mime.setImageData(image)
    return mime


@pytest.mark.parametrize(
    ("mime", "expected"),
    [
        (None, Clip(problem="empty")),
        ("", Clip(problem="empty")),
        (" \n\t ", Clip(problem="empty")),
        ("a post", Clip("a post")),
        ("x" * MAX_QUICK_CHARS, Clip("x" * MAX_QUICK_CHARS)),
        ("x" * (MAX_QUICK_CHARS + 1), Clip("x" * (MAX_QUICK_CHARS + 1), "huge")),
    ],
)
def test_reading_the_clipboard(qapp, mime, expected):
    data = None
    if mime is not None:
        data = QMimeData()
        data.setText(mime)
    assert read_clip(data) == expected


def test_an_image_is_not_text(qapp):
    assert read_clip(image_only()) == Clip(problem="not-text")


def test_an_empty_clipboard_gets_a_short_message(desk):
    QGuiApplication.clipboard().clear()
    assert desk.check() == ("Nothing to check", "The clipboard is empty. Copy the text of your post, "
                            "then check again.", "empty")
    assert desk.tray.state == "idle"


def test_an_image_on_the_clipboard_gets_a_short_message_and_stays_there(desk):
    QGuiApplication.clipboard().setMimeData(image_only())
    title, message, kind = desk.check()
    assert (title, kind) == ("Nothing to check", "not-text")
    assert message.startswith("The clipboard holds no text (an image or a file?).")
    assert QGuiApplication.clipboard().mimeData().hasImage(), "nothing is lost"


def test_a_huge_text_is_offered_to_the_window_instead(desk):
    huge = f"{AWS_KEY} " + "word " * 6000
    title, message, kind = desk.check(huge)
    assert (title, kind) == ("Too long for a quick check", "huge")
    assert message == ("The clipboard holds 30021 characters; the quick check takes up to 20000. "
                       "Click here to check it in the Precheck window.")
    assert desk.tray.state == "idle", "no verdict for a text that was not checked"
    assert QGuiApplication.clipboard().text() == huge
    desk.tray.icon.messageClicked.emit()
    wait_until(desk.window.isVisible)
    assert desk.window.editor.toPlainText() == huge
    wait_checked(None, desk.window, timeout=30_000)
    assert desk.window.banner.title.text() == "Don't post"


def test_clicking_a_message_without_text_just_opens_the_window(desk):
    QGuiApplication.clipboard().clear()
    desk.check()
    desk.tray.icon.messageClicked.emit()
    wait_until(desk.window.isVisible)
    assert desk.window.editor.toPlainText() == ""
