"""補助金・交付金: a grant, the heads it may pay for, and (through ``cash_entry.subsidy_id``) its entries."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped


class Subsidy(Audited, Timestamped, Base):
    __tablename__ = "subsidy"
    __table_args__ = {"info": {"label": "補助金"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    name: Mapped[str] = mapped_column(String(100), info={"label": "補助金の名称"})
    granting_body: Mapped[str] = mapped_column(String(100), default="", info={"label": "交付元"})
    decided_amount: Mapped[int] = mapped_column(Integer, default=0, info={"label": "交付決定額"})
    decided_on: Mapped[date | None] = mapped_column(Date, info={"label": "交付決定日"})
    purpose: Mapped[str] = mapped_column(Text, default="", info={"label": "事業の内容"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    heads: Mapped[list[SubsidyHead]] = relationship(cascade="all, delete-orphan", order_by="SubsidyHead.id")


class SubsidyHead(Audited, Timestamped, Base):
    """A head the subsidy may pay for (補助対象経費)."""

    __tablename__ = "subsidy_head"
    __table_args__ = {"info": {"label": "補助対象の科目"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    subsidy_id: Mapped[int] = mapped_column(
        ForeignKey("subsidy.id", ondelete="CASCADE"), index=True, info={"label": "補助金"}
    )
    head_id: Mapped[int] = mapped_column(
        ForeignKey("account_head.id", ondelete="RESTRICT"), index=True, info={"label": "科目"}
    )
