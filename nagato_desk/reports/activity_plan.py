"""事業計画書 (``export activity-plan --year FY``): what the council means to do in a fiscal year, as one
document — the dream plan's actions scheduled for the year (its 年次計画表), the year's activities
(年間行事予定: planned ones, and those already held when the plan is printed later in the year), and
the year's 収支予算 by head. PDF (A4 portrait) and xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.models.activity import ACTIVITY_STATUSES
from nagato_desk.reports.accounts_base import yen
from nagato_desk.reports.activity_report import dates_text
from nagato_desk.reports.budget import BudgetReport, budget_sheets, budget_story, build_budget_report
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services import plans
from nagato_desk.services.activity_views import ActivityRow, list_activities
from nagato_desk.services.council import require_council
from nagato_desk.services.plan_views import ActionLine, action_lines

TITLE = "事業計画書"
ACTION_COLUMNS = ["No", "活動分野", "基本目標", "取組", "実施主体", "連携先", "概算事業費"]
ACTIVITY_COLUMNS = ["実施日", "事業名", "活動分野", "担当部会", "場所", "状況"]
NO_PLAN_TEXT = "夢プランが登録されていません。"
NO_ACTIONS_TEXT = "この年度に予定している夢プランの取組はありません。"
NO_ACTIVITIES_TEXT = "この年度の事業は登録されていません。"


@dataclass(frozen=True)
class ActivityPlan:
    council_name: str
    fiscal_year: int
    issued: date
    plan_title: str  # 「宇津賀地区 地域の夢プラン」, or "" without a plan
    plan_note: str  # why no action is listed (no plan, year outside the period), else ""
    actions: list[ActionLine]  # the plan's actions with ``fiscal_year`` among their years
    activities: list[ActivityRow]  # every activity of the year, by date
    budget: BudgetReport


def build_activity_plan(session: Session, fiscal_year: int, issued: date | None = None) -> ActivityPlan:
    """The plan of ``fiscal_year``: the current version of the latest dream plan, the year's activities
    (予定 and 実施済み) and the budget (its latest revision, as the 収支予算書 prints it)."""
    council = require_council(session)
    issued = issued or date.today()
    plan = plans.latest_plan(session)
    title, note, actions = "", NO_PLAN_TEXT, []
    if plan is not None:
        version = plans.current_version(session, plan.id)
        title = version.title
        if fiscal_year not in plans.plan_years(plan):
            note = f"{format_fiscal_year(fiscal_year)}は夢プランの計画期間（{plans.period_text(plan)}）の外です。"
        else:
            actions = [a for a in action_lines(session, version.id) if fiscal_year in a.years]
            note = "" if actions else NO_ACTIONS_TEXT
    return ActivityPlan(
        council_name=council.name,
        fiscal_year=fiscal_year,
        issued=issued,
        plan_title=title,
        plan_note=note,
        actions=actions,
        activities=list_activities(session, fiscal_year),
        budget=build_budget_report(session, fiscal_year, issued=issued),
    )


def action_cells(n: int, a: ActionLine) -> list[str]:
    cost = f"{yen(a.estimated_cost)}円" if a.estimated_cost is not None else ""
    return [str(n), a.field, a.goal_title, a.title, a.committee, a.partners, cost]


def activity_cells(r: ActivityRow, date_style: str = "wareki") -> list[str]:
    title = r.title + ("（毎年）" if r.recurring else "")
    return [
        dates_text(r, date_style),
        title,
        r.field,
        r.committee,
        r.place,
        ACTIVITY_STATUSES.get(r.status, ""),
    ]


def activity_plan_story(
    ctx: PdfContext, report: ActivityPlan, date_style: str = "wareki", *, with_budget: bool = True
) -> list:
    """The flowables of the document below its title; the 総会資料 leaves the budget out when the
    agenda has its own 収支予算 item (``with_budget=False``)."""
    fy = format_fiscal_year(report.fiscal_year, date_style)
    story: list = [ctx.para(fy, "body_right")]
    story.append(ctx.heading(f"1. 地域の夢プランの取組（{fy}に予定しているもの）"))
    if report.plan_title:
        story.append(ctx.para(f"計画：{report.plan_title}", "small"))
    if report.actions:
        rows = [ACTION_COLUMNS, *(action_cells(n, a) for n, a in enumerate(report.actions, start=1))]
        story.append(
            ctx.table(
                rows,
                [0.05, 0.12, 0.17, 0.25, 0.13, 0.14, 0.14],
                numeric_cols=(0, 6),
                continued="取組（続き）",
            )
        )
    else:
        story.append(ctx.para(report.plan_note))
    story.append(ctx.heading(f"2. 年間事業予定（{len(report.activities)}件）"))
    if report.activities:
        rows = [ACTIVITY_COLUMNS, *(activity_cells(r, date_style) for r in report.activities)]
        story.append(ctx.table(rows, [0.20, 0.25, 0.14, 0.14, 0.17, 0.10], continued="年間事業予定（続き）"))
    else:
        story.append(ctx.para(NO_ACTIVITIES_TEXT))
    if with_budget:
        story.append(ctx.heading("3. 収支予算"))
        story += budget_story(ctx, report.budget, date_style)
    return story


def write_activity_plan_pdf(report: ActivityPlan, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    return ctx.build(Path(out_path), activity_plan_story(ctx, report, date_style))


def write_activity_plan_xlsx(report: ActivityPlan, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    fy = format_fiscal_year(report.fiscal_year, date_style)
    sw = SheetWriter(
        wb, "夢プランの取組", council_name=report.council_name, doc_title=f"{fy}　{TITLE}", date_text=fy,
        landscape=True,
    )  # fmt: skip
    if report.plan_title:
        sw.section(f"計画：{report.plan_title}")
    if report.actions:
        sw.header(ACTION_COLUMNS, ["int", "text", "text", "text", "text", "text", "yen"])
        for n, a in enumerate(report.actions, start=1):
            sw.row([n, a.field, a.goal_title, a.title, a.committee, a.partners, a.estimated_cost])
    else:
        sw.section(report.plan_note)
    ev = SheetWriter(
        wb, "年間事業予定", council_name=report.council_name, doc_title=f"{fy}　{TITLE}", date_text=fy,
        landscape=True,
    )  # fmt: skip
    if report.activities:
        ev.header(ACTIVITY_COLUMNS)
        ev.rows([activity_cells(r, date_style) for r in report.activities])
    else:
        ev.section(NO_ACTIVITIES_TEXT)
    budget_sheets(wb, report.budget, date_style)
    return save_workbook(wb, Path(out_path))


def export_activity_plan(session: Session, request) -> list[str]:  # type: ignore[no-untyped-def]
    """``nagato-desk export activity-plan --year FY``; without ``--year``, this fiscal year (the one
    the 総会 in spring approves the plan of)."""
    fy = request.fiscal_year or fiscal_year_of(request.today)
    report = build_activity_plan(session, fy, issued=request.today)
    if request.format == "xlsx":
        write_activity_plan_xlsx(report, request.out, request.date_style)
        return []
    return write_activity_plan_pdf(report, request.out, request.date_style).warnings
