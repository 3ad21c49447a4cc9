"""What the 出納簿 window needs beyond services/cashbook.py: where an entry sits in the book's order,
so the lazy table can select a row just saved without reading every page before it."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from nagato_desk.models import CashEntry


def entry_position(
    session: Session, fund_id: int, fy: int, entry_id: int, account_id: int | None = None
) -> int | None:
    """The 0-based position of ``entry_id`` in ``cashbook.entry_page``'s order (date, then id) of the
    year's book (one account's, or the whole fund's); None when the entry is not in that book."""
    entry = session.get(CashEntry, entry_id)
    if entry is None or entry.fund_id != fund_id or entry.fiscal_year != fy:
        return None
    cond = [CashEntry.fund_id == fund_id, CashEntry.fiscal_year == fy]
    if account_id is not None:
        if account_id not in (entry.money_account_id, entry.to_account_id):
            return None
        cond.append(or_(CashEntry.money_account_id == account_id, CashEntry.to_account_id == account_id))
    before = or_(
        CashEntry.entry_date < entry.entry_date,
        and_(CashEntry.entry_date == entry.entry_date, CashEntry.id < entry.id),
    )
    return int(session.scalar(select(func.count()).select_from(CashEntry).where(*cond, before)) or 0)
