"""評価: each action's evaluation per fiscal year (PDCA) and locking a year once reported to the city.

A locked year refuses every change to its evaluations (and to the indicator actuals of that year);
unlocking is deliberate: it needs a reason, which goes to the change history (``record_event``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import EVALUATION_STATUSES, RATINGS, Evaluation, EvaluationLock, Goal, PlanAction
from nagato_desk.services.council import clean_text
from nagato_desk.services.history import record_event
from nagato_desk.services.plan_actions import editable_action, get_action
from nagato_desk.services.plans import get_plan, get_version, plan_years

TEXT_MAX = 4000


@dataclass
class EvaluationDraft:
    status: str = "not_started"  # a key of EVALUATION_STATUSES (未着手・実施中・完了・見直し・中止)
    rating: str = ""  # "A"–"D", or "" (not rated)
    done_text: str = ""  # 実施内容
    issues: str = ""  # 課題
    next_step: str = ""  # 次年度の取組
    evaluated_on: date | None = None


def validate_evaluation(draft: EvaluationDraft) -> list[Problem]:
    problems = []
    if draft.status not in EVALUATION_STATUSES:
        problems.append(
            Problem(
                "状況は「" + "・".join(EVALUATION_STATUSES.values()) + "」から選んでください。",
                "Choose a status from the list.",
                field="status",
            )
        )
    rating = clean_text(draft.rating).upper()
    if rating and rating not in RATINGS:
        problems.append(
            Problem(
                "評価はA・B・C・Dのいずれかにしてください。",
                "The rating must be A, B, C or D.",
                field="rating",
            )
        )
    for attr, ja in (("done_text", "実施内容"), ("issues", "課題"), ("next_step", "次年度の取組")):
        if len(clean_text(getattr(draft, attr))) > TEXT_MAX:
            problems.append(
                Problem(f"{ja}は{TEXT_MAX}文字以内にしてください。", f"The {attr} is too long.", field=attr)
            )
    return problems


# -- locks ----------------------------------------------------------------------------------


def _lock_row(session: Session, plan_id: int, fiscal_year: int) -> EvaluationLock | None:
    return session.scalars(
        select(EvaluationLock).where(
            EvaluationLock.plan_id == plan_id, EvaluationLock.fiscal_year == fiscal_year
        )
    ).first()


def year_lock(session: Session, plan_id: int, fiscal_year: int) -> EvaluationLock | None:
    """The lock of a year (when it was locked, with a note), or None while the year is open."""
    return _lock_row(session, plan_id, fiscal_year)


def is_year_locked(session: Session, plan_id: int, fiscal_year: int) -> bool:
    return _lock_row(session, plan_id, fiscal_year) is not None


def locked_years(session: Session, plan_id: int) -> list[int]:
    return list(
        session.scalars(
            select(EvaluationLock.fiscal_year)
            .where(EvaluationLock.plan_id == plan_id)
            .order_by(EvaluationLock.fiscal_year)
        )
    )


def check_year_open(session: Session, plan_id: int, fiscal_year: int) -> None:
    """Raise when the year's evaluations are locked."""
    if is_year_locked(session, plan_id, fiscal_year):
        fy = format_fiscal_year(fiscal_year)
        raise problem(
            f"{fy}の評価は市に報告済みとして確定しています。変更するには先に確定を解除してください。",
            f"FY{fiscal_year}'s evaluations are locked (reported to the city); unlock the year first.",
            field="fiscal_year",
        )


def _check_year_in_period(session: Session, plan_id: int, fiscal_year: object) -> int:
    period = plan_years(get_plan(session, plan_id))
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int) or fiscal_year not in period:
        raise problem(
            f"{fiscal_year}年度は計画期間（{period[0]}〜{period[-1]}年度）の外です。",
            f"FY{fiscal_year} is outside the plan period (FY{period[0]}–FY{period[-1]}).",
            field="fiscal_year",
        )
    return fiscal_year


def lock_year(
    session: Session, plan_id: int, fiscal_year: int, locked_on: date, note: str = ""
) -> EvaluationLock:
    """Lock a fiscal year's evaluations (reported to the city)."""
    _check_year_in_period(session, plan_id, fiscal_year)
    if is_year_locked(session, plan_id, fiscal_year):
        raise problem(
            f"{format_fiscal_year(fiscal_year)}の評価はすでに確定しています。",
            f"FY{fiscal_year} is already locked.",
            field="fiscal_year",
        )
    if not isinstance(locked_on, date):
        raise problem("確定日を入力してください。", "Enter the date.", field="locked_on")
    row = EvaluationLock(plan_id=plan_id, fiscal_year=fiscal_year, locked_on=locked_on, note=clean_text(note))
    session.add(row)
    session.flush()
    return row


