"""世帯: a household — its address, 自治会 and 班, and who heads it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped, Trashable

if TYPE_CHECKING:
    from nagato_desk.models.council import Block, NeighbourhoodAssociation
    from nagato_desk.models.member import Member


class Household(Audited, Trashable, Timestamped, Base):
    __tablename__ = "household"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int | None] = mapped_column(
        ForeignKey("neighbourhood_association.id", ondelete="SET NULL"), index=True
    )
    block_id: Mapped[int | None] = mapped_column(ForeignKey("block.id", ondelete="SET NULL"), index=True)
    # The head is one of the members; the link is circular, so the constraint is added after both tables.
    head_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL", use_alter=True), index=True
    )
    postal_code: Mapped[str] = mapped_column(String(10), default="", info={"personal": True})
    address: Mapped[str] = mapped_column(String(300), default="", info={"personal": True})
    phone: Mapped[str] = mapped_column(String(40), default="", info={"personal": True})
    notes: Mapped[str] = mapped_column(Text, default="", info={"personal": True})

    association: Mapped[NeighbourhoodAssociation | None] = relationship()
    block: Mapped[Block | None] = relationship()
    head: Mapped[Member | None] = relationship(foreign_keys=[head_member_id], post_update=True)
    members: Mapped[list[Member]] = relationship(
        back_populates="household", foreign_keys="Member.household_id", order_by="Member.reading_key"
    )
