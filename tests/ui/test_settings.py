"""Settings: stored in the config folder, credentials only in the keyring, language switchable."""

from __future__ import annotations

import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import TEST_PACK, paste

pytestmark = pytest.mark.gui


def open_settings(qtbot, window):
    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    return dialog


def press_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_settings_live_in_the_platform_config_folder(qtbot, window, app_dirs):
    dialog = open_settings(qtbot, window)
    dialog.network.setCurrentIndex(dialog.network.findData("yammer"))
    dialog.draft_nl.setChecked(False)
    dialog.start_in_tray.setChecked(True)
    press_ok(qtbot, dialog)
    path = app_dirs["config"] / "precheck" / "precheck.conf"
    assert window.settings.path == path
    text = path.read_text(encoding="utf-8")
    assert "network=yammer" in text and "start_in_tray=true" in text
    assert [window.bar.languages.itemData(i) for i in range(window.bar.languages.count())] == ["auto", "en"]


def test_the_grammar_key_goes_to_the_keyring_never_to_the_file(qtbot, window, memory_keyring):
    dialog = open_settings(qtbot, window)
    assert dialog.grammar_key.isEnabled()
    dialog.grammar_key.setText("s3cr3t-grammar-key")
    press_ok(qtbot, dialog)
    assert memory_keyring.store[("precheck", "grammar-server")] == "s3cr3t-grammar-key"
    assert "s3cr3t" not in window.settings.path.read_text(encoding="utf-8")
    assert open_settings(qtbot, window).grammar_key.text() == "s3cr3t-grammar-key"


def test_without_a_keyring_the_dialog_says_so_and_still_saves_the_rest(qtbot, window):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    dialog = open_settings(qtbot, window)
    assert not dialog.grammar_key.isEnabled()
    assert dialog.keyring_note.text().startswith("No system keyring is available")
    dialog.start_in_tray.setChecked(True)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.settings.start_in_tray is True


def test_a_rule_pack_added_in_settings_is_used_for_the_next_check(qtbot, make_window, settings):
    from precheck.ui.main_window import default_loader

    window = make_window(default_loader)
    paste(qtbot, window, "Project Quokka launches soon")
    assert window.banner.title.text() == "Looks good"
    dialog = open_settings(qtbot, window)
    dialog.packs.addItem(str(TEST_PACK))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.banner.title.text() == "Don't post", timeout=20_000)
    assert settings.pack_sources == (str(TEST_PACK),)


def test_switching_the_interface_to_dutch_and_back(qtbot, window):
    paste(qtbot, window, "Project Quokka")
    dialog = open_settings(qtbot, window)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("nl"))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.banner.title.text() == "Niet plaatsen")
    assert window.tabs.tabText(1) == "Veiligere versie"
    assert window.menus.file.title() == "&Bestand"
    assert window.settings.ui_language == "nl"
    dialog = open_settings(qtbot, window)
    assert dialog.windowTitle() == "Instellingen van Precheck"
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("en"))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.banner.title.text() == "Don't post")
