"""The frozen app's one executable: ``precheck gui`` opens the desktop app, anything else is the CLI.

One executable instead of two halves the bundle's Python archive; the
``precheck-gui`` launcher beside it runs ``precheck gui``.
"""

import os
import sys


def _x11_instead_of_wayland() -> None:
    """The bundle has Qt's X11 platform plugin but not Wayland's (build.spec): on a desktop
    that insists on QT_QPA_PLATFORM=wayland, run under XWayland rather than abort."""
    asked = os.environ.get("QT_QPA_PLATFORM", "")
    if asked and all(name.startswith("wayland") for name in asked.split(";")):
        os.environ["QT_QPA_PLATFORM"] = "xcb"


def run() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "gui":
        del sys.argv[1]
        _x11_instead_of_wayland()
        from precheck.ui.app import entry
    else:
        from precheck.cli.main import entry
    entry()


if __name__ == "__main__":
    run()
