"""財産・預金残高: every money account's balance on 31 March, per fund, checked against the settlement.

The sum of a fund's accounts must equal its 次年度繰越金; when it does not, the document says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_bounds, format_date, format_fiscal_year
from nagato_desk.models.fund import MONEY_ACCOUNT_KINDS
from nagato_desk.reports.accounts_base import set_formula, settled_year, sum_of, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.cashbook import AccountBalance, account_balances
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import list_funds
from nagato_desk.services.settlement import settle_year

TITLE = "財産・預金残高"
COLUMNS = ["口座", "種類", "前年度末残高", "本年度末残高", "増減"]
KINDS = ["text", "text", "yen", "yen", "yen"]


@dataclass(frozen=True)
class FundBalances:
    fund_name: str
    accounts: list[AccountBalance]
    carry_over: int  # 次年度繰越金 of the settlement

    @property
    def total(self) -> int:
        return sum(a.closing for a in self.accounts)

    @property
    def opening_total(self) -> int:
        return sum(a.opening for a in self.accounts)

    @property
    def agrees(self) -> bool:
        return self.total == self.carry_over


@dataclass(frozen=True)
class BalanceReport:
    council_name: str
    fiscal_year: int
    issued: date
    funds: list[FundBalances]


def build_balance_report(session: Session, fiscal_year: int, issued: date | None = None) -> BalanceReport:
    council = require_council(session)
    funds = [
        FundBalances(f.name, account_balances(session, f.id, fiscal_year), settle_year(session, f.id, fiscal_year).carry_over_out)
        for f in list_funds(session)
    ]  # fmt: skip
    return BalanceReport(council.name, fiscal_year, issued or date.today(), funds)


def _as_of(report: BalanceReport, date_style: str) -> str:
    end = fiscal_year_bounds(report.fiscal_year)[1]
    return f"{format_fiscal_year(report.fiscal_year, date_style)}末（{format_date(end, date_style)}現在）"


def agreement(fb: FundBalances) -> str:
    if fb.agrees:
        return f"口座残高の合計 {yen(fb.total)}円は、収支決算書の次年度繰越金と一致しています。"
    return (
        f"注意：口座残高の合計 {yen(fb.total)}円が、収支決算書の次年度繰越金 {yen(fb.carry_over)}円と"
        f"{yen(abs(fb.total - fb.carry_over))}円合いません。"
    )


def write_balance_pdf(report: BalanceReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    story: list = [ctx.para(_as_of(report, date_style), "body_right")]
    for fb in report.funds:
        story.append(ctx.heading(fb.fund_name))
        rows = [
            [
                a.name,
                MONEY_ACCOUNT_KINDS.get(a.kind, a.kind),
                yen(a.opening),
                yen(a.closing),
                yen(a.closing - a.opening),
            ]
            for a in fb.accounts
        ]
        total = ["合計", "", yen(fb.opening_total), yen(fb.total), yen(fb.total - fb.opening_total)]
        story.append(
            ctx.table(
                [COLUMNS, *rows, total],
                [0.30, 0.12, 0.19, 0.19, 0.20],
                numeric_cols=(2, 3, 4),
                total_rows=(-1,),
            )
        )
        story.append(ctx.para(agreement(fb), "small"))
    return ctx.build(Path(out_path), story)


def write_balance_xlsx(report: BalanceReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    sw = SheetWriter(
        wb, TITLE, council_name=report.council_name, doc_title=TITLE, date_text=_as_of(report, date_style)
    )
    for fb in report.funds:
        sw.section(fb.fund_name)
        sw.header(COLUMNS, KINDS)
        first = sw.next_row
        for a in fb.accounts:
            row = sw.next_row
            sw.row(
                [a.name, MONEY_ACCOUNT_KINDS.get(a.kind, a.kind), a.opening, a.closing, a.closing - a.opening]
            )
            set_formula(sw, row, 5, f"=D{row}-C{row}")
        total = sw.next_row
        sw.total_row(["合計", "", fb.opening_total, fb.total, fb.total - fb.opening_total])
        rows = list(range(first, total))
        set_formula(sw, total, 3, sum_of(3, rows))
        set_formula(sw, total, 4, sum_of(4, rows))
        set_formula(sw, total, 5, f"=D{total}-C{total}")
        sw.section(agreement(fb))
        sw.blank()
    return save_workbook(wb, Path(out_path))


def export_balance(session: Session, request) -> list[str]:
    report = build_balance_report(session, settled_year(session, request), issued=request.today)
    warnings = [agreement(f) for f in report.funds if not f.agrees]
    if request.format == "xlsx":
        write_balance_xlsx(report, request.out, request.date_style)
        return warnings
    return warnings + write_balance_pdf(report, request.out, request.date_style).warnings
