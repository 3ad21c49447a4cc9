"""The survey figures of the plan's current state (住民アンケート: 「今後も住み続けたい」 78.5 %), typed
in a small table of the plan form: question, number, unit; rows added at the end or removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from nagato_desk.gui.indicator_dialog import value_text
from nagato_desk.gui.table_model import setup_table
from nagato_desk.services.plans import SurveyItemDraft

_ID = Qt.ItemDataRole.UserRole


class SurveyEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removed_ids: list[int] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Figure"), self.tr("Unit")])
        setup_table(self.table, stretch=0)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 70)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("Add a figure"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, items) -> None:  # type: ignore[no-untyped-def]  # SurveyItem rows
        self.table.setRowCount(0)
        self.removed_ids = []
        for item in items:
            self.add_row(item.id, item.question, value_text(item.value), item.unit)

    def add_row(
        self, item_id: int | None = None, question: str = "", value: str = "", unit: str = ""
    ) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((question, value, unit)):
            cell = QTableWidgetItem(text)
            cell.setData(_ID, item_id or 0)  # 0: a new row
            if col == 1:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, cell)
        if item_id is None:
            self.table.setCurrentCell(row, 0)
            self.table.setFocus()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item_id = self.table.item(row, 0).data(_ID)
        if item_id:
            self.removed_ids.append(int(item_id))
        self.table.removeRow(row)

    def rows(self) -> list[tuple[int | None, SurveyItemDraft]]:
        """(id or None for a new one, draft) for every row with a question or a figure."""
        out = []
        for row in range(self.table.rowCount()):
            question, value, unit = (self.table.item(row, c).text().strip() for c in range(3))
            item_id = int(self.table.item(row, 0).data(_ID) or 0) or None
            if not question and not value and item_id is None:
                continue  # an empty new row is not kept
            out.append((item_id, SurveyItemDraft(question=question, value=value or None, unit=unit)))
        return out
