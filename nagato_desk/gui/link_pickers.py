"""Pickers for the links between records: a dream-plan action (「基本目標 › 取組」 of the plan's current
version), a meeting (「No.12 令和8年5月20日 定期総会」) and the cash entries that paid for an activity.

The action and meeting pickers are combos to type in: part of the name (any kana width) finds the
entry, as the 科目 are found in the cash book. "None" is the first entry; it holds 0, never None
(see plan_view.py: reading back an empty QVariant leaks with PySide6 6.12), and ``value()`` maps it
to None. The ids are read from a Python list, never from the combo's item data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.money import format_yen
from nagato_desk.reading import fold
from nagato_desk.services import plan_links

NONE = 0  # the "none" entry's id (see the module's note)


class LinkPicker(QComboBox):
    """A combo of (id, label) choices with "none" first; type part of a label to find it."""

    changed = Signal()  # the choice changed (by the user or by ``set_value``)

    def __init__(self, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_text = none_text
        self.ids: list[int] = []
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(none_text)
        self.lineEdit().editingFinished.connect(self.settle)
        self.currentIndexChanged.connect(self._index_changed)
        self.set_choices([])

    def _index_changed(self, index: int) -> None:
        if index == 0:  # "none" shows as an empty field with the placeholder, ready to type in
            self.setEditText("")
        self.changed.emit()

    def shown_text(self, index: int) -> str:
        """What the field shows for the choice at ``index`` ("" for "none")."""
        return self.itemText(index) if index > 0 else ""

    def set_choices(self, choices: list[tuple[int, str]]) -> None:
        """Fill the list; the choice stays when it is still among them."""
        keep = self.value() if self.ids else None
        self.blockSignals(True)
        self.clear()
        self.ids = [NONE]
        self.addItem(self.none_text, NONE)
        for item_id, label in choices:
            self.ids.append(item_id)
            self.addItem(label, item_id)
            self.setItemData(self.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(self.ids.index(keep) if keep in self.ids else 0)
        self.setEditText(self.shown_text(self.currentIndex()))
        self.blockSignals(False)

    def value(self) -> int | None:
        """The chosen id, None for "none"."""
        self.settle()
        index = self.currentIndex()
        chosen = self.ids[index] if 0 <= index < len(self.ids) else NONE
        return chosen or None

    def set_value(self, item_id: int | None) -> None:
        index = self.ids.index(item_id) if item_id in self.ids else 0
        if index != self.currentIndex():
            self.setCurrentIndex(index)
        self.setEditText(self.shown_text(index))

    def matches(self, text: str) -> list[int]:
        """Indexes of the choices whose label holds ``text`` (folded: かな/カナ, widths, case)."""
        key = fold(text.strip())
        return [i for i in range(1, self.count()) if key in fold(self.itemText(i))]

    def settle(self) -> None:
        """The typed text made a choice: an exact label, else the one label holding it; text that
        finds nothing or several goes back to the choice shown before; empty text is "none"."""
        index = self.currentIndex()
        text = self.lineEdit().text()
        if 0 <= index < self.count() and text == self.shown_text(index):
            return
        if not text.strip():
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        exact = self.findText(text, Qt.MatchFlag.MatchExactly)
        found = [exact] if exact > 0 else self.matches(text)
        if len(found) == 1:
            self.setCurrentIndex(found[0])
        self.setEditText(self.shown_text(self.currentIndex()))


class PlanActionPicker(LinkPicker):
    """夢プランの取組: the actions of the current plan version (an action already linked stays)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LinkPickers", "(no dream-plan action)"), parent)
        self.db = db
        self.setToolTip(
            QCoreApplication.translate("LinkPickers", "The dream-plan action this is for (optional)")
        )
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Read the actions again; ``keep`` (else the current choice) stays listed and chosen."""
        keep = keep if keep is not None else (self.value() if self.ids else None)
        with self.db.Session() as session:
            choices = plan_links.action_choices(session, keep)
        self.set_choices([(c.action_id, c.label) for c in choices])
        self.set_value(keep)


class MeetingLinkPicker(LinkPicker):
    """会議: every meeting, newest first, as 「No.12 令和8年5月20日 定期総会」."""

    def __init__(self, db: Database, date_style: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LinkPickers", "(no meeting)"), parent)
        self.db = db
        self.date_style = date_style
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self.value() if self.ids else None)
        with self.db.Session() as session:
            choices = plan_links.meeting_choices(session, keep)
        self.set_choices(
            [
                (m.meeting_id, f"No.{m.number} {format_date(m.held_on, self.date_style)} {m.title}")
                for m in choices
            ]
        )
        self.set_value(keep)


def entry_text(e: plan_links.EntryChoice, date_style: str) -> str:
    """「令和7年7月1日　一般会計 No.12　事業費　テント代（○○商店）　3,000円」"""
    what = e.description + (f"（{e.payee}）" if e.payee else "")
    parts = [
        format_date(e.entry_date, date_style),
        f"{e.fund} No.{e.voucher_no}",
        e.head,
        what,
        f"{format_yen(e.amount)}円",
    ]
    return "　".join(p for p in parts if p)


class CostEntriesDialog(QDialog):
    """Tick the 支出 of a fiscal year that paid for an activity; ``entry_ids`` holds them after OK.
    Entries ticked before that are of another year stay ticked at the top."""

    def __init__(
        self,
        db: Database,
        date_style: str,
        fiscal_year: int,
        entry_ids: list[int],
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.entry_ids = list(entry_ids)
        self.setWindowTitle(
            QCoreApplication.translate("LinkPickers", "Cash entries that paid for the activity")
        )
        with db.Session() as session:
            year = plan_links.expense_choices(session, fiscal_year)
            shown = {e.entry_id for e in year}
            others = plan_links.entry_choices(session, [i for i in entry_ids if i not in shown])
        explanation = QLabel(
            QCoreApplication.translate(
                "LinkPickers", "Expenses of %1 in the cash book. Tick those that paid for this activity."
            ).replace("%1", format_fiscal_year(fiscal_year, date_style)),
            self,
        )
        explanation.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("LinkPickers", "Type part of the description, payee or head")
        )
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setStyleSheet("QListWidget::item { padding: 2px 0; }")
        self.amounts: dict[int, int] = {}
        self.item_ids: list[int] = []
        for e in [*others, *year]:
            item = QListWidgetItem(entry_text(e, date_style))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if e.entry_id in entry_ids else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            self.item_ids.append(e.entry_id)
            self.amounts[e.entry_id] = e.amount
        self.total = QLabel(self)
        self.empty = QLabel(
            QCoreApplication.translate("LinkPickers", "There are no expenses in this fiscal year."), self
        )
        self.empty.setVisible(not self.item_ids)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.total)
        layout.addWidget(dialog_buttons(self, QCoreApplication.translate("LinkPickers", "Choose")))
        self.search.textChanged.connect(self.apply_filter)
        self.list.itemChanged.connect(lambda _i: self.show_total())
        self.show_total()
        self.resize(860, 560)
        self.search.setFocus()

    def apply_filter(self) -> None:
        key = fold(self.search.text().strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(key) and key not in fold(item.text()))

    def checked(self) -> list[int]:
        return [
            entry_id
            for row, entry_id in enumerate(self.item_ids)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def show_total(self) -> None:
        ids = self.checked()
        self.total.setText(
            QCoreApplication.translate("LinkPickers", "%1 entries ticked: %2 yen")
            .replace("%1", str(len(ids)))
            .replace("%2", format_yen(sum(self.amounts[i] for i in ids)))
        )

    def set_checked(self, entry_id: int, checked: bool = True) -> None:
        row = self.item_ids.index(entry_id)
        self.list.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        self.entry_ids = self.checked()
        super().accept()


def costs_text(db: Database, entry_ids: list[int]) -> str:
    """「2件　5,000円」 for the cost line of the activity form (「なし」 without any)."""
    if not entry_ids:
        return QCoreApplication.translate("LinkPickers", "No cash entries linked")
    with db.Session() as session:
        entries = plan_links.entry_choices(session, entry_ids)
    total = sum(e.amount for e in entries if e.entry_id in entry_ids)
    return (
        QCoreApplication.translate("LinkPickers", "%1 cash entries, %2 yen")
        .replace("%1", str(len(entries)))
        .replace("%2", format_yen(total))
    )
