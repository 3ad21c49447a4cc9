"""取組: an action under a goal of the dream plan, who does it and in which fiscal years (年次計画)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.committee import Committee
    from nagato_desk.models.plan import Goal


class PlanAction(Audited, Timestamped, Base):
    """取組 (table ``plan_action``): what, who (実施主体: a committee and partners), estimated cost."""

    __tablename__ = "plan_action"
    __table_args__ = {"info": {"label": "取組"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="CASCADE"), index=True, info={"label": "基本目標"}
    )
    title: Mapped[str] = mapped_column(String(200), info={"label": "取組"})
    description: Mapped[str] = mapped_column(Text, default="", info={"label": "内容"})
    committee_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee.id", ondelete="SET NULL"), index=True, info={"label": "実施主体（部会）"}
    )
    partners: Mapped[str] = mapped_column(Text, default="", info={"label": "連携先"})
    estimated_cost: Mapped[int | None] = mapped_column(Integer, info={"label": "概算事業費"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})
    # The same action in the version this one was copied from at a revision (見直し).
    previous_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), index=True, info={"label": "見直し前の取組"}
    )

    goal: Mapped[Goal] = relationship(back_populates="actions")
    committee: Mapped[Committee | None] = relationship()
    years: Mapped[list[PlanActionYear]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="PlanActionYear.fiscal_year"
    )


class PlanActionYear(Audited, Timestamped, Base):
    """A fiscal year in which an action is planned (one cell of the year grid)."""

    __tablename__ = "plan_action_year"
    __table_args__ = (UniqueConstraint("action_id", "fiscal_year"), {"info": {"label": "取組の実施年度"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("plan_action.id", ondelete="CASCADE"), index=True, info={"label": "取組"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})

    action: Mapped[PlanAction] = relationship(back_populates="years")
