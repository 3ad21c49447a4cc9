"""事業報告書: the activities held in a fiscal year, grouped by field of activity (活動分野) or by
committee, with dates, place, participants and 成果と課題, a summary table of the groups first and
the totals; as PDF (A4 landscape: the outcome needs the width) and xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.platypus import KeepTogether
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_date, format_fiscal_year
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.activity_views import (
    ActivityRow,
    ParticipantTotals,
    group_label,
    group_order,
    list_activities,
    sort_groups,
)
from nagato_desk.services.council import require_council
from nagato_desk.services.plan_links import activity_actions, activity_costs

TITLE = "事業報告書"
GROUP_NAMES = {"field": "活動分野", "committee": "担当部会"}
SUMMARY_COLUMNS = ["件数", "住民", "ボランティア", "連携団体", "参加者計"]
DETAIL_COLUMNS = [
    "実施日",
    "事業名・場所",
    "担当部会",
    "住民",
    "ボランティア",
    "連携団体",
    "計",
    "事業費（円）",
    "成果と課題",
]
SHORT_GROUP = 8  # rows
EMPTY_TEXT = "この年度に実施済みの事業は登録されていません。"


@dataclass
class ActivityGroup:
    label: str
    rows: list[ActivityRow] = field(default_factory=list)
    totals: ParticipantTotals = field(default_factory=lambda: ParticipantTotals(""))


@dataclass
class ActivityReport:
    council_name: str
    fiscal_year: int
    by: str  # "field" or "committee"
    issued: date
    groups: list[ActivityGroup]
    totals: ParticipantTotals
    planned: int  # activities of the year still 予定 (not in the report)
    partners: dict[int, str] = field(default_factory=dict)  # activity id → 連携団体
    # 事業費: activity id → the 支出 linked to it; the dream-plan action it served 「基本目標 › 取組」
    costs: dict[int, int] = field(default_factory=dict)
    served: dict[int, str] = field(default_factory=dict)

    def cost_of(self, rows: list[ActivityRow]) -> int:
        return sum(self.costs.get(r.id, 0) for r in rows)

    @property
    def total_cost(self) -> int:
        return sum(self.costs.values())


def build_activity_report(
    session: Session, fiscal_year: int, by: str = "field", issued: date | None = None
) -> ActivityReport:
    """The held (実施済み) activities of ``fiscal_year`` in groups, in the plan's order of fields (or
    the council's order of committees), each group by date."""
    council = require_council(session)
    rows = list_activities(session, fiscal_year, status="done")
    grouped: dict[str, ActivityGroup] = {}
    grand = ParticipantTotals("合計")
    for row in rows:
        label = group_label(row, by)
        group = grouped.setdefault(label, ActivityGroup(label, totals=ParticipantTotals(label)))
        group.rows.append(row)
        group.totals.add(row)
        grand.add(row)
    order = group_order(session, by)
    planned = len(list_activities(session, fiscal_year, status="planned"))
    partners = {r.id: r.partner_bodies for r in rows}
    ids = [r.id for r in rows]
    return ActivityReport(
        council.name,
        fiscal_year,
        by,
        issued or date.today(),
        [grouped[label] for label in sort_groups(grouped, order)],
        grand,
        planned,
        partners,
        activity_costs(session, ids),
        activity_actions(session, ids),
    )


def dates_text(row: ActivityRow, date_style: str = "wareki") -> str:
    """「令和8年7月27日〜7月29日」: the end without its year when it is the same year."""
    start = format_date(row.starts_on, date_style)
    if row.ends_on is None or row.ends_on == row.starts_on:
        return start
    end = format_date(row.ends_on, date_style)
    if row.ends_on.year == row.starts_on.year:
        end = f"{row.ends_on.month}月{row.ends_on.day}日"
    return f"{start}〜{end}"


def period_text(report: ActivityReport, date_style: str = "wareki") -> str:
    return f"{format_fiscal_year(report.fiscal_year, date_style)}（{GROUP_NAMES[report.by]}別）"


def _summary_cells(t: ParticipantTotals) -> list[object]:
    return [
        t.label,
        f"{t.activities:,}",
        f"{t.residents:,}",
        f"{t.volunteers:,}",
        f"{t.partners:,}",
        f"{t.total:,}",
    ]


def _detail_cells(report: ActivityReport, row: ActivityRow, date_style: str) -> list[object]:
    title = row.title + (f"\n（{row.place}）" if row.place else "")
    partners = report.partners.get(row.id, "")
    outcome = row.outcome + (f"\n連携：{partners}" if partners else "")
    if row.id in report.served:
        outcome += f"\n夢プラン：{report.served[row.id].split(' › ')[-1]}"  # the action, without its goal
    return [
        dates_text(row, date_style),
        title,
        row.committee if report.by == "field" else row.field,
        f"{row.residents:,}",
        f"{row.volunteers:,}",
        f"{row.partners:,}",
        f"{row.participants:,}",
        f"{report.costs[row.id]:,}" if row.id in report.costs else "",
        outcome,
    ]


def _detail_header(report: ActivityReport) -> list[str]:
    cols = list(DETAIL_COLUMNS)
    if report.by == "committee":
        cols[2] = "活動分野"
    return cols


def write_activity_pdf(report: ActivityReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style, landscape=True))
    return ctx.build(Path(out_path), activity_story(ctx, report, date_style))


