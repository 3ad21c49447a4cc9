"""会議で決まった取組 (who does what by when), open until done."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.agenda import AgendaItem
    from nagato_desk.models.meeting import Meeting
    from nagato_desk.models.member import Member


class MeetingAction(Audited, Timestamped, Base):
    __tablename__ = "meeting_action"
    __table_args__ = {"info": {"label": "会議で決まった取組"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会議"}
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True, info={"label": "議案"}
    )
    who_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True, info={"label": "担当者"}
    )
    who_text: Mapped[str] = mapped_column(String(100), default="", info={"label": "担当（部会・事務局など）"})
    what: Mapped[str] = mapped_column(Text, info={"label": "内容"})
    due_on: Mapped[date | None] = mapped_column(Date, index=True, info={"label": "期限"})
    done_on: Mapped[date | None] = mapped_column(Date, index=True, info={"label": "完了日"})
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})
    # the dream-plan action this follows up
    plan_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), index=True, info={"label": "夢プランの取組"}
    )

    meeting: Mapped[Meeting] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()
    who: Mapped[Member | None] = relationship()
