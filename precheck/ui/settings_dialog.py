"""Settings: languages, network, rule packs, grammar server, tray; keys go to the keyring."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from precheck import desktop_entry
from precheck.ui import credentials
from precheck.ui.channels import NETWORKS
from precheck.ui.i18n import tr
from precheck.ui.settings import AppSettings
from precheck.ui.settings_packs import PacksPage
from precheck.ui.tray_shortcut import shortcut_note


class SettingsDialog(QDialog):
    def __init__(
        self, settings: AppSettings, grammar_status: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="settings")
        self.setWindowTitle(tr("Precheck settings"))
        self.settings = settings
        self.ui_language = QComboBox()
        self.ui_language.addItem(tr("Follow the system"), "system")
        self.ui_language.addItem("English", "en")
        self.ui_language.addItem("Nederlands", "nl")
        self.draft_en = QCheckBox(tr("English"))
        self.draft_nl = QCheckBox(tr("Dutch"))
        self.network = QComboBox()
        for n in NETWORKS:
            self.network.addItem(n.label, n.key)
        self.packs = QListWidget()
        # Where drafts may go for grammar is the administrator's choice; the user only sees it.
        self.grammar_status = QLabel(grammar_status or tr("Grammar checks are off."), wordWrap=True)
        self.grammar_key = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.keyring_note = QLabel(objectName="muted", wordWrap=True)
        self.start_in_tray = QCheckBox(tr("Start in the system tray"))
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.start_in_tray.setToolTip(tr("There is no system tray on this desktop; "
                                             "Precheck opens as a normal window instead."))
        self.start_with_system = QCheckBox(tr("Start with the system (in the tray)"))
        if sys.platform != "linux":
            self.start_with_system.setVisible(False)
        self.shortcut_note = QLabel(shortcut_note(), objectName="muted", wordWrap=True)
        self.shortcut_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Not stopped on close: an update that is still running finishes and reloads the checks.
        self.packs_page = PacksPage(settings)
        self._build()
        self._load()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Interface language"), self.ui_language)
        drafts = QHBoxLayout()
        drafts.addWidget(self.draft_en)
        drafts.addWidget(self.draft_nl)
        drafts.addStretch(1)
        form.addRow(tr("Draft languages"), drafts)
        form.addRow(tr("Default network"), self.network)
        form.addRow(tr("Extra rule packs"), self._pack_editor())
        form.addRow(tr("Grammar checks"), self.grammar_status)
        form.addRow(tr("Grammar server key"), self.grammar_key)
        form.addRow("", self.keyring_note)
        form.addRow("", self.start_in_tray)
        form.addRow("", self.start_with_system)
        form.addRow(tr("Global shortcut"), self.shortcut_note)
        if self.settings.admin_problem:
            form.addRow("", QLabel(self.settings.admin_problem, objectName="muted", wordWrap=True))
        general = QWidget(objectName="generalPage")
        general.setLayout(form)
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(general, tr("General"))
        self.tabs.addTab(self.packs_page, tr("Rule packs"))
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(self.buttons)

    def _pack_editor(self) -> QWidget:
        add = QPushButton(tr("Add…"), clicked=self._add_pack)
        remove = QPushButton(tr("Remove"), clicked=self._remove_pack)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.packs, 1)
        row.addLayout(side)
        self.packs.setMaximumHeight(90)
        return holder

    def _load(self) -> None:
        s = self.settings
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.ui_language)))
        self.draft_en.setChecked("en" in s.draft_languages)
        self.draft_nl.setChecked("nl" in s.draft_languages)
        self.network.setCurrentIndex(max(0, self.network.findData(s.default_network)))
        self.packs.addItems(list(s.pack_sources))
        self.start_in_tray.setChecked(s.start_in_tray)
        self.start_with_system.setChecked(s.start_with_system)
        self._show_locks()
        self._load_key()

    def _load_key(self) -> None:
        problem = credentials.keyring_problem()
        self.grammar_key.setEnabled(problem is None)
        if problem is None:
            self.grammar_key.setText(credentials.load_secret(credentials.GRAMMAR_KEY))
            note = tr("The key is kept in your system's keyring, not in a file.")
        else:
            note = tr(
                "No system keyring is available, so a key cannot be stored safely "
                "and is not saved. Everything else keeps working."
            )
        self.keyring_note.setText(note)

    def _add_pack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a rule pack"), "",
                                              tr("Rule packs (*.yaml *.yml *.json)"))
        if path:
            self.packs.addItem(path)

    def _remove_pack(self) -> None:
        for item in self.packs.selectedItems():
            self.packs.takeItem(self.packs.row(item))

    def _show_locks(self) -> None:
        """Settings IT locked are shown, greyed out, with the reason."""
        widgets = {
            "ui/language": [self.ui_language], "check/languages": [self.draft_en, self.draft_nl],
            "check/network": [self.network], "check/packs": [self.packs], "ui/start_in_tray": [self.start_in_tray],
            "ui/start_with_system": [self.start_with_system],
        }
        for key, group in widgets.items():
            if self.settings.is_locked(key):
                for widget in group:
                    widget.setEnabled(False)
                    widget.setToolTip(tr("Set by your administrator"))

    def draft_languages(self) -> tuple[str, ...]:
        chosen = tuple(lang for lang, box in (("en", self.draft_en), ("nl", self.draft_nl))
                       if box.isChecked())
        return chosen or ("en", "nl")

    def accept(self) -> None:
        s = self.settings
        s.ui_language = self.ui_language.currentData()
        s.draft_languages = self.draft_languages()
        s.default_network = self.network.currentData()
        s.pack_sources = tuple(self.packs.item(i).text() for i in range(self.packs.count()))
        s.start_in_tray = self.start_in_tray.isChecked()
        if sys.platform == "linux":
            s.start_with_system = self.start_with_system.isChecked()
            desktop_entry.set_autostart(s.start_with_system)
        if self.grammar_key.isEnabled():
            problem = credentials.save_secret(credentials.GRAMMAR_KEY, self.grammar_key.text())
            if problem:
                self.keyring_note.setText(tr("The key could not be saved: {0}").format(problem))
                return
        super().accept()
