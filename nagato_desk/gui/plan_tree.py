"""The outline tree of the plan: goals with their actions beneath, reordered by drag and drop.

Qt does not move the items itself: a drop is turned into a request (what, onto what, where) that
the outline tab carries out through the services and then reads the tree again, so what is shown is
always what is saved. Goals go only among goals; an action may go under any goal.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from nagato_desk.gui.plan_year_grid import short_fiscal_year

KIND = Qt.ItemDataRole.UserRole  # "goal:12" or "action:34" (plain text: safe in a QVariant)

ABOVE, BELOW, ON = "above", "below", "on"


def years_text(years: Iterable[int], style: str = "wareki") -> str:
    """Planned years in short runs: 2023, 2024, 2025, 2027 → 「R5–R7、R9」."""
    runs: list[list[int]] = []
    for fy in sorted(set(years)):
        if runs and fy == runs[-1][-1] + 1:
            runs[-1].append(fy)
        else:
            runs.append([fy])
    parts = []
    for run in runs:
        first = short_fiscal_year(run[0], style)
        parts.append(first if len(run) == 1 else f"{first}–{short_fiscal_year(run[-1], style)}")
    return "、".join(parts)


class OutlineTree(QTreeWidget):
    """``move_requested(kind, id, target kind, target id, where)``: where is above / below / on."""

    move_requested = Signal(str, int, str, int, str)
    move_by = Signal(int)  # Ctrl+Up (-1) / Ctrl+Down (+1) on the selected row
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        self.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 140), (2, 84), (3, 130)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)

    def set_editable(self, editable: bool) -> None:
        self.setDragEnabled(editable)
        self.setAcceptDrops(editable)
        self.viewport().setAcceptDrops(editable)

    @staticmethod
    def key_of(item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        if item is None:
            return None
        kind, _, item_id = str(item.data(0, KIND)).partition(":")
        return kind, int(item_id)

    def find(self, key: tuple[str, int] | None) -> QTreeWidgetItem | None:
        if key is None:
            return None
        for i in range(self.topLevelItemCount()):
            goal = self.topLevelItem(i)
            if self.key_of(goal) == key:
                return goal
            for j in range(goal.childCount()):
                if self.key_of(goal.child(j)) == key:
                    return goal.child(j)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_by.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def drop_place(self, item: QTreeWidgetItem, y: int) -> str:
        """Above the item's middle half, below it, or onto it."""
        rect = self.visualItemRect(item)
        quarter = max(1, rect.height() // 4)
        if y < rect.top() + quarter:
            return ABOVE
        if y > rect.bottom() - quarter:
            return BELOW
        return ON

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        source = self.key_of(self.currentItem())
        pos = event.position().toPoint()
        target_item = self.itemAt(pos)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the tab reorders and reads the tree again
        event.accept()
        if source is None:
            return
        if target_item is None:  # below the last row: to the end
            last = self.topLevelItem(self.topLevelItemCount() - 1)
            if last is None:
                return
            if source[0] == "action":
                target_item = last
                where = ON
            else:
                target_item, where = last, BELOW
        else:
            where = self.drop_place(target_item, pos.y())
        target = self.key_of(target_item)
        if target is None or target == source:
            return
        self.move_requested.emit(source[0], source[1], target[0], target[1], where)
