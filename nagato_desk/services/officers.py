"""役員: the editable list of roles (役職) and who held which role when (任期).

A person holds several roles over the years; each term is one row, ``ends_on`` empty while in
office. Both ends of a term are days in office (a term ending on 31 March covers that day).
The officer list as of any date and a person's role history are read from these rows; the data
check (``services/check.py``) runs the consistency rules at the end of this module.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from nagato_desk.dates import format_date
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Committee, Member, NeighbourhoodAssociation, OfficerTerm, Role
from nagato_desk.services.council import clean_text
from nagato_desk.services.member_stats import member_age
from nagato_desk.services.ordering import move_in_order, required_name

#: The roles a new council starts with, in this order (監事 is the auditor).
DEFAULT_ROLES: tuple[str, ...] = ("会長", "副会長", "事務局長", "会計", "監事", "部会長", "役員", "顧問")
AUDITOR_ROLES: frozenset[str] = frozenset({"監事"})
#: Roles that only one person holds at a time (per committee); the data check warns otherwise.
SINGLE_HOLDER_ROLES: tuple[str, ...] = ("会長", "事務局長", "会計")
ROLE_NAME_MAX = 50
CHOSEN_BY_MAX = 100


def role_key(name: str | None) -> str:
    """How role names are compared: NFKC, without any spaces (「会 長」 and 「会長」 are one role)."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())


# -- roles ---------------------------------------------------------------------------------


def list_roles(session: Session, include_inactive: bool = False) -> list[Role]:
    stmt = select(Role).order_by(Role.sort_order, Role.id)
    if not include_inactive:
        stmt = stmt.where(Role.active.is_(True))
    return list(session.scalars(stmt))


def role_by_name(session: Session, name: str) -> Role | None:
    """The role named ``name`` (active or not), compared as :func:`role_key` does."""
    key = role_key(name)
    if not key:
        return None
    return next((r for r in list_roles(session, include_inactive=True) if role_key(r.name) == key), None)


def ensure_default_roles(session: Session) -> None:
    """Give a council without any role the :data:`DEFAULT_ROLES`; does nothing once any role exists.

    Only an empty list is filled, so a role the council renamed (役員 → 理事) or removed is never
    put back. An importer that creates roles should call this first.
    """
    if session.scalar(select(func.count()).select_from(Role)):
        return
    for order, name in enumerate(DEFAULT_ROLES, start=1):
        session.add(Role(name=name, sort_order=order, is_auditor=name in AUDITOR_ROLES, active=True))
    session.flush()


def _role(session: Session, role_id: int) -> Role:
    role = session.get(Role, role_id)
    if role is None:
        raise problem("指定された役職が見つかりません。", "That role does not exist.", field="role_id")
    return role


def _check_role_name(session: Session, name: str, exclude_id: int | None = None) -> str:
    name = required_name(name, "役職名", "role name", ROLE_NAME_MAX)
    clash = role_by_name(session, name)
    if clash is not None and clash.id != exclude_id:
        raise problem(
            f"役職「{clash.name}」はすでにあります。",
            f"The role '{clash.name}' already exists.",
            field="name",
        )
    return name


def add_role(session: Session, name: str) -> Role:
    name = _check_role_name(session, name)
    last = session.scalar(select(func.max(Role.sort_order))) or 0
    role = Role(name=name, sort_order=last + 1, is_auditor=role_key(name) in AUDITOR_ROLES, active=True)
    session.add(role)
    session.flush()
    return role


def rename_role(session: Session, role_id: int, name: str) -> Role:
    role = _role(session, role_id)
    role.name = _check_role_name(session, name, exclude_id=role_id)
    session.flush()
    return role


def move_role(session: Session, role_id: int, delta: int) -> None:
    """Move a role up (delta -1) or down (+1) in the list (the order of the officer list)."""
    _role(session, role_id)
    move_in_order(list_roles(session, include_inactive=True), role_id, delta)
    session.flush()


def set_role_active(session: Session, role_id: int, active: bool) -> Role:
    """An inactive role is no longer offered for new terms; the terms that used it keep it."""
    role = _role(session, role_id)
    role.active = bool(active)
    session.flush()
    return role


