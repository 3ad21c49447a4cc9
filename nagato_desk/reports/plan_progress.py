"""評価シート: the dream plan's yearly progress report for the city (``export plan-progress --year FY``).

Every action of the plan's current version, with its status, rating, what was done, issues and the
next step for the year; then every indicator with the year's target and actual and the rates; then
a summary by goal. The columns never change with the council's data, so the city can lay the sheets
of all councils side by side. PDF (A4 landscape) and xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.models import EVALUATION_STATUSES
from nagato_desk.money import format_rate
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.plan_booklet import NO_PLAN
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services import plans
from nagato_desk.services.council import require_council
from nagato_desk.services.evaluations import evaluations_of_year, year_lock
from nagato_desk.services.indicators import IndicatorRow, indicator_rows
from nagato_desk.services.plan_actions import action_years, actions_of_version
from nagato_desk.services.plan_links import version_links
from nagato_desk.services.plan_progress import PlanProgress, ProgressRow, plan_progress
from nagato_desk.services.plan_values import format_value

TITLE = "地域の夢プラン 評価シート"
NOT_EVALUATED = "未評価"
ACTION_COLUMNS = [
    "No",
    "基本目標",
    "取組",
    "実施主体",
    "本年度の予定",
    "状況",
    "評価",
    "実施内容",
    "課題",
    "次年度の取組",
]
INDICATOR_COLUMNS = ["指標", "対象", "基準値", "目標値", "実績値", "達成率", "最終目標", "最終目標への達成率"]
#: 事業費 (the 支出 linked in the cash book, directly or through an activity) and decisions per action
LINK_COLUMNS = [
    "No",
    "取組",
    "本年度の事業費（円）",
    "事業費の累計（円）",
    "本年度の議決",
    "本年度の会議で決まった取組",
    "本年度の事業",
]
SUMMARY_COLUMNS = ["基本目標", "取組数", "予定（累計）", "完了", "遅れ", "進捗率", "A", "B", "C", "D"]


@dataclass(frozen=True)
class SheetRow:
    number: int
    goal: str  # 「1 保健福祉」
    action: str
    committee: str
    planned: bool  # planned in the year
    status: str  # label (未着手 … 中止) or 未評価
    rating: str
    done_text: str
    issues: str
    next_step: str
    cost: int = 0  # yen spent on it in the year
    cost_to_date: int = 0  # from the first year of the plan up to the year
    resolutions: int = 0  # 議決 about it at the year's meetings
    meeting_actions: int = 0  # actions agreed at the year's meetings
    activities: int = 0  # activities of the year that served it


@dataclass(frozen=True)
class ProgressSheet:
    council_name: str
    issued: date
    plan_title: str
    start_year: int
    end_year: int
    version_number: int
    fiscal_year: int
    locked_on: date | None  # when the year was locked (reported), else None
    rows: list[SheetRow]
    indicators: list[IndicatorRow]
    progress: PlanProgress


def default_year(today: date) -> int:
    """The year a 評価シート is normally made for: the last finished fiscal year."""
    return fiscal_year_of(today) - 1


def build_progress_sheet(
    session: Session, fiscal_year: int | None = None, plan_id: int | None = None, today: date | None = None
) -> ProgressSheet:
    today = today or date.today()
    council = require_council(session)
    plan = plans.get_plan(session, plan_id) if plan_id is not None else plans.latest_plan(session)
    if plan is None:
        raise NO_PLAN
    fy = default_year(today) if fiscal_year is None else fiscal_year
    if fy not in plans.plan_years(plan):
        raise NagatoError(
            f"{format_fiscal_year(fy)}は夢プランの計画期間（{plans.period_text(plan)}）の外です。",
            f"FY{fy} is outside the plan period (FY{plan.start_year}–FY{plan.end_year}).",
        )
    version = plans.current_version(session, plan.id)
    evaluations = evaluations_of_year(session, version.id, fy)
    goal_numbers = {g.id: n for n, g in enumerate(version.goals, start=1)}
    links = version_links(session, version.id, fy)
    rows = []
    for n, action in enumerate(actions_of_version(session, version.id), start=1):
        ev = evaluations.get(action.id)
        goal = action.goal
        rows.append(
            SheetRow(
                number=n,
                goal=f"{goal_numbers[goal.id]} {goal.field}",
                action=action.title,
                committee=action.committee.name if action.committee else "",
                planned=fy in action_years(action),
                status=EVALUATION_STATUSES[ev.status] if ev else NOT_EVALUATED,
                rating=ev.rating if ev else "",
                done_text=ev.done_text if ev else "",
                issues=ev.issues if ev else "",
                next_step=ev.next_step if ev else "",
                cost=links[action.id].cost,
                cost_to_date=links[action.id].cost_to_date,
                resolutions=links[action.id].resolutions,
                meeting_actions=links[action.id].meeting_actions,
                activities=links[action.id].activities,
            )
        )
    lock = year_lock(session, plan.id, fy)
    return ProgressSheet(
        council_name=council.name,
        issued=today,
        plan_title=version.title,
        start_year=plan.start_year,
        end_year=plan.end_year,
        version_number=version.number,
        fiscal_year=fy,
        locked_on=lock.locked_on if lock else None,
        rows=rows,
        indicators=indicator_rows(session, version.id, fy),
        progress=plan_progress(session, version.id, fy, today),
    )


def _value(v: Decimal | None, unit: str) -> str:
    return format_value(v, unit)


def indicator_cells(r: IndicatorRow, date_style: str = "wareki") -> list[str]:
    base = _value(r.baseline, r.unit)
    if r.baseline is not None and r.baseline_year is not None:
        base += f"（{format_fiscal_year(r.baseline_year, date_style)}）"
    target = _value(r.target, r.unit) + ("（最終）" if r.target_is_final else "")
    direction = "↑" if r.direction == "up" else "↓"
    return [
        f"{r.name}（{direction}）",
        r.owner,
        base,
        target,
        _value(r.actual, r.unit),
        format_rate(r.rate, 1),
        _value(r.final_target, r.unit),
        format_rate(r.final_rate, 1),
    ]


def summary_cells(p: ProgressRow) -> list[object]:
    return [p.label, p.actions, p.planned, p.done, p.late, format_rate(p.rate, 1), *p.ratings.values()]


def header_pairs(s: ProgressSheet, date_style: str = "wareki") -> list[tuple[str, str]]:
    period = f"{format_fiscal_year(s.start_year, date_style)}〜{format_fiscal_year(s.end_year, date_style)}"
    lock = f"確定（{format_date(s.locked_on, date_style)}）" if s.locked_on else "未確定"
    return [
        ("協議会", s.council_name),
        ("計画", f"{s.plan_title}（第{s.version_number}版）"),
        ("計画期間", period),
        ("評価の年度", format_fiscal_year(s.fiscal_year, date_style)),
        ("評価の確定", lock),
    ]


def _action_cells(r: SheetRow) -> list[str]:
    return [
        str(r.number),
        r.goal,
        r.action,
        r.committee or "—",
        "あり" if r.planned else "なし",
        r.status,
        r.rating or "—",
        r.done_text,
        r.issues,
        r.next_step,
    ]


def link_values(r: SheetRow) -> list[object]:
    return [r.number, r.action, r.cost, r.cost_to_date, r.resolutions, r.meeting_actions, r.activities]


def link_totals(s: ProgressSheet) -> list[object]:
    return [None, "合計", *(sum(link_values(r)[i] for r in s.rows) for i in range(2, 7))]  # type: ignore[misc]


def write_progress_pdf(s: ProgressSheet, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(
        PageSpec(
            s.council_name,
            f"{TITLE}（{format_fiscal_year(s.fiscal_year, date_style)}）",
            s.issued,
            date_style,
            landscape=True,
        )
    )
    story: list = [ctx.key_value_table(header_pairs(s, date_style), 0.16), ctx.spacer(6)]
    story.append(ctx.heading("1　取組ごとの評価"))
    story.append(
        ctx.para(
            "状況：未着手・実施中・完了・見直し・中止。評価：A 計画どおり以上／B おおむね計画どおり／C 一部のみ／D できなかった。",
            "small",
        )
    )
    widths = [0.03, 0.095, 0.13, 0.08, 0.05, 0.055, 0.04, 0.19, 0.15, 0.18]
    story.append(ctx.table([ACTION_COLUMNS, *(_action_cells(r) for r in s.rows)], widths))
    story.append(ctx.heading("2　指標の目標値と実績値"))
    if s.indicators:
        rows = [INDICATOR_COLUMNS, *(indicator_cells(r, date_style) for r in s.indicators)]
        story.append(ctx.table(rows, [0.2, 0.2, 0.12, 0.1, 0.08, 0.08, 0.1, 0.12], numeric_cols=(5, 7)))
        story.append(
            ctx.para(
                "達成率＝（実績値－基準値）÷（目標値－基準値）。↑は高いほど良い、↓は低いほど良い指標。年度の目標値がないときは最終目標で計算。",
                "small",
            )
        )
    else:
        story.append(ctx.para("指標は登録されていません。"))
    story.append(ctx.heading("3　基本目標ごとの進捗（計画期間の初年度から本年度まで）"))
    p = s.progress
    rows = [SUMMARY_COLUMNS, *(summary_cells(g) for g in p.by_goal), summary_cells(p.total)]
    story.append(
        ctx.table(
            rows,
            [0.36, 0.07, 0.09, 0.07, 0.07, 0.08, 0.065, 0.065, 0.065, 0.065],
            numeric_cols=range(1, 10),
            total_rows=(-1,),
        )
    )
    story.append(ctx.para("進捗率＝完了した年度の数÷予定した年度の数。A〜Dは本年度の評価の件数。", "small"))
    story.append(ctx.heading("4　取組ごとの事業費と会議での決定"))
    money = [[f"{v:,}" if isinstance(v, int) else v for v in link_values(r)] for r in s.rows]
    totals = [f"{v:,}" if isinstance(v, int) else (v or "") for v in link_totals(s)]
    story.append(
        ctx.table(
            [LINK_COLUMNS, *money, totals],
            [0.04, 0.30, 0.13, 0.13, 0.11, 0.17, 0.12],
            numeric_cols=range(2, 7),
            total_rows=(-1,),
        )
    )
    story.append(
        ctx.para(
            "事業費＝出納簿の支出のうち、その取組（見直し前の版の同じ取組を含む）か、その取組の事業に結び付けたもの。"
            "議決＝本年度の会議で採決した審議事項。",
            "small",
        )
    )
    return ctx.build(Path(out_path), story)


def write_progress_xlsx(s: ProgressSheet, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    fy = format_fiscal_year(s.fiscal_year, date_style)
    common = {
        "council_name": s.council_name,
        "date_text": f"{format_date(s.issued, date_style)}作成",
        "landscape": True,
    }
    sw = SheetWriter(wb, "評価シート", doc_title=f"{TITLE}（{fy}）", **common)
    sw.key_values(header_pairs(s, date_style), value_span=3)
    sw.blank()
    sw.header(ACTION_COLUMNS, ["int", *["text"] * 9])
    for r in s.rows:
        cells = _action_cells(r)
        sw.row([r.number, *cells[1:]])
    sw.blank()
    sw.section(f"取組ごとの事業費と会議での決定（{fy}）")
    sw.header(LINK_COLUMNS, ["int", "text", "yen", "yen", "int", "int", "int"])
    for r in s.rows:
        sw.row(link_values(r))
    sw.total_row(link_totals(s))
    sw = SheetWriter(wb, "指標", doc_title=f"指標の目標値と実績値（{fy}）", **common)
    sw.header(
        [
            "指標",
            "対象",
            "単位",
            "方向",
            "基準値",
            "基準年度",
            "目標値",
            "目標の区分",
            "実績値",
            "達成率",
            "最終目標",
            "最終目標への達成率",
        ],
        ["text", "text", "text", "text", "int", "text", "int", "text", "int", "rate", "int", "rate"],
    )
    for r in s.indicators:
        sw.row(
            [
                r.name,
                r.owner,
                r.unit,
                "高いほど良い" if r.direction == "up" else "低いほど良い",
                r.baseline,
                format_fiscal_year(r.baseline_year, date_style) if r.baseline_year else "",
                r.target,
                "最終目標" if r.target_is_final else "年度目標",
                r.actual,
                r.rate,
                r.final_target,
                r.final_rate,
            ]
        )
        for col in (5, 7, 9, 11):  # values may have decimals (88.2%): "#,##0" would print 88
            sw.ws.cell(row=sw.next_row - 1, column=col).number_format = "General"
    sw = SheetWriter(wb, "進捗", doc_title=f"基本目標・分野・部会ごとの進捗（{fy}まで）", **common)
    kinds = ["text", "int", "int", "int", "int", "rate", "int", "int", "int", "int"]
    p = s.progress
    for title, rows in (
        ("基本目標ごと", p.by_goal),
        ("活動分野ごと", p.by_field),
        ("部会ごと", p.by_committee),
    ):
        sw.section(title)
        sw.header(SUMMARY_COLUMNS, kinds)
        for g in rows:
            sw.row([g.label, g.actions, g.planned, g.done, g.late, g.rate, *g.ratings.values()])
        t = p.total
        sw.total_row([t.label, t.actions, t.planned, t.done, t.late, t.rate, *t.ratings.values()])
        sw.blank()
    return save_workbook(wb, Path(out_path))


def export_plan_progress(session: Session, request) -> list[str]:
    """``nagato-desk export plan-progress --year FY`` (default: the last finished fiscal year)."""
    sheet = build_progress_sheet(session, request.fiscal_year, today=request.today)
    if request.format == "xlsx":
        write_progress_xlsx(sheet, request.out, request.date_style)
        return []
    return write_progress_pdf(sheet, request.out, request.date_style).warnings
