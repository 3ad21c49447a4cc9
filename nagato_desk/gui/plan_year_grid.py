"""The ten-year checkbox grid of an action (年次計画): one box per fiscal year of the plan's period,
two rows of five, each labelled with its fiscal year; and the short year labels other views share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from nagato_desk.dates import format_fiscal_year, to_wareki

_ERA_LETTERS = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}


def short_fiscal_year(fy: int, style: str = "wareki") -> str:
    """A fiscal year for a narrow column: ``"R5"`` (wareki) or ``"2023"`` (seireki)."""
    if style == "seireki":
        return str(fy)
    era, year = to_wareki(date(fy, 12, 31))  # the same convention as format_fiscal_year
    return f"{_ERA_LETTERS.get(era, era)}{year}"


class YearGrid(QWidget):
    """Ten checkboxes, one per fiscal year of the period; ``years()`` are the ones ticked."""

    changed = Signal()

    def __init__(self, date_style: str = "wareki", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_style = date_style
        self.boxes: dict[int, QCheckBox] = {}
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.all_button = QPushButton(self.tr("Every year"), self)
        self.none_button = QPushButton(self.tr("None"), self)
        self.all_button.setAutoDefault(False)
        self.none_button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self.set_years(self.boxes))
        self.none_button.clicked.connect(lambda: self.set_years(()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)

    def set_period(self, years: Iterable[int]) -> None:
        """The period's fiscal years, in order (ten for a plan); the ticks are cleared."""
        years = list(years)
        if years == list(self.boxes) and self.date_style == getattr(self, "_style", None):
            self.set_years(())
            return
        self._style = self.date_style
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.boxes = {}
        for i, fy in enumerate(years):
            # short labels (R5, or 2023) keep the grid narrow beside the tree; the tooltip says it in full
            box = QCheckBox(short_fiscal_year(fy, self.date_style), self)
            box.setToolTip(self.tr("Planned in %1").replace("%1", format_fiscal_year(fy, self.date_style)))
            box.toggled.connect(lambda _checked: self.changed.emit())
            self.grid.addWidget(box, i // 5, i % 5)
            self.boxes[fy] = box

    def set_years(self, years: Iterable[int]) -> None:
        chosen = set(years)
        for fy, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(fy in chosen)
            box.blockSignals(False)
        self.changed.emit()

    def years(self) -> list[int]:
        return [fy for fy, box in self.boxes.items() if box.isChecked()]

    def set_read_only(self, read_only: bool) -> None:
        for widget in (*self.boxes.values(), self.all_button, self.none_button):
            widget.setEnabled(not read_only)