def remove_role(session: Session, role_id: int) -> None:
    role = _role(session, role_id)
    used = session.scalar(select(func.count()).where(OfficerTerm.role_id == role_id)) or 0
    if used:
        raise problem(
            f"役職「{role.name}」は{used}件の任期で使われているため削除できません。"
            "使わなくなった役職は「使用しない」にしてください。",
            f"The role '{role.name}' is used by {used} term(s) and cannot be removed; make it inactive.",
        )
    session.delete(role)
    session.flush()


# -- terms ---------------------------------------------------------------------------------


@dataclass
class TermDraft:
    """What the term form collects: who, which role (of which 部会), from when to when, chosen by whom."""

    member_id: int
    role_id: int
    starts_on: date
    ends_on: date | None = None
    committee_id: int | None = None
    chosen_by_association_id: int | None = None  # 選出母体: a 自治会 …
    chosen_by_text: str = ""  # … or another body in words (老人クラブ, 公募)
    notes: str = ""


def term_span(starts_on: date, ends_on: date | None) -> str:
    """「令和6年4月1日〜令和8年3月31日」, or 「令和6年4月1日〜」 while in office."""
    end = format_date(ends_on) if ends_on else ""
    return f"{format_date(starts_on)}〜{end}"


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


def _validate_term(session: Session, draft: TermDraft, exclude_id: int | None = None) -> list[Problem]:
    problems: list[Problem] = []
    member = session.get(Member, draft.member_id) if draft.member_id is not None else None
    if member is None:
        problems.append(
            Problem("指定された会員が見つかりません。", "That member does not exist.", field="member_id")
        )
    elif member.deleted_at is not None:
        problems.append(
            Problem(
                f"{member.name}さんはごみ箱にあるため、役職を登録できません。",
                f"{member.name} is in the trash.",
                field="member_id",
            )
        )
    role = session.get(Role, draft.role_id) if draft.role_id is not None else None
    if role is None:
        problems.append(
            Problem("指定された役職が見つかりません。", "That role does not exist.", field="role_id")
        )
    committee = None
    if draft.committee_id is not None:
        committee = session.get(Committee, draft.committee_id)
        if committee is None or committee.deleted_at is not None:
            problems.append(
                Problem(
                    "指定された部会が見つかりません。", "That committee does not exist.", field="committee_id"
                )
            )
    if draft.chosen_by_association_id is not None and (
        session.get(NeighbourhoodAssociation, draft.chosen_by_association_id) is None
    ):
        problems.append(
            Problem(
                "選出母体の自治会が見つかりません。",
                "The choosing association does not exist.",
                field="chosen_by_association_id",
            )
        )
    if len(clean_text(draft.chosen_by_text)) > CHOSEN_BY_MAX:
        problems.append(
            Problem(
                f"選出母体は{CHOSEN_BY_MAX}文字以内にしてください。",
                f"'Chosen by' is longer than {CHOSEN_BY_MAX} characters.",
                field="chosen_by_text",
            )
        )
    if not isinstance(draft.starts_on, date):
        problems.append(
            Problem("任期の開始日を入力してください。", "Enter the start date.", field="starts_on")
        )
        return problems
    if draft.ends_on is not None and draft.ends_on < draft.starts_on:
        problems.append(
            Problem(
                f"任期の終了日（{format_date(draft.ends_on)}）が開始日（{format_date(draft.starts_on)}）より前です。",
                f"The term ends ({draft.ends_on}) before it starts ({draft.starts_on}).",
                field="ends_on",
            )
        )
    if problems or member is None or role is None:
        return problems
    others = session.scalars(
        select(OfficerTerm).where(
            OfficerTerm.member_id == draft.member_id,
            OfficerTerm.role_id == draft.role_id,
            OfficerTerm.committee_id.is_(None)
            if draft.committee_id is None
            else OfficerTerm.committee_id == draft.committee_id,
            OfficerTerm.id != (exclude_id or 0),
        )
    )
    label = f"{committee.name}の{role.name}" if committee else role.name
    for other in others:
        if _overlaps(draft.starts_on, draft.ends_on, other.starts_on, other.ends_on):
            problems.append(
                Problem(
                    f"{member.name}さんの「{label}」の任期（{term_span(draft.starts_on, draft.ends_on)}）が、"
                    f"登録済みの任期（{term_span(other.starts_on, other.ends_on)}）と重なっています。",
                    f"{member.name}'s term as {role.name} ({draft.starts_on} to {draft.ends_on or 'now'}) "
                    f"overlaps the term from {other.starts_on} to {other.ends_on or 'now'}.",
                    field="starts_on",
                )
            )
    return problems


