"""地域の夢プラン: plans, their versions (見直し) and the current state (population, survey figures).

Only the latest version of a plan can be edited; a revision (``revise_plan``) copies it with its
goals, actions, year grid, indicators and evaluations into a new version, leaving the old one as
it was adopted. Lock state of evaluation years belongs to the plan, so it carries over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import (
    DreamPlan,
    DreamPlanVersion,
    Evaluation,
    Goal,
    Indicator,
    IndicatorValue,
    PlanAction,
    PlanActionYear,
    SurveyItem,
)
from nagato_desk.models.plan import PLAN_YEARS
from nagato_desk.services.associations import AssociationFigures, figure_years, figures_table, year_problems
from nagato_desk.services.council import clean_text
from nagato_desk.services.links import require_links
from nagato_desk.services.ordering import move_in_order
from nagato_desk.services.plan_values import parse_value

TITLE_MAX = 200


@dataclass
class PlanDraft:
    """What the plan form collects (for the current version)."""

    title: str
    start_year: int
    vision: str = ""
    current_state: str = ""
    issues: str = ""
    survey_summary: str = ""
    figures_year: int | None = None  # the FY of the population figures shown; None: the latest
    adopted_on: date | None = None
    adopted_meeting_id: int | None = None  # → meeting.id


@dataclass(frozen=True)
class PlanSummary:
    plan_id: int
    version_id: int
    version_number: int
    title: str
    start_year: int
    end_year: int
    adopted_on: date | None


def plan_years(plan: DreamPlan) -> list[int]:
    """The ten fiscal years of the plan's period."""
    return list(range(plan.start_year, plan.start_year + PLAN_YEARS))


def period_text(plan: DreamPlan, style: str = "wareki") -> str:
    """「令和5年度〜令和14年度」."""
    return f"{format_fiscal_year(plan.start_year, style)}〜{format_fiscal_year(plan.end_year, style)}"


def validate_plan(draft: PlanDraft) -> list[Problem]:
    problems = []
    title = clean_text(draft.title)
    if not title:
        problems.append(Problem("計画の名称を入力してください。", "Enter the plan's title.", field="title"))
    elif len(title) > TITLE_MAX:
        problems.append(
            Problem(
                f"計画の名称は{TITLE_MAX}文字以内にしてください。",
                f"The title is longer than {TITLE_MAX} characters.",
                field="title",
            )
        )
    for p in year_problems(draft.start_year, "計画期間の初年度："):
        problems.append(Problem(p.ja, p.en, field="start_year"))
    if draft.figures_year is not None:
        for p in year_problems(draft.figures_year, "人口の"):
            problems.append(Problem(p.ja, p.en, field="figures_year"))
    mid = draft.adopted_meeting_id
    if mid is not None and (isinstance(mid, bool) or not isinstance(mid, int) or mid <= 0):
        problems.append(
            Problem("策定した会議の指定が正しくありません。", "Invalid meeting.", field="adopted_meeting_id")
        )
    return problems


def _apply(version: DreamPlanVersion, draft: PlanDraft) -> None:
    version.title = clean_text(draft.title)
    version.vision = clean_text(draft.vision)
    version.current_state = clean_text(draft.current_state)
    version.issues = clean_text(draft.issues)
    version.survey_summary = clean_text(draft.survey_summary)
    version.figures_year = draft.figures_year
    version.adopted_on = draft.adopted_on
    version.adopted_meeting_id = draft.adopted_meeting_id


def draft_of(version: DreamPlanVersion) -> PlanDraft:
    return PlanDraft(
        title=version.title,
        start_year=version.plan.start_year,
        vision=version.vision,
        current_state=version.current_state,
        issues=version.issues,
        survey_summary=version.survey_summary,
        figures_year=version.figures_year,
        adopted_on=version.adopted_on,
        adopted_meeting_id=version.adopted_meeting_id,
    )


