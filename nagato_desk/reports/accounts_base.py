"""Shared pieces of the accounts documents (予算書, 決算書, 出納簿, 監査報告書, 補助金実績報告, 残高).

Default years: the budget and the cash book are of the fiscal year of ``today``; the settlement, the
audit report, the subsidy report and the balances are of the last year the 一般会計 closed (or, when no
year is closed, the year before today's).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.money import format_yen
from nagato_desk.reports.xlsx_base import SheetWriter


def current_year(request) -> int:
    return request.fiscal_year or fiscal_year_of(request.today)


def settled_year(session: Session, request) -> int:
    """``--year``, else the last closed year of the 一般会計, else the year before today's."""
    if request.fiscal_year:
        return request.fiscal_year
    from nagato_desk.services.funds import list_funds
    from nagato_desk.services.year_close import last_closed_year

    funds = [f for f in list_funds(session) if f.kind == "general"] or list_funds(session)
    last = last_closed_year(session, funds[0].id) if funds else None
    return last if last is not None else fiscal_year_of(request.today) - 1


def yen(amount: int | None) -> str:
    """「1,234」, 「△500」, and nothing for None."""
    return "" if amount is None else format_yen(amount)


def indent(name: str, level: int) -> str:
    """A head's name indented by its level (款 flush, 項 one 全角 space, 目 two)."""
    return "\u3000" * max(0, level - 1) + name


def col(n: int) -> str:
    return get_column_letter(n)


def set_formula(sw: SheetWriter, row: int, column: int, formula: str) -> None:
    """Replace the value written in ``row``/``column`` by a formula, keeping the cell's style."""
    sw.ws.cell(row=row, column=column).value = formula


def sum_of(column: int, rows: Sequence[int]) -> str:
    """``=SUM(C5,C9,C12)`` (or ``=0`` with no rows); contiguous runs become ranges."""
    if not rows:
        return "=0"
    rows = sorted(rows)
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        letter = col(column)
        parts.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
        if r is not None:
            start = prev = r
    return f"=SUM({','.join(parts)})"


def children_of(levels: Sequence[int]) -> dict[int, list[int]]:
    """index → indices of its direct children, for rows in tree order with their levels."""
    out: dict[int, list[int]] = {}
    stack: list[int] = []
    for i, level in enumerate(levels):
        while stack and levels[stack[-1]] >= level:
            stack.pop()
        if stack:
            out.setdefault(stack[-1], []).append(i)
        stack.append(i)
    return out


def tree_formulas(
    sw: SheetWriter, first_row: int, levels: Sequence[int], values: Sequence[int], column: int
) -> list[int]:
    """Make each parent row's cell in ``column`` the SUM of its children (plus its own entries).

    ``values`` are the totals already written (parent = own + children). Returns the sheet rows of the
    level-1 heads, for the section total.
    """
    kids = children_of(levels)
    for i, children in kids.items():
        own = values[i] - sum(values[c] for c in children)
        formula = sum_of(column, [first_row + c for c in children])
        if own:
            formula += f"+{own}" if own > 0 else f"-{-own}"
        set_formula(sw, first_row + i, column, formula)
    return [first_row + i for i, level in enumerate(levels) if level == 1]
