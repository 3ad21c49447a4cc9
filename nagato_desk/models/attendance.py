"""出欠: one row per person eligible to attend a meeting (出席・欠席・委任状・書面表決)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.meeting import Meeting
    from nagato_desk.models.member import Member

#: 出欠の区分
ATTENDANCE_STATUSES: dict[str, str] = {
    "present": "出席",
    "absent": "欠席",
    "proxy": "委任状",
    "written": "書面表決",
}


class Attendance(Audited, Timestamped, Base):
    """An eligible person and how they took part. A 委任状 names its holder (``proxy_to_member_id``);
    without one it is given to the chair (議長一任). See ``services/quorum.py`` for how each counts."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id"),
        {"info": {"label": "出欠"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会議"}
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True, info={"label": "会員"}
    )
    status: Mapped[str] = mapped_column(
        String(10), default="absent", index=True, info={"label": "出欠", "values": dict(ATTENDANCE_STATUSES)}
    )
    proxy_to_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True, info={"label": "委任先"}
    )
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "備考", "personal": True})

    meeting: Mapped[Meeting] = relationship(back_populates="attendance", foreign_keys=[meeting_id])
    member: Mapped[Member] = relationship(foreign_keys=[member_id])
    proxy_to: Mapped[Member | None] = relationship(foreign_keys=[proxy_to_member_id])
