"""Which data is personal (個人情報), and who agreed to what (同意の目的) — in one place.

A column is personal when its model says so: ``mapped_column(..., info={"personal": True})``.
:func:`personal_fields` lists them (table → columns with their Japanese names); docs/PRIVACY.md
explains the choice (a name is not marked: every roster needs it).

The purposes a person can consent to are ``services/members.py CONSENT_PURPOSES`` (the list the
member form offers); :func:`members_with_consent` gives the members whose consent to one of them
holds on a day — what a roster "for the city" may list.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from nagato_desk.errors import NagatoError
from nagato_desk.models import Base, Consent, Member
from nagato_desk.services.history_labels import field_labels
from nagato_desk.services.member_rules import clean
from nagato_desk.services.members import CONSENT_PURPOSES

#: The purpose a roster handed to the city needs (one of CONSENT_PURPOSES).
CITY_PURPOSE = "市への名簿の提出"


def personal_fields() -> dict[str, list[tuple[str, str]]]:
    """Every personal column of the data file: {table: [(column, 日本語の名前), …]}, tables in
    alphabetical order, columns in the order of the table."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(Base.metadata.tables):
        table = Base.metadata.tables[name]
        labels = field_labels(name)
        cols = [(c.name, labels.get(c.name, c.name)) for c in table.columns if c.info.get("personal")]
        if cols:
            found[name] = cols
    return found


def is_personal(table: str, column: str) -> bool:
    t = Base.metadata.tables.get(table)
    return t is not None and column in t.columns and bool(t.columns[column].info.get("personal"))


def consent_holds(as_of: date):  # type: ignore[no-untyped-def]
    """SQL condition on Consent: given on or before ``as_of`` and not withdrawn by then (as has_consent)."""
    return and_(Consent.given_on <= as_of, or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > as_of))


def consent_exists(purpose: str, as_of: date):  # type: ignore[no-untyped-def]
    """SQL condition on Member: their consent to ``purpose`` holds on ``as_of``."""
    return exists().where(
        Consent.member_id == Member.id, Consent.purpose == clean(purpose), consent_holds(as_of)
    )


def check_purpose(session: Session, purpose: str) -> str:
    """``purpose`` cleaned; refused when it is neither a known purpose nor one anybody consented to
    (a typing mistake would otherwise give an empty roster)."""
    cleaned = clean(purpose or "")
    if cleaned in CONSENT_PURPOSES:
        return cleaned
    if cleaned and session.scalar(select(Consent.id).where(Consent.purpose == cleaned).limit(1)):
        return cleaned
    known = "、".join(CONSENT_PURPOSES)
    raise NagatoError(
        f"同意の目的「{cleaned}」は登録されていません。次のどれかを指定してください：{known}",
        f"No one has consented to the purpose '{cleaned}'. Use one of: {', '.join(CONSENT_PURPOSES)}",
    )


def members_with_consent(session: Session, purpose: str, as_of: date | None = None) -> list[int]:
    """Ids of the members (not in the trash) whose consent to ``purpose`` holds on ``as_of``
    (default today), in id order. The status is not looked at: the caller chooses whom to list."""
    as_of = as_of or date.today()
    purpose = check_purpose(session, purpose)
    stmt = (
        select(Member.id)
        .where(Member.deleted_at.is_(None), consent_exists(purpose, as_of))
        .order_by(Member.id)
    )
    return list(session.scalars(stmt))
