"""The quick check from the tray: copy a draft, check it, read the verdict, copy the safer text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from precheck.ui.tray import tray_icon
from tests.ui.helpers import AWS_KEY, wait_checked, wait_until

pytestmark = pytest.mark.gui
RISKY = f"Big news: Project Quokka ships soon, my key is {AWS_KEY}"
CLEAN = "A lovely day at the office with the whole team."


def icon_is(desk, state: str) -> bool:
    return desk.tray.state == state and desk.tray.icon.icon().cacheKey() == tray_icon(state).cacheKey()


def action(desk, name: str):
    desk.tray.menu.aboutToShow.emit()
    return next(a for a in desk.tray.menu.actions() if a.objectName() == name)


def test_a_real_tray_shows_the_icon(system_tray, make_desk):
    assert QSystemTrayIcon.isSystemTrayAvailable()
    desk = make_desk()
    wait_until(lambda: desk.tray.icon.isVisible() and desk.tray.icon.geometry().width() > 0)
    assert not desk.window.isVisible(), "started minimised in the tray"
    assert icon_is(desk, "idle")


def test_the_icon_says_loading_until_the_checks_are_ready(make_desk):
    desk = make_desk(available=True, hold=True)
    wait_until(lambda: desk.app.window.status.text() == "Loading rule packs…")
    assert icon_is(desk, "loading")
    assert desk.tray.icon.toolTip() == "Precheck: Loading language models…"
    desk.release.set()
    wait_until(lambda: desk.app.quick.ready)
    assert icon_is(desk, "idle")


def test_a_risky_clipboard_says_dont_post_without_repeating_the_secret(desk):
    title, message, kind = desk.check(RISKY)
    assert (title, message, kind) == ("Don't post", "Internal codename, AWS access key", "block")
    assert AWS_KEY not in message and "Quokka" not in message
    assert icon_is(desk, "block")
    assert desk.tray.icon.toolTip() == "Precheck: last check: Don't post"
    assert QGuiApplication.clipboard().text() == RISKY, "checking never changes the clipboard"


def test_a_clean_clipboard_looks_good(desk):
    assert desk.check(CLEAN) == ("Looks good", "Nothing to fix in the text on the clipboard.", "ok")
    assert icon_is(desk, "ok")
    assert not action(desk, "copySafer").isEnabled(), "nothing safer to copy"


def test_tone_findings_are_quoted_so_the_user_sees_which_word(desk):
    assert desk.check("Our new planner is zorbtastic!") == (
        "Review before posting", "Hype word “zorbtastic”", "review")
    assert icon_is(desk, "review")


def test_many_findings_are_summed_up_in_one_line(desk):
    _, message, _ = desk.check("zorbtastic Project Quokka TODO-POST and zorbtastic " + AWS_KEY)
    assert message.startswith("Internal codename, AWS access key, Hype word “zorbtastic”")
    assert message.endswith(" and 1 more")


def test_copy_safer_version_puts_the_safer_text_on_the_clipboard(desk):
    assert not action(desk, "copySafer").isEnabled(), "nothing checked yet"
    desk.check(RISKY)
    copy = action(desk, "copySafer")
    assert copy.isEnabled()
    copy.trigger()
    safer = QGuiApplication.clipboard().text()
    assert safer == "Big news: an internal project ships soon, my key is [redacted]"
    assert desk.notes[-1][:2] == ("Safer version copied", "Paste it where you were writing your post.")
    assert desk.check() == ("Looks good", "Nothing to fix in the text on the clipboard.", "ok")


def test_clicking_the_notification_opens_the_window_with_the_text_checked(desk):
    desk.check(RISKY)
    desk.tray.icon.messageClicked.emit()
    window = desk.window
    wait_until(window.isVisible)
    assert window.editor.toPlainText() == RISKY
    wait_checked(None, window)
    assert window.banner.title.text() == "Don't post"


def test_the_window_keeps_its_draft_undoable_when_the_tray_replaces_it(desk):
    window = desk.window
    window.editor.setPlainText("my own draft")
    desk.check(CLEAN)
    desk.tray.icon.messageClicked.emit()
    wait_until(lambda: window.editor.toPlainText() == CLEAN)
    window.editor.undo()
    assert window.editor.toPlainText() == "my own draft"


def test_a_left_click_checks_the_clipboard_and_other_clicks_do_not(desk):
    QGuiApplication.clipboard().setText(CLEAN)
    desk.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    desk.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    wait_until(lambda: desk.notes)
    assert [n[2] for n in desk.notes] == ["ok"]


def test_the_menu_check_action_works_like_a_click(desk):
    QGuiApplication.clipboard().setText(CLEAN)
    action(desk, "checkClipboard").trigger()
    wait_until(lambda: desk.notes)
    assert desk.notes[-1][2] == "ok"


def test_a_check_asked_for_while_loading_follows_when_ready(make_desk):
    desk = make_desk(available=True, hold=True)
    QGuiApplication.clipboard().setText(RISKY)
    desk.app.check_clipboard()
    assert desk.notes[-1] == (
        "Still loading", "Precheck is loading its checks; the result follows in a moment.", "loading")
    desk.release.set()
    wait_until(lambda: len(desk.notes) == 2, 15_000)
    assert desk.notes[-1][0] == "Don't post"


def test_in_dutch_the_notification_is_dutch(desk):
    from precheck.ui import i18n

    i18n.install("nl")
    title, message, _ = desk.check(CLEAN)
    assert (title, message) == ("Ziet er goed uit", "Niets te verbeteren in de tekst op het klembord.")


def test_nothing_of_the_clipboard_reaches_the_disk(desk, app_dirs, monkeypatch):
    """Checked, copied, opened and traced: the text stays in memory (the settings file is written)."""
    from tests.ui.test_privacy import every_file, leaks

    monkeypatch.setenv("PRECHECK_TRACE_FILE", str(app_dirs["state"] / "trace.txt"))
    draft = f"Marker7c1eQx says Project Quokka is zorbtastic, key {AWS_KEY}"
    desk.check(draft)
    desk.tray.icon.messageClicked.emit()
    wait_checked(None, desk.window)
    action(desk, "copySafer").trigger()
    desk.window.settings.start_in_tray = True
    files = every_file(list(app_dirs.values()))
    assert desk.window.settings.path in files and app_dirs["state"] / "trace.txt" in files
    assert leaks(files, ["Marker7c1eQx", AWS_KEY, "Quokka", "zorbtastic"]) == []


def test_when_the_checks_cannot_start_the_tray_says_why(make_desk):
    from precheck.core.errors import PackError

    desk = make_desk(available=True, hold=True, fail=PackError("rule pack acme.yaml has 1 problem(s)"))
    QGuiApplication.clipboard().setText(CLEAN)
    desk.app.check_clipboard()
    desk.release.set()
    wait_until(lambda: len(desk.notes) == 2, 15_000)
    assert desk.notes[-1] == ("Checks could not start.", "rule pack acme.yaml has 1 problem(s) [E200]", "error")
    assert icon_is(desk, "idle") and "acme.yaml" in desk.tray.icon.toolTip()
    assert desk.check()[2] == "error", "and says it again when asked again"
