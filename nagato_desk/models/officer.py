"""役職 (an editable list of roles) and 役員の任期 (who held which role, from when to when)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.committee import Committee
    from nagato_desk.models.council import NeighbourhoodAssociation
    from nagato_desk.models.member import Member


class Role(Audited, Timestamped, Base):
    """役職: 会長, 副会長, 事務局長, 会計, 監事, 部会長, 役員, 顧問 … (the list is the council's own)."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_auditor: Mapped[bool] = mapped_column(default=False)  # 監事: signs the audit report
    active: Mapped[bool] = mapped_column(default=True)


class OfficerTerm(Audited, Timestamped, Base):
    """One person in one role for a term (任期); ``ends_on`` empty while in office."""

    __tablename__ = "officer_term"
    __table_args__ = (CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="term_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="RESTRICT"), index=True)
    committee_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee.id", ondelete="SET NULL"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date, index=True)
    # 選出母体: the 自治会 that chose them, or another body named in words (老人クラブ, 公募 …)
    chosen_by_association_id: Mapped[int | None] = mapped_column(
        ForeignKey("neighbourhood_association.id", ondelete="SET NULL")
    )
    chosen_by_text: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="", info={"personal": True})

    member: Mapped[Member] = relationship()
    role: Mapped[Role] = relationship()
    committee: Mapped[Committee | None] = relationship()
    chosen_by_association: Mapped[NeighbourhoodAssociation | None] = relationship()
