"""出納簿 (金銭出納簿) as PDF and xlsx: a fund's year in date order with 差引残高, 月計 and 累計.

With ``account_id`` the book of one money account (transfers in and out count as its income and
expense); without it the whole fund, where a transfer between its accounts is listed but moves nothing.
The xlsx computes the running balance, 月計 and 累計 with formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date_numeric, format_fiscal_year
from nagato_desk.reports.accounts_base import current_year, set_formula, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.cashbook import (
    BookRow,
    MonthTotal,
    count_entries,
    entry_page,
    month_totals,
    opening_balance,
)
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import get_money_account, list_funds

TITLE = "出納簿"
COLUMNS = ["月日", "証憑番号", "科目", "摘要", "口座", "収入", "支出", "差引残高"]
KINDS = ["text", "int", "text", "text", "text", "yen", "yen", "yen"]


@dataclass(frozen=True)
class Book:
    fund_name: str
    account_name: str  # 「全口座」 for the whole fund
    opening: int
    rows: list[BookRow]
    months: list[MonthTotal]

    @property
    def closing(self) -> int:
        return self.months[-1].balance if self.months else self.opening


@dataclass(frozen=True)
class CashbookReport:
    council_name: str
    fiscal_year: int
    issued: date
    books: list[Book]


def build_book(
    session: Session, fund_id: int, fund_name: str, fy: int, account_id: int | None = None
) -> Book:
    n = count_entries(session, fund_id, fy, account_id)
    return Book(
        fund_name,
        get_money_account(session, account_id).name if account_id else "全口座",
        opening_balance(session, fund_id, fy, account_id),
        entry_page(session, fund_id, fy, 0, n, account_id),
        month_totals(session, fund_id, fy, account_id),
    )


def build_cashbook_report(
    session: Session, fiscal_year: int, issued: date | None = None, fund_id: int | None = None,
    account_id: int | None = None,
) -> CashbookReport:  # fmt: skip
    council = require_council(session)
    funds = [f for f in list_funds(session) if fund_id is None or f.id == fund_id]
    books = [build_book(session, f.id, f.name, fiscal_year, account_id if fund_id else None) for f in funds]
    return CashbookReport(council.name, fiscal_year, issued or date.today(), books)


def heading(report: CashbookReport, book: Book, date_style: str = "wareki") -> str:
    return f"{format_fiscal_year(report.fiscal_year, date_style)}　{book.fund_name}　{TITLE}（{book.account_name}）"


def _summary(row: BookRow) -> str:
    if row.kind == "transfer":
        move = f"振替：{row.account_name}→{row.to_account_name}"
        return f"{move}　{row.description}" if row.description else move
    return row.description


def _head(row: BookRow) -> str:
    return row.head_name if row.kind != "transfer" else "（振替）"


def _blocks(book: Book):
    """(month total, rows of that month) for each month that has entries or closes the year."""
    by_month: dict[tuple[int, int], list[BookRow]] = {}
    for r in book.rows:
        by_month.setdefault((r.entry_date.year, r.entry_date.month), []).append(r)
    for m in book.months:
        rows = by_month.get((m.year, m.month), [])
        if rows:
            yield m, rows


def _transfer_amounts(book: Book, r: BookRow) -> tuple[int | None, int | None]:
    """A transfer in the fund's book moves nothing: its amount is shown in 摘要's column only."""
    if r.kind == "transfer" and book.account_name == "全口座":
        return None, None
    return r.income or None, r.expense or None


def write_cashbook_pdf(report: CashbookReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style, landscape=True))
    story: list = []
    widths = [0.07, 0.05, 0.12, 0.30, 0.16, 0.10, 0.10, 0.10]
    for book in report.books:
        story.append(ctx.heading(heading(report, book, date_style)))
        table: list[list] = [COLUMNS, ["", "", "", "前年度繰越", "", "", "", yen(book.opening)]]
        totals: list[int] = []
        for m, rows in _blocks(book):
            for r in rows:
                inc, exp = _transfer_amounts(book, r)
                amount = f"（{yen(r.amount)}）" if r.kind == "transfer" and inc is None else ""
                table.append([
                    format_date_numeric(r.entry_date, date_style), str(r.voucher_no), _head(r),
                    f"{_summary(r)}{amount}", r.account_name, yen(inc), yen(exp), yen(r.balance),
                ])  # fmt: skip
            totals.append(len(table))
            table.append(["", "", "", f"{m.month}月計", "", yen(m.income), yen(m.expense), yen(m.balance)])
            totals.append(len(table))
            table.append(["", "", "", "累計", "", yen(m.cumulative_income), yen(m.cumulative_expense), ""])
        story.append(ctx.table(table, widths, numeric_cols=(1, 5, 6, 7), total_rows=totals, plain_cells=True))
        story.append(ctx.para(f"年度末残高 {yen(book.closing)}円", "body_right"))
    if not report.books:
        story.append(ctx.para("会計が登録されていません。"))
    return ctx.build(Path(out_path), story)


def write_cashbook_xlsx(report: CashbookReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    for book in report.books:
        sw = SheetWriter(
            wb, f"{book.fund_name}（{book.account_name}）", council_name=report.council_name,
            doc_title=heading(report, book, date_style), date_text=f"作成日 {report.issued:%Y/%m/%d}",
            landscape=True,
        )  # fmt: skip
        sw.header(COLUMNS, KINDS)
        last_balance = sw.next_row
        sw.row(["", None, "", "前年度繰越", "", None, None, book.opening])
        prev_cum: int | None = None
        for m, rows in _blocks(book):
            first = sw.next_row
            for r in rows:
                inc, exp = _transfer_amounts(book, r)
                row = sw.next_row
                sw.row([
                    format_date_numeric(r.entry_date, date_style), r.voucher_no, _head(r), _summary(r),
                    r.account_name, inc, exp, r.balance,
                ])  # fmt: skip
                set_formula(sw, row, 8, f"=H{last_balance}+F{row}-G{row}")
                last_balance = row
            end = sw.next_row - 1
            month_row = sw.next_row
            sw.total_row(["", None, "", f"{m.month}月計", "", m.income, m.expense, None])
            set_formula(sw, month_row, 6, f"=SUM(F{first}:F{end})")
            set_formula(sw, month_row, 7, f"=SUM(G{first}:G{end})")
            cum_row = sw.next_row
            sw.total_row(["", None, "", "累計", "", m.cumulative_income, m.cumulative_expense, None])
            for c, letter in ((6, "F"), (7, "G")):
                prev = f"{letter}{prev_cum}+" if prev_cum else ""
                set_formula(sw, cum_row, c, f"={prev}{letter}{month_row}")
            prev_cum = cum_row
        closing = sw.next_row
        sw.total_row(["", None, "", "年度末残高", "", None, None, book.closing])
        set_formula(sw, closing, 8, f"=H{last_balance}")
    if not report.books:
        SheetWriter(wb, TITLE, council_name=report.council_name, doc_title=TITLE, date_text="").section(
            "会計が登録されていません。"
        )
    return save_workbook(wb, Path(out_path))


def export_cashbook(session: Session, request) -> list[str]:
    """Every fund's book (all accounts) of ``--year`` (default: the current fiscal year)."""
    report = build_cashbook_report(session, current_year(request), issued=request.today)
    if request.format == "xlsx":
        write_cashbook_xlsx(report, request.out, request.date_style)
        return []
    return write_cashbook_pdf(report, request.out, request.date_style).warnings
