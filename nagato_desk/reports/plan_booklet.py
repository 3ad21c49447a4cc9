"""The plan booklet (地域の夢プラン 冊子) for the 総会 and the city: cover, vision, current state with the
population figures and the survey, goals and actions, the ten-year roadmap, indicators with targets
and their charts. PDF (A4 portrait) and xlsx (one sheet per part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, PageBreak, Table
from sqlalchemy.orm import Session

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.models import DIRECTIONS
from nagato_desk.money import format_rate, format_yen
from nagato_desk.reports.pdf_base import GOTHIC, GOTHIC_BOLD, PageSpec, PdfContext, PdfResult
from nagato_desk.reports.plan_charts import CELL_STYLE, LEGEND, indicator_drawing, roadmap_table
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services import indicators, plans
from nagato_desk.services.council import require_council
from nagato_desk.services.indicators import ChartData
from nagato_desk.services.plan_actions import action_years, actions_of_version
from nagato_desk.services.plan_values import format_value
from nagato_desk.services.plans import PlanFigures
from nagato_desk.services.roadmap import Roadmap, roadmap

TITLE = "地域の夢プラン"
NO_PLAN = NagatoError("夢プランが登録されていません。", "No dream plan has been entered.")


@dataclass(frozen=True)
class ActionLine:
    title: str
    description: str
    committee: str
    partners: str
    cost: int | None
    years: list[int]


@dataclass(frozen=True)
class GoalBlock:
    number: int
    field: str
    title: str
    description: str
    actions: list[ActionLine]


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    owner: str
    unit: str
    direction: str
    baseline: str  # 「45%（令和4年度）」
    targets: dict[int, str]  # yearly targets as printed
    final_target: str
    actuals: dict[int, str]
    latest_rate: str  # the latest actual against the final target


@dataclass(frozen=True)
class PlanBooklet:
    council_name: str
    issued: date
    title: str
    start_year: int
    end_year: int
    version_number: int
    adopted_on: date | None
    revised_on: date | None
    revision_note: str
    vision: str
    current_state: str
    issues: str
    survey_summary: str
    survey: list[tuple[str, str, str]]  # (question, result, note)
    figures: PlanFigures
    goals: list[GoalBlock]
    grid: Roadmap
    indicators: list[IndicatorLine]
    charts: list[ChartData]


def build_plan_booklet(
    session: Session, plan_id: int | None = None, issued: date | None = None, date_style: str = "wareki"
) -> PlanBooklet:
    """The booklet of a plan's current version (default: the latest plan)."""
    council = require_council(session)
    plan = plans.get_plan(session, plan_id) if plan_id is not None else plans.latest_plan(session)
    if plan is None:
        raise NO_PLAN
    version = plans.current_version(session, plan.id)
    issued = issued or date.today()
    goal_blocks = []
    by_goal: dict[int, list[ActionLine]] = {}
    for a in actions_of_version(session, version.id):
        by_goal.setdefault(a.goal_id, []).append(
            ActionLine(
                a.title,
                a.description,
                a.committee.name if a.committee else "",
                a.partners,
                a.estimated_cost,
                action_years(a),
            )
        )
    for n, g in enumerate(version.goals, start=1):
        goal_blocks.append(GoalBlock(n, g.field, g.title, g.description, by_goal.get(g.id, [])))
    lines, charts = [], []
    last = plan.end_year
    for row, ind in zip(
        indicators.indicator_rows(session, version.id, last),
        indicators.list_indicators(session, version.id),
        strict=True,
    ):
        base = format_value(ind.baseline_value, ind.unit)
        if ind.baseline_year is not None and ind.baseline_value is not None:
            base += f"（{format_fiscal_year(ind.baseline_year, date_style)}）"
        lines.append(
            IndicatorLine(
                name=ind.name,
                unit=ind.unit,
                owner=row.owner,
                direction=DIRECTIONS[ind.direction],
                baseline=base,
                targets={
                    v.fiscal_year: format_value(v.target, ind.unit)
                    for v in ind.values
                    if v.target is not None
                },
                final_target=format_value(ind.final_target, ind.unit),
                actuals={
                    v.fiscal_year: format_value(v.actual, ind.unit)
                    for v in ind.values
                    if v.actual is not None
                },
                latest_rate=format_rate(row.final_rate, 1),
            )
        )
        charts.append(indicators.indicator_chart(session, ind.id))
    return PlanBooklet(
        council_name=council.name,
        issued=issued,
        title=version.title,
        start_year=plan.start_year,
        end_year=plan.end_year,
        version_number=version.number,
        adopted_on=version.adopted_on,
        revised_on=version.revised_on,
        revision_note=version.revision_note,
        vision=version.vision,
        current_state=version.current_state,
        issues=version.issues,
        survey_summary=version.survey_summary,
        survey=[
            (i.question, format_value(i.value, i.unit) if i.value is not None else "", i.note)
            for i in version.survey_items
        ],
        figures=plans.plan_figures(session, version.id),
        goals=goal_blocks,
        grid=roadmap(session, version.id, issued),
        indicators=lines,
        charts=charts,
    )


