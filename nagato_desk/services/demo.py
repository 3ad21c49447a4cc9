"""The demo council: fictional people, real shape.

Based on 宇津賀地区まちづくり協議会's figures in the city's plan (761 people, 424 aged 65+, 374
households) split over five fictional 自治会. Dates are relative to ``today``: the current fiscal year
is in progress and the two before it are closed. Each record added by a later part of the program
appends its own step to ``DEMO_STEPS`` so the demo always shows every section filled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, fiscal_year_start
from nagato_desk.services.associations import AssociationDraft, FiguresDraft
from nagato_desk.services.council import CouncilDraft, create_council

DEMO_COUNCIL_NAME = "宇津賀地区まちづくり協議会（デモ）"

# (name, reading, [(households, population, aged 65+) for this FY, last FY, the FY before])
# Sums for this year: 374 households, 761 people, 424 aged 65+ — the plan's figures.
_ASSOCIATIONS = [
    ("東浜自治会", "ひがしはまじちかい", [(92, 185, 98), (93, 189, 97), (94, 194, 96)]),
    ("西浜自治会", "にしはまじちかい", [(78, 160, 92), (79, 164, 92), (80, 169, 91)]),
    ("中山自治会", "なかやまじちかい", [(66, 131, 77), (67, 135, 76), (68, 140, 76)]),
    ("北原自治会", "きたはらじちかい", [(71, 143, 79), (72, 147, 79), (73, 152, 78)]),
    ("南ヶ丘自治会", "みなみがおかじちかい", [(67, 142, 78), (68, 146, 78), (69, 151, 77)]),
]


def _council(session: Session, today: date) -> None:
    fy = fiscal_year_of(today)
    associations = [
        AssociationDraft(
            name=name,
            reading=reading,
            figures={fy - back: FiguresDraft(*figures[back]) for back in range(3)},
        )
        for name, reading, figures in _ASSOCIATIONS
    ]
    create_council(
        session,
        CouncilDraft(
            name=DEMO_COUNCIL_NAME,
            representative="山田 太郎",
            postal_code="759-0000",
            address="山口県長門市油谷（架空）1番地 地区公民館内",
            phone="0837-00-0000",
            founded_on=fiscal_year_start(fy - 9),
            notes="デモ用の架空の協議会です。人口などの数字は長門市協働によるまちづくり推進計画（第2次）の"
            "宇津賀地区の数字を基にしています。",
        ),
        associations,
    )


#: Steps that fill the demo, in order; later records append theirs.
DEMO_STEPS: list[Callable[[Session, date], None]] = [_council]


def write_demo(session: Session, today: date | None = None) -> None:
    """Fill an empty database with the demo council (one transaction: all of it or nothing)."""
    today = today or date.today()
    for step in DEMO_STEPS:
        step(session, today)


def _step(module: str, function: str) -> Callable[[Session, date], None]:
    """A demo step living in ``nagato_desk.services.<module>``, imported only when the demo is written."""

    def step(session: Session, today: date) -> None:
        from importlib import import_module

        getattr(import_module(f"nagato_desk.services.{module}"), function)(session, today)

    step.__name__ = f"_{function}"
    return step


_members = _step("demo_members", "demo_members")

# In order: each step uses what the earlier ones made. The past years are closed last, after the
# entries were linked to the plan and the budgets to their meetings, as a real council would.
DEMO_STEPS += [
    _members,
    _step("demo_plan", "demo_plan"),
    _step("demo_activities", "demo_activities"),
    _step("demo_meetings", "demo_meetings"),
    _step("demo_accounts", "demo_accounts"),
    _step("demo_links", "demo_links"),
    _step("demo_accounts", "close_demo_years"),
]
