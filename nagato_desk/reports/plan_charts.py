"""Charts and the year grid of the dream plan, drawn with reportlab (shared by the booklet and the
評価シート). The numbers come from the services (``indicator_chart``, ``roadmap``); this only draws.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Table

from nagato_desk.dates import format_fiscal_year, to_wareki
from nagato_desk.reports.pdf_base import GOTHIC, GOTHIC_BOLD, GRID_COLOUR, HEADER_FILL, LABEL_FILL, PdfContext
from nagato_desk.services.indicators import ChartData
from nagato_desk.services.plan_values import format_value
from nagato_desk.services.roadmap import DONE, LATE, NONE, PLANNED, Roadmap

ACTUAL_COLOUR = colors.HexColor("#1F4E9A")
TARGET_COLOUR = colors.HexColor("#C55A11")
BASELINE_COLOUR = colors.HexColor("#595959")
AXIS_COLOUR = colors.HexColor("#404040")
TICK_COLOUR = colors.HexColor("#D0D0D0")

#: How each roadmap state is printed: (mark, fill). The mark says it without colour too.
CELL_STYLE = {
    PLANNED: ("○", colors.HexColor("#DCE9F7")),
    DONE: ("●", colors.HexColor("#BFE3B4")),
    LATE: ("▲", colors.HexColor("#F8CBA0")),
    NONE: ("", None),
}
LEGEND = "○ 予定　● 完了　▲ 遅れ（予定の年度が過ぎて未完了）"
_ERA_LETTERS = {"令和": "R", "平成": "H", "昭和": "S", "大正": "T", "明治": "M"}


def short_year(fy: int, date_style: str = "wareki") -> str:
    """A fiscal year for a narrow column: 「R5」 (令和5年度) or 「2023」."""
    if date_style == "seireki":
        return str(fy)
    from datetime import date

    era, year = to_wareki(date(fy, 12, 31))
    return f"{_ERA_LETTERS.get(era, era)}{year}"


def grid_year(fy: int, date_style: str = "wareki") -> str:
    """A fiscal year for a grid header: 「令和5」 or 「2023」 (the column says 年度 above)."""
    return format_fiscal_year(fy, date_style).removesuffix("年度")


def _num(value: Decimal) -> str:
    return format_value(value)


def indicator_drawing(chart: ChartData, width: float, height: float, date_style: str = "wareki") -> Drawing:
    """A line chart: targets dashed (orange, hollow), actuals solid (blue, filled), the baseline as a
    grey square with a dotted level line; y axis from ``chart.y_min`` to ``chart.y_max``."""
    d = Drawing(width, height)
    # reportlab otherwise starts a drawing in Helvetica, a font it never embeds
    d.initialFontName, d.initialFontSize = GOTHIC, 7
    left, right, bottom, top = 34.0, 6.0, 26.0, 16.0
    pw, ph = width - left - right, height - bottom - top
    years = chart.years
    span = float(chart.y_max - chart.y_min) or 1.0

    def x(year: int) -> float:
        if len(years) == 1:
            return left + pw / 2
        return left + pw * (years.index(year) / (len(years) - 1))

    def y(value: Decimal) -> float:
        return bottom + ph * (float(value - chart.y_min) / span)

    for tick in chart.y_ticks:
        ty = y(tick)
        d.add(Line(left, ty, left + pw, ty, strokeColor=TICK_COLOUR, strokeWidth=0.4))
        d.add(String(left - 3, ty - 2.5, _num(tick), fontName=GOTHIC, fontSize=6.5, textAnchor="end"))
    d.add(Line(left, bottom, left, bottom + ph, strokeColor=AXIS_COLOUR, strokeWidth=0.6))
    d.add(Line(left, bottom, left + pw, bottom, strokeColor=AXIS_COLOUR, strokeWidth=0.6))
    step = 1 if len(years) <= 12 else 2
    for i, year in enumerate(years):
        d.add(Line(x(year), bottom, x(year), bottom - 2, strokeColor=AXIS_COLOUR, strokeWidth=0.5))
        if i % step == 0:
            d.add(
                String(
                    x(year),
                    bottom - 10,
                    short_year(year, date_style),
                    fontName=GOTHIC,
                    fontSize=6.5,
                    textAnchor="middle",
                )
            )
    if chart.unit:
        d.add(
            String(
                left - 3,
                bottom + ph + 5,
                f"（{chart.unit}）",
                fontName=GOTHIC,
                fontSize=6.5,
                textAnchor="end",
            )
        )
    if chart.baseline is not None:
        by, bv = chart.baseline
        if by in years:
            d.add(
                Line(
                    x(by),
                    y(bv),
                    left + pw,
                    y(bv),
                    strokeColor=BASELINE_COLOUR,
                    strokeWidth=0.6,
                    strokeDashArray=[1, 2],
                )
            )
            d.add(Rect(x(by) - 2.5, y(bv) - 2.5, 5, 5, fillColor=BASELINE_COLOUR, strokeColor=None))
    for points, colour, dashed, filled in (
        (chart.targets, TARGET_COLOUR, True, False),
        (chart.actuals, ACTUAL_COLOUR, False, True),
    ):
        points = [(yr, v) for yr, v in points if yr in years]
        if len(points) > 1:
            coords = [c for yr, v in points for c in (x(yr), y(v))]
            d.add(
                PolyLine(
                    coords, strokeColor=colour, strokeWidth=1.2, strokeDashArray=[3, 2] if dashed else None
                )
            )
        for yr, v in points:
            d.add(
                Circle(
                    x(yr),
                    y(v),
                    2.4,
                    fillColor=colour if filled else colors.white,
                    strokeColor=colour,
                    strokeWidth=1,
                )
            )
    # legend along the top
    lx = left + 6
    for label, colour, kind in (
        ("実績", ACTUAL_COLOUR, "filled"),
        ("目標", TARGET_COLOUR, "hollow"),
        ("基準値", BASELINE_COLOUR, "square"),
    ):
        ly = height - 8
        if kind == "square":
            d.add(Rect(lx, ly - 2.5, 5, 5, fillColor=colour, strokeColor=None))
        else:
            d.add(
                Circle(
                    lx + 2.5,
                    ly,
                    2.4,
                    fillColor=colour if kind == "filled" else colors.white,
                    strokeColor=colour,
                )
            )
        d.add(String(lx + 8, ly - 2.5, label, fontName=GOTHIC, fontSize=7))
        lx += 14 + 7.5 * len(label)
    direction = "高いほど良い" if chart.direction == "up" else "低いほど良い"
    d.add(String(left + pw, height - 10.5, direction, fontName=GOTHIC, fontSize=6.5, textAnchor="end"))
    return d


def roadmap_table(ctx: PdfContext, grid: Roadmap, date_style: str = "wareki") -> Table:
    """The year grid: a goal row over its actions; per action its committee and ten year cells with
    a mark (○ ● ▲) on a coloured ground. Fits A4 portrait."""
    small = ctx.styles["small"]
    years = grid.years
    title_w, who_w = 0.30, 0.14
    year_w = (1 - title_w - who_w) / len(years)
    widths = ctx.column_widths([title_w, who_w] + [year_w] * len(years))
    header = [ctx.para("取組", "cell_header"), ctx.para("実施主体", "cell_header")]
    header += [ctx.para(grid_year(fy, date_style), small) for fy in years]
    data = [header]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), GOTHIC, 9),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (2, 0), (-1, -1), 1),
        ("RIGHTPADDING", (2, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    goal_id = None
    goal_no = 0
    for row in grid.rows:
        if row.goal_id != goal_id:
            goal_id = row.goal_id
            goal_no += 1
            data.append(
                [ctx.para(f"基本目標{goal_no}【{row.field}】{row.goal_title}", "cell_bold")]
                + [""] * (len(years) + 1)
            )
            r = len(data) - 1
            commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), LABEL_FILL)]
        cells = [ctx.para(row.title, "cell"), ctx.para(row.committee or "—", small)]
        r = len(data)
        for c, cell in enumerate(row.cells, start=2):
            mark, fill = CELL_STYLE[cell.state]
            cells.append(mark)
            if fill is not None:
                commands.append(("BACKGROUND", (c, r), (c, r), fill))
        data.append(cells)
    for fy_index, fy in enumerate(years):
        if fy == grid.current_year:
            c = fy_index + 2
            commands += [
                ("LINEBEFORE", (c, 0), (c, -1), 1.4, colors.black),
                ("LINEAFTER", (c, 0), (c, -1), 1.4, colors.black),
            ]
    commands.append(("FONT", (2, 1), (-1, -1), GOTHIC_BOLD, 9))
    return Table(data, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")
