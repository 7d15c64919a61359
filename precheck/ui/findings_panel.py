"""The findings list, grouped by category, with a card that explains and fixes the chosen one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from precheck.core.model import Category
from precheck.ui.finding_card import FindingCard
from precheck.ui.i18n import tr
from precheck.ui.labels import category_label, excerpt, split_message
from precheck.ui.marks import Mark
from precheck.ui.style import category_icon, severity_icon

LIMIT_PER_CATEGORY = 300
MARK_ROLE = Qt.ItemDataRole.UserRole


class FindingsPanel(QWidget):
    activated = Signal(object)
    applyRequested = Signal(object, str)
    ignoreOnce = Signal(object)
    ignoreAlways = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(objectName="findings", headerHidden=True, uniformRowHeights=True)
        self.tree.setIndentation(14)
        self.card = FindingCard(self)
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self.tree)
        split.addWidget(self.card)
        split.setSizes([320, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._item_activated)
        self.card.applyRequested.connect(self.applyRequested)
        self.card.ignoreOnce.connect(self.ignoreOnce)
        self.card.ignoreAlways.connect(self.ignoreAlways)
        self._marks: list[Mark] = []

    def show_marks(self, marks: Sequence[Mark]) -> None:
        """Rebuild the list, keeping the chosen finding chosen when it is still there."""
        chosen = self.current_mark()
        self._marks = list(marks)
        self.tree.clear()
        by_category: dict[Category, list[Mark]] = {}
        for mark in self._marks:
            by_category.setdefault(mark.finding.category, []).append(mark)
        for category in Category:
            if category in by_category:
                self._add_group(category, by_category[category])
        self.tree.expandAll()
        self._reselect(chosen)

    def _add_group(self, category: Category, marks: list[Mark]) -> None:
        group = QTreeWidgetItem(self.tree, [f"{category_label(category)} ({len(marks)})"])
        group.setIcon(0, category_icon(category))
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for mark in marks[:LIMIT_PER_CATEGORY]:
            f = mark.finding
            title, why = split_message(f.message, f.kind)
            item = QTreeWidgetItem(group, [f"{title}: “{excerpt(f.text)}”"])
            item.setIcon(0, severity_icon(f.severity))
            item.setToolTip(0, f"{why}\n{f.rule}")
            item.setData(0, MARK_ROLE, mark)
        if len(marks) > LIMIT_PER_CATEGORY:
            more = tr("… and {0} more").format(len(marks) - LIMIT_PER_CATEGORY)
            QTreeWidgetItem(group, [more]).setFlags(Qt.ItemFlag.NoItemFlags)

    def _reselect(self, chosen: Mark | None) -> None:
        same = None
        if chosen is not None:
            same = next((m for m in self._marks if m.finding == chosen.finding), None)
        if same is not None:
            self.select(same)
        else:
            self.card.show_mark(None)

    def items(self) -> list[QTreeWidgetItem]:
        """The finding entries, in the order shown."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            out.extend(group.child(i) for i in range(group.childCount()))
        return [item for item in out if item.data(0, MARK_ROLE) is not None]

    def select(self, mark: Mark) -> None:
        for item in self.items():
            if item.data(0, MARK_ROLE) is mark:
                self.tree.setCurrentItem(item)
                return

    def current_mark(self) -> Mark | None:
        item = self.tree.currentItem()
        return item.data(0, MARK_ROLE) if item is not None else None

    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        self.card.show_mark(item.data(0, MARK_ROLE) if item is not None else None)

    def _item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        mark = item.data(0, MARK_ROLE)
        if mark is not None:
            self.activated.emit(mark)

    def retranslate(self) -> None:
        self.show_marks(self._marks)
        self.card.retranslate()
