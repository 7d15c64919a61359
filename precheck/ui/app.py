"""``precheck-gui``: open the window first, then load the checks in the background."""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler

from precheck.ui.settings import APPLICATION, ORGANISATION, AppSettings, log_dir


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="precheck-gui", description="Check a post before you share it."
    )
    parser.add_argument("--ui-language", choices=("system", "en", "nl"),
                        help="interface language for this session (default: from settings)")
    return parser.parse_args(argv)


def setup_logging() -> None:
    """Warnings go to a small log in the platform's log folder; it never holds draft text."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "precheck-gui.log", maxBytes=256_000, backupCount=1,
                                      encoding="utf-8", delay=True)
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from precheck.ui import i18n
    from precheck.ui.main_window import MainWindow

    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Precheck")
    settings = AppSettings()
    i18n.install(args.ui_language or settings.ui_language)
    window = MainWindow(settings)
    window.show()
    window.start()
    code = app.exec()
    window.runner.shutdown()
    return code


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
