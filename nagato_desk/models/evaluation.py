"""評価: each action's yearly evaluation (PDCA), and the years whose evaluations are locked."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.plan_action import PlanAction

#: Status of an action in a fiscal year, in the order shown.
EVALUATION_STATUSES = {
    "not_started": "未着手",
    "in_progress": "実施中",
    "done": "完了",
    "revised": "見直し",
    "stopped": "中止",
}
#: Ratings A (達成) to D (未達成); "" when not rated.
RATINGS = ("A", "B", "C", "D")


class Evaluation(Audited, Timestamped, Base):
    """One action's evaluation for one fiscal year."""

    __tablename__ = "plan_evaluation"
    __table_args__ = (UniqueConstraint("action_id", "fiscal_year"), {"info": {"label": "取組の評価"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("plan_action.id", ondelete="CASCADE"), index=True, info={"label": "取組"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    status: Mapped[str] = mapped_column(
        String(20), default="not_started", info={"label": "状況", "values": dict(EVALUATION_STATUSES)}
    )
    rating: Mapped[str] = mapped_column(String(1), default="", info={"label": "評価"})
    done_text: Mapped[str] = mapped_column(Text, default="", info={"label": "実施内容"})
    issues: Mapped[str] = mapped_column(Text, default="", info={"label": "課題"})
    next_step: Mapped[str] = mapped_column(Text, default="", info={"label": "次年度の取組"})
    evaluated_on: Mapped[date | None] = mapped_column(Date, info={"label": "評価日"})

    action: Mapped[PlanAction] = relationship()


class EvaluationLock(Audited, Timestamped, Base):
    """A fiscal year whose evaluations were reported to the city: no more edits until unlocked."""

    __tablename__ = "plan_evaluation_lock"
    __table_args__ = (UniqueConstraint("plan_id", "fiscal_year"), {"info": {"label": "評価の確定"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("dream_plan.id", ondelete="CASCADE"), index=True, info={"label": "夢プラン"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, info={"label": "年度"})
    locked_on: Mapped[date] = mapped_column(Date, info={"label": "確定日"})
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})
