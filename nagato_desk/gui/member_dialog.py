"""The member form (新規登録・編集): basic data from ui/member_form.ui, plus the household, roles and
committees, consent, and the history of this person. Enter saves, Esc cancels."""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import age_on, format_date, parse_date
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.uiloader import load_form
from nagato_desk.services import associations as associations_service
from nagato_desk.services import blocks as blocks_service
from nagato_desk.services import committees as committees_service
from nagato_desk.services import history as history_service
from nagato_desk.services import members as members_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services.members import (
    CONSENT_PURPOSES,
    EVENT_LABELS,
    GENDER_LABELS,
    STATUS_LABELS,
    MemberDraft,
)

_TEXT_FIELDS = {
    "name": "nameEdit",
    "reading": "readingEdit",
    "postal_code": "postalCodeEdit",
    "address": "addressEdit",
    "phone": "phoneEdit",
    "mobile": "mobileEdit",
    "email": "emailEdit",
}


def parse_birth(text: str) -> tuple[date | None, int | None]:
    """「S45.3.1」「1970/3/1」→ a date; 「1970」「昭和45年」→ only the year; empty → unknown."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None, None
    if text.isdigit() and len(text) == 4:
        return None, int(text)
    try:
        return parse_date(text), None
    except ValueError as exc:
        if text.endswith("年"):
            from nagato_desk.dates import parse_fiscal_year

            try:
                return None, parse_fiscal_year(text[:-1])
            except ValueError:
                pass
        raise ValidationError(
            [Problem(str(exc), f"Cannot read the date '{text}'.", field="birth_date")]
        ) from exc


def parse_optional_date(text: str, field: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ValidationError([Problem(str(exc), f"Cannot read the date '{text}'.", field=field)]) from exc


class MemberDialog(QDialog):
    def __init__(
        self,
        db: Database,
        date_style: str,
        member_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.member_id = member_id
        self.setWindowTitle(self.tr("New member") if member_id is None else self.tr("Edit member"))
        self.form = load_form("member_form.ui")
        f = self.form
        self.edits = {k: f.findChild(QLineEdit, v) for k, v in _TEXT_FIELDS.items()}
        self.birth = f.findChild(QLineEdit, "birthEdit")
        self.birth_hint = f.findChild(QLabel, "birthHint")
        self.joined = f.findChild(QLineEdit, "joinedEdit")
        self.joined_hint = f.findChild(QLabel, "joinedHint")
        self.gender = f.findChild(QComboBox, "genderCombo")
        self.association = f.findChild(QComboBox, "associationCombo")
        self.block = f.findChild(QComboBox, "blockCombo")
        self.notes = f.findChild(QPlainTextEdit, "notesEdit")
        index = 1 if lang == "en" else 0
        for code in ("", "F", "M", "X"):
            self.gender.addItem(GENDER_LABELS[code][index] or self.tr("(not recorded)"), code)
        self.association.addItem(self.tr("(none)"), None)
        with db.Session() as session:
            for assoc in associations_service.list_associations(session):
                self.association.addItem(assoc.name, assoc.id)
        self.association.currentIndexChanged.connect(self._fill_blocks)
        self.birth.textChanged.connect(self._show_birth)
        self.joined.textChanged.connect(self._show_joined)
        self._fill_blocks()

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("Basic data"))
        self.consents = QListWidget(self)
        consent_tab = QWidget(self)
        consent_layout = QVBoxLayout(consent_tab)
        consent_layout.addWidget(
            QLabel(self.tr("Consent to keep and use this person's data, by purpose:"), consent_tab)
        )
        consent_layout.addWidget(self.consents)
        consent_buttons = QHBoxLayout()
        self.add_consent_button = QPushButton(self.tr("Record consent…"), consent_tab)
        self.withdraw_consent_button = QPushButton(self.tr("Withdraw selected"), consent_tab)
        self.add_consent_button.clicked.connect(self.record_consent)
        self.withdraw_consent_button.clicked.connect(self.withdraw_consent)
        consent_buttons.addWidget(self.add_consent_button)
        consent_buttons.addWidget(self.withdraw_consent_button)
        consent_buttons.addStretch(1)
        consent_layout.addLayout(consent_buttons)
        self.tabs.addTab(consent_tab, self.tr("Consent"))
        self.household = QListWidget(self)
        self.tabs.addTab(self.household, self.tr("Household and roles"))
        self.history = QListWidget(self)
        self.tabs.addTab(self.history, self.tr("History"))
        for i in (1, 2, 3):
            self.tabs.setTabEnabled(i, member_id is not None)

        buttons = dialog_buttons(self, self.tr("Save"))
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 640)
        if member_id is not None:
            self.load()
        self.edits["name"].setFocus()

    def _fill_blocks(self) -> None:
        current = self.block.currentData()
        self.block.clear()
        self.block.addItem(self.tr("(none)"), None)
        assoc_id = self.association.currentData()
        if assoc_id is not None:
            with self.db.Session() as session:
                for block in blocks_service.list_blocks(session, assoc_id):
                    self.block.addItem(block.name, block.id)
        index = self.block.findData(current)
        self.block.setCurrentIndex(max(index, 0))

    def _show_birth(self) -> None:
        try:
            born, year = parse_birth(self.birth.text())
        except ValidationError:
            self.birth_hint.setText(self.tr("cannot read this date"))
            return
        today = date.today()
        if born is not None:
            self.birth_hint.setText(
                f"{format_date(born, self.date_style)}（{age_on(born, today)}歳）" if born <= today else ""
            )
        elif year is not None:
            self.birth_hint.setText(self.tr("year only: %1").replace("%1", str(year)))
        else:
            self.birth_hint.setText("")

    def _show_joined(self) -> None:
        try:
            joined = parse_optional_date(self.joined.text(), "joined_on")
        except ValidationError:
            self.joined_hint.setText(self.tr("cannot read this date"))
            return
        self.joined_hint.setText(format_date(joined, self.date_style) if joined else "")

    def load(self) -> None:
        with self.db.Session() as session:
            member = members_service.get_member(session, self.member_id)
            draft = members_service.draft_of(member)
            consents = [(c.id, c.purpose, c.given_on, c.withdrawn_on) for c in member.consents]
            events = [(e.on, e.kind, e.from_text, e.to_text, e.note) for e in member.events]
            changes = history_service.history_of(session, "member", member.id)
            household_lines = self._household_lines(member)
            role_lines = [
                f"{row.role}{f'（{row.committee}）' if row.committee else ''}　"
                f"{format_date(row.starts_on, self.date_style)}〜"
                f"{format_date(row.ends_on, self.date_style) if row.ends_on else ''}"
                for row in officers_service.role_history(session, member.id)
            ]
            committee_lines = [
                f"{m.committee.name}{self.tr(' (head)') if m.is_head else ''}"
                + (
                    f"　{self.tr('left %1').replace('%1', format_date(m.left_on, self.date_style))}"
                    if m.left_on
                    else ""
                )
                for m in committees_service.memberships_of(session, member.id)
            ]
        for key, edit in self.edits.items():
            edit.setText(getattr(draft, key) or "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(draft.gender)))
        if draft.birth_date:
            self.birth.setText(draft.birth_date.strftime("%Y/%m/%d"))
        elif draft.birth_year:
            self.birth.setText(str(draft.birth_year))
        self.joined.setText(draft.joined_on.strftime("%Y/%m/%d") if draft.joined_on else "")
        self.association.setCurrentIndex(max(0, self.association.findData(draft.association_id)))
        self._fill_blocks()
        self.block.setCurrentIndex(max(0, self.block.findData(draft.block_id)))
        self.notes.setPlainText(draft.notes)
        self.loaded = draft
        status = STATUS_LABELS.get(draft.status, (draft.status, draft.status))[1 if self.lang == "en" else 0]
        left = f"（{format_date(draft.left_on, self.date_style)}）" if draft.left_on else ""
        self.status.setText(self.tr("Status: %1").replace("%1", status + left))
        self.consents.clear()
        for consent_id, purpose, given, withdrawn in consents:
            text = f"{purpose}　{format_date(given, self.date_style)}"
            if withdrawn:
                text += "　" + self.tr("withdrawn %1").replace("%1", format_date(withdrawn, self.date_style))
            self.consents.addItem(text)
            self.consents.item(self.consents.count() - 1).setData(256, consent_id)
        self.household.clear()
        for heading, lines in (
            (self.tr("Household"), household_lines),
            (self.tr("Roles (officer terms)"), role_lines or [self.tr("none")]),
            (self.tr("Committees"), committee_lines or [self.tr("none")]),
        ):
            self.household.addItem(f"■ {heading}")
            for line in lines:
                self.household.addItem(f"　{line}")
        self.history.clear()
        for on, kind, before, after, note in events:
            arrow = f"{before} → {after}" if before or after else ""
            label = EVENT_LABELS.get(kind, (kind, kind))[1 if self.lang == "en" else 0]
            self.history.addItem(f"{format_date(on, self.date_style)}　{label}　{arrow}　{note}".rstrip())
        for change in changes:
            self.history.addItem(
                f"{change.at:%Y-%m-%d %H:%M}　{change.user}　{history_service.describe(change)}"
            )

    def _household_lines(self, member) -> list[str]:  # type: ignore[no-untyped-def]
        household = member.household
        if household is None or household.deleted_at is not None:
            return [self.tr("Not registered in a household.")]
        lines = [household.address or "—"]
        for person in household.members:
            if person.deleted_at is not None:
                continue
            mark = self.tr("head") if household.head_member_id == person.id else ""
            status = "" if person.status == "active" else f"（{STATUS_LABELS[person.status][0]}）"
            lines.append(f"{person.name}　{mark}{status}".rstrip())
        return lines

    def draft(self) -> MemberDraft:
        born, year = parse_birth(self.birth.text())
        base = getattr(self, "loaded", None) or MemberDraft(name="")
        return MemberDraft(
            name=self.edits["name"].text(),
            reading=self.edits["reading"].text(),
            gender=self.gender.currentData() or "",
            birth_date=born,
            birth_year=year,
            postal_code=self.edits["postal_code"].text(),
            address=self.edits["address"].text(),
            phone=self.edits["phone"].text(),
            mobile=self.edits["mobile"].text(),
            email=self.edits["email"].text(),
            association_id=self.association.currentData(),
            block_id=self.block.currentData(),
            household_id=base.household_id,
            status=base.status,
            joined_on=parse_optional_date(self.joined.text(), "joined_on"),
            left_on=base.left_on,
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.member_id is None:
                    self.member_id = members_service.add_member(session, draft).id
                else:
                    members_service.update_member(session, self.member_id, draft)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if exc.problems else None
            widget = {"birth_date": self.birth, "birth_year": self.birth, "joined_on": self.joined}.get(
                field or ""
            )
            (widget or self.edits.get(field or "") or self.edits["name"]).setFocus()
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()

    def record_consent(self) -> None:
        purpose, ok = QInputDialog.getItem(
            self, self.tr("Record consent"), self.tr("Purpose"), list(CONSENT_PURPOSES), 0, True
        )
        if not ok or not purpose.strip():
            return
        try:
            with self.db.session() as session:
                members_service.add_consent(session, self.member_id, purpose.strip(), date.today())
        except NagatoError as exc:
            show_error(self, exc, self.lang)
        self.load()

    def withdraw_consent(self) -> None:
        item = self.consents.currentItem()
        if item is None:
            return
        try:
            with self.db.session() as session:
                members_service.withdraw_consent(session, item.data(256), date.today())
        except NagatoError as exc:
            show_error(self, exc, self.lang)
        self.load()
