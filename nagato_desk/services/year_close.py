"""年度の締め: closing a fiscal year locks it and carries its balance over; reopening is recorded.

The carry-over itself is never typed in: a year's 前年度繰越金 is the sum of the fund's money accounts on
1 April, which the cash book computes from the opening balances and every earlier entry. Closing keeps a
snapshot (totals and each account's balance on 31 March) so the data check can tell when a closed year
no longer adds up to what was closed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.models import Fund, YearClose, YearCloseBalance
from nagato_desk.services.history import current_user, record_event


class YearClosedError(NagatoError):
    """A write into a fiscal year that has been closed (締め済み)."""


def _open_close(session: Session, fund_id: int, fy: int) -> YearClose | None:
    return session.scalar(
        select(YearClose)
        .where(YearClose.fund_id == fund_id, YearClose.fiscal_year == fy, YearClose.reopened_at.is_(None))
        .order_by(YearClose.id.desc())
        .limit(1)
    )


def is_closed(session: Session, fund_id: int, fy: int) -> bool:
    return _open_close(session, fund_id, fy) is not None


def closed_years(session: Session, fund_id: int) -> list[int]:
    return sorted(
        session.scalars(
            select(YearClose.fiscal_year)
            .where(YearClose.fund_id == fund_id, YearClose.reopened_at.is_(None))
            .distinct()
        )
    )


def last_closed_year(session: Session, fund_id: int) -> int | None:
    years = closed_years(session, fund_id)
    return years[-1] if years else None


def close_history(session: Session, fund_id: int, fy: int) -> list[YearClose]:
    """Every closing of the year, oldest first (reopened ones carry who, when and why)."""
    return list(
        session.scalars(
            select(YearClose)
            .where(YearClose.fund_id == fund_id, YearClose.fiscal_year == fy)
            .order_by(YearClose.id)
        )
    )


def _fund_name(session: Session, fund_id: int) -> str:
    fund = session.get(Fund, fund_id)
    return fund.name if fund else "会計"


def ensure_year_open(session: Session, fund_id: int, fy: int) -> None:
    """Raise ``YearClosedError`` when ``fy`` of the fund is closed."""
    if is_closed(session, fund_id, fy):
        name = _fund_name(session, fund_id)
        raise YearClosedError(
            f"{format_fiscal_year(fy)}の{name}は締められているため変更できません。"
            "変更が必要なときは、理由を記録して締めを解除してください。",
            f"FY{fy} of {name} is closed and cannot be changed. Reopen it (with a reason) first.",
        )


def close_year(session: Session, fund_id: int, fy: int) -> YearClose:
    """Close ``fy``: the settlement and each account's 31 March balance are kept; the year is locked.

    Years close in order: the year before (when the fund kept books then) must be closed first.
    """
    from nagato_desk.services.cashbook import account_balances
    from nagato_desk.services.settlement import settle_year

    fund = session.get(Fund, fund_id)
    if fund is None:
        raise NagatoError("指定された会計が見つかりません。", "That fund does not exist.")
    label = format_fiscal_year(fy)
    if is_closed(session, fund_id, fy):
        raise NagatoError(f"{label}の{fund.name}はすでに締められています。", f"FY{fy} is already closed.")
    if fy < fund.first_fiscal_year:
        raise NagatoError(
            f"{fund.name}の記帳は{format_fiscal_year(fund.first_fiscal_year)}からです。",
            f"{fund.name} keeps books from FY{fund.first_fiscal_year}.",
        )
    if fy > fund.first_fiscal_year and not is_closed(session, fund_id, fy - 1):
        raise NagatoError(
            f"先に{format_fiscal_year(fy - 1)}を締めてください（年度は順に締めます）。",
            f"Close FY{fy - 1} first (years are closed in order).",
        )
    settlement = settle_year(session, fund_id, fy)
    row = YearClose(
        fund_id=fund_id,
        fiscal_year=fy,
        closed_at=datetime.now().replace(microsecond=0),
        closed_by=current_user(),
        income_total=settlement.income_actual,
        expense_total=settlement.expense_actual,
        carry_over=settlement.carry_over_out,
    )
    row.balances = [
        YearCloseBalance(money_account_id=b.account_id, balance=b.closing)
        for b in account_balances(session, fund_id, fy)
    ]
    session.add(row)
    session.flush()
    record_event(
        session,
        "年度の締め",
        f"{fund.name} {label}を締めました（次年度繰越金 {settlement.carry_over_out:,}円）。",
        "year_close",
        row.id,
    )
    return row


def reopen_year(session: Session, fund_id: int, fy: int, reason: str) -> YearClose:
    """Reopen a closed year, keeping who did it, when and why (a later closed year must be reopened first)."""
    reason = (reason or "").strip()
    label = format_fiscal_year(fy)
    if not reason:
        raise NagatoError(
            "締めを解除する理由を入力してください。", "Enter the reason for reopening the year."
        )
    row = _open_close(session, fund_id, fy)
    if row is None:
        raise NagatoError(f"{label}は締められていません。", f"FY{fy} is not closed.")
    if is_closed(session, fund_id, fy + 1):
        raise NagatoError(
            f"先に{format_fiscal_year(fy + 1)}の締めを解除してください。",
            f"Reopen FY{fy + 1} first.",
        )
    row.reopened_at = datetime.now().replace(microsecond=0)
    row.reopened_by = current_user()
    row.reopen_reason = reason
    session.flush()
    record_event(
        session,
        "年度の締めの解除",
        f"{_fund_name(session, fund_id)} {label}の締めを解除しました。理由：{reason}",
        "year_close",
        row.id,
    )
    return row
