"""会員 (a person), the events of their membership (入会・転居・退会…), and consent to hold their data."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped, Trashable

if TYPE_CHECKING:
    from nagato_desk.models.council import Block, NeighbourhoodAssociation
    from nagato_desk.models.household import Household

#: 在籍・退会・転出・死亡
MEMBER_STATUSES = ("active", "withdrawn", "moved", "deceased")
GENDERS = ("F", "M", "X")  # 女性, 男性, その他; empty: not recorded


class Member(Audited, Trashable, Timestamped, Base):
    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'withdrawn', 'moved', 'deceased')", name="status_known"),
        CheckConstraint("gender IN ('', 'F', 'M', 'X')", name="gender_known"),
    )
    __audit_exclude__ = ("created_at", "updated_at", "reading_key", "search_text")

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))  # 氏名, family and given name with a space
    reading: Mapped[str] = mapped_column(String(200), default="")  # ふりがな
    reading_key: Mapped[str] = mapped_column(String(420), default="", index=True)  # 50音 sort key
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded name, reading, phone digits
    gender: Mapped[str] = mapped_column(String(1), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, info={"personal": True})
    # when only the year is known
    birth_year: Mapped[int | None] = mapped_column(Integer, info={"personal": True})
    postal_code: Mapped[str] = mapped_column(String(10), default="", info={"personal": True})
    address: Mapped[str] = mapped_column(String(300), default="", info={"personal": True})
    phone: Mapped[str] = mapped_column(String(40), default="", info={"personal": True})
    mobile: Mapped[str] = mapped_column(String(40), default="", info={"personal": True})
    email: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL"), index=True
    )
    association_id: Mapped[int | None] = mapped_column(
        ForeignKey("neighbourhood_association.id", ondelete="SET NULL"), index=True
    )
    block_id: Mapped[int | None] = mapped_column(ForeignKey("block.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    anonymised: Mapped[bool] = mapped_column(default=False)

    household: Mapped[Household | None] = relationship(back_populates="members", foreign_keys=[household_id])
    association: Mapped[NeighbourhoodAssociation | None] = relationship()
    block: Mapped[Block | None] = relationship()
    events: Mapped[list[MemberEvent]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="MemberEvent.on, MemberEvent.id"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="Consent.given_on"
    )


class MemberEvent(Audited, Base):
    """One change in a membership, with its date: joined, moved (転居), left (退会/転出), died."""

    __tablename__ = "member_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # joined, moved, household, withdrawn, moved_out, deceased, rejoined
    on: Mapped[date] = mapped_column(Date)
    # what it was (address, household, status)
    from_text: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    to_text: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    note: Mapped[str] = mapped_column(Text, default="", info={"personal": True})

    member: Mapped[Member] = relationship(back_populates="events")


class Consent(Audited, Timestamped, Base):
    """個人情報の取扱いへの同意: for one purpose (e.g. 名簿の作成, 市への提出), given on a date."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(100))
    given_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", info={"personal": True})

    member: Mapped[Member] = relationship(back_populates="consents")
