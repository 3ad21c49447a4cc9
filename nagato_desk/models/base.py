"""Declarative base with a constraint naming convention (so batch migrations can name what they alter)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    """When a row was created and last changed (local time of the office PC)."""

    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class Audited:
    """Mixin: every change to rows of this class is written to the change history (変更履歴).

    ``__audit_exclude__`` names columns that are not worth recording (derived search keys).
    """

    __audit_exclude__: tuple[str, ...] = ("created_at", "updated_at")


class Trashable:
    """Mixin: deleting moves the row to the trash (ごみ箱); it can be restored until emptied."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)
