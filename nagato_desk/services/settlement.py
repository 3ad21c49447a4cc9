"""収支決算書: the settlement of a fund's year, computed from the cash book (SQL sums) and the budget.

予算額 is the latest revision (a 補正予算 replaces the 当初 amounts); 決算額 is the year's entries per head,
with a parent head (款) showing the sum of its own entries and those of its 項・目. 前年度繰越金 is income:
the fund's balance on 1 April. 差異 = 予算額 − 決算額 (negative, printed with △, when more came in or went
out than budgeted). 次年度繰越金 = 収入合計 − 支出合計, which equals the money on 31 March.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from nagato_desk.services.account_heads import list_heads, valid_in
from nagato_desk.services.budgets import budget_amounts, latest_revision
from nagato_desk.services.cashbook import opening_balance, year_totals
from nagato_desk.services.funds import get_fund


@dataclass(frozen=True)
class SettlementRow:
    head_id: int | None
    name: str
    level: int
    role: str
    budget: int
    actual: int
    difference: int  # budget − actual
    note: str = ""


@dataclass(frozen=True)
class Settlement:
    fund_id: int
    fund_name: str
    fiscal_year: int
    revision_number: int | None  # None: no budget
    income: list[SettlementRow]
    expense: list[SettlementRow]
    income_budget: int
    income_actual: int
    expense_budget: int
    expense_actual: int
    carry_over_in: int  # 前年度繰越金
    carry_over_out: int  # 次年度繰越金

    @property
    def budget_difference(self) -> int:
        return self.income_budget - self.expense_budget


def settle_year(session: Session, fund_id: int, fy: int) -> Settlement:
    fund = get_fund(session, fund_id)
    heads = list_heads(session, fund_id, with_use=False)
    budget = budget_amounts(session, fund_id, fy)
    totals = year_totals(session, fund_id, fy)
    carry_in = opening_balance(session, fund_id, fy)
    own_actual: dict[int, int] = {}
    for (_kind, head_id), amount in totals.items():
        if head_id is not None:
            own_actual[head_id] = own_actual.get(head_id, 0) + amount
    carry_head = next((h for h in heads if h.role == "carry_over" and h.side == "in"), None)
    if carry_head is not None:
        own_actual[carry_head.id] = own_actual.get(carry_head.id, 0) + carry_in
    # Sum each head's own figures into every ancestor.
    parent = {h.id: h.parent_id for h in heads}
    sum_budget: dict[int, int] = {}
    sum_actual: dict[int, int] = {}
    for h in heads:
        b, a = budget.get(h.id, 0), own_actual.get(h.id, 0)
        node: int | None = h.id
        while node is not None:
            sum_budget[node] = sum_budget.get(node, 0) + b
            sum_actual[node] = sum_actual.get(node, 0) + a
            node = parent.get(node)
    sides: dict[str, list[SettlementRow]] = {"in": [], "out": []}
    shown: set[int] = set()
    for h in heads:
        b, a = sum_budget.get(h.id, 0), sum_actual.get(h.id, 0)
        # A retired or not-yet-started head is left out unless it has figures this year.
        if not valid_in(h, fy) and not (b or a):
            continue
        if h.parent_id is not None and h.parent_id not in shown:
            continue
        shown.add(h.id)
        sides[h.side].append(SettlementRow(h.id, h.name, h.level, h.role, b, a, b - a))
    if carry_head is None and carry_in:
        sides["in"].append(SettlementRow(None, "前年度繰越金", 1, "carry_over", 0, carry_in, -carry_in))

    def top(rows: list[SettlementRow], attr: str) -> int:
        return sum(getattr(r, attr) for r in rows if r.level == 1)

    rev = latest_revision(session, fund_id, fy)
    income_actual = top(sides["in"], "actual")
    expense_actual = top(sides["out"], "actual")
    return Settlement(
        fund_id=fund_id,
        fund_name=fund.name,
        fiscal_year=fy,
        revision_number=rev.number if rev is not None else None,
        income=sides["in"],
        expense=sides["out"],
        income_budget=top(sides["in"], "budget"),
        income_actual=income_actual,
        expense_budget=top(sides["out"], "budget"),
        expense_actual=expense_actual,
        carry_over_in=carry_in,
        carry_over_out=income_actual - expense_actual,
    )
