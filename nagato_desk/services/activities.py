"""事業 (実施記録): the council's events and pieces of work, by fiscal year and month.

An activity is dated by its first day (``starts_on``; ``ends_on`` for work over several days) and
belongs to the fiscal year of that day. Each one is in a field of activity (活動分野, the plan's list
``PLAN_FIELDS``), optionally a committee in charge, and counts its participants as residents,
volunteers and people of partner bodies. A ``planned`` activity is this year's intention (often
copied from last year's recurring events, :func:`copy_recurring`); it becomes ``done`` when held.
Deleting moves an activity to the trash (ごみ箱); its photos stay until it is deleted for good.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from nagato_desk.dates import fiscal_year_of, format_date
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import (
    ACTIVITY_STATUSES,
    PLAN_FIELDS,
    Activity,
    ActivityCost,
    Committee,
)
from nagato_desk.services.council import clean_text
from nagato_desk.services.links import missing_link

TITLE_MAX = 200
PLACE_MAX = 200
PARTICIPANTS_MAX = 1_000_000


@dataclass
class ActivityDraft:
    """What the form (or an import) gives for one activity."""

    starts_on: date | None
    title: str
    field: str  # one of PLAN_FIELDS
    ends_on: date | None = None
    committee_id: int | None = None
    place: str = ""
    participants_residents: int = 0
    participants_volunteers: int = 0
    participants_partners: int = 0
    partners: str = ""
    content: str = ""
    outcome: str = ""
    status: str = "done"
    recurring: bool = False
    plan_action_id: int | None = None  # → plan_action.id (取組)
    notes: str = ""
    cash_entry_ids: list[int] = field(default_factory=list)  # 出納簿の行 that paid for it


# -- validation ------------------------------------------------------------------------------


def _count(value: object, label_ja: str, label_en: str, name: str, problems: list[Problem]) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            problems.append(
                Problem(
                    f"{label_ja}は0以上の整数で入力してください（「{value}」）。",
                    f"{label_en} must be a whole number of 0 or more ('{value}').",
                    field=name,
                )
            )
            return 0
    if not 0 <= value <= PARTICIPANTS_MAX:
        problems.append(
            Problem(
                f"{label_ja}は0〜{PARTICIPANTS_MAX:,}人で入力してください（{value}）。",
                f"{label_en} must be between 0 and {PARTICIPANTS_MAX:,} ({value}).",
                field=name,
            )
        )
        return 0
    return value


def validate_activity(session: Session, draft: ActivityDraft) -> list[Problem]:
    """Every problem of the draft (empty when it can be saved), each naming its field."""
    problems: list[Problem] = []
    if not isinstance(draft.starts_on, date):
        problems.append(Problem("実施日を入力してください。", "Enter the date.", field="starts_on"))
    elif draft.ends_on is not None:
        if not isinstance(draft.ends_on, date):
            problems.append(
                Problem("終了日が日付ではありません。", "The end is not a date.", field="ends_on")
            )
        elif draft.ends_on < draft.starts_on:
            problems.append(
                Problem(
                    f"終了日（{format_date(draft.ends_on)}）が実施日（{format_date(draft.starts_on)}）より前です。",
                    f"The end ({draft.ends_on}) comes before the start ({draft.starts_on}).",
                    field="ends_on",
                )
            )
        elif (draft.ends_on - draft.starts_on).days > 366:
            problems.append(
                Problem(
                    "実施期間が1年を超えています。年度ごとに分けて登録してください。",
                    "The activity runs for more than a year; enter one per fiscal year.",
                    field="ends_on",
                )
            )
    title = clean_text(draft.title)
    if not title:
        problems.append(Problem("事業名を入力してください。", "Enter the title.", field="title"))
    elif len(title) > TITLE_MAX:
        problems.append(
            Problem(
                f"事業名は{TITLE_MAX}文字以内にしてください。",
                f"The title is longer than {TITLE_MAX} characters.",
                field="title",
            )
        )
    if clean_text(draft.field) not in PLAN_FIELDS:
        problems.append(
            Problem(
                f"活動分野「{clean_text(draft.field)}」は一覧（{'・'.join(PLAN_FIELDS[:3])} …）から選んでください。",
                f"Choose the field '{clean_text(draft.field)}' from the list.",
                field="field",
            )
        )
    if len(clean_text(draft.place)) > PLACE_MAX:
        problems.append(
            Problem(
                f"場所は{PLACE_MAX}文字以内にしてください。",
                f"The place is longer than {PLACE_MAX} characters.",
                field="place",
            )
        )
    if draft.status not in ACTIVITY_STATUSES:
        problems.append(
            Problem(
                "実施状況は「予定」か「実施済み」です。", "The status is planned or done.", field="status"
            )
        )
    for name, ja, en in (
        ("participants_residents", "参加者（住民）", "Residents"),
        ("participants_volunteers", "参加者（ボランティア）", "Volunteers"),
        ("participants_partners", "参加者（連携団体）", "Partners"),
    ):
        _count(getattr(draft, name), ja, en, name, problems)
    if draft.committee_id is not None:
        committee = session.get(Committee, draft.committee_id)
        if committee is None or committee.deleted_at is not None:
            problems.append(
                Problem(
                    "指定された部会が見つかりません。", "That committee does not exist.", field="committee_id"
                )
            )
    for entry_id in draft.cash_entry_ids:
        if isinstance(entry_id, bool) or not isinstance(entry_id, int) or entry_id <= 0:
            problems.append(
                Problem(f"出納簿の行の番号が正しくありません（{entry_id}）。", f"Bad cash entry id {entry_id}.",
                        field="cash_entry_ids")
            )  # fmt: skip
        elif (missing := missing_link(session, "cash_entry", entry_id, "cash_entry_ids")) is not None:
            problems.append(missing)
    if (missing := missing_link(session, "plan_action", draft.plan_action_id, "plan_action_id")) is not None:
        problems.append(missing)
    return problems


def _apply(activity: Activity, draft: ActivityDraft) -> None:
    activity.starts_on = draft.starts_on  # type: ignore[assignment]  # validated
    activity.ends_on = draft.ends_on if draft.ends_on != draft.starts_on else None
    activity.fiscal_year = fiscal_year_of(draft.starts_on)  # type: ignore[arg-type]
    activity.title = clean_text(draft.title)
    activity.field = clean_text(draft.field)
    activity.committee_id = draft.committee_id
    activity.place = clean_text(draft.place)
    activity.participants_residents = int(draft.participants_residents or 0)
    activity.participants_volunteers = int(draft.participants_volunteers or 0)
    activity.participants_partners = int(draft.participants_partners or 0)
    activity.partners = clean_text(draft.partners)
    activity.content = (draft.content or "").strip()
    activity.outcome = (draft.outcome or "").strip()
    activity.status = draft.status
    activity.recurring = bool(draft.recurring)
    activity.plan_action_id = draft.plan_action_id
    activity.notes = (draft.notes or "").strip()
    wanted = list(dict.fromkeys(draft.cash_entry_ids))
    for cost in list(activity.costs):
        if cost.cash_entry_id not in wanted:
            activity.costs.remove(cost)
    have = {c.cash_entry_id for c in activity.costs}
    for entry_id in wanted:
        if entry_id not in have:
            activity.costs.append(ActivityCost(cash_entry_id=entry_id))


def _validated(session: Session, draft: ActivityDraft) -> None:
    problems = validate_activity(session, draft)
    if problems:
        raise ValidationError(problems)


# -- one activity ----------------------------------------------------------------------------


def get_activity(session: Session, activity_id: int, *, in_trash_ok: bool = False) -> Activity:
    row = session.get(Activity, activity_id)
    if row is None or (row.deleted_at is not None and not in_trash_ok):
        raise problem("指定された事業が見つかりません。", "That activity does not exist.")
    return row


def add_activity(session: Session, draft: ActivityDraft) -> Activity:
    _validated(session, draft)
    row = Activity()
    _apply(row, draft)
    session.add(row)
    session.flush()
    return row


def update_activity(session: Session, activity_id: int, draft: ActivityDraft) -> Activity:
    row = get_activity(session, activity_id)
    _validated(session, draft)
    _apply(row, draft)
    session.flush()
    return row


def draft_of(activity: Activity) -> ActivityDraft:
    return ActivityDraft(
        starts_on=activity.starts_on,
        ends_on=activity.ends_on,
        title=activity.title,
        field=activity.field,
        committee_id=activity.committee_id,
        place=activity.place,
        participants_residents=activity.participants_residents,
        participants_volunteers=activity.participants_volunteers,
        participants_partners=activity.participants_partners,
        partners=activity.partners,
        content=activity.content,
        outcome=activity.outcome,
        status=activity.status,
        recurring=activity.recurring,
        plan_action_id=activity.plan_action_id,
        notes=activity.notes,
        cash_entry_ids=[c.cash_entry_id for c in activity.costs if c.cash_entry_id is not None],
    )


def delete_activity(session: Session, activity_id: int) -> None:
    """Move an activity to the trash; its photos and cost links stay and come back with it."""
    get_activity(session, activity_id).deleted_at = datetime.now().replace(microsecond=0)
    session.flush()


def restore_activity(session: Session, activity_id: int) -> Activity:
    row = get_activity(session, activity_id, in_trash_ok=True)
    if row.deleted_at is None:
        raise problem(f"「{row.title}」はごみ箱にありません。", f"'{row.title}' is not in the trash.")
    row.deleted_at = None
    session.flush()
    return row


def trashed_activities(session: Session) -> list[Activity]:
    """Activities in the trash, the latest deleted first."""
    return list(
        session.scalars(
            select(Activity)
            .where(Activity.deleted_at.is_not(None))
            .order_by(Activity.deleted_at.desc(), Activity.id.desc())
        )
    )


def purge_activity(session: Session, activity_id: int) -> list[str]:
    """Delete an activity in the trash for good, with its photo rows and cost links. Photo files no
    other row uses are removed once the transaction commits; returns their names."""
    from nagato_desk.services.activity_photos import forget_photo

    row = get_activity(session, activity_id, in_trash_ok=True)
    if row.deleted_at is None:
        raise problem(
            "ごみ箱に入れた事業だけを完全に削除できます。",
            "Only an activity in the trash can be deleted for good.",
        )
    removed = [name for photo in list(row.photos) if (name := forget_photo(session, photo))]
    session.delete(row)
    session.flush()
    return removed


# -- copying last year's recurring events ---------------------------------------------------


def shift_years(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February → a year without one
        return d.replace(year=d.year + years, day=28)


def recurring_to_copy(session: Session, to_year: int) -> list[Activity]:
    """Last fiscal year's recurring activities not yet copied into ``to_year``."""
    copied = select(Activity.copied_from_id).where(
        Activity.fiscal_year == to_year, Activity.copied_from_id.is_not(None), Activity.deleted_at.is_(None)
    )
    return list(
        session.scalars(
            select(Activity)
            .options(selectinload(Activity.costs))
            .where(
                Activity.fiscal_year == to_year - 1,
                Activity.recurring.is_(True),
                Activity.deleted_at.is_(None),
                Activity.id.not_in(copied),
            )
            .order_by(Activity.starts_on, Activity.id)
        )
    )


