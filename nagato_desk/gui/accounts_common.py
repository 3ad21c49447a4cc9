"""What the tabs of the 会計 section share: the fund and fiscal year chosen at the top of the page,
yen written for a cell, and running one service call as one transaction with its error shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.money import format_yen

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CLOSED_COLOUR = "#fbeec2"
WARNING_STYLE = "color: #b42318; font-weight: bold;"


@dataclass
class Books:
    """The books the page shows: which fund and fiscal year, and whether that year is closed."""

    db: Database
    date_style: str
    lang: str
    settings: Any = None  # nagato_desk.settings.Settings: where backups go before a year is closed
    fund_id: int | None = None
    fiscal_year: int = 2026
    closed: bool = False


def yen(amount: int | None, blank_zero: bool = False) -> str:
    """「1,234」, 「△500」 for a negative; empty for None (and for 0 when ``blank_zero``)."""
    if amount is None or (blank_zero and amount == 0):
        return ""
    return format_yen(amount)


def cell(text: str, right: bool = False, editable: bool = False, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    flags = item.flags()
    if not editable:
        item.setFlags(flags & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def run_write(parent: QWidget, books: Books, action: Callable[[Any], Any]) -> tuple[bool, Any]:
    """``action(session)`` in one transaction; a refusal is shown and nothing is written."""
    try:
        with books.db.session() as session:
            result = action(session)
    except NagatoError as exc:
        show_error(parent, exc, books.lang)
        return False, None
    return True, result
