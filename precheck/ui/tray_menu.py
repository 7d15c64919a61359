"""The tray menu, filled afresh each time it opens so it shows the state of that moment."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from precheck.ui.i18n import tr
from precheck.ui.tray_packs import version_lines

if TYPE_CHECKING:
    from precheck.ui.tray_app import TrayApp


def _add(menu: QMenu, text: str, slot: Callable[[], None], name: str) -> QAction:
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(lambda _=False: slot())
    return action


def fill_menu(menu: QMenu, app: TrayApp) -> None:
    check = _add(menu, tr("Check clipboard"), app.check_clipboard, "checkClipboard")
    menu.setDefaultAction(check)
    copy = _add(menu, tr("Copy safer version"), app.copy_safer, "copySafer")
    copy.setEnabled(app.can_copy_safer())
    if not copy.isEnabled():
        copy.setToolTip(tr("Check a text with findings first; its safer version can then be copied from here."))
    _add(menu, tr("Open Precheck"), app.open_window, "openWindow")
    menu.addSeparator()
    _add_packs(menu, app)
    menu.addSeparator()
    _add(menu, tr("Settings…"), app.open_settings, "settings")
    _add(menu, tr("Quit Precheck"), app.quit, "quit")


def _add_packs(menu: QMenu, app: TrayApp) -> None:
    versions = menu.addMenu(tr("Rule packs"))
    versions.menuAction().setObjectName("packVersions")
    for line in version_lines(app.packs.info):
        versions.addAction(line).setEnabled(False)
    update = _add(menu, tr("Update rule packs"), app.packs.update, "updatePacks")
    if app.packs.updating:
        update.setText(tr("Updating rule packs…"))
        update.setEnabled(False)
        return
    problem = app.packs.sources().problem
    if problem:
        update.setEnabled(False)
        update.setToolTip(problem)
