"""基本目標: the goals of a dream plan version, one field of activity (活動分野) each, in order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import PLAN_FIELDS, Goal
from nagato_desk.services.council import clean_text
from nagato_desk.services.ordering import move_in_order
from nagato_desk.services.plans import editable_version, get_version

GOAL_TITLE_MAX = 200


@dataclass
class GoalDraft:
    field: str  # one of PLAN_FIELDS
    title: str
    description: str = ""


def validate_goal(draft: GoalDraft) -> list[Problem]:
    problems = []
    if clean_text(draft.field) not in PLAN_FIELDS:
        problems.append(
            Problem(
                f"活動分野「{draft.field}」は一覧（{'・'.join(PLAN_FIELDS[:3])} …）から選んでください。",
                f"Choose the field '{draft.field}' from the list.",
                field="field",
            )
        )
    title = clean_text(draft.title)
    if not title:
        problems.append(Problem("基本目標を入力してください。", "Enter the goal.", field="title"))
    elif len(title) > GOAL_TITLE_MAX:
        problems.append(
            Problem(
                f"基本目標は{GOAL_TITLE_MAX}文字以内にしてください。",
                f"The goal is longer than {GOAL_TITLE_MAX} characters.",
                field="title",
            )
        )
    return problems


def list_goals(session: Session, version_id: int) -> list[Goal]:
    """Goals of a version in the plan's order (any version, old ones too)."""
    get_version(session, version_id)
    return list(
        session.scalars(select(Goal).where(Goal.version_id == version_id).order_by(Goal.sort_order, Goal.id))
    )


def get_goal(session: Session, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise problem("指定された基本目標が見つかりません。", "That goal does not exist.", field="goal_id")
    return goal


def editable_goal(session: Session, goal_id: int) -> Goal:
    goal = get_goal(session, goal_id)
    editable_version(session, goal.version_id)
    return goal


def add_goal(session: Session, version_id: int, draft: GoalDraft) -> Goal:
    """A goal at the end of the current version's list."""
    editable_version(session, version_id)
    problems = validate_goal(draft)
    if problems:
        raise ValidationError(problems)
    last = max((g.sort_order for g in list_goals(session, version_id)), default=0)
    goal = Goal(
        version_id=version_id,
        field=clean_text(draft.field),
        title=clean_text(draft.title),
        description=clean_text(draft.description),
        sort_order=last + 1,
    )
    session.add(goal)
    session.flush()
    return goal


def update_goal(session: Session, goal_id: int, draft: GoalDraft) -> Goal:
    goal = editable_goal(session, goal_id)
    problems = validate_goal(draft)
    if problems:
        raise ValidationError(problems)
    goal.field = clean_text(draft.field)
    goal.title = clean_text(draft.title)
    goal.description = clean_text(draft.description)
    session.flush()
    return goal


def delete_goal(session: Session, goal_id: int) -> None:
    """Remove a goal with its actions, their years, indicators and evaluations (the change history keeps them)."""
    session.delete(editable_goal(session, goal_id))
    session.flush()


def move_goal(session: Session, goal_id: int, delta: int) -> None:
    """Move a goal up (delta -1) or down (+1); numbers every goal 1, 2, 3 …"""
    goal = editable_goal(session, goal_id)
    move_in_order(list_goals(session, goal.version_id), goal_id, delta)
    session.flush()


def set_goal_order(session: Session, version_id: int, goal_ids: list[int]) -> None:
    """Put the goals in the given order (drag and drop); ``goal_ids`` must be exactly the version's goals."""
    editable_version(session, version_id)
    goals = {g.id: g for g in list_goals(session, version_id)}
    if sorted(goal_ids) != sorted(goals):
        raise problem(
            "並べ替える基本目標が一致しません。", "The goals to order do not match.", field="goal_id"
        )
    for order, gid in enumerate(goal_ids, start=1):
        goals[gid].sort_order = order
    session.flush()