def create_plan(session: Session, draft: PlanDraft) -> DreamPlan:
    """A new plan with its first version (第1版)."""
    problems = validate_plan(draft)
    if problems:
        raise ValidationError(problems)
    plan = DreamPlan(start_year=draft.start_year)
    version = DreamPlanVersion(number=1)
    require_links(session, ("meeting", draft.adopted_meeting_id, "adopted_meeting_id"))
    _apply(version, draft)
    plan.versions.append(version)
    session.add(plan)
    session.flush()
    return plan


def get_plan(session: Session, plan_id: int, *, in_trash_ok: bool = False) -> DreamPlan:
    plan = session.get(DreamPlan, plan_id)
    if plan is None or (plan.deleted_at is not None and not in_trash_ok):
        raise problem("指定された夢プランが見つかりません。", "That plan does not exist.", field="plan_id")
    return plan


def plan_versions(session: Session, plan_id: int) -> list[DreamPlanVersion]:
    """Every version of the plan, the first first."""
    get_plan(session, plan_id, in_trash_ok=True)
    return list(
        session.scalars(
            select(DreamPlanVersion)
            .where(DreamPlanVersion.plan_id == plan_id)
            .order_by(DreamPlanVersion.number)
        )
    )


def current_version(session: Session, plan_id: int) -> DreamPlanVersion:
    """The latest version (the one that is edited and evaluated)."""
    return plan_versions(session, plan_id)[-1]


def get_version(session: Session, version_id: int) -> DreamPlanVersion:
    version = session.get(DreamPlanVersion, version_id)
    if version is None:
        raise problem(
            "指定された夢プランの版が見つかりません。",
            "That plan version does not exist.",
            field="version_id",
        )
    return version


def is_current(session: Session, version: DreamPlanVersion) -> bool:
    latest = session.scalar(
        select(func.max(DreamPlanVersion.number)).where(DreamPlanVersion.plan_id == version.plan_id)
    )
    return version.number == latest


def editable_version(session: Session, version_id: int) -> DreamPlanVersion:
    """The version, when it may be changed: the latest of a plan not in the trash.

    Raises ValidationError for an earlier version (kept as adopted) or a plan in the trash.
    """
    version = get_version(session, version_id)
    if version.plan.deleted_at is not None:
        raise problem("この夢プランはごみ箱にあります。", "This plan is in the trash.", field="plan_id")
    if not is_current(session, version):
        raise problem(
            f"第{version.number}版は見直し前の版のため変更できません。最新の版を編集してください。",
            f"Version {version.number} was superseded by a revision and cannot be changed; edit the latest version.",
            field="version_id",
        )
    return version


def list_plans(session: Session) -> list[PlanSummary]:
    """Plans not in the trash, the latest period first, each with its current version."""
    out = []
    plans = session.scalars(
        select(DreamPlan)
        .where(DreamPlan.deleted_at.is_(None))
        .order_by(DreamPlan.start_year.desc(), DreamPlan.id)
    )
    for plan in plans:
        v = plan.versions[-1]
        out.append(
            PlanSummary(plan.id, v.id, v.number, v.title, plan.start_year, plan.end_year, v.adopted_on)
        )
    return out


def latest_plan(session: Session) -> DreamPlan | None:
    """The plan whose period is latest (what the 夢プラン page and the reports open by default)."""
    plans = list_plans(session)
    return session.get(DreamPlan, plans[0].plan_id) if plans else None


def _years_outside(session: Session, version_id: int, start: int, end: int) -> list[str]:
    """Years of actions and indicator values of ``version_id`` that fall outside ``start``–``end``."""
    found = []
    for title, fy in session.execute(
        select(PlanAction.title, PlanActionYear.fiscal_year)
        .join(PlanActionYear.action)
        .join(PlanAction.goal)
        .where(Goal.version_id == version_id)
    ):
        if not start <= fy <= end:
            found.append(f"{title}（{fy}年度）")
    for name, fy in session.execute(
        select(Indicator.name, IndicatorValue.fiscal_year)
        .join(IndicatorValue.indicator)
        .where(Indicator.version_id == version_id)
    ):
        if not start <= fy <= end:
            found.append(f"{name}（{fy}年度）")
    return found


