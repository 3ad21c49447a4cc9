"""What the 書類 page needs to know about each document of ``reports/exports.py REPORTS``: the record
it belongs to, whether it is about a fiscal year or a meeting, and which years or meetings there are
to choose from (the first is the default). Documents added to REPORTS later appear on their own under
「その他」 until they are given a group here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of

GROUPS: tuple[str, ...] = ("members", "accounts", "meetings", "plan", "activities", "assembly", "other")

GROUP_OF: dict[str, str] = {
    "council": "members",
    "officers": "members",
    "member-stats": "members",
    "roster": "members",
    "household-slips": "members",
    "budget": "accounts",
    "settlement": "accounts",
    "cashbook": "accounts",
    "audit": "accounts",
    "subsidy": "accounts",
    "balance": "accounts",
    "minutes": "meetings",
    "attendance-sheet": "meetings",
    "proxy-form": "meetings",
    "written-vote": "meetings",
    "notice": "meetings",
    "resolutions": "meetings",
    "plan": "plan",
    "plan-progress": "plan",
    "activity-report": "activities",
    "activity-report-committee": "activities",
    "activity-plan": "activities",
    "assembly-pack": "assembly",
    "city-package": "assembly",
}

# which years a document can be about: "closed" (a year the 一般会計 closed), "books" (a year of the
# accounts), "activities", "plan" (a year of the dream plan up to now), "meetings", "figures"
# (the associations' figures; none given is fine)
YEARS_OF: dict[str, str] = {
    "council": "figures",
    "budget": "books",
    "cashbook": "books",
    "settlement": "closed",
    "audit": "closed",
    "subsidy": "closed",
    "balance": "closed",
    "city-package": "closed",
    "activity-report": "activities",
    "activity-report-committee": "activities",
    "activity-plan": "next",
    "plan-progress": "plan",
    "resolutions": "meetings",
}

MEETING_DOCUMENTS: frozenset[str] = frozenset(
    {"minutes", "attendance-sheet", "proxy-form", "written-vote", "notice", "assembly-pack"}
)
GENERAL_ONLY: frozenset[str] = frozenset({"assembly-pack"})  # only a 総会 has a pack

# packages of several files: saved (the file name decides folder or zip), not previewed
PACKAGES: dict[str, tuple[str, ...]] = {"city-package": ("zip",)}


def save_formats(key: str, formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats the 書類 page offers for saving ``key`` (its REPORTS formats, or the package's)."""
    return PACKAGES.get(key, formats)


def previewable(key: str, formats: tuple[str, ...]) -> bool:
    """A single PDF the preview can show."""
    return key not in PACKAGES and "pdf" in formats


def group_of(key: str) -> str:
    return GROUP_OF.get(key, "other")


def needs(key: str) -> str | None:
    """ "meeting", "year", or None."""
    if key in MEETING_DOCUMENTS:
        return "meeting"
    if key in YEARS_OF:
        return "year"
    return None


def year_optional(key: str) -> bool:
    """The document is fine without a year (the council profile: the latest figures)."""
    return YEARS_OF.get(key) == "figures"


_HINT_JA = re.compile(r"[、，]?\s*--\w+[^（）]*$")
_HINT_EN = re.compile(r"\s*\((?:default|--)[^)]*\)")


def split_title(text: str) -> tuple[str, str]:
    """A REPORTS description as a name and the words in brackets, the command-line hints left out:
    「出納簿（会計ごと・全口座、--year 省略時は今年度）」 → ("出納簿", "会計ごと・全口座")."""
    text = _HINT_EN.sub("", text).strip()
    if "（" not in text:
        name = text[:1].upper() + text[1:]
        return name, ""
    name, _, rest = text.partition("（")
    rest = rest.removesuffix("）")
    rest = _HINT_JA.sub("", rest).strip()
    if "--" in rest:
        rest = ""
    return name.strip(), rest


def _general_fund_id(session: Session) -> int | None:
    from nagato_desk.services.funds import list_funds

    funds = [f for f in list_funds(session) if f.kind == "general"] or list_funds(session)
    return funds[0].id if funds else None


@dataclass(frozen=True)
class YearChoices:
    years: list[int]  # newest first; empty when the document cannot be made yet
    default: int | None


def _first(years: list[int], preferred: int) -> YearChoices:
    years = sorted(set(years), reverse=True)
    return YearChoices(years, preferred if preferred in years else (years[0] if years else None))


def _newest(years: list[int]) -> YearChoices:
    years = sorted(set(years), reverse=True)
    return YearChoices(years, years[0] if years else None)


def year_choices(session: Session, key: str, today: date | None = None) -> YearChoices:
    """The fiscal years ``key`` can be made for and the one chosen at first."""
    today = today or date.today()
    current = fiscal_year_of(today)
    kind = YEARS_OF.get(key)
    if kind in ("closed", "books"):
        from nagato_desk.services.funds import list_funds
        from nagato_desk.services.year_close import closed_years

        fund_id = _general_fund_id(session)
        if fund_id is None:
            return YearChoices([], None)
        if kind == "closed":
            return _newest(closed_years(session, fund_id))
        first = min(f.first_fiscal_year for f in list_funds(session))
        return _first(list(range(min(first, current), current + 2)), current)
    if kind == "activities":
        from nagato_desk.services.activity_views import activity_years

        return _first([*activity_years(session), current - 1], current - 1)
    if kind == "next":
        from nagato_desk.services.activity_views import activity_years

        return _first([*(y for y in activity_years(session) if y >= current), current, current + 1], current)
    if kind == "plan":
        from nagato_desk.services.plans import latest_plan, plan_years

        plan = latest_plan(session)
        if plan is None:
            return YearChoices([], None)
        return _first([y for y in plan_years(plan) if y <= current], current - 1)
    if kind == "meetings":
        from nagato_desk.services.meeting_views import meeting_years

        return _first([*meeting_years(session), current], current)
    if kind == "figures":
        from nagato_desk.services.associations import figure_years

        return _newest(figure_years(session))
    return YearChoices([], None)


@dataclass(frozen=True)
class MeetingChoice:
    number: int  # what ``--meeting`` takes
    held_on: date
    title: str
    general: bool


def meeting_choices(session: Session, key: str) -> list[MeetingChoice]:
    """The meetings (not in the trash) ``key`` can be made for, newest first; a pack only for a 総会."""
    from nagato_desk.models.meeting import GENERAL_KINDS
    from nagato_desk.services.meetings import list_meetings

    rows = [
        MeetingChoice(r.number, r.held_on, r.title, r.kind in GENERAL_KINDS) for r in list_meetings(session)
    ]
    return [r for r in rows if r.general] if key in GENERAL_ONLY else rows
