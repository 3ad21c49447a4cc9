"""The machine-readable summary of a fiscal year that goes to city hall in the city package
(``summary.json``; format in docs/CITY_PACKAGE.md, schema in docs/city-package.schema.json).

Every council's summary has the same keys, whatever its data: lists hold objects of one shape, an
unknown value is ``null`` (never a missing key), and a part that does not apply (no dream plan) says
so with ``available: false``. Counts only, never a person: no name, address, phone or birth date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_bounds, format_fiscal_year
from nagato_desk.services.activity_views import participant_totals
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import list_funds
from nagato_desk.services.member_stats import AGE_BANDS, UNKNOWN_AGE, GroupFigures, member_figures
from nagato_desk.services.officers import officers_as_of
from nagato_desk.services.plan_progress import ProgressRow
from nagato_desk.services.settlement import SettlementRow, settle_year
from nagato_desk.services.year_close import is_closed

#: "major.minor": minor grows when keys are added (old readers still work), major when a key
#: changes meaning or goes away (see docs/CITY_PACKAGE.md).
FORMAT_VERSION = "1.0"
#: member_stats' age bands → the summary's keys
AGE_BAND_KEYS: dict[str, str] = {
    **{
        label: f"age_{low}_{high}" if high is not None else f"age_{low}_plus"
        for label, low, high in AGE_BANDS
    },
    UNKNOWN_AGE: "unknown",
}


def _percent(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _bands(g: GroupFigures) -> dict[str, int]:
    return {AGE_BAND_KEYS[label]: n for label, n in g.by_band.items()}


def _heads(rows: list[SettlementRow]) -> list[dict]:
    return [{"head": r.name, "level": r.level, "budget": r.budget, "actual": r.actual} for r in rows]


def _progress(row: ProgressRow, label_key: str) -> dict:
    return {
        label_key: row.label,
        "actions": row.actions,
        "planned": row.planned,
        "done": row.done,
        "late": row.late,
        "rate_percent": _percent(row.rate),
    }


def plan_summary(session: Session, fiscal_year: int, today: date) -> dict:
    from nagato_desk.services import plans
    from nagato_desk.services.plan_progress import plan_progress

    plan = plans.latest_plan(session)
    empty = {
        "available": False,
        "plan_title": None,
        "start_year": None,
        "end_year": None,
        **{k: v for k, v in _progress(ProgressRow(""), "label").items() if k != "label"},
        "by_field": [],
    }
    if plan is None:
        return empty
    version = plans.current_version(session, plan.id)
    base = {**empty, "plan_title": version.title, "start_year": plan.start_year, "end_year": plan.end_year}
    if fiscal_year not in plans.plan_years(plan):
        return base
    p = plan_progress(session, version.id, fiscal_year, today)
    total = _progress(p.total, "label")
    del total["label"]
    return {**base, "available": True, **total, "by_field": [_progress(r, "field") for r in p.by_field]}


def city_summary(session: Session, fiscal_year: int, today: date) -> dict:
    """The summary of ``fiscal_year``: members and households on its last day, officers in office on
    ``today`` (the package's 役員名簿 is of the same day), held activities, the settlement of every
    fund by head, and the dream plan's progress up to the year."""
    council = require_council(session)
    starts, ends = fiscal_year_bounds(fiscal_year)
    members = member_figures(session, ends).total
    share = member_figures(session, today)
    officers = share.officers
    groups, held = participant_totals(session, fiscal_year)
    funds = []
    for f in list_funds(session):
        s = settle_year(session, f.id, fiscal_year)
        funds.append(
            {
                "name": f.name,
                "kind": f.kind,
                "closed": is_closed(session, f.id, fiscal_year),
                "income_total": s.income_actual,
                "expense_total": s.expense_actual,
                "carry_over_in": s.carry_over_in,
                "carry_over_out": s.carry_over_out,
                "income": _heads(s.income),
                "expense": _heads(s.expense),
            }
        )
    return {
        "format_version": FORMAT_VERSION,
        "generated_on": today.isoformat(),
        "council": {
            "name": council.name,
            "founded_on": council.founded_on.isoformat() if council.founded_on else None,
        },
        "fiscal_year": {
            "year": fiscal_year,
            "label": format_fiscal_year(fiscal_year),
            "starts_on": starts.isoformat(),
            "ends_on": ends.isoformat(),
        },
        "members": {
            "as_of": ends.isoformat(),
            "members": members.members,
            "households": members.households,
            "women": members.women,
            "men": members.men,
            "other_or_unknown": members.other_or_unknown,
            "by_age_band": _bands(members),
        },
        "officers": {
            "as_of": today.isoformat(),
            "people": officers.members,
            "terms": len(officers_as_of(session, today)),
            "women": officers.women,
            "men": officers.men,
            "other_or_unknown": officers.other_or_unknown,
            "by_age_band": _bands(officers),
            "women_share_percent": _percent(share.women_share_officers),
            "under_40_share_percent": _percent(share.under_40_share_officers),
        },
        "activities": {
            "held": held.activities,
            "participants": held.total,
            "residents": held.residents,
            "volunteers": held.volunteers,
            "partners": held.partners,
            "by_field": [{"field": g.label, "held": g.activities, "participants": g.total} for g in groups],
        },
        "accounts": {
            "income_total": sum(f["income_total"] for f in funds),
            "expense_total": sum(f["expense_total"] for f in funds),
            "funds": funds,
        },
        "plan_progress": plan_summary(session, fiscal_year, today),
    }
