"""Under the outline: what the selected action (取組) cost per fiscal year from the cash book, and the
resolutions, meeting actions, activities and cash entries linked to it (its earlier selves in older
versions included), from services/plan_links.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.money import format_yen
from nagato_desk.services import plan_links
from nagato_desk.services.plan_links import ActionLinks

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PlanLinksPanel(QWidget):
    def __init__(self, db: Database, date_style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.action_id: int | None = None
        self.links: ActionLinks | None = None
        self.heading = QLabel(self.tr("Cost and decisions"), self)
        self.heading.setProperty("role", "subtitle")
        self.costs = QLabel(self)
        self.costs.setWordWrap(True)
        self.costs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Linked record"), self.tr("Amount / result")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")  # as the outline above it
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.costs)
        layout.addWidget(self.tree, 1)

    def show_action(self, action_id: int | None, date_style: str | None = None) -> None:
        """Show the links of ``action_id`` (None: nothing, the panel hides)."""
        self.date_style = date_style or self.date_style
        self.action_id = action_id
        self.setVisible(action_id is not None)
        if action_id is None:
            self.links = None
            self.tree.clear()
            return
        with self.db.Session() as session:
            self.links = plan_links.action_links(session, action_id)
        self._show(self.links)

    def cost_text(self, links: ActionLinks) -> str:
        """「令和7年度 15,000円　令和8年度 8,000円（計 23,000円）」"""
        if not links.costs:
            return self.tr("No expenses in the cash book are linked to this action yet.")
        years = "　".join(
            f"{format_fiscal_year(fy, self.date_style)} {format_yen(amount)}円"
            for fy, amount in links.costs.items()
        )
        return (
            self.tr("Spent: %1 (total %2 yen)")
            .replace("%1", years)
            .replace("%2", format_yen(links.total_cost))
        )

    def _group(self, title: str, rows: list[tuple[str, str, str]]) -> None:
        group = QTreeWidgetItem([title.replace("%1", str(len(rows))), "", ""])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(False)
        for when, what, value in rows:
            item = QTreeWidgetItem([when, what, value])
            item.setToolTip(1, what)
            item.setTextAlignment(2, RIGHT)
            group.addChild(item)
        self.tree.addTopLevelItem(group)
        group.setExpanded(bool(rows))

    def _show(self, links: ActionLinks) -> None:
        style = self.date_style
        self.costs.setText(self.cost_text(links))
        self.tree.clear()
        self._group(
            self.tr("Resolutions (%1)"),
            [
                (
                    format_date(r.held_on, style),
                    f"{r.label} {r.title}（No.{r.meeting_number} {r.meeting_title}）",
                    r.result,
                )
                for r in links.resolutions
            ],
        )
        self._group(
            self.tr("Meeting actions (%1)"),
            [
                (
                    format_date(a.held_on, style),
                    a.what + (f"（{a.who}）" if a.who else ""),
                    self.tr("done") if a.done_on else self.tr("open"),
                )
                for a in links.meeting_actions
            ],
        )
        self._group(
            self.tr("Activities (%1)"),
            [
                (format_date(a.starts_on, style), a.title, f"{format_yen(a.cost)}円" if a.cost else "")
                for a in links.activities
            ],
        )
        self._group(
            self.tr("Cash entries (%1)"),
            [
                (
                    format_date(e.entry_date, style),
                    f"No.{e.voucher_no} {e.description}"
                    + (self.tr(" (through an activity)") if e.via == "activity" else ""),
                    f"{format_yen(e.amount)}円",
                )
                for e in links.entries
            ],
        )
