"""取組: the actions under a goal — what, who (a committee and partners), which fiscal years, cost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Committee, Goal, PlanAction, PlanActionYear
from nagato_desk.services.council import clean_text
from nagato_desk.services.goals import editable_goal, get_goal
from nagato_desk.services.ordering import move_in_order
from nagato_desk.services.plans import editable_version, get_version, plan_years

ACTION_TITLE_MAX = 200
COST_MAX = 10**12


@dataclass
class ActionDraft:
    title: str
    description: str = ""
    committee_id: int | None = None  # 実施主体 (部会)
    partners: str = ""  # 連携先 as text (大学, 事業者 …)
    estimated_cost: int | None = None  # 概算事業費 (yen, whole plan period)
    years: list[int] = field(default_factory=list)  # fiscal years planned, within the plan period


def _validate(session: Session, draft: ActionDraft, period: list[int]) -> list[Problem]:
    problems = []
    title = clean_text(draft.title)
    if not title:
        problems.append(Problem("取組の内容を入力してください。", "Enter the action.", field="title"))
    elif len(title) > ACTION_TITLE_MAX:
        problems.append(
            Problem(
                f"取組は{ACTION_TITLE_MAX}文字以内にしてください。",
                f"The action is longer than {ACTION_TITLE_MAX} characters.",
                field="title",
            )
        )
    if draft.committee_id is not None:
        committee = session.get(Committee, draft.committee_id)
        if committee is None or committee.deleted_at is not None:
            problems.append(
                Problem(
                    "指定された部会が見つかりません。", "That committee does not exist.", field="committee_id"
                )
            )
    cost = draft.estimated_cost
    if cost is not None:
        if isinstance(cost, bool) or not isinstance(cost, int):
            problems.append(
                Problem(
                    "概算事業費は円単位の整数で入力してください。",
                    "The cost must be whole yen.",
                    field="estimated_cost",
                )
            )
        elif not 0 <= cost < COST_MAX:
            problems.append(
                Problem(
                    "概算事業費は0円以上にしてください。",
                    "The cost cannot be negative.",
                    field="estimated_cost",
                )
            )
    problems.extend(year_grid_problems(draft.years, period))
    return problems


def year_grid_problems(years: Iterable[object], period: list[int]) -> list[Problem]:
    """Every year must be a fiscal year of the plan's period."""
    problems = []
    for y in years:
        if isinstance(y, bool) or not isinstance(y, int) or y not in period:
            problems.append(
                Problem(
                    f"{y}年度は計画期間（{period[0]}〜{period[-1]}年度）の外です。",
                    f"FY{y} is outside the plan period (FY{period[0]}–FY{period[-1]}).",
                    field="years",
                )
            )
    return problems


def _period_of_goal(goal: Goal) -> list[int]:
    return plan_years(goal.version.plan)


def list_actions(session: Session, goal_id: int) -> list[PlanAction]:
    get_goal(session, goal_id)
    return list(
        session.scalars(
            select(PlanAction)
            .where(PlanAction.goal_id == goal_id)
            .options(selectinload(PlanAction.years))
            .order_by(PlanAction.sort_order, PlanAction.id)
        )
    )


def actions_of_version(session: Session, version_id: int) -> list[PlanAction]:
    """Every action of a version, in the order of goals, then actions (the outline order)."""
    get_version(session, version_id)
    return list(
        session.scalars(
            select(PlanAction)
            .join(PlanAction.goal)
            .where(Goal.version_id == version_id)
            .options(
                selectinload(PlanAction.years),
                selectinload(PlanAction.committee),
                selectinload(PlanAction.goal),
            )
            .order_by(Goal.sort_order, Goal.id, PlanAction.sort_order, PlanAction.id)
        )
    )


def get_action(session: Session, action_id: int) -> PlanAction:
    action = session.get(PlanAction, action_id)
    if action is None:
        raise problem("指定された取組が見つかりません。", "That action does not exist.", field="action_id")
    return action


