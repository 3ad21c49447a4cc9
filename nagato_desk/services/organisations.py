"""団体会員・連携団体: organisations that are members of the council (老人クラブ, 婦人会, PTA …) or
partners of it (businesses, NPOs, schools, universities, city hall), each with a contact person.

Deleting moves an organisation to the trash, from which it can be restored.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import MemberOrganisation
from nagato_desk.reading import sort_key
from nagato_desk.services.council import clean_text

#: The kinds offered in the form (any other text is kept as typed).
ORGANISATION_KINDS: tuple[str, ...] = (
    "老人クラブ",
    "婦人会",
    "PTA",
    "子ども会",
    "消防団",
    "地区社会福祉協議会",
    "民生委員・児童委員",
    "企業・事業所",
    "NPO",
    "学校",
    "大学",
    "行政",
    "その他",
)

_LIMITS = {  # field: (max length, Japanese label)
    "name": (200, "団体名"),
    "reading": (300, "ふりがな"),
    "kind": (40, "種別"),
    "contact_name": (100, "担当者名"),
    "contact_role": (100, "担当者の役職"),
    "phone": (40, "電話番号"),
    "email": (200, "メールアドレス"),
    "address": (300, "所在地"),
}


def _key(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


_KIND_BY_KEY = {_key(k): k for k in ORGANISATION_KINDS}


@dataclass
class OrganisationDraft:
    """What the organisation form collects; ``is_member``: 団体会員 (True) or 連携団体 (False)."""

    name: str
    reading: str = ""
    kind: str = ""
    is_member: bool = True
    contact_name: str = ""
    contact_role: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""


def _clean(draft: OrganisationDraft) -> dict[str, object]:
    values: dict[str, object] = {f: clean_text(getattr(draft, f)) for f in _LIMITS}
    kind = str(values["kind"])
    values["kind"] = _KIND_BY_KEY.get(_key(kind), kind)  # ＰＴＡ, ｎｐｏ → the listed spelling
    values["is_member"] = bool(draft.is_member)
    values["notes"] = (draft.notes or "").strip()
    return values


def _validate(session: Session, values: dict[str, object], exclude_id: int | None = None) -> None:
    problems: list[Problem] = []
    name = str(values["name"])
    if not name:
        problems.append(Problem("団体名を入力してください。", "Enter the organisation's name.", field="name"))
    for f, (limit, label) in _LIMITS.items():
        if len(str(values[f])) > limit:
            problems.append(
                Problem(f"{label}は{limit}文字以内にしてください。", f"{f} is longer than {limit}.", field=f)
            )
    phone = str(values["phone"])
    if phone and not any(ch.isdigit() for ch in phone):
        problems.append(
            Problem("電話番号に数字がありません。", "The phone number has no digits.", field="phone")
        )
    email = str(values["email"])
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        problems.append(
            Problem(
                "メールアドレスの形が正しくありません。", "The e-mail address looks wrong.", field="email"
            )
        )
    if name:
        clash = next(
            (o for o in list_organisations(session) if _key(o.name) == _key(name) and o.id != exclude_id),
            None,
        )
        if clash is not None:
            problems.append(
                Problem(
                    f"団体「{clash.name}」はすでに登録されています。",
                    f"'{clash.name}' is already registered.",
                    field="name",
                )
            )
    if problems:
        raise ValidationError(problems)


def add_organisation(session: Session, draft: OrganisationDraft) -> MemberOrganisation:
    values = _clean(draft)
    _validate(session, values)
    org = MemberOrganisation(**values)
    session.add(org)
    session.flush()
    return org


def get_organisation(session: Session, org_id: int, *, in_trash_ok: bool = False) -> MemberOrganisation:
    """One organisation (not one in the trash unless ``in_trash_ok``)."""
    org = session.get(MemberOrganisation, org_id)
    if org is None or (org.deleted_at is not None and not in_trash_ok):
        raise problem("指定された団体が見つかりません。", "That organisation does not exist.")
    return org


def update_organisation(session: Session, org_id: int, draft: OrganisationDraft) -> MemberOrganisation:
    org = get_organisation(session, org_id)
    values = _clean(draft)
    _validate(session, values, exclude_id=org_id)
    for f, v in values.items():
        setattr(org, f, v)
    session.flush()
    return org


def delete_organisation(session: Session, org_id: int) -> None:
    """Move to the trash (ごみ箱); :func:`restore_organisation` brings it back."""
    get_organisation(session, org_id).deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_organisation(session: Session, org_id: int) -> MemberOrganisation:
    org = get_organisation(session, org_id, in_trash_ok=True)
    if org.deleted_at is None:
        return org
    clash = next((o for o in list_organisations(session) if _key(o.name) == _key(org.name)), None)
    if clash is not None:
        raise problem(
            f"同じ名前の団体「{clash.name}」があるため元に戻せません。先に名前を変えてください。",
            f"An organisation named '{clash.name}' exists; rename it first.",
        )
    org.deleted_at = None
    session.flush()
    return org


def list_organisations(
    session: Session,
    kind: str | None = None,
    is_member: bool | None = None,
    include_deleted: bool = False,
) -> list[MemberOrganisation]:
    """Organisations in 50音 order of their reading (the name where no reading is recorded)."""
    stmt = select(MemberOrganisation)
    if not include_deleted:
        stmt = stmt.where(MemberOrganisation.deleted_at.is_(None))
    if kind is not None:
        stmt = stmt.where(MemberOrganisation.kind == _KIND_BY_KEY.get(_key(kind), clean_text(kind)))
    if is_member is not None:
        stmt = stmt.where(MemberOrganisation.is_member.is_(bool(is_member)))
    rows = list(session.scalars(stmt))
    rows.sort(key=lambda o: (sort_key(o.reading or o.name), o.id))
    return rows


def draft_of(org: MemberOrganisation) -> OrganisationDraft:
    return OrganisationDraft(
        name=org.name,
        reading=org.reading,
        kind=org.kind,
        is_member=org.is_member,
        contact_name=org.contact_name,
        contact_role=org.contact_role,
        phone=org.phone,
        email=org.email,
        address=org.address,
        notes=org.notes,
    )
