"""Before anonymising (匿名化): may this member be anonymised, and what exactly will be erased —
for the confirmation the window shows and the refusal the command line prints, before any backup."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nagato_desk.errors import NagatoError
from nagato_desk.models import ChangeLog, Consent, Member, MemberEvent

#: Member fields erased, with their names (services/member_anonymise.py CLEARED).
ERASED_FIELDS = (
    ("name", "氏名"),
    ("reading", "ふりがな"),
    ("birth_date", "生年月日"),
    ("postal_code", "郵便番号"),
    ("address", "住所"),
    ("phone", "電話"),
    ("mobile", "携帯"),
    ("email", "メール"),
    ("notes", "備考"),
    ("household_id", "世帯"),
    ("block_id", "班"),
)
KEPT = "自治会・性別・生まれ年・状態・入会日と退会日（統計と会議の記録のため）"


@dataclass(frozen=True)
class AnonymisePreview:
    member_id: int
    name: str
    erased: list[str]  # the names of the fields that hold something now
    events: int  # 異動 records whose texts are erased
    consents: int  # 同意 records whose notes are erased
    history_rows: int  # change-history rows of this person whose old values are erased
    kept: str = KEPT


def check_can_anonymise(session: Session, member_id: int) -> Member:
    """The member, when they may be anonymised; else a NagatoError saying why (as anonymise_member)."""
    member = session.get(Member, member_id)
    if member is None:
        raise NagatoError(f"会員（番号 {member_id}）が見つかりません。", f"Member {member_id} not found.")
    if member.anonymised:
        raise NagatoError(
            f"会員（番号 {member_id}）はすでに匿名化されています。",
            f"Member {member_id} has already been anonymised.",
        )
    if member.status == "active":
        raise NagatoError(
            "在籍中の会員は匿名化できません。先に退会・転出・死亡の手続きをしてください。",
            "An active member cannot be anonymised. Record that they left first.",
        )
    return member


def can_anonymise(session: Session, member_id: int) -> bool:
    try:
        check_can_anonymise(session, member_id)
    except NagatoError:
        return False
    return True


def anonymise_preview(session: Session, member_id: int) -> AnonymisePreview:
    """What anonymising ``member_id`` will erase (refused as :func:`check_can_anonymise`)."""
    member = check_can_anonymise(session, member_id)
    erased = [label for field, label in ERASED_FIELDS if getattr(member, field) not in (None, "")]
    events = [e.id for e in session.scalars(select(MemberEvent).where(MemberEvent.member_id == member_id))]
    consents = [c.id for c in session.scalars(select(Consent).where(Consent.member_id == member_id))]
    conditions = [(ChangeLog.table_name == "member") & (ChangeLog.row_id == member_id)]
    if events:
        conditions.append((ChangeLog.table_name == "member_event") & ChangeLog.row_id.in_(events))
    if consents:
        conditions.append((ChangeLog.table_name == "consent") & ChangeLog.row_id.in_(consents))
    history = session.scalar(select(func.count()).select_from(ChangeLog).where(or_(*conditions))) or 0
    return AnonymisePreview(member.id, member.name, erased, len(events), len(consents), history)
