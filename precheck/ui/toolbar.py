"""The row above the draft: where it goes, which language it is in, how long it is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from precheck.ui.channels import NETWORKS, Network, network
from precheck.ui.i18n import tr
from precheck.ui.settings import AppSettings


class DraftBar(QWidget):
    """The choices above the draft; its ``counter`` goes below the draft, as in post editors."""

    optionsChanged = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.networks = QComboBox(objectName="network")
        self.languages = QComboBox(objectName="language")
        # "Automatic (English)" appears after the first check; let the box grow to show it.
        self.languages.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.counter = QLabel(objectName="counter")
        self.apply_all = QPushButton(objectName="applyAll", enabled=False)
        self.network_label, self.language_label = QLabel(), QLabel()
        self._detected = ""
        self._units = 0
        for n in NETWORKS:
            self.networks.addItem("", n.key)
        self.networks.setCurrentIndex(self.networks.findData(settings.default_network))
        self.reload_languages()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.network_label, self.networks, self.language_label, self.languages):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.apply_all)
        self.networks.currentIndexChanged.connect(self.optionsChanged)
        self.languages.currentIndexChanged.connect(self.optionsChanged)

    def network(self) -> Network:
        return network(self.networks.currentData())

    def language(self) -> str:
        return self.languages.currentData() or "auto"

    def reload_languages(self) -> None:
        """Offer only the draft languages chosen in settings, keeping the current choice."""
        current = self.language() if self.languages.count() else "auto"
        self.languages.blockSignals(True)
        self.languages.clear()
        self.languages.addItem("", "auto")
        for lang in self.settings.draft_languages:
            self.languages.addItem("", lang)
        self.languages.setCurrentIndex(max(0, self.languages.findData(current)))
        self.languages.blockSignals(False)
        self.retranslate()

    def show_detected(self, language: str) -> None:
        self._detected = language
        self._label_languages()

    def update_counter(self, units: int) -> None:
        self._units = units
        limit = self.network().limit
        self.counter.setText(tr("{0} / {1} characters").format(units, limit))
        self.counter.setProperty("over", units > limit)
        self.counter.style().unpolish(self.counter)
        self.counter.style().polish(self.counter)

    def retranslate(self) -> None:
        self.network_label.setText(tr("Post to:"))
        self.language_label.setText(tr("Language:"))
        self.apply_all.setText(tr("Apply all fixes"))
        self.apply_all.setToolTip(tr("Apply all safe suggestions"))
        for i, n in enumerate(NETWORKS):
            kind = tr("public") if n.channel == "public" else tr("internal")
            self.networks.setItemText(i, f"{n.label} ({kind})")
        self._label_languages()
        self.update_counter(self._units)

    def _label_languages(self) -> None:
        names = {"en": tr("English"), "nl": tr("Dutch")}
        auto = tr("Automatic")
        if self._detected in names:
            auto = tr("Automatic ({0})").format(names[self._detected])
        for i in range(self.languages.count()):
            code = self.languages.itemData(i)
            self.languages.setItemText(i, auto if code == "auto" else names.get(code, code))
        self.languages.updateGeometry()  # Qt does not re-lay out the row for a renamed item
