"""The settings dialog's "Rule packs" page: what is active, where it came from, and updating from IT's repositories.

The work itself is the tray's (``tray_packs``), off the GUI thread; this page
only shows it, and remembers the last outcome in the settings so it survives
a restart.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from precheck.rulepacks.levels import DEPARTMENT, LEVELS
from precheck.ui.i18n import tr
from precheck.ui.settings import AppSettings
from precheck.ui.tray_packs import PackControl, PackInfo


def origin_text(origin: str, info: PackInfo) -> str:
    if origin in LEVELS:
        installed = info.installed(origin)
        name, version = (installed.name, installed.version) if installed else ("?", "?")
        if origin == DEPARTMENT:
            return tr("from your department's repository {0}, version {1}").format(name, version)
        return tr("from your organisation's repository {0}, version {1}").format(name, version)
    if origin == "extra":
        return tr("your own pack file")
    return tr("built-in")


def pack_lines(info: PackInfo | None) -> list[str]:
    if info is None:
        return [tr("Loading rule packs…")]
    origins = info.origins or ("builtin",) * len(info.packs)
    return [f"{pack_id} {version} ({origin_text(origin, info)})"
            for (pack_id, version), origin in zip(info.packs, origins, strict=False)]


def remember(settings: AppSettings, outcome: str, message: str) -> None:
    """The last update's result, for the page; the time is local, as the user reads it."""
    settings.last_pack_update = (datetime.now().strftime("%Y-%m-%d %H:%M"), outcome, message)


def last_update_text(settings: AppSettings) -> str:
    last = settings.last_pack_update
    if last is None:
        return tr("No update has run yet.")
    when, _outcome, message = last
    return tr("Last update ({0}): {1}").format(when, message)


class PacksPage(QWidget):
    """Lists the active packs and offers "Update now" when IT configured a repository (organisation, department)."""

    updated = Signal()  # new packs are installed: the checks should reload

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="rulePacksPage")
        self.settings = settings
        self.control = PackControl(settings.checker_settings, self)
        self.versions = QListWidget(objectName="packList")
        self.update_button = QPushButton(tr("Update now"), objectName="updateNow", clicked=self.update_now)
        self.source_note = QLabel(objectName="muted", wordWrap=True)
        self.last = QLabel(objectName="lastUpdate", wordWrap=True)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(tr("Active rule packs")))
        box.addWidget(self.versions, 1)
        box.addWidget(self.update_button)
        box.addWidget(self.source_note)
        box.addWidget(self.last)
        self.control.infoChanged.connect(self._show_info)
        self.control.done.connect(self._done)
        self._show_info()
        self._show_source()
        self.last.setText(last_update_text(settings))
        self.control.refresh()

    def _show_info(self) -> None:
        self.versions.clear()
        self.versions.addItems(pack_lines(self.control.info))

    def _show_source(self) -> None:
        """Disabled with IT's missing or broken configuration as the reason."""
        problem = self.control.sources().problem
        self.update_button.setEnabled(not problem and not self.control.updating)
        self.update_button.setToolTip(problem)
        self.source_note.setText(problem)

    def update_now(self) -> None:
        self.control.update()
        if self.control.updating:
            self.update_button.setEnabled(False)
            self.last.setText(tr("Updating rule packs…"))

    def _done(self, title: str, message: str, outcome: str) -> None:
        remember(self.settings, outcome, f"{title}. {message}")
        self.last.setText(last_update_text(self.settings))
        self._show_source()
        self.control.refresh()
        if outcome == "updated":
            self.updated.emit()

    def shutdown(self) -> None:
        self.control.shutdown()
