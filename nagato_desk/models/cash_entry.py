"""出納簿の行: one income, expense or transfer between money accounts of a fund."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nagato_desk.models.base import Audited, Base, Timestamped

ENTRY_KINDS = {"in": "収入", "out": "支出", "transfer": "振替"}


class CashEntry(Audited, Timestamped, Base):
    """A line of the cash book. ``fiscal_year`` is derived from ``entry_date`` (kept for fast lists)."""

    __tablename__ = "cash_entry"
    __table_args__ = (
        UniqueConstraint("fund_id", "fiscal_year", "voucher_no"),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_cash_entry_book", "fund_id", "fiscal_year", "entry_date", "id"),
        # covers the sums (balances, settlement) so they never read the rows themselves
        Index(
            "ix_cash_entry_sums",
            "fund_id",
            "fiscal_year",
            "kind",
            "head_id",
            "money_account_id",
            "to_account_id",
            "amount",
        ),
        {"info": {"label": "出納簿"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    entry_date: Mapped[date] = mapped_column(Date, info={"label": "日付"})
    kind: Mapped[str] = mapped_column(String(10), info={"label": "区分", "values": ENTRY_KINDS})
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_head.id", ondelete="RESTRICT"), index=True, info={"label": "科目"}
    )
    amount: Mapped[int] = mapped_column(Integer, info={"label": "金額"})
    money_account_id: Mapped[int] = mapped_column(
        ForeignKey("money_account.id", ondelete="RESTRICT"), index=True, info={"label": "口座"}
    )
    # For a transfer: the account the money went to (money_account_id is where it came from).
    to_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("money_account.id", ondelete="RESTRICT"), index=True, info={"label": "振替先の口座"}
    )
    voucher_no: Mapped[int] = mapped_column(Integer, info={"label": "証憑番号"})
    description: Mapped[str] = mapped_column(String(200), default="", info={"label": "摘要"})
    payee: Mapped[str] = mapped_column(String(100), default="", info={"label": "支払先・受取先"})
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})
    subsidy_id: Mapped[int | None] = mapped_column(
        ForeignKey("subsidy.id", ondelete="SET NULL"), index=True, info={"label": "補助金"}
    )
    # the dream-plan action this paid for (finance works without it)
    plan_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), index=True, info={"label": "夢プランの取組"}
    )
