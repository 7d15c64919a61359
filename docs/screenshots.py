"""Screenshots of the desktop app with findings, in English and Dutch, for the README.

Usage: ``.venv/bin/python docs/screenshots.py`` (starts its own Xvfb when there
is no display; else uses the current one). Writes PNGs to ``docs/img/``. The
drafts and the company rule pack are fictional; settings go to a temporary
folder, so the user's own settings are untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
DEMO_PACK = ROOT / "tests" / "ui" / "fixtures" / "demo-pack.yaml"
SIZE = (1200, 640)
DRAFTS = {
    "en": (
        "Huge thanks to the team behind Project Kestrel! We go live with Alpenrose Dairy next "
        "week. Honestly, the old planning tool was a disaster and the vendor are total idiots.\n\n"
        "Questions? Mail jan.devries@northwind.example or call +31 6 1234 5678.\n"
        "Demo key: AKIAZ7EXAMPLE4NWL2QX"
    ),
    "nl": (
        "Trots op het team van Project Kestrel! Volgende week gaan we live bij Alpenrose Dairy. "
        "Eerlijk gezegd was het oude systeem een ramp en die leverancier zijn echte idioten.\n\n"
        "Vragen? Mail jan.devries@northwind.example of bel 06 12345678.\n"
        "Demosleutel: AKIAZ7EXAMPLE4NWL2QX"
    ),
}


def private_dirs() -> None:
    root = tempfile.mkdtemp(prefix="precheck-shots-")
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        os.environ[f"XDG_{name}_HOME"] = os.path.join(root, name.lower())


def display(stack: ExitStack) -> None:
    """A 24-bit virtual screen when none is there, so colours and anti-aliasing are true."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return
    try:
        from pyvirtualdisplay import Display

        stack.enter_context(Display(size=(1600, 1000), color_depth=24))
    except Exception:  # no Xvfb: Qt's offscreen platform renders the same widgets
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def settle(app, condition, limit: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > limit:
            raise TimeoutError("the check did not finish")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def shoot(app, language: str, tab: int, name: str) -> Path:
    from precheck.service import CheckerSettings
    from precheck.ui import i18n
    from precheck.ui.main_window import MainWindow
    from precheck.ui.settings import AppSettings
    from precheck.ui.worker import load_checker

    i18n.install(language)
    settings = CheckerSettings(extra_packs=[DEMO_PACK])
    window = MainWindow(AppSettings(), lambda _s: lambda: load_checker(settings))
    window.resize(*SIZE)
    window.show()
    window.start()
    window.editor.setPlainText(DRAFTS[language])
    settle(app, lambda: window.is_current() and window.review.report.complete)
    window.tabs.setCurrentIndex(tab)
    marks = list(window.editor.marks)
    if marks:
        window.panel.select(marks[0])
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    settle(app, lambda: not window.editor.highlighter.pending)
    pause = time.monotonic() + 0.3  # let queued layout and show events run before the grab
    settle(app, lambda: time.monotonic() > pause)
    path = OUT / name
    window.grab().save(str(path))
    window.confirm_discard = lambda: True
    window.close()
    return path


def main() -> int:
    private_dirs()
    with ExitStack() as stack:
        display(stack)
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        OUT.mkdir(parents=True, exist_ok=True)
        for language, tab, name in (("en", 0, "main-en.png"), ("nl", 0, "main-nl.png"),
                                    ("en", 1, "safer-en.png")):
            print(shoot(app, language, tab, name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
