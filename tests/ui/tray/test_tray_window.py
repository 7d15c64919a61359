"""The window behind the tray: it hides instead of closing, quits for real from the menu, and
takes over when the desktop has no tray."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.helpers import AWS_KEY, run_app, wait_checked, wait_until

pytestmark = pytest.mark.gui


def action(desk, name: str):
    desk.tray.menu.aboutToShow.emit()
    return next(a for a in desk.tray.menu.actions() if a.objectName() == name)


def test_the_menu_is_rebuilt_each_time_it_opens(desk):
    names = [a.objectName() for a in desk.tray.menu.actions() if not a.isSeparator()]
    desk.tray.menu.aboutToShow.emit()
    rebuilt = [a.objectName() for a in desk.tray.menu.actions() if not a.isSeparator()]
    assert rebuilt == names
    assert rebuilt == ["checkClipboard", "copySafer", "openWindow", "packVersions", "updatePacks", "settings", "quit"]
    assert desk.tray.menu.defaultAction().objectName() == "checkClipboard"


def test_open_precheck_brings_the_hidden_window_forward(desk):
    assert not desk.window.isVisible()
    action(desk, "openWindow").trigger()
    wait_until(desk.window.isVisible)


def test_closing_the_window_hides_it_in_the_tray_and_keeps_the_draft(desk):
    desk.app.open_window()
    desk.window.editor.setPlainText(f"unfinished {AWS_KEY}")
    desk.window.close()
    assert not desk.window.isVisible()
    assert desk.window.editor.toPlainText() == f"unfinished {AWS_KEY}"
    assert desk.notes[-1][0] == "Precheck is still running"
    desk.window.close()
    assert [n[0] for n in desk.notes].count("Precheck is still running") == 1, "said once"


def test_quit_asks_about_a_risky_draft_and_keep_editing_keeps_everything(desk, qtbot):
    desk.window.editor.setPlainText(f"unfinished {AWS_KEY}")
    asked = []
    desk.window.confirm_discard = lambda: asked.append(True) or False
    with qtbot.assertNotEmitted(desk.window.quitRequested):
        action(desk, "quit").trigger()
    assert asked == [True]
    assert desk.window.isVisible(), "shown, so the user sees which draft"


def test_quit_ends_the_app_when_the_draft_is_discarded(desk, qtbot):
    desk.window.editor.setPlainText(f"unfinished {AWS_KEY}")
    desk.window.confirm_discard = lambda: True
    with qtbot.waitSignal(desk.window.quitRequested, timeout=5000):
        action(desk, "quit").trigger()
    assert not desk.window.isVisible()


def test_settings_open_from_the_tray_and_show_the_global_shortcut_state(desk):
    action(desk, "settings").trigger()
    dialog = desk.window.settings_dialog
    wait_until(dialog.isVisible)
    assert dialog.shortcut_note.text() == (
        "Not available on this desktop: use the tray icon, or bind “precheck-gui --check-clipboard” "
        "to a key in your desktop's keyboard settings.")
    dialog.reject()


def test_turning_the_tray_on_in_settings_shows_the_icon_at_once(make_desk):
    desk = make_desk(in_tray=False, available=True)
    assert desk.tray is None and desk.window.isVisible()
    desk.window.open_settings()
    dialog = desk.window.settings_dialog
    dialog.start_in_tray.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert desk.tray is not None
    assert desk.window.hide_on_close and not QApplication.quitOnLastWindowClosed()


def test_without_a_system_tray_it_says_so_once_and_runs_as_a_window(make_desk):
    desk = make_desk(in_tray=True, available=False)
    window = desk.window
    assert desk.tray is None
    assert window.isVisible()
    assert window.statusBar().currentMessage() == (
        "There is no system tray on this desktop, so Precheck runs as a normal window.")
    window.statusBar().clearMessage()
    desk.app.handle("tray")
    assert window.statusBar().currentMessage() == "", "said only once"
    assert not window.hide_on_close and QApplication.quitOnLastWindowClosed()


def test_without_a_system_tray_check_clipboard_fills_the_window(make_desk):
    desk = make_desk(in_tray=True, available=False)
    QGuiApplication.clipboard().setText(f"key {AWS_KEY}")
    desk.app.handle("check-clipboard")
    wait_checked(None, desk.window)
    assert desk.window.editor.toPlainText() == f"key {AWS_KEY}"
    assert desk.window.banner.title.text() == "Don't post"
    QGuiApplication.clipboard().clear()
    desk.app.handle("check-clipboard")
    assert desk.window.statusBar().currentMessage().startswith("The clipboard is empty.")
    assert desk.window.editor.toPlainText() == f"key {AWS_KEY}", "the draft is kept"


def test_commands_from_a_second_start(desk):
    desk.app.handle("show")
    wait_until(desk.window.isVisible)
    desk.window.hide()
    desk.app.handle("tray")
    assert not desk.window.isVisible(), "already in the tray: nothing to do"
    QGuiApplication.clipboard().setText("hello team")
    before = len(desk.notes)
    desk.app.handle("check-clipboard")
    wait_until(lambda: len(desk.notes) > before)
    assert desk.notes[-1][2] == "ok"


def test_file_quit_in_the_window_also_quits_with_a_tray(desk, qtbot):
    desk.app.open_window()
    with qtbot.waitSignal(desk.window.quitRequested, timeout=5000):
        desk.window.menus.quit.trigger()
    assert not desk.window.isVisible()


def test_quit_from_the_tray_with_the_window_hidden_and_no_draft_needs_no_question(desk, qtbot):
    asked = []
    desk.window.confirm_discard = lambda: asked.append(True) or False
    with qtbot.waitSignal(desk.window.quitRequested, timeout=5000):
        action(desk, "quit").trigger()
    assert asked == []
    assert not desk.window.isVisible()


@pytest.mark.parametrize(
    ("argv", "command"),
    [([], "show"), (["--tray"], "tray"), (["--check-clipboard"], "check-clipboard"),
     (["--tray", "--check-clipboard"], "check-clipboard")],
)
def test_the_command_a_start_carries(argv, command):
    from precheck.ui.app import command_for, parse_args

    assert command_for(parse_args(argv)) == command


def test_the_start_in_the_tray_setting_starts_precheck_gui_in_the_tray(real_tray, settings, monkeypatch, tmp_path):
    """``precheck-gui`` itself, in this process: hidden in the tray where there is one, else a window."""


    from precheck.ui.main_window import MainWindow

    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(tmp_path / "absent.toml"))
    settings.start_in_tray = True
    seen: dict[str, object] = {}
    # The widgets themselves, not their ids: a freed temporary wrapper's id can be reused by the new window.
    earlier = list(QApplication.topLevelWidgets())

    def look_then_quit() -> None:
        """Always ends ``exec()``: a failed look must fail the test, not hang the suite."""
        try:
            [window] = [w for w in QApplication.topLevelWidgets()
                        if isinstance(w, MainWindow) and all(w is not e for e in earlier)]
            seen.update(visible=window.isVisible(), hides=window.hide_on_close,
                        status=window.statusBar().currentMessage())
            window.request_quit()
        except Exception:
            QApplication.quit()
            raise

    assert run_app(look_then_quit, "--ui-language", "en") == 0
    if real_tray:
        assert seen == {"visible": False, "hides": True, "status": ""}
    else:
        assert seen == {"visible": True, "hides": False,
                        "status": "There is no system tray on this desktop, so Precheck runs as a normal window."}
    assert QApplication.quitOnLastWindowClosed(), "restored for whatever runs next"
