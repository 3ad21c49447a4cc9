"""Shared by the member tests: a council with two 自治会, adding a person, and proving that a refused
action changed nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import (
    ChangeLog,
    CommitteeMembership,
    Consent,
    Household,
    Member,
    MemberEvent,
    OfficerTerm,
)
from nagato_desk.services import members as ms
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.members import MemberDraft


def two_associations(session) -> dict[str, int]:
    """A council with 東区自治会 and 西区自治会: {name: id}."""
    council = create_council(
        session,
        CouncilDraft(name="試験協議会"),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
    )
    return {a.name: a.id for a in council.associations}


def snapshot(session) -> tuple:
    """Everything a refused action must leave as it was (counting also flushes pending changes)."""
    counts = tuple(
        session.scalar(select(func.count()).select_from(model))
        for model in (Member, MemberEvent, Consent, Household, ChangeLog, CommitteeMembership, OfficerTerm)
    )
    people = tuple(
        session.execute(
            select(
                Member.id,
                Member.name,
                Member.status,
                Member.left_on,
                Member.address,
                Member.association_id,
                Member.block_id,
                Member.household_id,
                Member.deleted_at,
            ).order_by(Member.id)
        )
    )
    return counts, people


def refused(session, action, fragment: str) -> ValidationError:
    """``action`` raises a ValidationError naming ``fragment`` and changes nothing."""
    before = snapshot(session)
    with pytest.raises(ValidationError) as err:
        action()
    assert fragment in str(err.value)
    assert snapshot(session) == before
    return err.value


def add(session, name="佐藤 花子", reading="さとう はなこ", **kw) -> Member:
    return ms.add_member(session, MemberDraft(name=name, reading=reading, **kw))
