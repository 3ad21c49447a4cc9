"""年度の締め: a closed fiscal year of a fund, its carry-over, and who reopened it, when and why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped


class YearClose(Audited, Timestamped, Base):
    """One closing of a year; the year is locked while a row without ``reopened_at`` exists."""

    __tablename__ = "year_close"
    __table_args__ = {"info": {"label": "年度の締め"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    closed_at: Mapped[datetime] = mapped_column(DateTime, info={"label": "締めた日時"})
    closed_by: Mapped[str] = mapped_column(String(100), default="", info={"label": "締めた人"})
    income_total: Mapped[int] = mapped_column(Integer, info={"label": "収入合計"})
    expense_total: Mapped[int] = mapped_column(Integer, info={"label": "支出合計"})
    carry_over: Mapped[int] = mapped_column(Integer, info={"label": "次年度繰越金"})
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime, info={"label": "締めを解除した日時"})
    reopened_by: Mapped[str] = mapped_column(String(100), default="", info={"label": "締めを解除した人"})
    reopen_reason: Mapped[str] = mapped_column(Text, default="", info={"label": "解除の理由"})

    balances: Mapped[list[YearCloseBalance]] = relationship(cascade="all, delete-orphan")


class YearCloseBalance(Audited, Timestamped, Base):
    """A money account's balance on 31 March of a closed year (next year's opening balance)."""

    __tablename__ = "year_close_balance"
    __table_args__ = {"info": {"label": "年度末の口座残高"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    year_close_id: Mapped[int] = mapped_column(
        ForeignKey("year_close.id", ondelete="CASCADE"), index=True, info={"label": "年度の締め"}
    )
    money_account_id: Mapped[int] = mapped_column(
        ForeignKey("money_account.id", ondelete="RESTRICT"), index=True, info={"label": "口座"}
    )
    balance: Mapped[int] = mapped_column(Integer, info={"label": "残高"})
