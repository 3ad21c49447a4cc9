"""会計 (一般会計・特別会計) and the money accounts (口座: 現金, 普通預金 …) that belong to each."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

FUND_KINDS = {"general": "一般会計", "special": "特別会計"}
MONEY_ACCOUNT_KINDS = {"cash": "現金", "bank": "預金"}


class Fund(Audited, Timestamped, Base):
    """会計: one set of books with its own budget, cash book and settlement."""

    __tablename__ = "fund"
    __table_args__ = {"info": {"label": "会計"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, info={"label": "会計の名称"})
    kind: Mapped[str] = mapped_column(
        String(10), default="general", info={"label": "区分", "values": FUND_KINDS}
    )
    # The first fiscal year kept in this program: opening balances are as of its 1 April.
    first_fiscal_year: Mapped[int] = mapped_column(Integer, info={"label": "記帳開始年度"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "並び順"})
    active: Mapped[bool] = mapped_column(default=True, info={"label": "使用中"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    accounts: Mapped[list[MoneyAccount]] = relationship(
        back_populates="fund", order_by="MoneyAccount.sort_order, MoneyAccount.id"
    )


class MoneyAccount(Audited, Timestamped, Base):
    """口座: where the money of a fund sits (現金, a bank's 普通預金 …), with its opening balance."""

    __tablename__ = "money_account"
    __table_args__ = {"info": {"label": "口座"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    name: Mapped[str] = mapped_column(String(100), info={"label": "口座名"})
    kind: Mapped[str] = mapped_column(
        String(10), default="bank", info={"label": "種類", "values": MONEY_ACCOUNT_KINDS}
    )
    # Balance on 1 April of the fund's first fiscal year (later balances are computed).
    opening_balance: Mapped[int] = mapped_column(Integer, default=0, info={"label": "開始残高"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "並び順"})
    active: Mapped[bool] = mapped_column(default=True, info={"label": "使用中"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    fund: Mapped[Fund] = relationship(back_populates="accounts")
