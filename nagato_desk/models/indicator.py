"""指標: an indicator on a goal or an action (baseline, targets, yearly actuals).

Values are decimals with at most two places (人, %, 件, 回 …), kept exactly as integer hundredths.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.plan import DreamPlanVersion

DIRECTIONS = {"up": "高いほど良い", "down": "低いほど良い"}


class Hundredths(TypeDecorator):
    """A Decimal with at most two places, stored exactly as an integer number of hundredths."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        scaled = Decimal(value) * 100
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value}: at most two decimal places")
        return int(scaled)

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        return Decimal(int(value)) / 100  # exact: 7850 → 78.5, 10000 → 100


class Indicator(Audited, Timestamped, Base):
    """指標: on a goal or on an action (exactly one of them)."""

    __tablename__ = "plan_indicator"
    __table_args__ = (
        CheckConstraint("(goal_id IS NULL) <> (action_id IS NULL)", name="goal_or_action"),
        {"info": {"label": "指標"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("dream_plan_version.id", ondelete="CASCADE"), index=True, info={"label": "夢プランの版"}
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="CASCADE"), index=True, info={"label": "基本目標"}
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="CASCADE"), index=True, info={"label": "取組"}
    )
    name: Mapped[str] = mapped_column(String(200), info={"label": "指標名"})
    unit: Mapped[str] = mapped_column(String(20), default="", info={"label": "単位"})
    direction: Mapped[str] = mapped_column(
        String(10), default="up", info={"label": "方向", "values": dict(DIRECTIONS)}
    )
    baseline_value: Mapped[Decimal | None] = mapped_column(Hundredths, info={"label": "基準値"})
    baseline_year: Mapped[int | None] = mapped_column(Integer, info={"label": "基準年度"})
    final_target: Mapped[Decimal | None] = mapped_column(Hundredths, info={"label": "最終目標値"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    version: Mapped[DreamPlanVersion] = relationship()
    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorValue.fiscal_year"
    )


class IndicatorValue(Audited, Timestamped, Base):
    """An indicator's target and/or actual for one fiscal year."""

    __tablename__ = "plan_indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "fiscal_year"), {"info": {"label": "指標の値"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("plan_indicator.id", ondelete="CASCADE"), index=True, info={"label": "指標"}
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, info={"label": "年度"})
    target: Mapped[Decimal | None] = mapped_column(Hundredths, info={"label": "目標値"})
    actual: Mapped[Decimal | None] = mapped_column(Hundredths, info={"label": "実績値"})

    indicator: Mapped[Indicator] = relationship(back_populates="values")