def _apply(term: OfficerTerm, draft: TermDraft) -> None:
    term.member_id = draft.member_id
    term.role_id = draft.role_id
    term.committee_id = draft.committee_id
    term.starts_on = draft.starts_on
    term.ends_on = draft.ends_on
    term.chosen_by_association_id = draft.chosen_by_association_id
    term.chosen_by_text = clean_text(draft.chosen_by_text)
    term.notes = (draft.notes or "").strip()


def add_term(session: Session, draft: TermDraft) -> OfficerTerm:
    problems = _validate_term(session, draft)
    if problems:
        raise ValidationError(problems)
    term = OfficerTerm()
    _apply(term, draft)
    session.add(term)
    session.flush()
    return term


def get_term(session: Session, term_id: int) -> OfficerTerm:
    """One officer term (a clear message if it does not exist)."""
    term = session.get(OfficerTerm, term_id)
    if term is None:
        raise problem("指定された任期の記録が見つかりません。", "That term does not exist.")
    return term


def term_draft_of(term: OfficerTerm) -> TermDraft:
    return TermDraft(
        member_id=term.member_id,
        role_id=term.role_id,
        starts_on=term.starts_on,
        ends_on=term.ends_on,
        committee_id=term.committee_id,
        chosen_by_association_id=term.chosen_by_association_id,
        chosen_by_text=term.chosen_by_text,
        notes=term.notes,
    )


def update_term(session: Session, term_id: int, draft: TermDraft) -> OfficerTerm:
    term = get_term(session, term_id)
    problems = _validate_term(session, draft, exclude_id=term_id)
    if problems:
        raise ValidationError(problems)
    _apply(term, draft)
    session.flush()
    return term


def end_term(session: Session, term_id: int, ends_on: date) -> OfficerTerm:
    """Close a term: ``ends_on`` is the last day in office (退任日)."""
    term = get_term(session, term_id)
    return update_term(session, term_id, replace(term_draft_of(term), ends_on=ends_on))


def delete_term(session: Session, term_id: int) -> None:
    session.delete(get_term(session, term_id))
    session.flush()


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerRow:
    """One term as lists and reports show it; ``chosen_by`` is the 自治会's name or the text."""

    term_id: int
    member_id: int
    role: str
    role_order: int
    committee: str
    name: str
    reading: str
    gender: str
    age: int | None
    chosen_by: str
    starts_on: date
    ends_on: date | None
    address: str
    phone: str


def _row(term: OfficerTerm, age_date: date) -> OfficerRow:
    m = term.member
    household = m.household
    return OfficerRow(
        term_id=term.id,
        member_id=m.id,
        role=term.role.name,
        role_order=term.role.sort_order,
        committee=term.committee.name if term.committee else "",
        name=m.name,
        reading=m.reading,
        gender=m.gender,
        age=member_age(m.birth_date, m.birth_year, age_date),
        chosen_by=term.chosen_by_association.name if term.chosen_by_association else term.chosen_by_text,
        starts_on=term.starts_on,
        ends_on=term.ends_on,
        # people are often recorded at their household's address and phone only
        address=m.address or (household.address if household else ""),
        phone=m.phone or m.mobile or (household.phone if household else ""),
    )


def _terms_query():
    return (
        select(OfficerTerm)
        .join(OfficerTerm.member)
        .join(OfficerTerm.role)
        .outerjoin(OfficerTerm.committee)
        .options(
            joinedload(OfficerTerm.member).joinedload(Member.household),
            joinedload(OfficerTerm.role),
            joinedload(OfficerTerm.committee),
            joinedload(OfficerTerm.chosen_by_association),
        )
    )


