"""Import a budget (収支予算書) from .xlsx or .csv: 科目, 予算額, 説明 (and optionally 会計). All rows or none.

The fiscal year is ``--year`` (default: the fiscal year of today). The rows become the 当初予算 of that year
(replacing one without 補正予算). A row naming a 款 whose 項・目 are also listed is a subtotal: it must equal
their sum and is not stored twice; 収入合計・支出合計 rows are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.importers.accounts_fields import pick_fund, text_of, yen_cell
from nagato_desk.importers.member_fields import CellError
from nagato_desk.importers.tabular import Column, locate, read_rows
from nagato_desk.services.account_heads import find_head, list_heads
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, list_revisions, save_budget

COLUMNS = [
    Column("head", ("科目", "科目名", "款", "費目", "項目")),
    Column("amount", ("予算額", "本年度予算額", "本年度予算", "金額", "予算")),
    Column("explanation", ("説明", "摘要", "備考", "内訳"), required=False),
    Column("fund", ("会計", "会計区分"), required=False),
]
_TOTAL_ROWS = {
    "合計",
    "計",
    "収入合計",
    "支出合計",
    "収入の部合計",
    "支出の部合計",
    "収入の部",
    "支出の部",
    "差引",
    "差引残額",
}


@dataclass
class BudgetImportResult:
    fiscal_year: int
    lines: int
    income: int
    expense: int

    def summary(self, lang: str = "ja") -> str:
        if lang == "en":
            return f"FY{self.fiscal_year} budget: {self.lines} lines, income {self.income:,} yen, expense {self.expense:,} yen."
        return (
            f"{format_fiscal_year(self.fiscal_year)}の当初予算として{self.lines}科目を取り込みました"
            f"（収入 {self.income:,}円、支出 {self.expense:,}円）。"
        )


def import_budget(
    session: Session, path: Path, fiscal_year: int | None = None, today: date | None = None
) -> BudgetImportResult:
    path = Path(path)
    fy = fiscal_year or fiscal_year_of(today or date.today())
    table = locate(read_rows(path), COLUMNS, path.name)
    if not table.rows:
        raise ValidationError(
            [Problem(f"{path.name}：データの行がありません。", f"{path.name}: no data rows.")]
        )
    problems: list[Problem] = []
    fund = None
    parsed: list[tuple[int, int, int, str]] = []  # row, head id, amount, explanation
    for row in table.rows:
        v = row.values
        candidate = pick_fund(session, text_of(v, "fund"), problems, row.number, table.columns.get("fund"))
        if candidate is None:
            continue
        if fund is not None and candidate.id != fund.id:
            problems.append(
                Problem(
                    "1つのファイルには1つの会計だけを入れてください。",
                    "One fund per file.",
                    row=row.number,
                    column=table.columns.get("fund"),
                )
            )
            continue
        fund = candidate
        name = text_of(v, "head")
        if name.replace(" ", "") in _TOTAL_ROWS:
            continue
        if not name:
            problems.append(
                Problem("科目が空です。", "The head is empty.", row=row.number, column=table.columns["head"])
            )
            continue
        try:
            amount = yen_cell(v.get("amount"))
        except CellError as exc:
            problems.append(Problem(exc.ja, exc.en, row=row.number, column=table.columns["amount"]))
            continue
        head = find_head(session, fund.id, name, fiscal_year=fy)
        if head is None:
            problems.append(
                Problem(
                    f"科目「{name}」が{fund.name}の{format_fiscal_year(fy)}の科目にありません。先に科目を追加してください。",
                    f"Unknown head '{name}' in {fund.name}, FY{fy}.",
                    row=row.number,
                    column=table.columns["head"],
                )
            )
            continue
        if amount is None or amount < 0:
            problems.append(
                Problem(
                    "予算額は0円以上の金額で入力してください。",
                    "Enter an amount of 0 yen or more.",
                    row=row.number,
                    column=table.columns["amount"],
                )
            )
            continue
        parsed.append((row.number, head.id, amount, text_of(v, "explanation")))
    if problems:
        raise ValidationError(problems)
    assert fund is not None
    heads = {h.id: h for h in list_heads(session, fund.id)}
    listed = {head_id for _, head_id, _, _ in parsed}
    lines: list[BudgetLineDraft] = []
    for number, head_id, amount, note in parsed:
        children = [h.id for h in heads.values() if h.parent_id == head_id and h.id in listed]
        if children:
            subtotal = sum(a for _, h, a, _ in parsed if h in children)
            if subtotal != amount:
                problems.append(
                    Problem(
                        f"「{heads[head_id].name}」の{amount:,}円が、内訳の合計{subtotal:,}円と合いません。",
                        f"'{heads[head_id].name}' {amount:,} differs from its items' sum {subtotal:,}.",
                        row=number,
                    )
                )
            continue
        if any(ln.head_id == head_id for ln in lines):
            problems.append(
                Problem(
                    f"科目「{heads[head_id].name}」が2回あります。", "The head appears twice.", row=number
                )
            )
            continue
        lines.append(BudgetLineDraft(head_id, amount, note))
    if len(list_revisions(session, fund.id, fy)) > 1:
        problems.append(
            Problem(
                f"{format_fiscal_year(fy)}には補正予算があるため、当初予算を取り込めません。",
                f"FY{fy} already has amended budgets.",
            )
        )
    if problems:
        raise ValidationError(problems)
    try:
        save_budget(session, fund.id, fy, BudgetDraft(lines=lines))
    except ValidationError as exc:
        raise ValidationError([Problem(p.ja, p.en) for p in exc.problems]) from None
    except NagatoError:
        raise
    income = sum(ln.amount for ln in lines if heads[ln.head_id].side == "in")
    expense = sum(ln.amount for ln in lines if heads[ln.head_id].side == "out")
    return BudgetImportResult(fy, len(lines), income, expense)