def period_text(b: PlanBooklet, date_style: str = "wareki") -> str:
    return f"{format_fiscal_year(b.start_year, date_style)}〜{format_fiscal_year(b.end_year, date_style)}（10年間）"


def version_text(b: PlanBooklet, date_style: str = "wareki") -> str:
    parts = []
    if b.adopted_on:
        parts.append(f"{format_date(b.adopted_on, date_style)} 策定")
    if b.version_number > 1:
        revised = f"{format_date(b.revised_on, date_style)} " if b.revised_on else ""
        parts.append(f"{revised}見直し（第{b.version_number}版）")
    return "　".join(parts)


def years_text(years: list[int], date_style: str = "wareki") -> str:
    """「令和5年度〜令和14年度」 for a run, runs joined with 、."""
    if not years:
        return "—"
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    out = []
    for run in runs:
        first = format_fiscal_year(run[0], date_style)
        out.append(first if len(run) == 1 else f"{first}〜{format_fiscal_year(run[-1], date_style)}")
    return "、".join(out)


def _figure_rows(f: PlanFigures) -> list[list[str]]:
    def n(v: int | None) -> str:
        return "—" if v is None else f"{v:,}"

    rows = [
        [r.name, n(r.households), n(r.population), n(r.aged_65_plus), format_rate(r.ageing_rate)]
        for r in f.rows
    ]
    t = f.totals
    rows.append([t.name, n(t.households), n(t.population), n(t.aged_65_plus), format_rate(t.ageing_rate)])
    return rows


FIGURE_COLUMNS = ["自治会", "世帯数", "人口", "65歳以上", "高齢化率"]
ACTION_COLUMNS = ["取組", "内容", "実施主体", "連携先", "実施年度", "概算事業費（円）"]
SURVEY_COLUMNS = ["設問", "結果", "備考"]


def _cover(ctx: PdfContext, b: PlanBooklet, date_style: str) -> list:
    big = ParagraphStyle(
        "cover", fontName=GOTHIC_BOLD, fontSize=26, leading=38, alignment=TA_CENTER, wordWrap="CJK"
    )
    mid = ParagraphStyle(
        "cover_mid", fontName=GOTHIC, fontSize=14, leading=22, alignment=TA_CENTER, wordWrap="CJK"
    )
    vision = ParagraphStyle(
        "cover_vision", fontName=GOTHIC_BOLD, fontSize=13, leading=21, alignment=TA_CENTER, wordWrap="CJK"
    )
    story = [
        ctx.spacer(150),
        ctx.para(b.title, big),
        ctx.spacer(14),
        ctx.para(period_text(b, date_style), mid),
    ]
    if b.vision:
        story += [ctx.spacer(40), ctx.para("将来像", mid), ctx.spacer(4), ctx.para(f"「{b.vision}」", vision)]
    story += [ctx.spacer(150), ctx.para(b.council_name, mid)]
    text = version_text(b, date_style)
    if text:
        story.append(ctx.para(text, mid))
    story.append(PageBreak())
    return story


def _text_block(ctx: PdfContext, text: str) -> list:
    return [ctx.para(line if line else " ") for line in (text or "—").split("\n")]


