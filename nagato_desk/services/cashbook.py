"""出納簿: the cash book of a fund — entries, running balances, month totals (月計・累計) and balances.

Everything that sums is one SQL statement (a window sum for running balances, GROUP BY for totals), so
a year of 2,000 entries lists and totals without loading every row into Python. A lazy table model
needs ``count_entries`` and ``entry_page``; each page carries its own running balances.

Signs: an income adds to the account it went into, an expense takes from it, a transfer (振替) takes
from ``money_account_id`` and adds to ``to_account_id`` — so for the fund as a whole it is neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, extract, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from nagato_desk.dates import fiscal_year_of
from nagato_desk.errors import ValidationError, problem
from nagato_desk.models import AccountHead, CashEntry, Fund, MoneyAccount
from nagato_desk.services.cash_entry_rules import validate_entry
from nagato_desk.services.links import require_links
from nagato_desk.services.year_close import ensure_year_open


@dataclass
class EntryDraft:
    entry_date: date
    kind: str  # "in", "out" or "transfer"
    amount: int
    money_account_id: int
    head_id: int | None = None
    to_account_id: int | None = None
    description: str = ""
    payee: str = ""
    note: str = ""
    voucher_no: int | None = None  # None: the next free number of the fund's year
    subsidy_id: int | None = None
    plan_action_id: int | None = None


@dataclass(frozen=True)
class BookRow:
    id: int
    entry_date: date
    voucher_no: int
    kind: str
    head_id: int | None
    head_name: str
    description: str
    payee: str
    income: int
    expense: int
    balance: int
    account_name: str
    to_account_name: str
    note: str
    subsidy_id: int | None
    plan_action_id: int | None
    amount: int = 0


@dataclass(frozen=True)
class AccountBalance:
    account_id: int
    name: str
    kind: str
    opening: int
    income: int
    expense: int
    transfer_in: int
    transfer_out: int
    closing: int


@dataclass(frozen=True)
class MonthTotal:
    year: int
    month: int
    income: int
    expense: int
    cumulative_income: int
    cumulative_expense: int
    balance: int


# -- signed amounts (SQL expressions) -----------------------------------------------------------


def _income_expr(account_id: int | None):
    """Money in, as the fund (account_id None) or one account sees it."""
    if account_id is None:
        return case((CashEntry.kind == "in", CashEntry.amount), else_=0)
    return case(
        (and_(CashEntry.kind == "in", CashEntry.money_account_id == account_id), CashEntry.amount),
        (and_(CashEntry.kind == "transfer", CashEntry.to_account_id == account_id), CashEntry.amount),
        else_=0,
    )


def _expense_expr(account_id: int | None):
    if account_id is None:
        return case((CashEntry.kind == "out", CashEntry.amount), else_=0)
    return case(
        (and_(CashEntry.kind == "out", CashEntry.money_account_id == account_id), CashEntry.amount),
        (and_(CashEntry.kind == "transfer", CashEntry.money_account_id == account_id), CashEntry.amount),
        else_=0,
    )


def _book_filter(fund_id: int, fy: int, account_id: int | None):
    cond = [CashEntry.fund_id == fund_id, CashEntry.fiscal_year == fy]
    if account_id is not None:
        cond.append(or_(CashEntry.money_account_id == account_id, CashEntry.to_account_id == account_id))
    return cond


# -- reading ------------------------------------------------------------------------------------


def opening_balance(session: Session, fund_id: int, fy: int, account_id: int | None = None) -> int:
    """The balance on 1 April of ``fy``: opening balances plus every earlier entry (fund total = 前年度繰越金)."""
    fund = session.get(Fund, fund_id)
    if fund is None or fy < fund.first_fiscal_year:
        return 0
    opening_q = select(func.coalesce(func.sum(MoneyAccount.opening_balance), 0)).where(
        MoneyAccount.fund_id == fund_id
    )
    if account_id is not None:
        opening_q = opening_q.where(MoneyAccount.id == account_id)
    before = select(func.coalesce(func.sum(_income_expr(account_id) - _expense_expr(account_id)), 0)).where(
        CashEntry.fund_id == fund_id, CashEntry.fiscal_year < fy
    )
    return int(session.scalar(opening_q) or 0) + int(session.scalar(before) or 0)


def count_entries(session: Session, fund_id: int, fy: int, account_id: int | None = None) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(CashEntry).where(*_book_filter(fund_id, fy, account_id))
        )
        or 0
    )


def entry_page(
    session: Session, fund_id: int, fy: int, offset: int, limit: int, account_id: int | None = None
) -> list[BookRow]:
    """Rows ``offset`` … ``offset + limit - 1`` of the year's book (date order), with running balances."""
    start = opening_balance(session, fund_id, fy, account_id)
    income = _income_expr(account_id)
    expense = _expense_expr(account_id)
    running = func.sum(income - expense).over(order_by=(CashEntry.entry_date, CashEntry.id))
    src = aliased(MoneyAccount)
    dst = aliased(MoneyAccount)
    query = (
        select(
            CashEntry.id,
            CashEntry.entry_date,
            CashEntry.voucher_no,
            CashEntry.kind,
            CashEntry.head_id,
            func.coalesce(AccountHead.name, literal("")),
            CashEntry.description,
            CashEntry.payee,
            income.label("income"),
            expense.label("expense"),
            running.label("running"),
            src.name,
            func.coalesce(dst.name, literal("")),
            CashEntry.note,
            CashEntry.subsidy_id,
            CashEntry.plan_action_id,
            CashEntry.amount,
        )
        .join(src, src.id == CashEntry.money_account_id)
        .outerjoin(dst, dst.id == CashEntry.to_account_id)
        .outerjoin(AccountHead, AccountHead.id == CashEntry.head_id)
        .where(*_book_filter(fund_id, fy, account_id))
        .order_by(CashEntry.entry_date, CashEntry.id)
        .offset(max(0, offset))
        .limit(max(0, limit))
    )
    rows = []
    for r in session.execute(query):
        rows.append(
            BookRow(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], int(r[8]), int(r[9]), start + int(r[10]),
                r[11], r[12], r[13], r[14], r[15], r[16],
            )
        )  # fmt: skip
    return rows


