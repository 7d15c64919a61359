"""Linux desktop integration: launcher and autostart entries in the user's own folders."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from precheck import desktop_entry


@pytest.fixture(autouse=True)
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_autostart_on_writes_an_entry_that_starts_in_the_tray(homes: Path) -> None:
    path = desktop_entry.set_autostart(True)
    assert path == homes / "config" / "autostart" / "precheck.desktop"
    entry = read_entry(path)
    assert entry["Type"] == "Application" and entry["Exec"].endswith("--tray")
    assert entry["Comment[nl]"] and Path(entry["Icon"]).is_file()


def test_autostart_off_removes_the_entry_and_is_idempotent() -> None:
    desktop_entry.set_autostart(True)
    desktop_entry.set_autostart(False)
    desktop_entry.set_autostart(False)
    assert not desktop_entry.autostart_path().exists()


def test_launcher_entry_opens_the_window(homes: Path) -> None:
    entry = read_entry(desktop_entry.install_launcher())
    assert "precheck.ui.app" in entry["Exec"] and "--tray" not in entry["Exec"]
    assert "Office" in entry["Categories"]