def write_plan_booklet_pdf(b: PlanBooklet, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(b.council_name, TITLE, b.issued, date_style))
    story = _cover(ctx, b, date_style)
    story += [ctx.heading("1　将来像（10年後のめざす姿）"), ctx.para(b.vision or "—")]
    story += [ctx.heading("2　地域の現状"), *_text_block(ctx, b.current_state)]
    f = b.figures
    if f.fiscal_year is not None:
        caption = f"自治会別の世帯数・人口（{format_fiscal_year(f.fiscal_year, date_style)}"
        caption += f"、{format_date(f.as_of, date_style)}現在）" if f.as_of else "）"
        story += [ctx.spacer(4), ctx.para(caption, "cell_bold")]
        story.append(
            ctx.table(
                [FIGURE_COLUMNS, *_figure_rows(f)],
                [0.32, 0.16, 0.16, 0.18, 0.18],
                numeric_cols=(1, 2, 3, 4),
                total_rows=(-1,),
            )
        )
        if len(f.history) > 1:
            trend = "　→　".join(
                f"{format_fiscal_year(fy, date_style)} {t.population:,}人"
                for fy, t in f.history
                if t.population is not None
            )
            story += [ctx.spacer(3), ctx.para(f"人口の推移：{trend}", "small")]
    story += [ctx.heading("3　住民アンケート・集落点検の結果"), *_text_block(ctx, b.survey_summary)]
    if b.survey:
        story.append(
            ctx.table([SURVEY_COLUMNS, *[list(s) for s in b.survey]], [0.55, 0.15, 0.30], numeric_cols=(1,))
        )
    story += [ctx.heading("4　地域の課題"), *_text_block(ctx, b.issues)]
    story += [PageBreak(), ctx.heading("5　基本目標と取組")]
    if not b.goals:
        story.append(ctx.para("基本目標はまだ登録されていません。"))
    for g in b.goals:
        block = [ctx.para(f"基本目標{g.number}　【{g.field}】{g.title}", "cell_bold")]
        if g.description:
            block.append(ctx.para(g.description, "small"))
        rows = [ACTION_COLUMNS] + [
            [
                a.title,
                a.description,
                a.committee or "—",
                a.partners or "—",
                years_text(a.years, date_style),
                format_yen(a.cost) if a.cost is not None else "—",
            ]
            for a in g.actions
        ]
        if g.actions:
            block.append(ctx.table(rows, [0.18, 0.29, 0.12, 0.14, 0.15, 0.12], numeric_cols=(5,)))
        # a goal's heading never stays at the foot of a page without its table
        story += [KeepTogether(block), ctx.spacer(8)]
    story += [PageBreak(), ctx.heading("6　年次計画表（10年間）"), ctx.para(LEGEND, "small"), ctx.spacer(4)]
    story.append(roadmap_table(ctx, b.grid, date_style))
    story.append(
        ctx.para(f"太線の列は今年度（{format_fiscal_year(b.grid.current_year, date_style)}）。", "small")
    )
    story += [PageBreak(), ctx.heading("7　指標と目標値")]
    if not b.indicators:
        story.append(ctx.para("指標はまだ登録されていません。"))
    else:
        rows = [["指標", "対象の目標・取組", "基準値", "年度ごとの目標", "最終目標"]]
        for line in b.indicators:
            yearly = (
                "、".join(f"{format_fiscal_year(y, date_style)} {v}" for y, v in sorted(line.targets.items()))
                or "—"
            )
            rows.append(
                [f"{line.name}（{line.direction}）", line.owner, line.baseline, yearly, line.final_target]
            )
        story.append(ctx.table(rows, [0.24, 0.22, 0.16, 0.24, 0.14]))
        story += [ctx.spacer(8), ctx.para("指標の推移（基準値・目標・実績）", "cell_bold")]
        story.append(_chart_grid(ctx, b, date_style))
    return ctx.build(Path(out_path), story, title_block=False)


