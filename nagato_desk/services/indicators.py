"""指標: indicators on goals or actions, their targets and actuals, and the achievement rate (達成率).

Achievement rate, in percent to one place (half up):
- with a baseline that differs from the target: (actual − baseline) ÷ (target − baseline) × 100.
  The same formula serves "higher is better" (target above baseline) and "lower is better" (target
  below baseline: e.g. baseline 12, target 6, actual 9 → (9−12)÷(6−12) = 50%). A result worse than
  the baseline is negative; beyond the target, above 100.
- without a baseline, or a target equal to the baseline (keep the level, 維持): actual ÷ target
  (higher is better) or target ÷ actual (lower is better); when that divisor is 0, 100% if the
  actual is no worse than the target, else 0%.
- no actual (or no target) → no rate (None, shown as 「—」), never 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import DIRECTIONS, Goal, Indicator, IndicatorValue, PlanAction
from nagato_desk.money import rate
from nagato_desk.services.associations import year_problems
from nagato_desk.services.council import clean_text
from nagato_desk.services.ordering import move_in_order
from nagato_desk.services.plan_values import parse_value
from nagato_desk.services.plans import editable_version, get_version, plan_years

NAME_MAX = 200
UNIT_MAX = 20


def _hundredths(value: Decimal) -> int:
    return int(value * 100)


def achievement_rate(
    direction: str, baseline: Decimal | None, target: Decimal | None, actual: Decimal | None
) -> Decimal | None:
    """達成率 in percent (one decimal place, half up), or None when there is no actual or target."""
    if actual is None or target is None:
        return None
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {sorted(DIRECTIONS)}: {direction!r}")
    a, t = _hundredths(Decimal(actual)), _hundredths(Decimal(target))
    if baseline is not None and Decimal(baseline) != Decimal(target):
        b = _hundredths(Decimal(baseline))
        return rate(a - b, t - b, places=1)
    numerator, denominator = (a, t) if direction == "up" else (t, a)
    if denominator == 0:
        no_worse = a >= t if direction == "up" else a <= t
        return Decimal("100.0") if no_worse else Decimal("0.0")
    return rate(numerator, denominator, places=1)


@dataclass
class IndicatorDraft:
    name: str
    unit: str = ""
    direction: str = "up"  # "up": higher is better, "down": lower is better
    baseline_value: object = None  # number or text as typed
    baseline_year: int | None = None
    final_target: object = None
    goal_id: int | None = None  # exactly one of goal_id / action_id
    action_id: int | None = None
    notes: str = ""


def _validate(session: Session, version_id: int, draft: IndicatorDraft) -> tuple[list[Problem], dict]:
    problems: list[Problem] = []
    values: dict = {}
    name = clean_text(draft.name)
    if not name:
        problems.append(Problem("指標名を入力してください。", "Enter the indicator's name.", field="name"))
    elif len(name) > NAME_MAX:
        problems.append(
            Problem(f"指標名は{NAME_MAX}文字以内にしてください。", "The name is too long.", field="name")
        )
    if len(clean_text(draft.unit)) > UNIT_MAX:
        problems.append(
            Problem(f"単位は{UNIT_MAX}文字以内にしてください。", "The unit is too long.", field="unit")
        )
    if draft.direction not in DIRECTIONS:
        problems.append(
            Problem(
                "方向は「高いほど良い」か「低いほど良い」を選んでください。",
                "Choose whether higher or lower is better.",
                field="direction",
            )
        )
    for attr, ja, en in (
        ("baseline_value", "基準値", "baseline"),
        ("final_target", "最終目標値", "final target"),
    ):
        try:
            values[attr] = parse_value(getattr(draft, attr), ja, en, attr)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if draft.baseline_year is not None:
        for p in year_problems(draft.baseline_year, "基準"):
            problems.append(Problem(p.ja, p.en, field="baseline_year"))
    if (draft.goal_id is None) == (draft.action_id is None):
        problems.append(
            Problem(
                "指標は基本目標か取組のどちらか一つに付けてください。",
                "Attach the indicator to either a goal or an action.",
                field="goal_id",
            )
        )
    elif draft.goal_id is not None:
        goal = session.get(Goal, draft.goal_id)
        if goal is None or goal.version_id != version_id:
            problems.append(
                Problem("指定された基本目標が見つかりません。", "That goal does not exist.", field="goal_id")
            )
    else:
        action = session.get(PlanAction, draft.action_id)
        if action is None or action.goal.version_id != version_id:
            problems.append(
                Problem("指定された取組が見つかりません。", "That action does not exist.", field="action_id")
            )
    return problems, values


def _apply(ind: Indicator, draft: IndicatorDraft, values: dict) -> None:
    ind.name = clean_text(draft.name)
    ind.unit = clean_text(draft.unit)
    ind.direction = draft.direction
    ind.baseline_value = values["baseline_value"]
    ind.baseline_year = draft.baseline_year
    ind.final_target = values["final_target"]
    ind.goal_id = draft.goal_id
    ind.action_id = draft.action_id
    ind.notes = clean_text(draft.notes)


def add_indicator(session: Session, version_id: int, draft: IndicatorDraft) -> Indicator:
    editable_version(session, version_id)
    problems, values = _validate(session, version_id, draft)
    if problems:
        raise ValidationError(problems)
    last = max((i.sort_order for i in list_indicators(session, version_id)), default=0)
    ind = Indicator(version_id=version_id, sort_order=last + 1)
    _apply(ind, draft, values)
    session.add(ind)
    session.flush()
    return ind


def get_indicator(session: Session, indicator_id: int) -> Indicator:
    ind = session.get(Indicator, indicator_id)
    if ind is None:
        raise problem(
            "指定された指標が見つかりません。", "That indicator does not exist.", field="indicator_id"
        )
    return ind


def editable_indicator(session: Session, indicator_id: int) -> Indicator:
    ind = get_indicator(session, indicator_id)
    editable_version(session, ind.version_id)
    return ind


def update_indicator(session: Session, indicator_id: int, draft: IndicatorDraft) -> Indicator:
    ind = editable_indicator(session, indicator_id)
    problems, values = _validate(session, ind.version_id, draft)
    if problems:
        raise ValidationError(problems)
    _apply(ind, draft, values)
    session.flush()
    return ind


def delete_indicator(session: Session, indicator_id: int) -> None:
    session.delete(editable_indicator(session, indicator_id))
    session.flush()


def move_indicator(session: Session, indicator_id: int, delta: int) -> None:
    ind = editable_indicator(session, indicator_id)
    move_in_order(list_indicators(session, ind.version_id), indicator_id, delta)
    session.flush()


def list_indicators(session: Session, version_id: int) -> list[Indicator]:
    get_version(session, version_id)
    return list(
        session.scalars(
            select(Indicator)
            .where(Indicator.version_id == version_id)
            .options(selectinload(Indicator.values))
            .order_by(Indicator.sort_order, Indicator.id)
        )
    )


def _value_row(session: Session, ind: Indicator, fiscal_year: int) -> IndicatorValue | None:
    return session.scalars(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == ind.id, IndicatorValue.fiscal_year == fiscal_year
        )
    ).first()


def _set(
    session: Session, indicator_id: int, fiscal_year: int, attr: str, value: object
) -> IndicatorValue | None:
    ind = editable_indicator(session, indicator_id)
    period = plan_years(ind.version.plan)
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int) or fiscal_year not in period:
        raise problem(
            f"{fiscal_year}年度は計画期間（{period[0]}〜{period[-1]}年度）の外です。",
            f"FY{fiscal_year} is outside the plan period.",
            field="fiscal_year",
        )
    if attr == "actual":
        from nagato_desk.services.evaluations import check_year_open

        check_year_open(session, ind.version.plan_id, fiscal_year)
    ja, en = ("実績値", "actual") if attr == "actual" else ("目標値", "target")
    number = parse_value(value, ja, en, attr)
    row = _value_row(session, ind, fiscal_year)
    if row is None:
        if number is None:
            return None
        row = IndicatorValue(indicator_id=ind.id, fiscal_year=fiscal_year)
        session.add(row)
    setattr(row, attr, number)
    if row.target is None and row.actual is None:
        session.delete(row)
        session.flush()
        session.refresh(ind)
        return None
    session.flush()
    session.refresh(ind)
    return row


def set_target(session: Session, indicator_id: int, fiscal_year: int, value: object) -> IndicatorValue | None:
    """The target for one fiscal year of the period (None or "" clears it)."""
    return _set(session, indicator_id, fiscal_year, "target", value)


def set_actual(session: Session, indicator_id: int, fiscal_year: int, value: object) -> IndicatorValue | None:
    """The actual of one fiscal year of the period (None or "" clears it); refused for a locked year."""
    return _set(session, indicator_id, fiscal_year, "actual", value)


def target_for(ind: Indicator, fiscal_year: int) -> tuple[Decimal | None, bool]:
    """(target for the year, whether it is the final target): the year's own target if set, else the
    final target."""
    for v in ind.values:
        if v.fiscal_year == fiscal_year and v.target is not None:
            return v.target, False
    return ind.final_target, ind.final_target is not None


def actual_for(ind: Indicator, fiscal_year: int) -> Decimal | None:
    return next((v.actual for v in ind.values if v.fiscal_year == fiscal_year), None)


def latest_actual(ind: Indicator, up_to: int | None = None) -> tuple[int | None, Decimal | None]:
    found = [(v.fiscal_year, v.actual) for v in ind.values if v.actual is not None]
    found = [f for f in found if up_to is None or f[0] <= up_to]
    return found[-1] if found else (None, None)


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the 評価シート and the indicator list show it for a fiscal year."""

    indicator_id: int
    name: str
    unit: str
    direction: str
    owner: str  # the goal's or action's title
    goal_id: int | None
    action_id: int | None
    baseline: Decimal | None
    baseline_year: int | None
    fiscal_year: int
    target: Decimal | None  # the year's target, or the final target when it has none
    target_is_final: bool
    actual: Decimal | None
    rate: Decimal | None  # actual of the year against ``target``
    final_target: Decimal | None
    final_rate: Decimal | None  # the latest actual up to the year against the final target


