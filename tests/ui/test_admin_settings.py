"""Settings IT locks in the machine configuration win, and the dialog shows them greyed out."""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.admin_config import load_admin_config
from precheck.ui.settings import AppSettings
from precheck.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def admin(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[settings]\ndefault_network = "x"\nui_language = "nl"\nlocked = ["default_network"]\n')
    return load_admin_config(path)


def test_locked_value_wins_over_what_the_user_stored(tmp_path: Path, admin) -> None:
    settings = AppSettings(tmp_path / "user.conf", admin=admin)
    settings.default_network = "linkedin"
    assert settings.default_network == "x"
    assert AppSettings(tmp_path / "user.conf", admin=admin).default_network == "x"


def test_preset_is_only_a_default(tmp_path: Path, admin) -> None:
    settings = AppSettings(tmp_path / "user.conf", admin=admin)
    assert settings.ui_language == "nl"
    settings.ui_language = "en"
    assert settings.ui_language == "en"


def test_dialog_greys_out_locked_settings(qtbot, tmp_path: Path, admin) -> None:
    dialog = SettingsDialog(AppSettings(tmp_path / "user.conf", admin=admin))
    qtbot.addWidget(dialog)
    assert not dialog.network.isEnabled() and dialog.network.toolTip()
    assert dialog.ui_language.isEnabled()


def test_start_with_the_system_writes_the_autostart_entry(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    dialog = SettingsDialog(AppSettings(tmp_path / "user.conf", admin=load_admin_config(tmp_path / "none.toml")))
    qtbot.addWidget(dialog)
    dialog.start_with_system.setChecked(True)
    dialog.accept()
    entry = tmp_path / "cfg" / "autostart" / "precheck.desktop"
    assert entry.is_file() and "--tray" in entry.read_text()
    dialog = SettingsDialog(AppSettings(tmp_path / "user.conf", admin=load_admin_config(tmp_path / "none.toml")))
    qtbot.addWidget(dialog)
    assert dialog.start_with_system.isChecked()
    dialog.start_with_system.setChecked(False)
    dialog.accept()
    assert not entry.exists()
