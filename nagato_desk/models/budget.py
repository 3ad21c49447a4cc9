"""予算: 当初予算 (revision 0) and 補正予算 (1, 2 …) per fund and fiscal year, each a full set of lines."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped


class BudgetRevision(Audited, Timestamped, Base):
    """One budget as decided: number 0 is 当初予算, n is 第n号補正予算 (its lines are the amended whole)."""

    __tablename__ = "budget_revision"
    __table_args__ = (
        UniqueConstraint("fund_id", "fiscal_year", "number"),
        {"info": {"label": "予算"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    number: Mapped[int] = mapped_column(Integer, default=0, info={"label": "補正の号数"})
    decided_on: Mapped[date | None] = mapped_column(Date, info={"label": "議決日"})
    # the meeting that approved it (a meeting removed leaves the budget without one)
    approved_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True, info={"label": "議決した会議"}
    )
    title: Mapped[str] = mapped_column(String(100), default="", info={"label": "名称"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    lines: Mapped[list[BudgetLine]] = relationship(back_populates="revision", cascade="all, delete-orphan")


class BudgetLine(Audited, Timestamped, Base):
    """予算額 of one head in one revision, with its 説明."""

    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("revision_id", "head_id"), {"info": {"label": "予算の科目"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("budget_revision.id", ondelete="CASCADE"), index=True, info={"label": "予算"}
    )
    head_id: Mapped[int] = mapped_column(
        ForeignKey("account_head.id", ondelete="RESTRICT"), index=True, info={"label": "科目"}
    )
    amount: Mapped[int] = mapped_column(Integer, default=0, info={"label": "予算額"})
    explanation: Mapped[str] = mapped_column(String(200), default="", info={"label": "説明"})

    revision: Mapped[BudgetRevision] = relationship(back_populates="lines")