def indicator_rows(session: Session, version_id: int, fiscal_year: int) -> list[IndicatorRow]:
    rows = []
    for ind in list_indicators(session, version_id):
        owner = ""
        if ind.goal_id is not None:
            owner = session.get(Goal, ind.goal_id).title
        elif ind.action_id is not None:
            owner = session.get(PlanAction, ind.action_id).title
        target, is_final = target_for(ind, fiscal_year)
        actual = actual_for(ind, fiscal_year)
        _, latest = latest_actual(ind, fiscal_year)
        rows.append(
            IndicatorRow(
                indicator_id=ind.id,
                name=ind.name,
                unit=ind.unit,
                direction=ind.direction,
                owner=owner,
                goal_id=ind.goal_id,
                action_id=ind.action_id,
                baseline=ind.baseline_value,
                baseline_year=ind.baseline_year,
                fiscal_year=fiscal_year,
                target=target,
                target_is_final=is_final,
                actual=actual,
                rate=achievement_rate(ind.direction, ind.baseline_value, target, actual),
                final_target=ind.final_target,
                final_rate=achievement_rate(ind.direction, ind.baseline_value, ind.final_target, latest),
            )
        )
    return rows


# -- chart data (the PDF chart and the window's QPainter chart draw the same thing) -----------------


