"""Linux desktop integration: the launcher entry and the autostart entry.

Both are small freedesktop.org ``.desktop`` files in the user's own folders,
so no administrator rights are needed; IT can place the same file system-wide.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from precheck.paths import resources_dir

APP_ID = "precheck"
ENTRY = """[Desktop Entry]
Type=Application
Version=1.5
Name=precheck
GenericName=Post checker
GenericName[nl]=Berichtencontrole
Comment=Check a social-media draft before you post it
Comment[nl]=Controleer een bericht voordat je het plaatst
Exec={exec}
Icon={icon}
Terminal=false
Categories=Office;Utility;
Keywords=social;post;privacy;confidential;
StartupNotify=true
"""


def launch_command(tray: bool = False) -> str:
    """How to start this very installation: the frozen bundle, or this Python with the app module."""
    if getattr(sys, "frozen", False):
        parts = [str(Path(sys.executable).with_name("precheck-gui"))]
    else:
        parts = [sys.executable, "-m", "precheck.ui.app"]
    if tray:
        parts.append("--tray")
    return shlex.join(parts)


def entry_text(tray: bool = False) -> str:
    icon = resources_dir() / "icons" / "precheck.svg"
    return ENTRY.format(exec=launch_command(tray), icon=icon if icon.is_file() else APP_ID)


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def autostart_path() -> Path:
    return _config_home() / "autostart" / f"{APP_ID}.desktop"


def launcher_path() -> Path:
    return _data_home() / "applications" / f"{APP_ID}.desktop"


def set_autostart(enabled: bool) -> Path:
    """Start with the system (minimised to the tray) or not; returns the entry's path."""
    path = autostart_path()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(tray=True), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return path


def install_launcher() -> Path:
    path = launcher_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(), encoding="utf-8")
    return path


def main() -> None:
    """``python -m precheck.desktop_entry``: add precheck to the desktop's application menu."""
    print(f"installed {install_launcher()}")


if __name__ == "__main__":
    main()