def officers_as_of(session: Session, on: date) -> list[OfficerRow]:
    """Everyone in office on ``on`` (the first and last day of a term included), people in the
    trash left out; by role order, then 50音. Ages are on ``on``."""
    stmt = (
        _terms_query()
        .where(Member.deleted_at.is_(None), OfficerTerm.starts_on <= on)
        .where(or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= on))
        .order_by(Role.sort_order, Role.id, Member.reading_key, Committee.sort_order, OfficerTerm.id)
    )
    return [_row(t, on) for t in session.scalars(stmt).unique()]


def role_history(session: Session, member_id: int) -> list[OfficerRow]:
    """Every term of one person, newest first; ages are on the day each term began."""
    stmt = (
        _terms_query()
        .where(OfficerTerm.member_id == member_id)
        .order_by(OfficerTerm.starts_on.desc(), OfficerTerm.id.desc())
    )
    return [_row(t, t.starts_on) for t in session.scalars(stmt).unique()]


# -- data check rules (registered in services/check.py) -------------------------------------


def _live_terms(session: Session) -> list[OfficerTerm]:
    stmt = _terms_query().where(Member.deleted_at.is_(None)).order_by(OfficerTerm.starts_on, OfficerTerm.id)
    return list(session.scalars(stmt).unique())


def _who(term: OfficerTerm) -> str:
    return f"{term.member.name}さん（{term_span(term.starts_on, term.ends_on)}）"


def _role_label(term: OfficerTerm) -> str:
    return f"{term.committee.name}の{term.role.name}" if term.committee else term.role.name


def check_overlapping_terms(session: Session) -> Iterable:
    """The same person twice in the same role (and 部会) at the same time: a double entry."""
    from nagato_desk.services.check import Finding

    terms = _live_terms(session)
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            same = (a.member_id, a.role_id, a.committee_id) == (b.member_id, b.role_id, b.committee_id)
            if same and _overlaps(a.starts_on, a.ends_on, b.starts_on, b.ends_on):
                yield Finding(
                    "error",
                    f"{a.member.name}さんの「{_role_label(a)}」の任期が重なっています："
                    f"{term_span(a.starts_on, a.ends_on)} と {term_span(b.starts_on, b.ends_on)}。",
                    f"{a.member.name}'s terms as {a.role.name} overlap: from {a.starts_on} and from {b.starts_on}.",
                )


def check_single_holders(session: Session) -> Iterable:
    """Two different people in a single-holder role (会長, 事務局長, 会計) at the same time."""
    from nagato_desk.services.check import Finding

    single = {role_key(n) for n in SINGLE_HOLDER_ROLES}
    terms = [t for t in _live_terms(session) if role_key(t.role.name) in single]
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            if (a.role_id, a.committee_id) != (b.role_id, b.committee_id) or a.member_id == b.member_id:
                continue
            if _overlaps(a.starts_on, a.ends_on, b.starts_on, b.ends_on):
                yield Finding(
                    "warning",
                    f"「{_role_label(a)}」が同じ時期に2人います：{_who(a)}と{_who(b)}。",
                    f"Two people are {a.role.name} at the same time: {a.member.name} and {b.member.name}.",
                )


def check_officers_who_left(session: Session) -> Iterable:
    """A term that goes on after the person left the council (退会・転出・死亡 with a date)."""
    from nagato_desk.services.check import Finding

    for t in _live_terms(session):
        left = t.member.left_on
        if left is not None and (t.ends_on is None or t.ends_on > left):
            yield Finding(
                "warning",
                f"{t.member.name}さんは{format_date(left)}に会員でなくなっていますが、"
                f"「{_role_label(t)}」の任期（{term_span(t.starts_on, t.ends_on)}）がその後も続いています。"
                "任期の終了日を入力してください。",
                f"{t.member.name} left on {left} but the term as {t.role.name} goes on after that.",
            )
