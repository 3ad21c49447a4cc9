"""The member list as a lazy table model: the filter gives the ordered ids in one query, rows are
fetched in pages as the view scrolls, so tens of thousands of members stay instant."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from nagato_desk.database import Database
from nagato_desk.dates import age_on
from nagato_desk.services import members as members_service
from nagato_desk.services.members import GENDER_LABELS, STATUS_LABELS, MemberFilter, MemberRow

PAGE = 200
COL_NAME, COL_READING, COL_GENDER, COL_AGE, COL_ASSOCIATION, COL_BLOCK, COL_PHONE, COL_STATUS = range(8)
_HEADERS = (
    QT_TRANSLATE_NOOP("MemberListModel", "Name"),
    QT_TRANSLATE_NOOP("MemberListModel", "Reading"),
    QT_TRANSLATE_NOOP("MemberListModel", "Gender"),
    QT_TRANSLATE_NOOP("MemberListModel", "Age"),
    QT_TRANSLATE_NOOP("MemberListModel", "Association"),
    QT_TRANSLATE_NOOP("MemberListModel", "Block"),
    QT_TRANSLATE_NOOP("MemberListModel", "Phone"),
    QT_TRANSLATE_NOOP("MemberListModel", "Status"),
)


def _age(row: MemberRow, today: date) -> str:
    if row.birth_date is not None:
        return str(age_on(row.birth_date, today))
    if row.birth_year is not None:
        return f"{today.year - row.birth_year}?"  # only the year is known
    return ""


class MemberListModel(QAbstractTableModel):
    def __init__(self, db: Database, lang: str = "ja", parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.filter = MemberFilter()
        self.ids: list[int] = []
        self._rows: dict[int, MemberRow] = {}
        self.today = date.today()

    def set_filter(self, f: MemberFilter) -> None:
        with self.db.Session() as session:
            ids = members_service.search_member_ids(session, f)
        self.beginResetModel()
        self.filter = f
        self.ids = ids
        self._rows = {}
        self.today = date.today()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def member_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, member_id: int) -> int:
        try:
            return self.ids.index(member_id)
        except ValueError:
            return -1

    def _fetch(self, row: int) -> MemberRow | None:
        member_id = self.ids[row]
        cached = self._rows.get(member_id)
        if cached is not None:
            return cached
        start = row - row % PAGE
        page = self.ids[start : start + PAGE]
        with self.db.Session() as session:
            for r in members_service.member_rows(session, page):
                self._rows[r.id] = r
        return self._rows.get(member_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("MemberListModel", _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if col == COL_AGE else None
            )
        row = self._fetch(index.row())
        if row is None:
            return None
        lang = 1 if self.lang == "en" else 0
        if col == COL_NAME:
            return row.name
        if col == COL_READING:
            return row.reading
        if col == COL_GENDER:
            return GENDER_LABELS.get(row.gender, ("", ""))[lang]
        if col == COL_AGE:
            return _age(row, self.today)
        if col == COL_ASSOCIATION:
            return row.association
        if col == COL_BLOCK:
            return row.block
        if col == COL_PHONE:
            return row.phone
        if col == COL_STATUS:
            return STATUS_LABELS.get(row.status, (row.status, row.status))[lang]
        return None
