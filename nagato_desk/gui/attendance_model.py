"""The attendance list of one meeting as a table model: each eligible person in 50音 order with how
they took part, coloured by status, and the quorum worked out from what is on screen."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from nagato_desk.models.attendance import ATTENDANCE_STATUSES
from nagato_desk.services import quorum as quorum_service
from nagato_desk.services.attendance import AttendanceRow
from nagato_desk.services.quorum import QuorumStatus, RuleDraft

COL_NAME, COL_READING, COL_ASSOCIATION, COL_STATUS, COL_PROXY = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("AttendanceModel", "Name"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Reading"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Association"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Attendance"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Proxy given to"),
)
COLOURS = {"present": "#d8f0dd", "proxy": "#dde8f7", "written": "#efe3f5"}
VOID_COLOUR = "#f8d7d3"  # a 委任状 whose holder is not present: it counts as absent


@dataclass
class Person:
    member_id: int
    name: str
    reading: str
    association: str
    status: str
    proxy_to_member_id: int | None
    proxy_to_name: str
    proxy_usable: bool | None


def person_of(row: AttendanceRow) -> Person:
    return Person(
        row.member_id,
        row.name,
        row.reading,
        row.association,
        row.status,
        row.proxy_to_member_id,
        row.proxy_to_name,
        row.proxy_usable,
    )


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.people: list[Person] = []
        self.chair_member_id: int | None = None
        self.rule = RuleDraft()

    def set_people(self, people: list[Person], chair_member_id: int | None, rule: RuleDraft) -> None:
        self.beginResetModel()
        self.people = people
        self.chair_member_id = chair_member_id
        self.rule = rule
        self._update_proxies()
        self.endResetModel()

    def person(self, row: int) -> Person | None:
        return self.people[row] if 0 <= row < len(self.people) else None

    def row_of(self, member_id: int) -> int:
        return next((i for i, p in enumerate(self.people) if p.member_id == member_id), -1)

    def name_of(self, member_id: int | None) -> str:
        return next((p.name for p in self.people if p.member_id == member_id), "")

    def set_status(self, row: int, status: str, holder: int | None) -> None:
        """What was just saved; the proxies of others may become usable or void with it."""
        person = self.people[row]
        self.people[row] = replace(
            person, status=status, proxy_to_member_id=holder if status == "proxy" else None
        )
        self._update_proxies()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.people) - 1, len(_HEADERS) - 1))

    def _update_proxies(self) -> None:
        """As ``quorum.tally`` counts them: to the chair (議長一任) with a chair, or to someone present."""
        present = {p.member_id for p in self.people if p.status == "present"}
        for i, p in enumerate(self.people):
            if p.status != "proxy":
                self.people[i] = replace(p, proxy_to_name="", proxy_usable=None)
            elif p.proxy_to_member_id is None:
                self.people[i] = replace(
                    p, proxy_to_name="議長", proxy_usable=self.chair_member_id is not None
                )
            else:
                name = self.name_of(p.proxy_to_member_id) or p.proxy_to_name
                self.people[i] = replace(p, proxy_to_name=name, proxy_usable=p.proxy_to_member_id in present)

    def status(self) -> QuorumStatus:
        entries = [(p.member_id, p.status, p.proxy_to_member_id) for p in self.people]
        return quorum_service.quorum_status(quorum_service.tally(entries, self.chair_member_id), self.rule)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("AttendanceModel", _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        if not 0 <= index.column() < len(_HEADERS):
            return None
        p = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return p.member_id
        if role == Qt.ItemDataRole.BackgroundRole:
            if p.status == "proxy" and p.proxy_usable is False:
                return QBrush(QColor(VOID_COLOUR))
            colour = COLOURS.get(p.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and p.status == "proxy" and p.proxy_usable is False:
            return QCoreApplication.translate(
                "AttendanceModel", "The holder of this proxy is not present: it counts as absent."
            )
        return None

    def _text(self, p: Person, col: int) -> str:
        if col == COL_NAME:
            return p.name
        if col == COL_READING:
            return p.reading
        if col == COL_ASSOCIATION:
            return p.association
        if col == COL_STATUS:
            return ATTENDANCE_STATUSES.get(p.status, p.status)
        if col == COL_PROXY:
            if p.status != "proxy":
                return ""
            if p.proxy_usable is False:
                return p.proxy_to_name + QCoreApplication.translate("AttendanceModel", " (not present)")
            return p.proxy_to_name
        return ""
