"""The data check's rules for the accounts (registered in services/check.py ``DOMAIN_CHECKS``)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, case, extract, or_, select
from sqlalchemy.orm import Session, aliased

from nagato_desk.dates import format_fiscal_year
from nagato_desk.models import AccountHead, CashEntry, Fund, MoneyAccount, YearClose
from nagato_desk.money import format_yen


def _finding(severity: str, ja: str, en: str):
    from nagato_desk.services.check import Finding

    return Finding(severity, ja, en)


def check_cashbook_consistency(session: Session) -> Iterable:
    """Entries whose 年度 does not match the date, or whose head or account belongs to another fund;
    and each fund's account balances against its settlement's 次年度繰越金."""
    from nagato_desk.services.cashbook import account_balances
    from nagato_desk.services.settlement import settle_year

    year = extract("year", CashEntry.entry_date)
    derived = case((extract("month", CashEntry.entry_date) >= 4, year), else_=year - 1)
    wrong = session.execute(
        select(CashEntry.id, CashEntry.entry_date, CashEntry.fiscal_year).where(
            CashEntry.fiscal_year != derived
        )
    ).all()
    for entry_id, entry_date, fy in wrong:
        yield _finding(
            "error",
            f"出納簿の{entry_id}番の行：日付 {entry_date:%Y/%m/%d} と年度 {fy} が合いません。",
            f"cash entry {entry_id}: the date and the fiscal year disagree.",
        )
    head = aliased(AccountHead)
    src, dst = aliased(MoneyAccount), aliased(MoneyAccount)
    crossed = session.scalars(
        select(CashEntry.id)
        .outerjoin(head, head.id == CashEntry.head_id)
        .join(src, src.id == CashEntry.money_account_id)
        .outerjoin(dst, dst.id == CashEntry.to_account_id)
        .where(
            or_(
                and_(CashEntry.head_id.is_not(None), head.fund_id != CashEntry.fund_id),
                src.fund_id != CashEntry.fund_id,
                and_(CashEntry.to_account_id.is_not(None), dst.fund_id != CashEntry.fund_id),
            )
        )
    ).all()
    for entry_id in crossed:
        yield _finding(
            "error",
            f"出納簿の{entry_id}番の行：科目か口座が別の会計のものです。",
            f"cash entry {entry_id}: its head or account belongs to another fund.",
        )
    for fund in session.scalars(select(Fund)):
        years = session.scalars(
            select(CashEntry.fiscal_year).where(CashEntry.fund_id == fund.id).distinct()
        ).all()
        for fy in sorted(years):
            total = sum(b.closing for b in account_balances(session, fund.id, fy))
            carry = settle_year(session, fund.id, fy).carry_over_out
            if total != carry:
                yield _finding(
                    "error",
                    f"{fund.name} {format_fiscal_year(fy)}：口座残高の合計 {format_yen(total)}円と"
                    f"決算の次年度繰越金 {format_yen(carry)}円が合いません。",
                    f"{fund.name} FY{fy}: account balances {total:,} differ from the carry-over {carry:,}.",
                )


def check_closed_years(session: Session) -> Iterable:
    """A closed year must still add up to what was closed (totals, carry-over, each account on 31 March),
    and no entry of it may have been changed after the close; the carry-over chain follows from this."""
    from nagato_desk.services.cashbook import account_balances
    from nagato_desk.services.settlement import settle_year

    closes = session.scalars(select(YearClose).where(YearClose.reopened_at.is_(None)).order_by(YearClose.id))
    for close in closes:
        fund = session.get(Fund, close.fund_id)
        label = f"{fund.name if fund else '会計'} {format_fiscal_year(close.fiscal_year)}"
        s = settle_year(session, close.fund_id, close.fiscal_year)
        if (s.income_actual, s.expense_actual, s.carry_over_out) != (
            close.income_total,
            close.expense_total,
            close.carry_over,
        ):
            yield _finding(
                "error",
                f"{label}：締めた後に決算が変わっています（締めた時の次年度繰越金 {format_yen(close.carry_over)}円、"
                f"現在 {format_yen(s.carry_over_out)}円）。次年度の前年度繰越金も変わります。",
                f"{label}: the settlement changed after the year was closed.",
            )
        live = {b.account_id: b.closing for b in account_balances(session, close.fund_id, close.fiscal_year)}
        for kept in close.balances:
            if live.get(kept.money_account_id) != kept.balance:
                account = session.get(MoneyAccount, kept.money_account_id)
                yield _finding(
                    "error",
                    f"{label}：口座「{account.name if account else kept.money_account_id}」の年度末残高が、"
                    f"締めた時の {format_yen(kept.balance)}円と違います。",
                    f"{label}: an account's year-end balance changed after closing.",
                )
        changed = session.scalars(
            select(CashEntry.id).where(
                CashEntry.fund_id == close.fund_id,
                CashEntry.fiscal_year == close.fiscal_year,
                CashEntry.updated_at > close.closed_at,
            )
        ).all()
        if changed:
            yield _finding(
                "error",
                f"{label}：締めた後に変更された出納簿の行があります（{', '.join(map(str, changed[:10]))}番）。",
                f"{label}: {len(changed)} entries were changed after the year was closed.",
            )


def check_negative_balances(session: Session) -> Iterable:
    """A money account below zero at the end of a year (cash cannot be negative; a bank rarely is)."""
    from nagato_desk.services.cashbook import account_balances

    for fund in session.scalars(select(Fund)):
        years = session.scalars(
            select(CashEntry.fiscal_year).where(CashEntry.fund_id == fund.id).distinct()
        ).all()
        for fy in sorted(years):
            for b in account_balances(session, fund.id, fy):
                if b.closing < 0:
                    yield _finding(
                        "warning",
                        f"{fund.name} {format_fiscal_year(fy)}：口座「{b.name}」の年度末残高がマイナス"
                        f"（{format_yen(b.closing)}円）です。記帳漏れや振替の向きを確かめてください。",
                        f"{fund.name} FY{fy}: '{b.name}' ends the year below zero ({b.closing:,}).",
                    )


def check_budgets_balance(session: Session) -> Iterable:
    """The latest budget of each year should have income equal to expense."""
    from nagato_desk.models import BudgetRevision
    from nagato_desk.services.budgets import budget_balance

    pairs = session.execute(select(BudgetRevision.fund_id, BudgetRevision.fiscal_year).distinct()).all()
    for fund_id, fy in sorted(pairs):
        bal = budget_balance(session, fund_id, fy)
        if bal.difference:
            fund = session.get(Fund, fund_id)
            yield _finding(
                "warning",
                f"{fund.name if fund else ''} {format_fiscal_year(fy)}の予算：{bal.message_ja}",
                f"FY{fy} budget: {bal.message_en}",
            )
