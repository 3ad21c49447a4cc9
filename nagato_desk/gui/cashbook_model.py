"""The 出納簿 as a lazy table model: the count comes first, rows are read a page at a time as the view
scrolls (``entry_page`` gives each row with its running balance), so a year of thousands of entries
opens at once. Row 0 is the balance brought forward (前年度繰越) on 1 April."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_start, format_date
from nagato_desk.gui.accounts_common import RIGHT, yen
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services import cashbook_views

PAGE = 200
COL_DATE, COL_VOUCHER, COL_HEAD, COL_DESCRIPTION, COL_INCOME, COL_EXPENSE, COL_BALANCE = range(7)
COL_ACCOUNT, COL_PAYEE, COL_NOTE = range(7, 10)
_HEADERS = (
    QT_TRANSLATE_NOOP("CashBookModel", "Date"),
    QT_TRANSLATE_NOOP("CashBookModel", "Voucher"),
    QT_TRANSLATE_NOOP("CashBookModel", "Head"),
    QT_TRANSLATE_NOOP("CashBookModel", "Description"),
    QT_TRANSLATE_NOOP("CashBookModel", "Income"),
    QT_TRANSLATE_NOOP("CashBookModel", "Expense"),
    QT_TRANSLATE_NOOP("CashBookModel", "Balance"),
    QT_TRANSLATE_NOOP("CashBookModel", "Account"),
    QT_TRANSLATE_NOOP("CashBookModel", "Payee"),
    QT_TRANSLATE_NOOP("CashBookModel", "Note"),
)
BROUGHT_FORWARD = QT_TRANSLATE_NOOP("CashBookModel", "Brought forward")
TRANSFER = QT_TRANSLATE_NOOP("CashBookModel", "Transfer (%1 → %2)")
_AMOUNT_COLUMNS = (COL_VOUCHER, COL_INCOME, COL_EXPENSE, COL_BALANCE)


def month_day(d) -> str:  # type: ignore[no-untyped-def]
    """「4月10日」: the 月日 column of a 出納簿 (the year is the fiscal year shown)."""
    return f"{d.month}月{d.day}日"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CashBookModel", text)


class CashBookModel(QAbstractTableModel):
    def __init__(self, db: Database, date_style: str, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.fund_id: int | None = None
        self.fiscal_year = 0
        self.account_id: int | None = None
        self.count = 0
        self.opening = 0
        self._pages: dict[int, list] = {}

    def set_query(self, fund_id: int | None, fiscal_year: int, account_id: int | None) -> None:
        count, opening = 0, 0
        if fund_id is not None:
            with self.db.Session() as session:
                count = cashbook_service.count_entries(session, fund_id, fiscal_year, account_id)
                opening = cashbook_service.opening_balance(session, fund_id, fiscal_year, account_id)
        self.beginResetModel()
        self.fund_id, self.fiscal_year, self.account_id = fund_id, fiscal_year, account_id
        self.count, self.opening = count, opening
        self._pages = {}
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.fund_id, self.fiscal_year, self.account_id)

    def entry_row(self, row: int):  # type: ignore[no-untyped-def]
        """The ``BookRow`` shown on ``row`` (None for the brought-forward row)."""
        if not 1 <= row <= self.count or self.fund_id is None:
            return None
        page, at = divmod(row - 1, PAGE)
        if page not in self._pages:
            with self.db.Session() as session:
                self._pages[page] = cashbook_service.entry_page(
                    session, self.fund_id, self.fiscal_year, page * PAGE, PAGE, self.account_id
                )
        rows = self._pages[page]
        return rows[at] if at < len(rows) else None

    def entry_id(self, row: int) -> int | None:
        entry = self.entry_row(row)
        return entry.id if entry is not None else None

    def row_of(self, entry_id: int) -> int:
        """The row of an entry (one count in SQL, not a read of every page); -1 when not listed."""
        if self.fund_id is None:
            return -1
        with self.db.Session() as session:
            at = cashbook_views.entry_position(
                session, self.fund_id, self.fiscal_year, entry_id, self.account_id
            )
        return -1 if at is None else at + 1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.fund_id is None else self.count + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in _AMOUNT_COLUMNS else None
        if index.row() == 0:
            return self._opening_data(col, role)
        if role == Qt.ItemDataRole.UserRole:
            return self.entry_id(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.entry_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            full = format_date(row.entry_date, self.date_style)
            return f"{full}\n{row.note}" if row.note else full
        return self._text(row, col)

    def _opening_data(self, col: int, role: int):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_DATE:
            return month_day(fiscal_year_start(self.fiscal_year))
        if col == COL_HEAD:
            return _tr(BROUGHT_FORWARD)
        if col == COL_BALANCE:
            return yen(self.opening)
        return None

    def _text(self, row, col: int) -> str | None:  # type: ignore[no-untyped-def]
        if col == COL_DATE:
            return month_day(row.entry_date)
        if col == COL_VOUCHER:
            return str(row.voucher_no)
        if col == COL_HEAD:
            if row.kind == "transfer":
                return _tr(TRANSFER).replace("%1", row.account_name).replace("%2", row.to_account_name or "")
            return row.head_name
        if col == COL_DESCRIPTION:
            return row.description
        if col == COL_INCOME:
            return yen(row.income, blank_zero=True)
        if col == COL_EXPENSE:
            return yen(row.expense, blank_zero=True)
        if col == COL_BALANCE:
            return yen(row.balance)
        if col == COL_ACCOUNT:
            return row.account_name
        if col == COL_PAYEE:
            return row.payee
        if col == COL_NOTE:
            return row.note
        return None
