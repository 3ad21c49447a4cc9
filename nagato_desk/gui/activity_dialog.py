"""The activity form (事業の登録・編集): dates, title, field, committee, place, participants, partner
bodies, content, 成果と課題, status, the recurring flag, notes, and photos with thumbnails. Photos
added or removed are written together with the rest when the form is saved (one transaction)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of
from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.date_field import DateField
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.link_pickers import CostEntriesDialog, PlanActionPicker, costs_text
from nagato_desk.models import PLAN_FIELDS
from nagato_desk.services import activities as activities_service
from nagato_desk.services import activity_photos as photos_service
from nagato_desk.services import committees as committees_service
from nagato_desk.services.activities import ActivityDraft

THUMB = QSize(120, 90)
_PHOTO = Qt.ItemDataRole.UserRole  # ("saved", photo id) or ("new", path)
_CAPTION = Qt.ItemDataRole.UserRole + 1


class ActivityDialog(QDialog):
    """New activity (``activity_id`` None) or edit one. Enter saves, Esc cancels."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        activity_id: int | None = None,
        lang: str = "ja",
        parent: QWidget | None = None,
        *,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.activity_id = activity_id
        self.saved_id: int | None = activity_id
        self.removed_photos: list[int] = []
        self.caption_changes: dict[int, str] = {}
        self.setWindowTitle(self.tr("New activity") if activity_id is None else self.tr("Edit activity"))
        self.starts = DateField(date_style, on or date.today(), field="starts_on", parent=self)
        self.ends = DateField(date_style, None, field="ends_on", required=False, parent=self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Summer festival"))
        self.field = QComboBox(self)
        for name in PLAN_FIELDS:
            self.field.addItem(name, name)
        self.committee = QComboBox(self)
        self.committee.addItem(self.tr("(none)"), 0)  # 0, not None: see plan_view.py
        self.place = QLineEdit(self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Done"), "done")
        self.status.addItem(self.tr("Planned"), "planned")
        self.recurring = QCheckBox(self.tr("Held every year (copied into next year's plans)"), self)
        self.residents, self.volunteers, self.partner_people = (QSpinBox(self) for _ in range(3))
        for box in (self.residents, self.volunteers, self.partner_people):
            box.setRange(0, activities_service.PARTICIPANTS_MAX)
            box.setGroupSeparatorShown(True)
            box.setMinimumWidth(110)
        self.partners = QLineEdit(self)
        self.partners.setPlaceholderText(self.tr("e.g. university, fire brigade"))
        self.content = QPlainTextEdit(self)
        self.outcome = QPlainTextEdit(self)
        self.notes = QLineEdit(self)
        for edit in (self.content, self.outcome):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        self.photos = QListWidget(self)
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setMinimumHeight(THUMB.height() + 52)
        self.photos.setWordWrap(True)
        self.add_photo_button = QPushButton(self.tr("Add photo…"), self)
        self.caption_button = QPushButton(self.tr("Caption…"), self)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"), self)
        self.add_photo_button.clicked.connect(lambda: self.add_photos())
        self.caption_button.clicked.connect(self.edit_caption)
        self.remove_photo_button.clicked.connect(self.remove_photo)

        self.date_style = date_style
        self.plan = PlanActionPicker(db, self)
        self.costs = QLabel(self)
        self.costs_button = QPushButton(self.tr("Cash entries…"), self)
        self.costs_button.setToolTip(self.tr("Choose the expenses in the cash book that paid for it"))
        self.costs_button.clicked.connect(lambda: self.choose_costs())
        self.cash_entry_ids: list[int] = []
        self.plan_action_id: int | None = None
        with db.Session() as session:
            for committee in committees_service.list_committees(session):
                self.committee.addItem(committee.name, committee.id)
            if activity_id is not None:
                activity = activities_service.get_activity(session, activity_id)
                draft = activities_service.draft_of(activity)
                if activity.committee is not None and self.committee.findData(activity.committee_id) < 0:
                    self.committee.addItem(activity.committee.name, activity.committee_id)
                self._fill(draft)
                for photo in photos_service.list_photos(session, activity_id):
                    self._add_item(
                        photos_service.photo_path(session, photo), ("saved", photo.id), photo.caption
                    )

        people = QHBoxLayout()
        for label, box in (
            (self.tr("Residents"), self.residents),
            (self.tr("Volunteers"), self.volunteers),
            (self.tr("Partners"), self.partner_people),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(box)
            people.addWidget(caption)
            people.addWidget(box)
        people.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.recurring, 1)
        photo_buttons = QVBoxLayout()
        for button in (self.add_photo_button, self.caption_button, self.remove_photo_button):
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        costs_row = QHBoxLayout()
        costs_row.addWidget(self.costs, 1)
        costs_row.addWidget(self.costs_button)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addLayout(photo_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.starts)
        form.addRow(self.tr("Until (for several days)"), self.ends)
        form.addRow(self.tr("Title"), self.title_edit)
        grid = QGridLayout()
        grid.addWidget(self.field, 0, 0)
        committee_label = QLabel(self.tr("Committee in charge"), self)
        committee_label.setBuddy(self.committee)
        grid.addWidget(committee_label, 0, 1)
        grid.addWidget(self.committee, 0, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        form.addRow(self.tr("Field"), grid)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Status"), status_row)
        form.addRow(self.tr("Participants"), people)
        form.addRow(self.tr("Partner organisations"), self.partners)
        form.addRow(self.tr("Dream-plan action"), self.plan)
        form.addRow(self.tr("Cost"), costs_row)
        form.addRow(self.tr("What was done"), self.content)
        form.addRow(self.tr("Outcome and issues"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Photos"), photo_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Save")))
        self.resize(860, 720)
        self.title_edit.setFocus() if activity_id is None else self.starts.setFocus()
        self.setTabOrder(self.starts, self.ends)
        self.setTabOrder(self.ends, self.title_edit)
        self.setTabOrder(self.title_edit, self.field)
        self.setTabOrder(self.field, self.committee)
        self.setTabOrder(self.committee, self.place)
        self.setTabOrder(self.place, self.status)
        self.setTabOrder(self.status, self.recurring)
        self.setTabOrder(self.recurring, self.residents)
        self.setTabOrder(self.residents, self.volunteers)
        self.setTabOrder(self.volunteers, self.partner_people)
        self.setTabOrder(self.partner_people, self.partners)
        self.setTabOrder(self.partners, self.plan)
        self.setTabOrder(self.plan, self.costs_button)
        self.setTabOrder(self.costs_button, self.content)
        self.setTabOrder(self.content, self.outcome)
        self.setTabOrder(self.outcome, self.notes)
        self._photos_changed()
        self.show_costs()
        self.photos.currentRowChanged.connect(lambda _r: self._photos_changed())

    # --- the form ------------------------------------------------------------------------------
    def _fill(self, draft: ActivityDraft) -> None:
        self.starts.set_date(draft.starts_on)
        self.ends.set_date(draft.ends_on)
        self.title_edit.setText(draft.title)
        self.field.setCurrentIndex(max(0, self.field.findData(draft.field)))
        self.committee.setCurrentIndex(max(0, self.committee.findData(draft.committee_id or 0)))
        self.place.setText(draft.place)
        self.status.setCurrentIndex(max(0, self.status.findData(draft.status)))
        self.recurring.setChecked(draft.recurring)
        self.residents.setValue(draft.participants_residents)
        self.volunteers.setValue(draft.participants_volunteers)
        self.partner_people.setValue(draft.participants_partners)
        self.partners.setText(draft.partners)
        self.content.setPlainText(draft.content)
        self.outcome.setPlainText(draft.outcome)
        self.notes.setText(draft.notes)
        self.cash_entry_ids = list(draft.cash_entry_ids)
        self.plan_action_id = draft.plan_action_id
        self.plan.reload(draft.plan_action_id)

    def draft(self) -> ActivityDraft:
        return ActivityDraft(
            starts_on=self.starts.value(),
            ends_on=self.ends.value(),
            title=self.title_edit.text(),
            field=self.field.currentData(),
            committee_id=self.committee.currentData() or None,
            place=self.place.text(),
            participants_residents=self.residents.value(),
            participants_volunteers=self.volunteers.value(),
            participants_partners=self.partner_people.value(),
            partners=self.partners.text(),
            content=self.content.toPlainText(),
            outcome=self.outcome.toPlainText(),
            status=self.status.currentData(),
            recurring=self.recurring.isChecked(),
            plan_action_id=self.plan.value(),
            notes=self.notes.text(),
            cash_entry_ids=self.cash_entry_ids,
        )

    # --- costs: the cash entries that paid for it ------------------------------------------------
    def show_costs(self) -> None:
        self.costs.setText(costs_text(self.db, self.cash_entry_ids))

    def choose_costs(self) -> CostEntriesDialog:
        try:
            fiscal_year = fiscal_year_of(self.starts.value())
        except NagatoError:
            fiscal_year = fiscal_year_of(date.today())
        dialog = CostEntriesDialog(
            self.db, self.date_style, fiscal_year, self.cash_entry_ids, self.lang, self
        )
        if dialog.exec():
            self.cash_entry_ids = dialog.entry_ids
            self.show_costs()
        return dialog

    # --- photos --------------------------------------------------------------------------------
    def _add_item(self, path: Path, key: tuple, caption: str) -> None:
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            pixmap = QPixmap(THUMB)
            pixmap.fill(Qt.GlobalColor.lightGray)
        item = QListWidgetItem(
            QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)), caption or path.name
        )
        item.setData(_PHOTO, key)
        item.setData(_CAPTION, caption)
        item.setToolTip(caption or path.name)
        self.photos.addItem(item)

    def add_photos(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("Add photos"),
                str(Path.home()),
                self.tr("Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"),
            )
        for name in paths:
            self._add_item(Path(name), ("new", name), "")
        self._photos_changed()

    def edit_caption(self) -> None:
        item = self.photos.currentItem()
        if item is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Caption"), self.tr("Caption of the photo"), text=item.data(_CAPTION)
        )
        if ok:
            kind, key = item.data(_PHOTO)
            item.setData(_CAPTION, text.strip())
            item.setText(text.strip() or Path(str(key)).name if kind == "new" else text.strip())
            item.setToolTip(item.text())
            if kind == "saved":
                self.caption_changes[key] = text.strip()

    def remove_photo(self) -> None:
        row = self.photos.currentRow()
        if row < 0:
            return
        kind, key = self.photos.item(row).data(_PHOTO)
        if kind == "saved":
            self.removed_photos.append(key)
            self.caption_changes.pop(key, None)
        self.photos.takeItem(row)
        self._photos_changed()

    def _photos_changed(self) -> None:
        chosen = self.photos.currentItem() is not None
        self.caption_button.setEnabled(chosen)
        self.remove_photo_button.setEnabled(chosen)

    def new_photos(self) -> list[tuple[str, str]]:
        """(path, caption) of the photos added in this form, in order."""
        out = []
        for i in range(self.photos.count()):
            item = self.photos.item(i)
            kind, key = item.data(_PHOTO)
            if kind == "new":
                out.append((key, item.data(_CAPTION) or ""))
        return out

    # --- saving --------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            draft = self.draft()
            with self.db.session() as session:
                if self.activity_id is None:
                    activity_id = activities_service.add_activity(session, draft).id
                else:
                    activity_id = activities_service.update_activity(session, self.activity_id, draft).id
                for photo_id in self.removed_photos:
                    photos_service.remove_photo(session, photo_id)
                for photo_id, caption in self.caption_changes.items():
                    photos_service.set_caption(session, photo_id, caption)
                for path, caption in self.new_photos():
                    photos_service.add_photo(session, activity_id, path, caption)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            self._focus(exc.problems[0].field if exc.problems else None)
            return
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.saved_id = activity_id
        super().accept()

    def _focus(self, field: str | None) -> None:
        widget = {
            "starts_on": self.starts,
            "ends_on": self.ends,
            "title": self.title_edit,
            "field": self.field,
            "committee_id": self.committee,
            "place": self.place,
            "status": self.status,
            "photo": self.photos,
            "caption": self.photos,
            "plan_action_id": self.plan,
            "cash_entry_ids": self.costs_button,
        }.get(field or "")
        if widget is not None:
            widget.setFocus()