def copy_recurring(session: Session, to_year: int) -> list[Activity]:
    """Copy last fiscal year's recurring activities into ``to_year`` as plans: the same title,
    field, committee, place, partners and content, dates one year later (29 February → 28), no
    participants, outcome, photos or costs. An activity already copied is not copied twice.
    Returns the new activities."""
    made = []
    for old in recurring_to_copy(session, to_year):
        starts = shift_years(old.starts_on, 1)
        new = Activity(
            fiscal_year=fiscal_year_of(starts),
            starts_on=starts,
            ends_on=shift_years(old.ends_on, 1) if old.ends_on else None,
            title=old.title,
            field=old.field,
            committee_id=old.committee_id
            if old.committee is not None and old.committee.deleted_at is None
            else None,
            place=old.place,
            participants_residents=0,
            participants_volunteers=0,
            participants_partners=0,
            partners=old.partners,
            content=old.content,
            outcome="",
            status="planned",
            recurring=True,
            plan_action_id=old.plan_action_id,
            copied_from_id=old.id,
            notes="",
        )
        session.add(new)
        made.append(new)
    session.flush()
    return made


# -- data check ------------------------------------------------------------------------------


def check_activity_dates(session: Session):  # type: ignore[no-untyped-def]
    """Activities that end before they start (only possible by editing the file outside the program)."""
    from nagato_desk.services.check import Finding

    stmt = select(Activity).where(Activity.ends_on.is_not(None), Activity.ends_on < Activity.starts_on)
    for a in session.scalars(stmt.order_by(Activity.starts_on, Activity.id)):
        yield Finding(
            "error",
            f"事業「{a.title}」（{format_date(a.starts_on)}）：終了日が実施日より前です。",
            f"activity '{a.title}' ({a.starts_on}): it ends before it starts.",
        )


def check_stale_plans(session: Session, today: date | None = None):  # type: ignore[no-untyped-def]
    """Activities of a past fiscal year still marked 予定 (held but not recorded, or dropped)."""
    from nagato_desk.services.check import Finding

    this_year = fiscal_year_of(today or date.today())
    stmt = select(Activity.fiscal_year, func.count(Activity.id)).where(
        Activity.status == "planned", Activity.fiscal_year < this_year, Activity.deleted_at.is_(None)
    )
    for fy, count in session.execute(stmt.group_by(Activity.fiscal_year).order_by(Activity.fiscal_year)):
        yield Finding(
            "warning",
            f"{fy}年度の事業{count}件が「予定」のままです。実施したものは実施済みにしてください。",
            f"FY{fy}: {count} activities are still 'planned'; mark those held as done.",
        )
