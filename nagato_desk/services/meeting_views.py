"""What the 会議 window needs to fill its choices that the meeting services do not give directly."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.models import Meeting


def meeting_years(session: Session) -> list[int]:
    """The fiscal years that have a meeting (not in the trash), newest first."""
    stmt = select(Meeting.fiscal_year).where(Meeting.deleted_at.is_(None)).distinct()
    return sorted(session.scalars(stmt), reverse=True)