def update_plan(session: Session, plan_id: int, draft: PlanDraft) -> DreamPlanVersion:
    """Change the current version; moving the period is refused while scheduled years would fall out."""
    plan = get_plan(session, plan_id)
    version = editable_version(session, plan.versions[-1].id)
    problems = validate_plan(draft)
    if problems:
        raise ValidationError(problems)
    require_links(session, ("meeting", draft.adopted_meeting_id, "adopted_meeting_id"))
    if draft.start_year != plan.start_year:
        if len(plan.versions) > 1:
            raise problem(
                "見直し後の計画は期間を変えられません。",
                "The period of a revised plan cannot be moved.",
                field="start_year",
            )
        outside = _years_outside(session, version.id, draft.start_year, draft.start_year + PLAN_YEARS - 1)
        if outside:
            raise problem(
                "新しい期間の外になる年度があります：" + "、".join(outside[:5]),
                f"{len(outside)} scheduled year(s) would fall outside the new period.",
                field="start_year",
            )
        plan.start_year = draft.start_year
    _apply(version, draft)
    session.flush()
    return version


def revise_plan(
    session: Session, plan_id: int, revised_on: date, note: str, draft: PlanDraft | None = None
) -> DreamPlanVersion:
    """見直し: copy the current version into a new one (goals, actions with their years, indicators
    with their values, evaluations) and apply ``draft`` to it; the old version stays unchanged."""
    plan = get_plan(session, plan_id)
    old = plan.versions[-1]
    if not isinstance(revised_on, date):
        raise problem("見直しの日を入力してください。", "Enter the date of the revision.", field="revised_on")
    if not clean_text(note):
        raise problem("見直しの内容を入力してください。", "Describe the revision.", field="revision_note")
    if draft is not None:
        problems = validate_plan(draft)
        if draft.start_year != plan.start_year:
            problems.append(
                Problem(
                    "見直しでは期間を変えられません。",
                    "A revision cannot move the period.",
                    field="start_year",
                )
            )
        if problems:
            raise ValidationError(problems)
    new = DreamPlanVersion(number=old.number + 1)
    require_links(session, ("meeting", (draft or draft_of(old)).adopted_meeting_id, "adopted_meeting_id"))
    _apply(new, draft if draft is not None else draft_of(old))
    new.revised_on = revised_on
    new.revision_note = clean_text(note)
    plan.versions.append(new)
    session.flush()
    _copy_contents(session, old, new)
    session.flush()
    return new


def _copy_contents(session: Session, old: DreamPlanVersion, new: DreamPlanVersion) -> None:
    for item in old.survey_items:
        session.add(
            SurveyItem(
                version_id=new.id,
                question=item.question,
                value=item.value,
                unit=item.unit,
                note=item.note,
                sort_order=item.sort_order,
            )
        )
    goal_map: dict[int, int] = {}
    action_map: dict[int, int] = {}
    for goal in old.goals:
        g = Goal(
            version_id=new.id,
            field=goal.field,
            title=goal.title,
            description=goal.description,
            sort_order=goal.sort_order,
        )
        session.add(g)
        session.flush()
        goal_map[goal.id] = g.id
        for action in goal.actions:
            a = PlanAction(
                goal_id=g.id,
                title=action.title,
                description=action.description,
                committee_id=action.committee_id,
                partners=action.partners,
                estimated_cost=action.estimated_cost,
                sort_order=action.sort_order,
                previous_action_id=action.id,
            )
            a.years = [PlanActionYear(fiscal_year=y.fiscal_year) for y in action.years]
            session.add(a)
            session.flush()
            action_map[action.id] = a.id
    for ev in session.scalars(select(Evaluation).where(Evaluation.action_id.in_(action_map))):
        session.add(
            Evaluation(
                action_id=action_map[ev.action_id],
                fiscal_year=ev.fiscal_year,
                status=ev.status,
                rating=ev.rating,
                done_text=ev.done_text,
                issues=ev.issues,
                next_step=ev.next_step,
                evaluated_on=ev.evaluated_on,
            )
        )
    for ind in session.scalars(select(Indicator).where(Indicator.version_id == old.id)):
        copy = Indicator(
            version_id=new.id,
            goal_id=goal_map.get(ind.goal_id) if ind.goal_id else None,
            action_id=action_map.get(ind.action_id) if ind.action_id else None,
            name=ind.name,
            unit=ind.unit,
            direction=ind.direction,
            baseline_value=ind.baseline_value,
            baseline_year=ind.baseline_year,
            final_target=ind.final_target,
            notes=ind.notes,
            sort_order=ind.sort_order,
        )
        copy.values = [
            IndicatorValue(fiscal_year=v.fiscal_year, target=v.target, actual=v.actual) for v in ind.values
        ]
        session.add(copy)


