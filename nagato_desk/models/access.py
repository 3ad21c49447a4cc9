"""The password that opens the program (optional), kept in the data file so it travels with the data
and the hand-over (引継ぎ); see docs/PRIVACY.md."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from nagato_desk.models.base import Audited, Base, Timestamped


class AccessPassword(Audited, Timestamped, Base):
    """At most one row: the password's slow salted hash (argon2id) and the idle minutes before the
    window locks itself. The hash is never written to the change history (only that it changed)."""

    __tablename__ = "access_password"
    __table_args__ = {"info": {"label": "起動パスワード"}}
    __audit_exclude__ = ("created_at", "updated_at", "password_hash")

    id: Mapped[int] = mapped_column(primary_key=True)
    # "$argon2id$v=19$m=…" (or "$scrypt$…" where argon2-cffi is missing); "" means no password
    password_hash: Mapped[str] = mapped_column(String(300), default="", info={"label": "パスワード"})
    idle_minutes: Mapped[int] = mapped_column(
        Integer, default=10, info={"label": "自動ロックまでの分数"}
    )  # 0: never lock
