"""The council's profile (協議会): registering it (with its 自治会, the first-start wizard) and editing it.

Every user intent is one function here, called by the window, the command line, importers and tests.
The 自治会 and their yearly figures are in ``services/associations.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Council, NeighbourhoodAssociation

if TYPE_CHECKING:
    from nagato_desk.services.associations import AssociationDraft

NAME_MAX = 200


@dataclass
class CouncilDraft:
    """What the first-start wizard and the profile form collect."""

    name: str
    representative: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    founded_on: date | None = None
    notes: str = ""


def clean_text(text: str | None) -> str:
    return (text or "").strip()


def validate_council(draft: CouncilDraft) -> list[Problem]:
    problems = []
    name = clean_text(draft.name)
    if not name:
        problems.append(
            Problem("協議会の名称を入力してください。", "Enter the council's name.", field="name")
        )
    elif len(name) > NAME_MAX:
        problems.append(
            Problem(
                f"協議会の名称は{NAME_MAX}文字以内にしてください。",
                f"The name is longer than {NAME_MAX} characters.",
                field="name",
            )
        )
    if draft.founded_on is not None and draft.founded_on > date.today():
        problems.append(
            Problem("設立年月日が未来の日付です。", "The founding date is in the future.", field="founded_on")
        )
    phone = clean_text(draft.phone)
    if phone and not any(ch.isdigit() for ch in phone):
        problems.append(
            Problem("電話番号に数字がありません。", "The phone number has no digits.", field="phone")
        )
    return problems


def get_council(session: Session) -> Council | None:
    return session.scalars(select(Council).order_by(Council.id).limit(1)).first()


def require_council(session: Session) -> Council:
    council = get_council(session)
    if council is None:
        raise problem(
            "協議会がまだ登録されていません。最初に協議会を登録してください（nagato-desk init）。",
            "No council is registered yet. Register one first (nagato-desk init).",
        )
    return council


def _apply(council: Council, draft: CouncilDraft) -> None:
    council.name = clean_text(draft.name)
    council.representative = clean_text(draft.representative)
    council.postal_code = clean_text(draft.postal_code)
    council.address = clean_text(draft.address)
    council.phone = clean_text(draft.phone)
    council.founded_on = draft.founded_on
    council.notes = (draft.notes or "").strip()


def create_council(
    session: Session, draft: CouncilDraft, associations: list[AssociationDraft] | tuple = ()
) -> Council:
    """Register the council with its 自治会 and their figures (the first-start wizard, in one step)."""
    from nagato_desk.services.associations import (
        ASSOCIATION_NAME_MAX,
        set_figures,
        validate_figures,
        year_problems,
    )

    problems = validate_council(draft)
    if get_council(session) is not None:
        problems.append(
            Problem(
                "このデータにはすでに協議会が登録されています。",
                "A council is already registered in this data.",
            )
        )
    seen: set[str] = set()
    for index, assoc in enumerate(associations, start=1):
        name = clean_text(assoc.name)
        where = f"自治会{index}「{name}」の" if name else f"自治会{index}の"
        if not name:
            problems.append(
                Problem(f"自治会{index}の名称を入力してください。", f"Association {index} has no name.")
            )
        elif len(name) > ASSOCIATION_NAME_MAX:
            problems.append(
                Problem(
                    f"自治会{index}の名称は{ASSOCIATION_NAME_MAX}文字以内にしてください。",
                    f"Association {index}: the name is longer than {ASSOCIATION_NAME_MAX} characters.",
                )
            )
        elif name in seen:
            problems.append(
                Problem(f"自治会「{name}」が重複しています。", f"Association '{name}' appears twice.")
            )
        seen.add(name)
        # Everything set_figures would refuse is refused here, before any row is added to the session.
        for fy, figures in assoc.figures.items():
            problems.extend(year_problems(fy, where))
            problems.extend(validate_figures(figures, where))
    if problems:
        raise ValidationError(problems)
    council = Council(name="")
    _apply(council, draft)
    session.add(council)
    session.flush()
    from nagato_desk.services.officers import ensure_default_roles

    ensure_default_roles(session)
    for order, assoc in enumerate(associations, start=1):
        row = NeighbourhoodAssociation(
            council_id=council.id,
            name=clean_text(assoc.name),
            reading=clean_text(assoc.reading),
            sort_order=order,
        )
        session.add(row)
        session.flush()
        for fy, figures in assoc.figures.items():
            set_figures(session, row.id, fy, figures)
    return council


def draft_of(council: Council) -> CouncilDraft:
    """The council as the profile form edits it."""
    return CouncilDraft(
        name=council.name,
        representative=council.representative,
        postal_code=council.postal_code,
        address=council.address,
        phone=council.phone,
        founded_on=council.founded_on,
        notes=council.notes,
    )


def office_address(council: Council) -> str:
    """「〒759-0000 山口県長門市…」 as printed and shown (empty when neither is known)."""
    postal = f"〒{council.postal_code}" if council.postal_code else ""
    return " ".join(x for x in (postal, council.address) if x)


def update_council(session: Session, draft: CouncilDraft) -> Council:
    problems = validate_council(draft)
    if problems:
        raise ValidationError(problems)
    council = require_council(session)
    _apply(council, draft)
    session.flush()
    return council
