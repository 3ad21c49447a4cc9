"""補助金実績報告: per grant of the year — decided, received, spent, unspent, to refund; spending by head,
and the 領収書総括表 (the entries it paid for). The xlsx sums the entries with formulas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date, format_date_numeric, format_fiscal_year
from nagato_desk.reports.accounts_base import set_formula, settled_year, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council
from nagato_desk.services.subsidies import SubsidySummary, list_subsidies, subsidy_summary

TITLE = "補助金実績報告書"
ENTRY_COLUMNS = ["月日", "証憑番号", "科目", "摘要", "支払先", "収入", "支出"]
ENTRY_KINDS = ["text", "int", "text", "text", "text", "yen", "yen"]


@dataclass(frozen=True)
class SubsidyReport:
    council_name: str
    fiscal_year: int
    issued: date
    subsidies: list[SubsidySummary]


def build_subsidy_report(session: Session, fiscal_year: int, issued: date | None = None) -> SubsidyReport:
    council = require_council(session)
    items = [subsidy_summary(session, s.id) for s in list_subsidies(session, fiscal_year)]
    return SubsidyReport(council.name, fiscal_year, issued or date.today(), items)


def _pairs(s: SubsidySummary, date_style: str) -> list[tuple[str, str]]:
    return [
        ("補助金の名称", s.name),
        ("交付元", s.granting_body),
        ("会計", s.fund_name),
        ("交付決定日", format_date(s.decided_on, date_style) if s.decided_on else ""),
        ("事業の内容", s.purpose),
        ("補助対象の科目", "、".join(s.eligible_heads)),
        ("交付決定額", f"{yen(s.decided_amount)}円"),
        ("受入額", f"{yen(s.received)}円"),
        ("補助対象経費（支出）", f"{yen(s.spent)}円"),
        ("未使用額", f"{yen(s.unspent)}円"),
        ("返還額", f"{yen(s.to_refund)}円"),
    ]


def _entry(e, date_style: str) -> list:
    inc = e.amount if e.kind == "in" else None
    exp = e.amount if e.kind == "out" else None
    return [
        format_date_numeric(e.entry_date, date_style),
        e.voucher_no,
        e.head_name,
        e.description,
        e.payee,
        inc,
        exp,
    ]


def write_subsidy_pdf(report: SubsidyReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    story: list = [ctx.para(format_fiscal_year(report.fiscal_year, date_style), "body_right")]
    for s in report.subsidies:
        story.append(ctx.heading(s.name))
        story.append(ctx.key_value_table(_pairs(s, date_style)))
        if s.ineligible_spent:
            story.append(
                ctx.para(
                    f"注意：補助対象外の科目の支出が{yen(s.ineligible_spent)}円含まれています。", "small"
                )
            )
        story.append(ctx.spacer(6))
        story.append(ctx.para("科目別の支出", "cell_bold"))
        rows = [["科目", "支出額"], *([n, yen(a)] for n, a in s.by_head), ["合計", yen(s.spent)]]
        story.append(ctx.table(rows, [0.6, 0.4], numeric_cols=(1,), total_rows=(-1,)))
        story.append(ctx.spacer(6))
        story.append(ctx.para("領収書総括表", "cell_bold"))
        body = [
            [
                c if not isinstance(c, int) else (yen(c) if i >= 5 else str(c))
                for i, c in enumerate(_entry(e, date_style))
            ]
            for e in s.entries
        ]
        body = [[("" if c is None else c) for c in r] for r in body]
        total = ["", "", "", "合計", "", yen(s.received), yen(s.spent)]
        story.append(
            ctx.table(
                [ENTRY_COLUMNS, *body, total],
                [0.1, 0.08, 0.15, 0.27, 0.16, 0.12, 0.12],
                numeric_cols=(1, 5, 6),
                total_rows=(-1,),
            )
        )
    if not report.subsidies:
        story.append(ctx.para("この年度の補助金は登録されていません。"))
    return ctx.build(Path(out_path), story)


def write_subsidy_xlsx(report: SubsidyReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    for s in report.subsidies:
        sw = SheetWriter(
            wb, s.name, council_name=report.council_name, doc_title=f"{TITLE}（{s.name}）",
            date_text=format_fiscal_year(report.fiscal_year, date_style),
        )  # fmt: skip
        sw.key_values(_pairs(s, date_style))
        sw.blank()
        sw.section("領収書総括表")
        sw.header(ENTRY_COLUMNS, ENTRY_KINDS)
        first = sw.next_row
        sw.rows([_entry(e, date_style) for e in s.entries])
        total = sw.next_row
        sw.total_row(["", None, "", "合計", "", s.received, s.spent])
        if s.entries:
            set_formula(sw, total, 6, f"=SUM(F{first}:F{total - 1})")
            set_formula(sw, total, 7, f"=SUM(G{first}:G{total - 1})")
    if not report.subsidies:
        SheetWriter(wb, TITLE, council_name=report.council_name, doc_title=TITLE, date_text="").section(
            "この年度の補助金は登録されていません。"
        )
    return save_workbook(wb, Path(out_path))


def export_subsidy(session: Session, request) -> list[str]:
    report = build_subsidy_report(session, settled_year(session, request), issued=request.today)
    if request.format == "xlsx":
        write_subsidy_xlsx(report, request.out, request.date_style)
        return []
    return write_subsidy_pdf(report, request.out, request.date_style).warnings
