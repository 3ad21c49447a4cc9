"""Small pieces the 会議 forms share: a member chosen from the roster (議長, 記録者, 署名人, 担当者),
a time typed as the secretariat writes it (13:30, 1330, 13時30分), and a combo box of codes."""

from __future__ import annotations

import re
import unicodedata
from datetime import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from nagato_desk.database import Database
from nagato_desk.errors import Problem, ValidationError
from nagato_desk.gui.member_picker import MemberPicker
from nagato_desk.services import members as members_service

_TIME = re.compile(r"^(?:(午前|午後))?(\d{1,2})(?:[:：時]|(?=\d{2}$))?(\d{2})?分?$")


def parse_time_text(text: str, field: str, what: str) -> time | None:
    """「13:30」「1330」「13時30分」「午後1時30分」「13」 → 13:30 / 13:00; empty → None.
    ``what`` names the field in the message (「開始時刻」)."""
    raw = unicodedata.normalize("NFKC", text or "").replace(" ", "")
    if not raw:
        return None
    match = _TIME.match(raw)
    if match:
        half, hour_text, minute_text = match.groups()
        hour, minute = int(hour_text), int(minute_text or 0)
        if half == "午後" and hour < 12:
            hour += 12
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return time(hour, minute)
    raise ValidationError(
        [
            Problem(
                f"{what}「{text}」を読み取れません。「13:30」のように入力してください。",
                f"Cannot read the time '{text}'. Type it like 13:30.",
                field=field,
            )
        ]
    )


def fill_codes(combo: QComboBox, codes: dict[str, str], skip_empty: bool = True) -> None:
    """Fill a combo box with the Japanese names of coded values, the code as the item's data."""
    combo.clear()
    for code, label in codes.items():
        if code or not skip_empty:
            combo.addItem(label, code)


def set_code(combo: QComboBox, code: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(code)))


class MemberChoice(QWidget):
    """The name of the member chosen, 「選ぶ…」 (the member picker) and 「なし」."""

    changed = Signal()

    def __init__(self, db: Database, title: str, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.title = title
        self.member_id: int | None = None
        self.label = QLabel(self)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.clear_button = QPushButton(self.tr("None"), self)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self.set_member(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self.set_member(None)

    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        name = ""
        if member_id is not None:
            with self.db.Session() as session:
                name = members_service.get_member(session, member_id).name
        self.label.setText(name or self.tr("(not chosen)"))
        self.clear_button.setEnabled(member_id is not None)
        self.changed.emit()

    def name(self) -> str:
        return self.label.text() if self.member_id is not None else ""

    def choose(self) -> None:
        picker = MemberPicker(self.db, self.title, "", self.lang, self)
        if picker.exec() and picker.member_id is not None:
            self.set_member(picker.member_id)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
