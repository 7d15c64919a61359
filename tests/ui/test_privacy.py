"""Nothing of a draft reaches the disk, whatever the user does with it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import AWS_KEY, TEST_PACK, wait_checked

pytestmark = pytest.mark.gui
MARKER = "Marker7c1eQx"
DRAFT = f"{MARKER} says Project Quokka is zorbtastic, key {AWS_KEY}"


def every_file(roots: list[Path]) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def leaks(files: list[Path], secrets: list[str]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if secret.encode(encoding) in data:
                    found.append(f"{path}: {secret} ({encoding})")
    return found


@pytest.fixture
def app_log():
    """The app's own file log, as ``precheck-gui`` sets it up, pointed at the test's folders."""
    from precheck.ui.app import setup_logging

    before = list(logging.getLogger().handlers)
    setup_logging()
    yield
    for handler in set(logging.getLogger().handlers) - set(before):
        handler.close()
        logging.getLogger().removeHandler(handler)


def test_the_draft_appears_in_no_file_after_every_feature_is_used(qtbot, make_window, settings, app_dirs, app_log):
    from precheck.ui.main_window import default_loader

    settings.pack_sources = (str(TEST_PACK),)
    window = make_window(default_loader)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, DRAFT)  # QTest types ASCII only; the emoji is pasted
    window.editor.insertPlainText(" 🙂")
    wait_checked(qtbot, window, timeout=20_000)
    assert {m.finding.text for m in window.editor.marks} == {"Project Quokka", "zorbtastic", AWS_KEY}

    key = next(m for m in window.editor.marks if m.finding.text == AWS_KEY)
    window.apply_suggestion(key, key.finding.suggestions[0])
    wait_checked(qtbot, window)
    window.ignore_always(next(m for m in window.editor.marks if m.finding.text == "zorbtastic"))
    window.ignore_once(next(m for m in window.editor.marks if m.finding.text == "Project Quokka"))
    window.navigate(1)
    window.tabs.setCurrentWidget(window.safer)
    qtbot.mouseClick(window.safer.copy_button, Qt.MouseButton.LeftButton)
    assert MARKER in QGuiApplication.clipboard().text()
    logging.getLogger("precheck.ui").warning("a warning while the draft is open")

    window.open_settings()
    window.settings_dialog.start_in_tray.setChecked(True)
    ok = window.settings_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    window.confirm_discard = lambda: True
    window.menus.quit.trigger()
    assert not window.isVisible()

    files = every_file(list(app_dirs.values()))
    assert settings.path in files, "the settings were written, so the search covers real files"
    logs = [p for p in files if p.suffix == ".log"]
    assert logs, "the log was written too"
    assert "checks ready in" in "".join(p.read_text(encoding="utf-8") for p in logs), "start-up time, for support"
    assert leaks(files, [MARKER, AWS_KEY, "Quokka", "zorbtastic"]) == []