def delete_plan(session: Session, plan_id: int) -> None:
    """Move a plan (all its versions) to the trash."""
    get_plan(session, plan_id).deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_plan(session: Session, plan_id: int) -> DreamPlan:
    plan = get_plan(session, plan_id, in_trash_ok=True)
    plan.deleted_at = None
    session.flush()
    return plan


# -- current state: population figures and survey results ------------------------------------


@dataclass(frozen=True)
class PlanFigures:
    """人口・世帯数・高齢化率 from the council profile (services/associations.py)."""

    fiscal_year: int | None
    as_of: date | None
    rows: list[AssociationFigures]
    totals: AssociationFigures
    history: list[tuple[int, AssociationFigures]] = field(default_factory=list)  # (FY, totals), oldest first


def plan_figures(session: Session, version_id: int) -> PlanFigures:
    """The figures the plan shows: its ``figures_year`` (or the latest), with the totals of every
    year recorded up to it (for the trend)."""
    version = get_version(session, version_id)
    table = figures_table(session, version.figures_year)
    history = []
    for fy in sorted(figure_years(session)):
        if table.fiscal_year is not None and fy <= table.fiscal_year:
            history.append((fy, figures_table(session, fy).totals))
    return PlanFigures(table.fiscal_year, table.as_of, table.rows, table.totals, history)


@dataclass
class SurveyItemDraft:
    question: str
    value: object = None  # a number or text as typed ("78.5"); None: text only
    unit: str = ""
    note: str = ""


def _survey_values(draft: SurveyItemDraft) -> tuple[str, Decimal | None]:
    question = clean_text(draft.question)
    if not question:
        raise problem("設問を入力してください。", "Enter the question.", field="question")
    if len(question) > TITLE_MAX:
        raise problem(
            f"設問は{TITLE_MAX}文字以内にしてください。",
            f"The question is longer than {TITLE_MAX} characters.",
            field="question",
        )
    return question, parse_value(draft.value, "数値", "value", "value")


def add_survey_item(session: Session, version_id: int, draft: SurveyItemDraft) -> SurveyItem:
    version = editable_version(session, version_id)
    question, value = _survey_values(draft)
    last = max((i.sort_order for i in version.survey_items), default=0)
    item = SurveyItem(
        version_id=version.id,
        question=question,
        value=value,
        unit=clean_text(draft.unit),
        note=clean_text(draft.note),
        sort_order=last + 1,
    )
    session.add(item)
    session.flush()
    session.refresh(version)
    return item


def _survey_item(session: Session, item_id: int) -> SurveyItem:
    item = session.get(SurveyItem, item_id)
    if item is None:
        raise problem("指定されたアンケート結果が見つかりません。", "That survey item does not exist.")
    editable_version(session, item.version_id)
    return item


def update_survey_item(session: Session, item_id: int, draft: SurveyItemDraft) -> SurveyItem:
    item = _survey_item(session, item_id)
    item.question, item.value = _survey_values(draft)
    item.unit = clean_text(draft.unit)
    item.note = clean_text(draft.note)
    session.flush()
    return item


def delete_survey_item(session: Session, item_id: int) -> None:
    session.delete(_survey_item(session, item_id))
    session.flush()


def move_survey_item(session: Session, item_id: int, delta: int) -> None:
    item = _survey_item(session, item_id)
    move_in_order(item.version.survey_items, item_id, delta)
    session.flush()
