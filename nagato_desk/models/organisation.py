"""団体会員・連携団体: organisations that are members of the council, or partners of it."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nagato_desk.models.base import Audited, Base, Timestamped, Trashable


class MemberOrganisation(Audited, Trashable, Timestamped, Base):
    __tablename__ = "member_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    reading: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(40), default="")  # 老人クラブ, PTA, 消防団, 企業, NPO, 大学 …
    is_member: Mapped[bool] = mapped_column(default=True)  # 団体会員 (True) or 連携団体 (False)
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_role: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="", info={"personal": True})
    email: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    address: Mapped[str] = mapped_column(String(300), default="", info={"personal": True})
    notes: Mapped[str] = mapped_column(Text, default="")