def unlock_year(session: Session, plan_id: int, fiscal_year: int, reason: str) -> None:
    """Unlock a year; the reason is required and recorded in the change history."""
    get_plan(session, plan_id)
    row = _lock_row(session, plan_id, fiscal_year)
    if row is None:
        raise problem(
            f"{fiscal_year}年度の評価は確定していません。",
            f"FY{fiscal_year} is not locked.",
            field="fiscal_year",
        )
    reason = clean_text(reason)
    if not reason:
        raise problem(
            "確定を解除する理由を入力してください。", "Enter why the year is being unlocked.", field="reason"
        )
    record_event(
        session,
        "unlock",
        f"{format_fiscal_year(fiscal_year)}の夢プラン評価の確定を解除：{reason}",
        "dream_plan",
        plan_id,
    )
    session.delete(row)
    session.flush()


# -- evaluations --------------------------------------------------------------------------------


def get_evaluation(session: Session, action_id: int, fiscal_year: int) -> Evaluation | None:
    return session.scalars(
        select(Evaluation).where(Evaluation.action_id == action_id, Evaluation.fiscal_year == fiscal_year)
    ).first()


def save_evaluation(session: Session, action_id: int, fiscal_year: int, draft: EvaluationDraft) -> Evaluation:
    """Record (or correct) an action's evaluation for a fiscal year of the plan period.

    Refused for an earlier version of the plan, a year outside the period, or a locked year. An
    evaluation for a year the action is not planned in is allowed (the data check warns).
    """
    action = editable_action(session, action_id)
    plan_id = action.goal.version.plan_id
    _check_year_in_period(session, plan_id, fiscal_year)
    check_year_open(session, plan_id, fiscal_year)
    problems = validate_evaluation(draft)
    if problems:
        raise ValidationError(problems)
    row = get_evaluation(session, action_id, fiscal_year)
    if row is None:
        row = Evaluation(action_id=action_id, fiscal_year=fiscal_year)
        session.add(row)
    row.status = draft.status
    row.rating = clean_text(draft.rating).upper()
    row.done_text = clean_text(draft.done_text)
    row.issues = clean_text(draft.issues)
    row.next_step = clean_text(draft.next_step)
    row.evaluated_on = draft.evaluated_on
    session.flush()
    return row


def delete_evaluation(session: Session, action_id: int, fiscal_year: int) -> None:
    action = editable_action(session, action_id)
    check_year_open(session, action.goal.version.plan_id, fiscal_year)
    row = get_evaluation(session, action_id, fiscal_year)
    if row is not None:
        session.delete(row)
        session.flush()


def draft_of_evaluation(row: Evaluation | None) -> EvaluationDraft:
    if row is None:
        return EvaluationDraft()
    return EvaluationDraft(row.status, row.rating, row.done_text, row.issues, row.next_step, row.evaluated_on)


def evaluations_of_year(session: Session, version_id: int, fiscal_year: int) -> dict[int, Evaluation]:
    """{action id: evaluation} for every evaluated action of a version in a fiscal year."""
    get_version(session, version_id)
    stmt = (
        select(Evaluation)
        .join(Evaluation.action)
        .join(PlanAction.goal)
        .where(Goal.version_id == version_id, Evaluation.fiscal_year == fiscal_year)
    )
    return {e.action_id: e for e in session.scalars(stmt)}


def evaluations_of_version(session: Session, version_id: int) -> dict[tuple[int, int], Evaluation]:
    """{(action id, fiscal year): evaluation} for a whole version (the roadmap reads these)."""
    get_version(session, version_id)
    stmt = (
        select(Evaluation).join(Evaluation.action).join(PlanAction.goal).where(Goal.version_id == version_id)
    )
    return {(e.action_id, e.fiscal_year): e for e in session.scalars(stmt)}


def evaluation_states(session: Session, version_id: int) -> dict[tuple[int, int], tuple[str, str]]:
    """{(action id, fiscal year): (status, rating)} for a whole version, without loading rows (fast)."""
    stmt = (
        select(Evaluation.action_id, Evaluation.fiscal_year, Evaluation.status, Evaluation.rating)
        .join(Evaluation.action)
        .join(PlanAction.goal)
        .where(Goal.version_id == version_id)
    )
    return {(aid, fy): (status, rating) for aid, fy, status, rating in session.execute(stmt)}


def evaluations_of_action(session: Session, action_id: int) -> list[Evaluation]:
    get_action(session, action_id)
    return list(
        session.scalars(
            select(Evaluation).where(Evaluation.action_id == action_id).order_by(Evaluation.fiscal_year)
        )
    )