def editable_action(session: Session, action_id: int) -> PlanAction:
    action = get_action(session, action_id)
    editable_version(session, action.goal.version_id)
    return action


def action_years(action: PlanAction) -> list[int]:
    return [y.fiscal_year for y in action.years]


def add_action(session: Session, goal_id: int, draft: ActionDraft) -> PlanAction:
    """An action at the end of the goal's list, with its year grid."""
    goal = editable_goal(session, goal_id)
    problems = _validate(session, draft, _period_of_goal(goal))
    if problems:
        raise ValidationError(problems)
    last = max((a.sort_order for a in goal.actions), default=0)
    action = PlanAction(goal_id=goal.id, sort_order=last + 1)
    _apply(action, draft)
    session.add(action)
    session.flush()
    session.refresh(goal)
    return action


def _apply(action: PlanAction, draft: ActionDraft) -> None:
    action.title = clean_text(draft.title)
    action.description = clean_text(draft.description)
    action.committee_id = draft.committee_id
    action.partners = clean_text(draft.partners)
    action.estimated_cost = draft.estimated_cost
    wanted = sorted(set(draft.years))
    keep = [y for y in action.years if y.fiscal_year in wanted]
    have = {y.fiscal_year for y in keep}
    action.years = keep + [PlanActionYear(fiscal_year=fy) for fy in wanted if fy not in have]


def update_action(session: Session, action_id: int, draft: ActionDraft) -> PlanAction:
    action = editable_action(session, action_id)
    problems = _validate(session, draft, _period_of_goal(action.goal))
    if problems:
        raise ValidationError(problems)
    _apply(action, draft)
    session.flush()
    return action


def draft_of_action(action: PlanAction) -> ActionDraft:
    return ActionDraft(
        title=action.title,
        description=action.description,
        committee_id=action.committee_id,
        partners=action.partners,
        estimated_cost=action.estimated_cost,
        years=action_years(action),
    )


def set_action_years(session: Session, action_id: int, years: Iterable[int]) -> PlanAction:
    """Replace the year grid of an action (years outside the plan period are refused)."""
    action = editable_action(session, action_id)
    draft = draft_of_action(action)
    draft.years = list(years)
    return update_action(session, action_id, draft)


def toggle_action_year(session: Session, action_id: int, fiscal_year: int) -> bool:
    """Plan the year if not planned, unplan it if planned (a click on the grid). Returns planned."""
    action = editable_action(session, action_id)
    years = set(action_years(action))
    planned = fiscal_year not in years
    years.symmetric_difference_update({fiscal_year})
    set_action_years(session, action_id, sorted(years))
    return planned


def delete_action(session: Session, action_id: int) -> None:
    """Remove an action with its years, indicators and evaluations (the change history keeps them)."""
    action = editable_action(session, action_id)
    goal = action.goal
    session.delete(action)
    session.flush()
    session.refresh(goal)


def move_action(session: Session, action_id: int, delta: int) -> None:
    """Move an action up (delta -1) or down (+1) within its goal."""
    action = editable_action(session, action_id)
    move_in_order(list_actions(session, action.goal_id), action_id, delta)
    session.flush()


def move_action_to_goal(session: Session, action_id: int, goal_id: int, position: int | None = None) -> None:
    """Put an action under another goal of the same version (drag and drop), at ``position`` (0-based;
    None: at the end)."""
    action = editable_action(session, action_id)
    goal = editable_goal(session, goal_id)
    if goal.version_id != action.goal.version_id:
        raise problem(
            "別の版の基本目標には移せません。", "Cannot move to a goal of another version.", field="goal_id"
        )
    others = [a for a in list_actions(session, goal_id) if a.id != action_id]
    index = len(others) if position is None else max(0, min(len(others), position))
    others.insert(index, action)
    action.goal_id = goal.id
    for order, a in enumerate(others, start=1):
        a.sort_order = order
    session.flush()
    session.expire_all()
