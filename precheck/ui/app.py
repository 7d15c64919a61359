"""``precheck-gui``: open the window (or the tray icon) first, then load the checks in the background.

One instance runs per user; starting it again hands the command (show,
tray, check the clipboard) to the running one and exits at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from precheck.ui.settings import APPLICATION, ORGANISATION, AppSettings, log_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from precheck.ui.single_instance import SingleInstance


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="precheck-gui", description="Check a post before you share it."
    )
    parser.add_argument("--ui-language", choices=("system", "en", "nl"),
                        help="interface language for this session (default: from settings)")
    parser.add_argument("--tray", action="store_true", help="start minimised in the system tray")
    parser.add_argument("--check-clipboard", action="store_true",
                        help="check the text on the clipboard and show the verdict as a notification; "
                             "bind this to a key in your desktop's keyboard settings")
    return parser.parse_args(argv)


def command_for(args: argparse.Namespace) -> str:
    if args.check_clipboard:
        return "check-clipboard"
    return "tray" if args.tray else "show"


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
    logging.getLogger("precheck.startup").setLevel(logging.INFO)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from precheck.ui.single_instance import SingleInstance, send_command

    handed = send_command(command_for(args))
    if handed is not False:
        return _handed(handed)
    from PySide6.QtWidgets import QApplication

    from precheck.ui import i18n

    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Precheck")
    instance = SingleInstance()
    if not instance.listen():  # another start won the race
        return _handed(send_command(command_for(args)))
    try:
        settings = AppSettings()
        i18n.install(args.ui_language or settings.ui_language)
        return _run(app, args, settings, instance)
    finally:
        instance.close()


def _handed(answer: bool | None) -> int:
    if answer:
        return 0
    print("precheck-gui: precheck is already running but did not answer; "
          "end it (it may be hidden in the tray) and try again", file=sys.stderr)
    return 1


def _run(app: QApplication, args: argparse.Namespace, settings: AppSettings, instance: SingleInstance) -> int:
    from precheck.ui.main_window import MainWindow, default_loader
    from precheck.ui.tray_app import TrayApp, trace
    from precheck.ui.tray_checks import SharedChecker

    shared = SharedChecker()
    window = MainWindow(settings, loader_factory=shared.wrap(default_loader))
    desk = TrayApp(window, shared)
    instance.commandReceived.connect(desk.handle)
    window.quitRequested.connect(app.quit)
    app.setQuitOnLastWindowClosed(True)
    desk.start(in_tray=args.tray or args.check_clipboard or settings.start_in_tray)
    window.start()
    if args.check_clipboard:
        desk.check_clipboard()
    trace("listening")
    try:
        return app.exec()
    finally:
        desk.shutdown()
        window.runner.shutdown()
        app.setQuitOnLastWindowClosed(True)


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
