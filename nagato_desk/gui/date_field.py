"""A date typed the way the secretariat writes it (R8.4.1, 令和8年4月1日, 2026/4/1), with the date it
was read as shown beside it; and a small dialog that asks for one date and says what will happen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.dates import format_date, format_date_numeric, parse_date
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.errors import show_error


class DateField(QWidget):
    """A line edit for a date and, beside it, the date written out in full (or why it cannot be read)."""

    def __init__(
        self,
        date_style: str = "wareki",
        value: date | None = None,
        field: str = "date",
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.date_style = date_style
        self.field = field
        self.required = required
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("e.g. R8.4.1"))
        self.edit.setMinimumWidth(200)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "subtitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint, 1)
        self.edit.textChanged.connect(self._show)
        self.setFocusProxy(self.edit)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.edit.setText(format_date_numeric(value, self.date_style) if value else "")
        self._show()

    def _show(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.hint.setText(self.tr("(required)") if self.required else "")
            return
        try:
            self.hint.setText(format_date(parse_date(text), self.date_style))
        except ValueError:
            self.hint.setText(self.tr("cannot read this date"))

    def value(self) -> date | None:
        """The date, ``None`` when empty and optional; ``ValidationError`` naming ``field`` otherwise."""
        text = self.edit.text().strip()
        if not text and not self.required:
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            raise ValidationError(
                [Problem(str(exc), f"Cannot read the date '{text}'.", field=self.field)]
            ) from exc


class DateDialog(QDialog):
    """Ask for one date: 「退任日」「就任日」 …; ``on`` holds it after OK."""

    def __init__(
        self,
        title: str,
        explanation: str,
        label: str,
        date_style: str = "wareki",
        value: date | None = None,
        ok_text: str = "",
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.on: date | None = None
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        self.date = DateField(date_style, value or date.today(), parent=self)
        form = QFormLayout()
        form.addRow(label, self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, ok_text or self.tr("OK")))
        self.resize(520, 180)
        self.date.setFocus()

    def accept(self) -> None:
        try:
            self.on = self.date.value()
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            self.date.setFocus()
            return
        super().accept()
