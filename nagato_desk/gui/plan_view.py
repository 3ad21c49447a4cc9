"""Which plan version the 夢プラン tabs show, and whether it may be changed (only the latest version of
a plan can be; older versions are shown read-only).

Note for the 夢プラン widgets: with PySide6 6.12, reading an empty QVariant from Python
(``combo.currentData()`` of an item whose data is None, of an empty combo …) gives None without
taking a reference to it; enough such reads end in "Fatal Python error: none_dealloc". So "no
choice" entries of combos hold 0 (never None), and empty combos are not read.
"""

from __future__ import annotations

from dataclasses import dataclass

from nagato_desk.database import Database
from nagato_desk.services import plans as plans_service


@dataclass(frozen=True)
class PlanView:
    plan_id: int
    version_id: int
    version_number: int
    read_only: bool  # an older version (見直し前の版)
    years: tuple[int, ...]  # the ten fiscal years of the period

    @property
    def start_year(self) -> int:
        return self.years[0]


def view_of(db: Database, plan_id: int, version_id: int | None = None) -> PlanView:
    """The view of ``version_id`` (the current version when None)."""
    with db.Session() as session:
        plan = plans_service.get_plan(session, plan_id)
        versions = plans_service.plan_versions(session, plan_id)
        version = next((v for v in versions if v.id == version_id), versions[-1])
        return PlanView(
            plan.id,
            version.id,
            version.number,
            version.id != versions[-1].id,
            tuple(plans_service.plan_years(plan)),
        )
