"""事業 (実施記録): an event or piece of work the council carried out or plans, its photos and the
cash entries that paid for it.

``plan_action_id`` (the dream-plan action it serves; cleared when the action goes) and
``ActivityCost.cash_entry_id`` (a cost link goes with its cash entry).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped, Trashable

if TYPE_CHECKING:
    from nagato_desk.models.committee import Committee

#: 実施状況: code → Japanese
ACTIVITY_STATUSES: dict[str, str] = {"planned": "予定", "done": "実施済み"}


class Activity(Audited, Trashable, Timestamped, Base):
    """事業: one event (a festival, a day of 見守り visits) or a stretch of work (start to end)."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("participants_residents >= 0", name="residents_not_negative"),
        CheckConstraint("participants_volunteers >= 0", name="volunteers_not_negative"),
        CheckConstraint("participants_partners >= 0", name="partners_not_negative"),
        Index("ix_activity_year_date", "fiscal_year", "starts_on", "id"),
        {"info": {"label": "事業"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # derived from starts_on (kept for fast lists by fiscal year)
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    starts_on: Mapped[date] = mapped_column(Date, index=True, info={"label": "実施日"})
    ends_on: Mapped[date | None] = mapped_column(Date, info={"label": "終了日"})
    title: Mapped[str] = mapped_column(String(200), info={"label": "事業名"})
    field: Mapped[str] = mapped_column(String(40), index=True, info={"label": "活動分野"})
    committee_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee.id", ondelete="SET NULL"), index=True, info={"label": "担当部会"}
    )
    place: Mapped[str] = mapped_column(String(200), default="", info={"label": "場所"})
    participants_residents: Mapped[int] = mapped_column(Integer, default=0, info={"label": "参加者（住民）"})
    participants_volunteers: Mapped[int] = mapped_column(
        Integer, default=0, info={"label": "参加者（ボランティア）"}
    )
    participants_partners: Mapped[int] = mapped_column(
        Integer, default=0, info={"label": "参加者（連携団体）"}
    )
    partners: Mapped[str] = mapped_column(Text, default="", info={"label": "連携団体"})
    content: Mapped[str] = mapped_column(Text, default="", info={"label": "事業内容"})
    outcome: Mapped[str] = mapped_column(Text, default="", info={"label": "成果と課題"})
    status: Mapped[str] = mapped_column(
        String(10), default="done", index=True, info={"label": "実施状況", "values": dict(ACTIVITY_STATUSES)}
    )
    recurring: Mapped[bool] = mapped_column(default=False, info={"label": "毎年実施"})
    plan_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), index=True, info={"label": "夢プランの取組"}
    )
    # the activity of last year this plan was copied from (前年度からの写し)
    copied_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True, info={"label": "写し元の事業"}
    )
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    committee: Mapped[Committee | None] = relationship()
    photos: Mapped[list[ActivityPhoto]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityPhoto.sort_order"
    )
    costs: Mapped[list[ActivityCost]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityCost.id"
    )

    @property
    def participants_total(self) -> int:
        return self.participants_residents + self.participants_volunteers + self.participants_partners


class ActivityPhoto(Audited, Timestamped, Base):
    """A photo of an activity: the file sits in the attachments folder under its content hash."""

    __tablename__ = "activity_photo"
    __table_args__ = {"info": {"label": "事業の写真"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True, info={"label": "事業"}
    )
    # "activities/<sha256>.jpg", relative to the attachments folder
    file_name: Mapped[str] = mapped_column(
        String(200), index=True, info={"label": "ファイル", "personal": True}
    )
    original_name: Mapped[str] = mapped_column(String(255), default="", info={"label": "元のファイル名"})
    caption: Mapped[str] = mapped_column(String(200), default="", info={"label": "説明"})
    size: Mapped[int] = mapped_column(Integer, default=0, info={"label": "大きさ（バイト）"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    activity: Mapped[Activity] = relationship(back_populates="photos")


class ActivityCost(Audited, Timestamped, Base):
    """A cash entry that paid for (part of) an activity."""

    __tablename__ = "activity_cost"
    __table_args__ = {"info": {"label": "事業の経費"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True, info={"label": "事業"}
    )
    cash_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("cash_entry.id", ondelete="CASCADE"), index=True, info={"label": "出納簿の行"}
    )
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    activity: Mapped[Activity] = relationship(back_populates="costs")