@dataclass(frozen=True)
class ChartData:
    name: str
    unit: str
    direction: str
    years: list[int]  # x axis: the baseline year (if before the period) and the plan's ten years
    baseline: tuple[int, Decimal] | None  # (year, value)
    targets: list[tuple[int, Decimal]]  # yearly targets, and the final target at the last year if unset
    actuals: list[tuple[int, Decimal]]
    y_min: Decimal
    y_max: Decimal
    y_ticks: list[Decimal] = field(default_factory=list)


def nice_axis(low: Decimal, high: Decimal, ticks: int = 5) -> tuple[Decimal, Decimal, list[Decimal]]:
    """A round axis covering ``low``–``high`` (0 included for non-negative data), with ~``ticks`` steps."""
    lo, hi = float(low), float(high)
    if lo > 0:
        lo = 0.0
    if hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(lo / step) * step
    end = math.ceil(hi / step) * step
    count = round((end - start) / step)
    step_d = Decimal(str(step))
    start_d = Decimal(str(start)).quantize(Decimal("0.01"))
    values = [(start_d + step_d * i).normalize() + 0 for i in range(count + 1)]
    return values[0], values[-1], values


def indicator_chart(session: Session, indicator_id: int) -> ChartData:
    ind = get_indicator(session, indicator_id)
    years = plan_years(ind.version.plan)
    if ind.baseline_year is not None and ind.baseline_year < years[0]:
        years = list(range(ind.baseline_year, years[0])) + years
    baseline = (ind.baseline_year or years[0], ind.baseline_value) if ind.baseline_value is not None else None
    targets = [(v.fiscal_year, v.target) for v in ind.values if v.target is not None]
    if ind.final_target is not None and years[-1] not in {y for y, _ in targets}:
        targets.append((years[-1], ind.final_target))
    actuals = [(v.fiscal_year, v.actual) for v in ind.values if v.actual is not None]
    every = [v for _, v in targets + actuals] + ([baseline[1]] if baseline else [])
    low = min(every, default=Decimal(0))
    high = max(every, default=Decimal(1))
    y_min, y_max, ticks = nice_axis(low, high)
    return ChartData(
        ind.name, ind.unit, ind.direction, years, baseline, sorted(targets), actuals, y_min, y_max, ticks
    )
