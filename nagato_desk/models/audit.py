"""監査: the 監事's audit of a fiscal year's accounts, and who audited."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

AUDIT_RESULTS = {"proper": "適正", "qualified": "指摘事項あり"}


class Audit(Audited, Timestamped, Base):
    __tablename__ = "audit"
    __table_args__ = {"info": {"label": "監査"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "年度"})
    audited_on: Mapped[date] = mapped_column(Date, info={"label": "監査日"})
    result: Mapped[str] = mapped_column(
        String(12), default="proper", info={"label": "結果", "values": AUDIT_RESULTS}
    )
    place: Mapped[str] = mapped_column(String(100), default="", info={"label": "場所"})
    remarks: Mapped[str] = mapped_column(Text, default="", info={"label": "意見・指摘事項"})

    auditors: Mapped[list[AuditAuditor]] = relationship(
        cascade="all, delete-orphan", order_by="AuditAuditor.id"
    )


class AuditAuditor(Audited, Timestamped, Base):
    __tablename__ = "audit_auditor"
    __table_args__ = {"info": {"label": "監査した監事"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(
        ForeignKey("audit.id", ondelete="CASCADE"), index=True, info={"label": "監査"}
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), index=True, info={"label": "監事"}
    )
