"""会議: a meeting of the council (総会・役員会・部会・ワークショップ・研修会), its 議事録署名人, its guests,
and the council's rules (規約) for the quorum and the default majority of each kind of meeting."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.agenda import VOTE_RULES
from nagato_desk.models.base import Audited, Base, Timestamped, Trashable

if TYPE_CHECKING:
    from nagato_desk.models.agenda import AgendaItem
    from nagato_desk.models.attendance import Attendance
    from nagato_desk.models.committee import Committee
    from nagato_desk.models.member import Member

#: 会議の種類: code → Japanese name
MEETING_KINDS: dict[str, str] = {
    "general": "定期総会",
    "extraordinary": "臨時総会",
    "board": "役員会",
    "committee": "部会",
    "workshop": "ワークショップ",
    "training": "研修会",
}
GENERAL_KINDS: tuple[str, ...] = ("general", "extraordinary")
#: 出席資格: who may attend (and counts for the quorum)
ELIGIBILITY: dict[str, str] = {
    "members": "全会員",
    "officers": "役員（開催日現在）",
    "committee": "部会員（開催日現在）",
    "delegates": "選んだ人（代議員など）",
}


class Meeting(Audited, Trashable, Timestamped, Base):
    __tablename__ = "meeting"
    __table_args__ = {"info": {"label": "会議"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    # the number users see and type (``--meeting 12``): a per-council sequence, never reused
    number: Mapped[int] = mapped_column(Integer, unique=True, info={"label": "会議番号"})
    kind: Mapped[str] = mapped_column(
        String(20), index=True, info={"label": "種類", "values": dict(MEETING_KINDS)}
    )
    title: Mapped[str] = mapped_column(String(200), default="", info={"label": "会議名"})
    held_on: Mapped[date] = mapped_column(Date, index=True, info={"label": "開催日"})
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    starts_at: Mapped[str] = mapped_column(String(5), default="", info={"label": "開始時刻"})  # "13:30"
    ends_at: Mapped[str] = mapped_column(String(5), default="", info={"label": "終了時刻"})
    place: Mapped[str] = mapped_column(String(200), default="", info={"label": "場所"})
    committee_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee.id", ondelete="SET NULL"), index=True, info={"label": "部会"}
    )
    eligibility: Mapped[str] = mapped_column(
        String(20), default="members", info={"label": "出席資格", "values": dict(ELIGIBILITY)}
    )
    chair_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True, info={"label": "議長"}
    )
    recorder_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True, info={"label": "記録者"}
    )
    # a recorder who is not a member (事務局の職員): the name in words
    recorder_name: Mapped[str] = mapped_column(String(100), default="", info={"label": "記録者（会員以外）"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "備考"})

    committee: Mapped[Committee | None] = relationship()
    chair: Mapped[Member | None] = relationship(foreign_keys=[chair_member_id])
    recorder: Mapped[Member | None] = relationship(foreign_keys=[recorder_member_id])
    signers: Mapped[list[MeetingSigner]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingSigner.position"
    )
    guests: Mapped[list[MeetingGuest]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingGuest.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", foreign_keys="Attendance.meeting_id"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class MeetingSigner(Audited, Timestamped, Base):
    """議事録署名人 (usually two), in the order they sign."""

    __tablename__ = "meeting_signer"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id"),
        {"info": {"label": "議事録署名人"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会議"}
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True, info={"label": "署名人"}
    )
    position: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    meeting: Mapped[Meeting] = relationship(back_populates="signers")
    member: Mapped[Member] = relationship()


class MeetingGuest(Audited, Timestamped, Base):
    """来賓・オブザーバー (city staff such as the 地域づくり支援員): listed, never counted."""

    __tablename__ = "meeting_guest"
    __table_args__ = {"info": {"label": "会議の来賓・オブザーバー"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会議"}
    )
    name: Mapped[str] = mapped_column(String(100), info={"label": "氏名"})
    affiliation: Mapped[str] = mapped_column(String(200), default="", info={"label": "所属・役職"})
    position: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})

    meeting: Mapped[Meeting] = relationship(back_populates="guests")


class MeetingRule(Audited, Timestamped, Base):
    """The 規約's rules for one kind of meeting: the quorum (定足数) and the default majority.

    Quorum: ``counted × den  > eligible × num`` when ``quorum_strict`` (「過半数」, more than half),
    ``>=`` otherwise (「3分の2以上」); ``quorum_den == 0`` means no quorum (研修会).
    """

    __tablename__ = "meeting_rule"
    __table_args__ = {"info": {"label": "会議の規則（定足数・議決）"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(
        String(20), unique=True, info={"label": "会議の種類", "values": dict(MEETING_KINDS)}
    )
    quorum_num: Mapped[int] = mapped_column(Integer, default=1, info={"label": "定足数（分子）"})
    quorum_den: Mapped[int] = mapped_column(Integer, default=2, info={"label": "定足数（分母）"})
    quorum_strict: Mapped[bool] = mapped_column(default=True, info={"label": "定足数は「超える」"})
    count_proxies: Mapped[bool] = mapped_column(default=True, info={"label": "委任状を出席に数える"})
    count_written: Mapped[bool] = mapped_column(default=True, info={"label": "書面表決を出席に数える"})
    vote_rule: Mapped[str] = mapped_column(
        String(20), default="majority", info={"label": "議決の要件", "values": dict(VOTE_RULES)}
    )
    article: Mapped[str] = mapped_column(String(200), default="", info={"label": "規約の条文"})
