"""収支予算書: per fund, each head's amount this year, last year, the difference and the 説明.

"This year" is the latest revision (a 補正予算 when there is one); "last year" the latest revision of
the year before. The xlsx computes 比較増減 and the totals with formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.reports.accounts_base import current_year, indent, set_formula, sum_of, tree_formulas, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.account_heads import list_heads, valid_in
from nagato_desk.services.budgets import (
    budget_amounts,
    budget_balance,
    budget_explanations,
    latest_revision,
    revision_title,
)
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import list_funds

TITLE = "収支予算書"
COLUMNS = ["科目", "本年度予算額", "前年度予算額", "比較増減", "説明"]
KINDS = ["text", "yen", "yen", "yen", "text"]


@dataclass(frozen=True)
class BudgetRow:
    name: str
    level: int
    this_year: int
    last_year: int
    explanation: str

    @property
    def difference(self) -> int:
        return self.this_year - self.last_year


@dataclass(frozen=True)
class FundBudget:
    fund_name: str
    revision: str  # 「当初予算」「第1号補正予算」, or 「予算未登録」
    decided_on: date | None
    income: list[BudgetRow]
    expense: list[BudgetRow]
    warning: str | None

    def total(self, side: str, attr: str) -> int:
        rows = self.income if side == "in" else self.expense
        return sum(getattr(r, attr) for r in rows if r.level == 1)


@dataclass(frozen=True)
class BudgetReport:
    council_name: str
    fiscal_year: int
    issued: date
    funds: list[FundBudget]


def _fund_budget(session: Session, fund_id: int, fund_name: str, fy: int) -> FundBudget:
    heads = list_heads(session, fund_id, with_use=False)
    this, last = budget_amounts(session, fund_id, fy), budget_amounts(session, fund_id, fy - 1)
    notes = budget_explanations(session, fund_id, fy)
    parent = {h.id: h.parent_id for h in heads}
    sums: dict[int, list[int]] = {}
    for h in heads:
        node: int | None = h.id
        while node is not None:
            acc = sums.setdefault(node, [0, 0])
            acc[0] += this.get(h.id, 0)
            acc[1] += last.get(h.id, 0)
            node = parent.get(node)
    rows: dict[str, list[BudgetRow]] = {"in": [], "out": []}
    shown: set[int] = set()
    for h in heads:
        t, p = sums.get(h.id, [0, 0])
        if not valid_in(h, fy) and not (t or p):
            continue
        if h.parent_id is not None and h.parent_id not in shown:
            continue
        shown.add(h.id)
        rows[h.side].append(BudgetRow(h.name, h.level, t, p, notes.get(h.id, "")))
    rev = latest_revision(session, fund_id, fy)
    balance = budget_balance(session, fund_id, fy)
    return FundBudget(
        fund_name,
        revision_title(rev.number) if rev else "予算未登録",
        rev.decided_on if rev else None,
        rows["in"],
        rows["out"],
        balance.message_ja,
    )


def build_budget_report(
    session: Session, fiscal_year: int, issued: date | None = None, fund_id: int | None = None
) -> BudgetReport:
    council = require_council(session)
    funds = [f for f in list_funds(session) if fund_id is None or f.id == fund_id]
    return BudgetReport(
        council.name,
        fiscal_year,
        issued or date.today(),
        [_fund_budget(session, f.id, f.name, fiscal_year) for f in funds],
    )


def heading(report: BudgetReport, fb: FundBudget, date_style: str = "wareki") -> str:
    return f"{format_fiscal_year(report.fiscal_year, date_style)}　{fb.fund_name}　{TITLE}（{fb.revision}）"


def _decided(fb: FundBudget, date_style: str) -> str:
    return f"議決日：{format_date(fb.decided_on, date_style)}" if fb.decided_on else ""


def write_budget_pdf(report: BudgetReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    return ctx.build(Path(out_path), budget_story(ctx, report, date_style))


def budget_story(ctx: PdfContext, report: BudgetReport, date_style: str = "wareki") -> list:
    """The flowables of the document below its title (the 事業計画書 and 総会資料 reuse them)."""
    story: list = []
    widths = [0.27, 0.16, 0.16, 0.15, 0.26]
    for fb in report.funds:
        story.append(ctx.heading(heading(report, fb, date_style)))
        if fb.decided_on:
            story.append(ctx.para(_decided(fb, date_style), "small"))
        for label, side, rows in (("収入の部", "in", fb.income), ("支出の部", "out", fb.expense)):
            story.append(ctx.para(label, "cell_bold"))
            t, p = fb.total(side, "this_year"), fb.total(side, "last_year")
            body = [
                [
                    indent(r.name, r.level),
                    yen(r.this_year),
                    yen(r.last_year),
                    yen(r.difference),
                    r.explanation,
                ]
                for r in rows
            ]
            table = [COLUMNS, *body, [f"{label[:2]}合計", yen(t), yen(p), yen(t - p), ""]]
            story.append(ctx.table(table, widths, numeric_cols=(1, 2, 3), total_rows=(-1,)))
            story.append(ctx.spacer(6))
        if fb.warning:
            story.append(ctx.para(f"注意：{fb.warning}", "body"))
    if not report.funds:
        story.append(ctx.para("会計が登録されていません。"))
    return story


def write_budget_xlsx(report: BudgetReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    budget_sheets(wb, report, date_style)
    return save_workbook(wb, Path(out_path))


def budget_sheets(wb, report: BudgetReport, date_style: str = "wareki") -> None:  # type: ignore[no-untyped-def]
    """One sheet per fund in ``wb`` (the 事業計画書 reuses them)."""
    for fb in report.funds:
        sw = SheetWriter(
            wb, fb.fund_name, council_name=report.council_name, doc_title=heading(report, fb, date_style),
            date_text=_decided(fb, date_style) or f"作成日 {report.issued:%Y/%m/%d}",
        )  # fmt: skip
        for label, side, rows in (("収入の部", "in", fb.income), ("支出の部", "out", fb.expense)):
            sw.section(label)
            sw.header(COLUMNS, KINDS)
            first = sw.next_row
            for r in rows:
                sw.row([indent(r.name, r.level), r.this_year, r.last_year, r.difference, r.explanation])
            levels = [r.level for r in rows]
            tops = tree_formulas(sw, first, levels, [r.this_year for r in rows], 2)
            tree_formulas(sw, first, levels, [r.last_year for r in rows], 3)
            for i in range(len(rows)):
                set_formula(sw, first + i, 4, f"=B{first + i}-C{first + i}")
            total = sw.next_row
            t, p = fb.total(side, "this_year"), fb.total(side, "last_year")
            sw.total_row([f"{label[:2]}合計", t, p, t - p, ""])
            set_formula(sw, total, 2, sum_of(2, tops))
            set_formula(sw, total, 3, sum_of(3, tops))
            set_formula(sw, total, 4, f"=B{total}-C{total}")
            sw.blank()
        if fb.warning:
            sw.section(f"注意：{fb.warning}")
    if not report.funds:
        SheetWriter(wb, TITLE, council_name=report.council_name, doc_title=TITLE, date_text="").section(
            "会計が登録されていません。"
        )


def export_budget(session: Session, request) -> list[str]:
    report = build_budget_report(session, current_year(request), issued=request.today)
    if request.format == "xlsx":
        write_budget_xlsx(report, request.out, request.date_style)
        return []
    return write_budget_pdf(report, request.out, request.date_style).warnings
