"""収支決算書 as PDF and xlsx: one section per fund, income then expense, 次年度繰越金 at the foot.

The xlsx carries formulas (a 款 sums its 項・目, 差異 = 予算額 − 決算額, 合計 = SUM of the 款, 次年度繰越金
= 収入合計 − 支出合計), so the city can check the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.reports.accounts_base import indent, set_formula, settled_year, sum_of, tree_formulas, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import list_funds
from nagato_desk.services.settlement import Settlement, SettlementRow, settle_year

TITLE = "収支決算書"
COLUMNS = ["科目", "予算額", "決算額", "差異（予算額−決算額）", "備考"]
KINDS = ["text", "yen", "yen", "yen", "text"]


@dataclass(frozen=True)
class SettlementReport:
    council_name: str
    fiscal_year: int
    issued: date
    settlements: list[Settlement]


def build_settlement_report(
    session: Session, fiscal_year: int, issued: date | None = None, fund_id: int | None = None
) -> SettlementReport:
    council = require_council(session)
    funds = [f for f in list_funds(session) if fund_id is None or f.id == fund_id]
    return SettlementReport(
        council.name,
        fiscal_year,
        issued or date.today(),
        [settle_year(session, f.id, fiscal_year) for f in funds],
    )


def heading(report: SettlementReport, s: Settlement, date_style: str = "wareki") -> str:
    return f"{format_fiscal_year(report.fiscal_year, date_style)}　{s.fund_name}　{TITLE}"


def _cells(r: SettlementRow) -> list:
    return [indent(r.name, r.level), yen(r.budget), yen(r.actual), yen(r.difference), r.note]


def write_settlement_pdf(report: SettlementReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    return ctx.build(Path(out_path), settlement_story(ctx, report, date_style))


def settlement_story(ctx: PdfContext, report: SettlementReport, date_style: str = "wareki") -> list:
    """The flowables of the document below its title (the 総会資料 reuses them)."""
    story: list = []
    widths = [0.30, 0.16, 0.16, 0.18, 0.20]
    for s in report.settlements:
        story.append(ctx.heading(heading(report, s, date_style)))
        for label, rows, budget, actual in (
            ("収入の部", s.income, s.income_budget, s.income_actual),
            ("支出の部", s.expense, s.expense_budget, s.expense_actual),
        ):
            story.append(ctx.para(label, "cell_bold"))
            total = [f"{label[:2]}合計", yen(budget), yen(actual), yen(budget - actual), ""]
            table = [COLUMNS, *(_cells(r) for r in rows), total]
            story.append(ctx.table(table, widths, numeric_cols=(1, 2, 3), total_rows=(-1,)))
            story.append(ctx.spacer(6))
        story.append(
            ctx.para(
                f"収入合計 {yen(s.income_actual)}円 − 支出合計 {yen(s.expense_actual)}円 ＝ "
                f"次年度繰越金 {yen(s.carry_over_out)}円",
                "body",
            )
        )
        story.append(ctx.spacer(10))
    if not report.settlements:
        story.append(ctx.para("会計が登録されていません。"))
    return story


def _section(sw: SheetWriter, label: str, rows: list[SettlementRow], budget: int, actual: int) -> int:
    """Write one side; returns the sheet row of its total."""
    sw.section(label)
    sw.header(COLUMNS, KINDS)
    first = sw.next_row
    for r in rows:
        sw.row([indent(r.name, r.level), r.budget, r.actual, r.difference, r.note])
    levels = [r.level for r in rows]
    tops_b = tree_formulas(sw, first, levels, [r.budget for r in rows], 2)
    tree_formulas(sw, first, levels, [r.actual for r in rows], 3)
    for i in range(len(rows)):
        set_formula(sw, first + i, 4, f"=B{first + i}-C{first + i}")
    total_row = sw.next_row
    sw.total_row([f"{label[:2]}合計", budget, actual, budget - actual, ""])
    set_formula(sw, total_row, 2, sum_of(2, tops_b))
    set_formula(sw, total_row, 3, sum_of(3, tops_b))
    set_formula(sw, total_row, 4, f"=B{total_row}-C{total_row}")
    sw.blank()
    return total_row


def write_settlement_xlsx(report: SettlementReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    for s in report.settlements:
        sw = SheetWriter(
            wb,
            s.fund_name,
            council_name=report.council_name,
            doc_title=heading(report, s, date_style),
            date_text=f"作成日 {report.issued:%Y/%m/%d}",
        )
        income_total = _section(sw, "収入の部", s.income, s.income_budget, s.income_actual)
        expense_total = _section(sw, "支出の部", s.expense, s.expense_budget, s.expense_actual)
        row = sw.next_row
        sw.total_row(["次年度繰越金（収入合計−支出合計）", None, s.carry_over_out, None, ""])
        set_formula(sw, row, 3, f"=C{income_total}-C{expense_total}")
    if not report.settlements:
        SheetWriter(wb, TITLE, council_name=report.council_name, doc_title=TITLE, date_text="").section(
            "会計が登録されていません。"
        )
    return save_workbook(wb, Path(out_path))


def export_settlement(session: Session, request) -> list[str]:
    report = build_settlement_report(session, settled_year(session, request), issued=request.today)
    if request.format == "xlsx":
        write_settlement_xlsx(report, request.out, request.date_style)
        return []
    return write_settlement_pdf(report, request.out, request.date_style).warnings
