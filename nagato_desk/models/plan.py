"""地域の夢プラン: the council's ten-year plan, its versions (見直し), survey figures and goals (基本目標).

A plan holds its period (ten fiscal years from ``start_year``); everything the council writes in it
lives on a version. A mid-term revision copies the current version into a new one, and the old one
stays as it was (services refuse edits to any version but the latest).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped, Trashable
from nagato_desk.models.indicator import Hundredths

if TYPE_CHECKING:
    from nagato_desk.models.plan_action import PlanAction

#: 活動分野: the fields of activity named in the city's plan, in its order.
PLAN_FIELDS: tuple[str, ...] = (
    "保健福祉",
    "子どもの健全育成",
    "教育",
    "生涯学習",
    "スポーツ",
    "環境保全",
    "生活安全",
    "地域公共交通",
    "まちづくり",
    "国際交流",
    "コミュニティビジネス",
    "農林水産業・6次産業",
)
PLAN_YEARS = 10


class DreamPlan(Audited, Trashable, Timestamped, Base):
    """地域の夢プラン: the period; the contents are on its versions."""

    __tablename__ = "dream_plan"
    __table_args__ = {"info": {"label": "夢プラン"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    start_year: Mapped[int] = mapped_column(Integer, info={"label": "計画期間の初年度"})

    versions: Mapped[list[DreamPlanVersion]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="DreamPlanVersion.number"
    )

    @property
    def end_year(self) -> int:
        return self.start_year + PLAN_YEARS - 1


class DreamPlanVersion(Audited, Timestamped, Base):
    """One version of the plan (第1版, and a new one at each 見直し)."""

    __tablename__ = "dream_plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"), {"info": {"label": "夢プランの版"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("dream_plan.id", ondelete="CASCADE"), index=True, info={"label": "夢プラン"}
    )
    number: Mapped[int] = mapped_column(Integer, info={"label": "版"})
    title: Mapped[str] = mapped_column(String(200), info={"label": "計画の名称"})
    vision: Mapped[str] = mapped_column(Text, default="", info={"label": "将来像"})
    current_state: Mapped[str] = mapped_column(Text, default="", info={"label": "地域の現状"})
    issues: Mapped[str] = mapped_column(Text, default="", info={"label": "地域の課題"})
    survey_summary: Mapped[str] = mapped_column(Text, default="", info={"label": "アンケート結果"})
    figures_year: Mapped[int | None] = mapped_column(Integer, info={"label": "人口の年度"})
    adopted_on: Mapped[date | None] = mapped_column(Date, info={"label": "策定日"})
    # the meeting that adopted this version
    adopted_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True, info={"label": "策定した会議"}
    )
    revised_on: Mapped[date | None] = mapped_column(Date, info={"label": "見直しの日"})
    revision_note: Mapped[str] = mapped_column(Text, default="", info={"label": "見直しの内容"})

    plan: Mapped[DreamPlan] = relationship(back_populates="versions")
    goals: Mapped[list[Goal]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Goal.sort_order, Goal.id"
    )
    survey_items: Mapped[list[SurveyItem]] = relationship(
        back_populates="version",
        cascade="all, delete-orphan",
        order_by="SurveyItem.sort_order, SurveyItem.id",
    )


class SurveyItem(Audited, Timestamped, Base):
    """One figure from the residents' survey (住民アンケート), e.g. 「今後も住み続けたい」 78.5 %."""

    __tablename__ = "plan_survey_item"
    __table_args__ = {"info": {"label": "アンケート結果"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("dream_plan_version.id", ondelete="CASCADE"), index=True, info={"label": "夢プランの版"}
    )
    question: Mapped[str] = mapped_column(String(200), info={"label": "設問"})
    value: Mapped[Decimal | None] = mapped_column(Hundredths, info={"label": "数値"})
    unit: Mapped[str] = mapped_column(String(20), default="", info={"label": "単位"})
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    version: Mapped[DreamPlanVersion] = relationship(back_populates="survey_items")


class Goal(Audited, Timestamped, Base):
    """基本目標: a goal of the plan in one field (活動分野)."""

    __tablename__ = "plan_goal"
    __table_args__ = {"info": {"label": "基本目標"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("dream_plan_version.id", ondelete="CASCADE"), index=True, info={"label": "夢プランの版"}
    )
    field: Mapped[str] = mapped_column(String(50), info={"label": "活動分野"})
    title: Mapped[str] = mapped_column(String(200), info={"label": "基本目標"})
    description: Mapped[str] = mapped_column(Text, default="", info={"label": "説明"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    version: Mapped[DreamPlanVersion] = relationship(back_populates="goals")
    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="PlanAction.sort_order, PlanAction.id"
    )
