"""役員選任: an election approved at a meeting (usually the 総会's 役員改選) becomes officer terms in the
roster, in one action. The terms are ordinary ``OfficerTerm`` rows made through ``services/officers.py``
(so the roster's officer list shows them), linked to the agenda item (``ElectedTerm``) so the meeting
shows who was elected and a term shows the meeting that elected it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import ElectedTerm, OfficerTerm
from nagato_desk.services import officers
from nagato_desk.services.meetings import get_meeting, meeting_label, meeting_title
from nagato_desk.services.officers import TermDraft
from nagato_desk.services.votes import get_agenda_item, item_label


@dataclass
class ElectionLine:
    """One person elected to one role (of a 部会 for 部会長)."""

    member_id: int
    role_id: int
    committee_id: int | None = None
    chosen_by_association_id: int | None = None  # 選出母体: the 自治会 that put them forward
    chosen_by_text: str = ""  # empty: the meeting's title (「令和8年度定期総会」)
    notes: str = ""


@dataclass
class ElectionDraft:
    lines: list[ElectionLine] = field(default_factory=list)
    starts_on: date | None = None  # empty: the meeting date
    ends_on: date | None = None  # the end of the term (任期), e.g. two years on
    end_previous: bool = True  # close the terms of whoever holds these roles, the day before


def record_election(session: Session, item_id: int, draft: ElectionDraft) -> list[OfficerTerm]:
    """Make the elected terms from a passed 審議事項 (its subject becomes 役員選任). With ``end_previous``
    the current terms of the same roles (and 部会) that began before ``starts_on`` end the day before.
    All or nothing: on any problem nothing is written."""
    item = get_agenda_item(session, item_id)
    m = get_meeting(session, item.meeting_id)
    if item.section != "deliberation":
        raise problem(
            "役員選任は審議事項として登録してください。", "An election must be a deliberation item."
        )
    if item.result != "passed":
        raise problem(
            f"{item_label(item)}が可決されていないため、役員の任期を登録できません。先に採決を入力してください。",
            "The item has not been passed; record the vote first.",
        )
    if not draft.lines:
        raise problem("選任された人を1人以上入力してください。", "Enter at least one person.", field="lines")
    starts_on = draft.starts_on or m.held_on
    made: list[OfficerTerm] = []
    with session.begin_nested():
        if draft.end_previous:
            _end_previous(session, draft.lines, starts_on)
        problems: list[Problem] = []
        for row, line in enumerate(draft.lines, start=1):
            term_draft = TermDraft(
                member_id=line.member_id,
                role_id=line.role_id,
                starts_on=starts_on,
                ends_on=draft.ends_on,
                committee_id=line.committee_id,
                chosen_by_association_id=line.chosen_by_association_id,
                chosen_by_text=line.chosen_by_text
                or ("" if line.chosen_by_association_id else meeting_title(m)),
                notes=line.notes,
            )
            try:
                term = officers.add_term(session, term_draft)
            except ValidationError as exc:
                problems += [replace(p, row=row) for p in exc.problems]
                continue
            item.elected_terms.append(ElectedTerm(officer_term_id=term.id))
            made.append(term)
        if problems:
            raise ValidationError(problems)
        item.subject = "election"
        session.flush()
    return made


def _end_previous(session: Session, lines: list[ElectionLine], starts_on: date) -> None:
    day_before = starts_on - timedelta(days=1)
    for role_id, committee_id in {(ln.role_id, ln.committee_id) for ln in lines}:
        stmt = select(OfficerTerm).where(
            OfficerTerm.role_id == role_id,
            OfficerTerm.committee_id.is_(None)
            if committee_id is None
            else OfficerTerm.committee_id == committee_id,
            OfficerTerm.starts_on < starts_on,
            or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= starts_on),
        )
        for term in session.scalars(stmt):
            officers.end_term(session, term.id, day_before)


def attach_terms(session: Session, item_id: int, term_ids: list[int]) -> None:
    """Link terms already in the roster to the election item that made them (entered before the
    meeting was recorded)."""
    item = get_agenda_item(session, item_id)
    have = {e.officer_term_id for e in item.elected_terms}
    for term_id in term_ids:
        officers.get_term(session, term_id)
        other = session.scalar(select(ElectedTerm).where(ElectedTerm.officer_term_id == term_id))
        if other is not None and other.agenda_item_id != item.id:
            raise problem(
                "この任期はすでに別の議案に結び付いています。", "The term is linked to another item."
            )
        if term_id not in have:
            item.elected_terms.append(ElectedTerm(officer_term_id=term_id))
    item.subject = "election"
    session.flush()


def elected_rows(session: Session, item_id: int) -> list[officers.OfficerRow]:
    """Who the item elected, by role order then 50音 (as the officer list shows them)."""
    item = get_agenda_item(session, item_id)
    ids = {e.officer_term_id for e in item.elected_terms}
    if not ids:
        return []
    rows = [
        r
        for m in {e.officer_term.member_id for e in item.elected_terms}
        for r in officers.role_history(session, m)
    ]
    rows = [r for r in rows if r.term_id in ids]
    return sorted(rows, key=lambda r: (r.role_order, r.reading, r.term_id))


def election_of_term(session: Session, term_id: int) -> str | None:
    """「No.3 令和8年5月20日 令和8年度定期総会 第4号議案」: the meeting that elected a term, if any."""
    link = session.scalar(select(ElectedTerm).where(ElectedTerm.officer_term_id == term_id))
    if link is None:
        return None
    item = link.agenda_item
    return f"{meeting_label(item.meeting)} {item_label(item)}"