def account_balances(session: Session, fund_id: int, fy: int) -> list[AccountBalance]:
    """Each money account of the fund (in use or not) over ``fy``: opening, movements, closing (31 March)."""
    accounts = list(
        session.scalars(
            select(MoneyAccount)
            .where(MoneyAccount.fund_id == fund_id)
            .order_by(MoneyAccount.sort_order, MoneyAccount.id)
        )
    )
    fund = session.get(Fund, fund_id)
    if fund is None:
        return []
    before = CashEntry.fiscal_year < fy
    this = CashEntry.fiscal_year == fy
    amount = CashEntry.amount

    def total(cond):
        return func.coalesce(func.sum(case((cond, amount), else_=0)), 0)

    from_rows = session.execute(
        select(
            CashEntry.money_account_id,
            total(and_(before, CashEntry.kind == "in")) - total(and_(before, CashEntry.kind != "in")),
            total(and_(this, CashEntry.kind == "in")),
            total(and_(this, CashEntry.kind == "out")),
            total(and_(this, CashEntry.kind == "transfer")),
        )
        .where(CashEntry.fund_id == fund_id, CashEntry.fiscal_year <= fy)
        .group_by(CashEntry.money_account_id)
    ).all()
    to_rows = session.execute(
        select(CashEntry.to_account_id, total(before), total(this))
        .where(CashEntry.fund_id == fund_id, CashEntry.fiscal_year <= fy, CashEntry.kind == "transfer")
        .group_by(CashEntry.to_account_id)
    ).all()
    moves = {r[0]: [int(x) for x in r[1:]] for r in from_rows}
    arrivals = {r[0]: [int(x) for x in r[1:]] for r in to_rows}
    out = []
    for a in accounts:
        prior, inc, exp, t_out = moves.get(a.id, [0, 0, 0, 0])
        prior_in, t_in = arrivals.get(a.id, [0, 0])
        opening = (a.opening_balance + prior + prior_in) if fy >= fund.first_fiscal_year else 0
        closing = opening + inc - exp + t_in - t_out
        out.append(AccountBalance(a.id, a.name, a.kind, opening, inc, exp, t_in, t_out, closing))
    return out