def _chart_grid(ctx: PdfContext, b: PlanBooklet, date_style: str) -> Table:
    """Charts two to a row, each under its indicator's name."""
    half = ctx.frame_width / 2
    cells = [
        [
            ctx.para(f"{line.name}（{line.unit}）" if line.unit else line.name, "cell_bold"),
            indicator_drawing(chart, half - 8, 150, date_style),
        ]
        for line, chart in zip(b.indicators, b.charts, strict=True)
    ]
    if len(cells) % 2:
        cells.append("")
    data = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    return Table(
        data,
        colWidths=[half, half],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ],
        hAlign="LEFT",
    )


def write_plan_booklet_xlsx(b: PlanBooklet, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    date_text = f"{format_date(b.issued, date_style)}作成"
    common = {"council_name": b.council_name, "date_text": date_text}
    sw = SheetWriter(wb, "計画", doc_title=f"{TITLE}　{b.title}", **common)
    sw.key_values(
        [
            ("計画の名称", b.title),
            ("計画期間", period_text(b, date_style)),
            ("策定・見直し", version_text(b, date_style)),
            ("見直しの内容", b.revision_note),
            ("将来像", b.vision),
            ("地域の現状", b.current_state),
            ("地域の課題", b.issues),
            ("アンケート・集落点検", b.survey_summary),
        ],
        value_span=4,
    )
    sw = SheetWriter(wb, "現状", doc_title="地域の現状（世帯数・人口・アンケート）", **common)
    f = b.figures
    if f.fiscal_year is not None:
        sw.section(f"自治会別の世帯数・人口（{format_fiscal_year(f.fiscal_year, date_style)}）")
        sw.header(FIGURE_COLUMNS, ["text", "int", "int", "int", "rate"])
        for r in f.rows:
            sw.row([r.name, r.households, r.population, r.aged_65_plus, r.ageing_rate])
        t = f.totals
        sw.total_row([t.name, t.households, t.population, t.aged_65_plus, t.ageing_rate])
        sw.blank()
    sw.section("住民アンケートの結果")
    sw.header(SURVEY_COLUMNS)
    sw.rows([list(s) for s in b.survey])
    sw = SheetWriter(wb, "目標と取組", doc_title="基本目標と取組", **common)
    sw.header(
        ["No", "活動分野", "基本目標", *ACTION_COLUMNS],
        ["int", "text", "text", "text", "text", "text", "text", "text", "yen"],
    )
    for g in b.goals:
        for a in g.actions or [None]:
            if a is None:
                sw.row([g.number, g.field, g.title])
            else:
                sw.row(
                    [
                        g.number,
                        g.field,
                        g.title,
                        a.title,
                        a.description,
                        a.committee,
                        a.partners,
                        years_text(a.years, date_style),
                        a.cost,
                    ]
                )
    sw = SheetWriter(wb, "年次計画表", doc_title="年次計画表（10年間）", landscape=True, **common)
    sw.section(LEGEND)
    sw.header(["基本目標", "取組", "実施主体", *(format_fiscal_year(y, date_style) for y in b.grid.years)])
    for row in b.grid.rows:
        sw.row([row.goal_title, row.title, row.committee, *(CELL_STYLE[c.state][0] for c in row.cells)])
    sw = SheetWriter(wb, "指標", doc_title="指標と目標値・実績値", landscape=True, **common)
    years = list(range(b.start_year, b.end_year + 1))
    sw.header(
        [
            "指標",
            "対象の目標・取組",
            "方向",
            "区分",
            "基準値",
            *(format_fiscal_year(y, date_style) for y in years),
            "最終目標",
            "達成率（最新）",
        ]
    )
    for line in b.indicators:
        sw.row(
            [
                line.name,
                line.owner,
                line.direction,
                "目標",
                line.baseline,
                *(line.targets.get(y, "") for y in years),
                line.final_target,
                "",
            ]
        )
        sw.row(["", "", "", "実績", "", *(line.actuals.get(y, "") for y in years), "", line.latest_rate])
    return save_workbook(wb, Path(out_path))


def export_plan(session: Session, request) -> list[str]:
    """``nagato-desk export plan``: the booklet of the latest plan."""
    booklet = build_plan_booklet(session, issued=request.today, date_style=request.date_style)
    if request.format == "xlsx":
        write_plan_booklet_xlsx(booklet, request.out, request.date_style)
        return []
    return write_plan_booklet_pdf(booklet, request.out, request.date_style).warnings
