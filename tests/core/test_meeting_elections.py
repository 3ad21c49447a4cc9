"""役員選任 at a 総会: one action makes the officer terms, visible in the roster and on the meeting."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import HELD_ON, council_of_ten, general_meeting, session  # noqa: F401 - fixture
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import OfficerTerm, Role
from nagato_desk.services import elections, officers, votes
from nagato_desk.services.elections import ElectionDraft, ElectionLine
from nagato_desk.services.officers import TermDraft
from nagato_desk.services.votes import AgendaDraft


def _roles(s) -> dict[str, int]:
    officers.ensure_default_roles(s)
    return {r.name: r.id for r in s.scalars(select(Role))}


def test_an_election_makes_terms_in_the_roster_and_ends_the_previous(session):  # noqa: F811
    ids = council_of_ten(session)
    roles = _roles(session)
    old = officers.add_term(session, TermDraft(ids["山田"], roles["会長"], date(2024, 5, 19)))
    m = general_meeting(session, ids)
    item = votes.add_agenda_item(session, m.id, AgendaDraft("役員の選任について", subject="election"))
    draft = ElectionDraft(
        lines=[ElectionLine(ids["青木"], roles["会長"]), ElectionLine(ids["加藤"], roles["会計"])],
        ends_on=date(2028, 5, 16),
    )
    with pytest.raises(ValidationError, match="可決されていない"):
        elections.record_election(session, item.id, draft)
    votes.record_vote(session, item.id, "unanimous")
    made = elections.record_election(session, item.id, draft)
    assert len(made) == 2
    # the roster's officer list on the meeting day shows the new 会長 and 会計; 山田's term ended the day before
    on_day = {(r.role, r.name, r.chosen_by) for r in officers.officers_as_of(session, HELD_ON)}
    assert on_day == {("会長", "青木 一郎", "令和8年度定期総会"), ("会計", "加藤 花子", "令和8年度定期総会")}
    assert old.ends_on == date(2026, 5, 16)
    # and the meeting shows who it elected; a term shows the meeting that elected it
    assert [r.name for r in elections.elected_rows(session, item.id)] == ["青木 一郎", "加藤 花子"]
    assert (
        elections.election_of_term(session, made[0].id) == "No.1 令和8年5月17日 令和8年度定期総会 第1号議案"
    )
    assert elections.election_of_term(session, old.id) is None


def test_a_refused_election_writes_nothing(session):  # noqa: F811
    ids = council_of_ten(session)
    roles = _roles(session)
    officers.add_term(session, TermDraft(ids["加藤"], roles["会計"], HELD_ON))  # already 会計 from that day
    m = general_meeting(session, ids)
    item = votes.add_agenda_item(session, m.id, AgendaDraft("役員の選任", vote_method="unanimous"))
    before = session.scalar(select(func.count()).select_from(OfficerTerm))
    draft = ElectionDraft(
        lines=[ElectionLine(ids["青木"], roles["会長"]), ElectionLine(ids["加藤"], roles["会計"])],
        end_previous=False,
    )
    with pytest.raises(ValidationError) as err:
        elections.record_election(session, item.id, draft)
    assert "2行目" in str(err.value) and "重なっています" in str(err.value)
    assert session.scalar(select(func.count()).select_from(OfficerTerm)) == before
    assert item.elected_terms == []


def test_existing_terms_can_be_attached(session):  # noqa: F811
    ids = council_of_ten(session)
    roles = _roles(session)
    term = officers.add_term(session, TermDraft(ids["林"], roles["監事"], HELD_ON))
    m = general_meeting(session, ids)
    item = votes.add_agenda_item(session, m.id, AgendaDraft("監事の選任", vote_method="unanimous"))
    elections.attach_terms(session, item.id, [term.id])
    assert item.subject == "election"
    assert elections.election_of_term(session, term.id).endswith("第1号議案")
