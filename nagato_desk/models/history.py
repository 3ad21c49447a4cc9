"""変更履歴: every insert, update and delete of an audited record, with who, when and old → new."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nagato_desk.models.base import Base


class ChangeLog(Base):
    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user: Mapped[str] = mapped_column(String(100))
    table_name: Mapped[str] = mapped_column(String(60), index=True)
    row_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(20))  # insert, update, delete, or an event such as export
    changes: Mapped[str] = mapped_column(Text, default="")  # JSON: {field: [old, new]}
    note: Mapped[str] = mapped_column(Text, default="")