def activity_story(ctx: PdfContext, report: ActivityReport, date_style: str = "wareki") -> list:
    """The flowables of the document below its title (the 総会資料 reuses them)."""
    story: list = [ctx.para(period_text(report, date_style), "body_right"), ctx.spacer(4)]
    if not report.groups:
        story.append(ctx.para(EMPTY_TEXT))
        return story
    story.append(ctx.heading(f"1. {GROUP_NAMES[report.by]}別の実施状況"))
    summary = [[GROUP_NAMES[report.by], *SUMMARY_COLUMNS]]
    summary += [_summary_cells(g.totals) for g in report.groups]
    summary.append(_summary_cells(report.totals))
    story.append(
        ctx.table(
            summary, [0.30, 0.12, 0.145, 0.145, 0.145, 0.145], numeric_cols=range(1, 6), total_rows=[-1]
        )
    )
    story.append(ctx.para("参加者数は延べ人数です。「予定」のままの事業は含みません。", "small"))
    costs = "、".join(f"{g.label} {report.cost_of(g.rows):,}円" for g in report.groups)
    story.append(
        ctx.para(
            f"事業費（出納簿の支出のうち事業に結び付けたもの）：{costs}、合計 {report.total_cost:,}円",
            "small",
        )
    )
    story.append(ctx.heading("2. 事業の内容"))
    widths = [0.13, 0.17, 0.10, 0.06, 0.09, 0.07, 0.06, 0.08, 0.24]
    for n, group in enumerate(report.groups, start=1):
        heading = ctx.heading(f"（{n}）{group.label}　{group.totals.activities}件")
        rows = [_detail_header(report)]
        rows += [_detail_cells(report, r, date_style) for r in group.rows]
        t = group.totals
        rows.append(
            [
                "小計",
                f"{t.activities}件",
                "",
                f"{t.residents:,}",
                f"{t.volunteers:,}",
                f"{t.partners:,}",
                f"{t.total:,}",
                f"{report.cost_of(group.rows):,}",
                "",
            ]
        )
        table = ctx.table(
            rows, widths, numeric_cols=range(3, 8), total_rows=[-1], continued=f"{group.label}（続き）"
        )
        if len(group.rows) <= SHORT_GROUP:
            # a short group goes whole onto the next page rather than leave its heading at the foot
            story.append(KeepTogether([heading, table]))
        else:
            story += [heading, table]
    if report.planned:
        story.append(ctx.spacer(6))
        story.append(ctx.para(f"このほか、予定のままの事業が{report.planned}件あります。", "small"))
    return story


def write_activity_xlsx(report: ActivityReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    group_name = GROUP_NAMES[report.by]
    sw = SheetWriter(
        wb,
        "集計",
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=period_text(report, date_style),
    )
    if not report.groups:
        sw.section(EMPTY_TEXT)
        return save_workbook(wb, Path(out_path))
    sw.header([group_name, *SUMMARY_COLUMNS], kinds=["text", "int", "int", "int", "int", "int"])
    for g in report.groups:
        t = g.totals
        sw.row([t.label, t.activities, t.residents, t.volunteers, t.partners, t.total])
    t = report.totals
    sw.total_row(["合計", t.activities, t.residents, t.volunteers, t.partners, t.total])
    detail = SheetWriter(
        wb, "事業一覧", council_name=report.council_name, doc_title=TITLE,
        date_text=period_text(report, date_style), landscape=True,
    )  # fmt: skip
    other = "担当部会" if report.by == "field" else "活動分野"
    detail.header(
        [group_name, "実施日", "終了日", "事業名", "場所", other, "住民", "ボランティア", "連携団体", "参加者計",
         "連携団体名", "成果と課題", "事業費", "夢プランの取組"],
        kinds=["text", "text", "text", "text", "text", "text", "int", "int", "int", "int", "text", "text", "yen",
               "text"],
    )  # fmt: skip
    for g in report.groups:
        for r in g.rows:
            detail.row(
                [
                    g.label,
                    format_date(r.starts_on, date_style),
                    format_date(r.ends_on, date_style) if r.ends_on else "",
                    r.title,
                    r.place,
                    r.committee if report.by == "field" else r.field,
                    r.residents,
                    r.volunteers,
                    r.partners,
                    r.participants,
                    report.partners.get(r.id, ""),
                    r.outcome,
                    report.costs.get(r.id, 0),
                    report.served.get(r.id, ""),
                ]
            )
    detail.total_row(
        ["合計", f"{t.activities}件", "", "", "", "", t.residents, t.volunteers, t.partners, t.total, "", "",
         report.total_cost, ""]
    )  # fmt: skip
    return save_workbook(wb, Path(out_path))


def export_activity_report(session: Session, request, by: str = "field") -> list[str]:  # type: ignore[no-untyped-def]
    """``nagato-desk export activity-report --year FY``; without ``--year``, the last closed fiscal
    year (the one the 総会 reports on)."""
    fy = request.fiscal_year or fiscal_year_of(request.today) - 1
    report = build_activity_report(session, fy, by, issued=request.today)
    if request.format == "xlsx":
        write_activity_xlsx(report, request.out, request.date_style)
        return []
    return write_activity_pdf(report, request.out, request.date_style).warnings
