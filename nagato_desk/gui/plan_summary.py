"""The head of the outline: the plan's vision and current state in a few lines, with the population
figures from the council profile and when the version was adopted or revised."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.money import format_rate, format_yen


def excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PlanSummary(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_version(self, version, figures, date_style: str) -> None:  # type: ignore[no-untyped-def]
        self.setText(self.html(version, figures, date_style))

    def figures_text(self, figures, date_style: str) -> str:  # type: ignore[no-untyped-def]
        """「令和8年度　人口 1,234人・世帯 567・高齢化率 55.20%」 from the council profile."""
        t = figures.totals
        if figures.fiscal_year is None or t.population is None:
            return ""
        text = (
            self.tr("%1: population %2, households %3, ageing rate %4")
            .replace("%1", format_fiscal_year(figures.fiscal_year, date_style))
            .replace("%2", format_yen(t.population))
            .replace("%3", format_yen(t.households) if t.households is not None else "—")
            .replace("%4", format_rate(t.ageing_rate))
        )
        return text

    def html(self, version, figures, date_style: str) -> str:  # type: ignore[no-untyped-def]
        from html import escape

        vision_label = escape(self.tr("Vision"))
        state_label = escape(self.tr("Current state"))
        lines = [
            f"<b>{vision_label}</b>　{escape(excerpt(version.vision)) or '—'}",
            f"<b>{state_label}</b>　{escape(excerpt(version.current_state)) or '—'}",
        ]
        adopted = []
        if figures is not None and self.figures_text(figures, date_style):
            adopted.append(self.figures_text(figures, date_style))
        if version.adopted_on is not None:
            adopted.append(
                self.tr("adopted on %1").replace("%1", format_date(version.adopted_on, date_style))
            )
        if version.revised_on is not None:
            adopted.append(
                self.tr("revised on %1: %2")
                .replace("%1", format_date(version.revised_on, date_style))
                .replace("%2", excerpt(version.revision_note, 80))
            )
        if adopted:
            lines.append(f"<span style='color:#52606d'>{escape('　'.join(adopted))}</span>")
        return "<br>".join(lines)
