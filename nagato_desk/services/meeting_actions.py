"""会議で決まった取組 (who does what by when): kept on an open list across meetings until done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import AgendaItem, Meeting, MeetingAction, Member
from nagato_desk.services.council import clean_text
from nagato_desk.services.links import require_links
from nagato_desk.services.meetings import get_meeting, meeting_title


@dataclass
class ActionDraft:
    what: str
    who_member_id: int | None = None
    who_text: str = ""  # 事務局, 福祉部会 … when not one person
    due_on: date | None = None
    done_on: date | None = None
    agenda_item_id: int | None = None
    note: str = ""
    plan_action_id: int | None = None  # → plan_action.id (夢プランの取組)


def _validate(session: Session, meeting_id: int, draft: ActionDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not (draft.what or "").strip():
        problems.append(Problem("取組の内容を入力してください。", "Enter what is to be done.", field="what"))
    if draft.who_member_id is not None:
        who = session.get(Member, draft.who_member_id)
        if who is None or who.deleted_at is not None:
            problems.append(
                Problem("担当者の会員が見つかりません。", "The person does not exist.", "who_member_id")
            )
    if len(clean_text(draft.who_text)) > 100:
        problems.append(Problem("担当は100文字以内にしてください。", "'Who' is too long.", field="who_text"))
    if draft.agenda_item_id is not None:
        item = session.get(AgendaItem, draft.agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            problems.append(
                Problem(
                    "議案はこの会議のものを選んでください。", "Not an item of this meeting.", "agenda_item_id"
                )
            )
    return problems


def _apply(action: MeetingAction, draft: ActionDraft) -> None:
    action.what = draft.what.strip()
    action.who_member_id = draft.who_member_id
    action.who_text = clean_text(draft.who_text)
    action.due_on, action.done_on = draft.due_on, draft.done_on
    action.agenda_item_id = draft.agenda_item_id
    action.note = (draft.note or "").strip()
    action.plan_action_id = draft.plan_action_id


def add_action(session: Session, meeting_id: int, draft: ActionDraft) -> MeetingAction:
    m = get_meeting(session, meeting_id)
    problems = _validate(session, m.id, draft)
    if problems:
        raise ValidationError(problems)
    action = MeetingAction(meeting_id=m.id)
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    _apply(action, draft)
    session.add(action)
    session.flush()
    return action


def get_action(session: Session, action_id: int) -> MeetingAction:
    action = session.get(MeetingAction, action_id)
    if action is None:
        raise problem("指定された取組が見つかりません。", "That action does not exist.")
    return action


def action_draft_of(a: MeetingAction) -> ActionDraft:
    return ActionDraft(
        a.what, a.who_member_id, a.who_text, a.due_on, a.done_on, a.agenda_item_id, a.note, a.plan_action_id
    )


def update_action(session: Session, action_id: int, draft: ActionDraft) -> MeetingAction:
    action = get_action(session, action_id)
    problems = _validate(session, action.meeting_id, draft)
    if problems:
        raise ValidationError(problems)
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    _apply(action, draft)
    session.flush()
    return action


def mark_done(session: Session, action_id: int, done_on: date | None) -> MeetingAction:
    """Done on ``done_on`` (None reopens it)."""
    action = get_action(session, action_id)
    action.done_on = done_on
    session.flush()
    return action


def delete_action(session: Session, action_id: int) -> None:
    session.delete(get_action(session, action_id))
    session.flush()


@dataclass(frozen=True)
class ActionRow:
    id: int
    meeting_id: int
    meeting_number: int
    meeting_title: str
    held_on: date
    who: str
    what: str
    due_on: date | None
    done_on: date | None
    overdue: bool
    plan_action_id: int | None


def _rows(session: Session, stmt, today: date) -> list[ActionRow]:
    rows = []
    for a in session.scalars(stmt).unique():
        m = a.meeting
        who = a.who.name if a.who is not None else ""
        if a.who_text:
            who = f"{who}（{a.who_text}）" if who else a.who_text
        overdue = a.done_on is None and a.due_on is not None and a.due_on < today
        rows.append(
            ActionRow(
                a.id, m.id, m.number, meeting_title(m), m.held_on, who, a.what, a.due_on, a.done_on, overdue,
                a.plan_action_id,
            )
        )  # fmt: skip
    return rows


def open_actions(session: Session, today: date | None = None) -> list[ActionRow]:
    """Every action not done, across meetings (not those of meetings in the trash): earliest due date
    first (no date last), then the meeting's date."""
    today = today or date.today()
    stmt = (
        select(MeetingAction)
        .join(MeetingAction.meeting)
        .where(MeetingAction.done_on.is_(None), Meeting.deleted_at.is_(None))
        .order_by(MeetingAction.due_on.is_(None), MeetingAction.due_on, Meeting.held_on, MeetingAction.id)
    )
    return _rows(session, stmt, today)


def meeting_actions(session: Session, meeting_id: int, today: date | None = None) -> list[ActionRow]:
    """The actions agreed at one meeting, done ones included, in the order they were added."""
    stmt = select(MeetingAction).join(MeetingAction.meeting).where(MeetingAction.meeting_id == meeting_id)
    return _rows(session, stmt.order_by(MeetingAction.id), today or date.today())