def month_totals(session: Session, fund_id: int, fy: int, account_id: int | None = None) -> list[MonthTotal]:
    """月計 and 累計 for April … March (months without entries included), and the balance at each month end."""
    year = extract("year", CashEntry.entry_date)
    month = extract("month", CashEntry.entry_date)
    rows = session.execute(
        select(year, month, func.sum(_income_expr(account_id)), func.sum(_expense_expr(account_id)))
        .where(*_book_filter(fund_id, fy, account_id))
        .group_by(year, month)
    ).all()
    sums = {(int(r[0]), int(r[1])): (int(r[2] or 0), int(r[3] or 0)) for r in rows}
    balance = opening_balance(session, fund_id, fy, account_id)
    cum_in = cum_out = 0
    out = []
    for i in range(12):
        y, m = (fy, 4 + i) if i < 9 else (fy + 1, i - 8)
        inc, exp = sums.get((y, m), (0, 0))
        cum_in += inc
        cum_out += exp
        balance += inc - exp
        out.append(MonthTotal(y, m, inc, exp, cum_in, cum_out, balance))
    return out


def year_totals(session: Session, fund_id: int, fy: int) -> dict[tuple[str, int | None], int]:
    """(kind, head_id) → the year's sum, one GROUP BY (the settlement's source)."""
    rows = session.execute(
        select(CashEntry.kind, CashEntry.head_id, func.sum(CashEntry.amount))
        .where(CashEntry.fund_id == fund_id, CashEntry.fiscal_year == fy, CashEntry.kind != "transfer")
        .group_by(CashEntry.kind, CashEntry.head_id)
    ).all()
    return {(r[0], r[1]): int(r[2]) for r in rows}


def next_voucher_no(session: Session, fund_id: int, fy: int) -> int:
    last = session.scalar(
        select(func.max(CashEntry.voucher_no)).where(
            CashEntry.fund_id == fund_id, CashEntry.fiscal_year == fy
        )
    )
    return (last or 0) + 1


def get_entry(session: Session, entry_id: int) -> CashEntry:
    entry = session.get(CashEntry, entry_id)
    if entry is None:
        raise problem("指定された出納簿の行が見つかりません。", "That cash-book entry does not exist.")
    return entry


def draft_of_entry(entry: CashEntry) -> EntryDraft:
    return EntryDraft(
        entry_date=entry.entry_date,
        kind=entry.kind,
        amount=entry.amount,
        money_account_id=entry.money_account_id,
        head_id=entry.head_id,
        to_account_id=entry.to_account_id,
        description=entry.description,
        payee=entry.payee,
        note=entry.note,
        voucher_no=entry.voucher_no,
        subsidy_id=entry.subsidy_id,
        plan_action_id=entry.plan_action_id,
    )


# -- writing ------------------------------------------------------------------------------------


def _apply(entry: CashEntry, draft: EntryDraft, voucher_no: int) -> None:
    entry.entry_date = draft.entry_date
    entry.fiscal_year = fiscal_year_of(draft.entry_date)
    entry.kind = draft.kind
    entry.amount = draft.amount
    entry.money_account_id = draft.money_account_id
    entry.head_id = draft.head_id if draft.kind != "transfer" else None
    entry.to_account_id = draft.to_account_id if draft.kind == "transfer" else None
    entry.voucher_no = voucher_no
    entry.description = (draft.description or "").strip()
    entry.payee = (draft.payee or "").strip()
    entry.note = draft.note or ""
    entry.subsidy_id = draft.subsidy_id
    entry.plan_action_id = draft.plan_action_id


def add_entry(session: Session, fund_id: int, draft: EntryDraft) -> CashEntry:
    problems = validate_entry(session, fund_id, draft)
    if problems:
        raise ValidationError(problems)
    fy = fiscal_year_of(draft.entry_date)
    ensure_year_open(session, fund_id, fy)
    entry = CashEntry(fund_id=fund_id)
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    _apply(entry, draft, draft.voucher_no or next_voucher_no(session, fund_id, fy))
    session.add(entry)
    session.flush()
    return entry


def update_entry(session: Session, entry_id: int, draft: EntryDraft) -> CashEntry:
    entry = get_entry(session, entry_id)
    problems = validate_entry(session, entry.fund_id, draft, exclude_id=entry_id)
    if problems:
        raise ValidationError(problems)
    ensure_year_open(session, entry.fund_id, entry.fiscal_year)
    fy = fiscal_year_of(draft.entry_date)
    ensure_year_open(session, entry.fund_id, fy)
    voucher = draft.voucher_no
    if voucher is None:
        voucher = entry.voucher_no if fy == entry.fiscal_year else next_voucher_no(session, entry.fund_id, fy)
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    _apply(entry, draft, voucher)
    session.flush()
    return entry


def delete_entry(session: Session, entry_id: int) -> None:
    entry = get_entry(session, entry_id)
    ensure_year_open(session, entry.fund_id, entry.fiscal_year)
    session.delete(entry)
    session.flush()
