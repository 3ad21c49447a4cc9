"""The data check's meeting rules, and the demo's meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from meeting_helpers import HELD_ON, council_of_ten, general_meeting, session  # noqa: F401 - fixture
from sqlalchemy import select

from nagato_desk.database import open_database
from nagato_desk.models import Attendance, Meeting
from nagato_desk.services import attendance as att
from nagato_desk.services import meeting_checks as mc
from nagato_desk.services import members as ms
from nagato_desk.services import votes
from nagato_desk.services.check import run_checks
from nagato_desk.services.meeting_actions import open_actions
from nagato_desk.services.meetings import MeetingFilter, draft_of, list_meetings, update_meeting
from nagato_desk.services.officers import officers_as_of
from nagato_desk.services.resolutions import ResolutionFilter, search_resolutions
from nagato_desk.services.votes import AgendaDraft


def _texts(findings) -> list[str]:
    return [f.ja for f in findings]


def test_passed_without_quorum_is_a_warning(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)
    for name in ("青木", "加藤", "佐藤", "山田", "林"):  # 5 of 10: exactly half, not a quorum
        att.set_attendance(session, m.id, ids[name], "present")
    votes.add_agenda_item(session, m.id, AgendaDraft("予算（案）", vote_method="unanimous"))
    found = _texts(mc.check_resolutions_without_quorum(session))
    assert len(found) == 1 and "定足数を満たしていない" in found[0] and "第1号議案が可決" in found[0]
    att.set_attendance(session, m.id, ids["田中"], "written")  # 6 > 5: now a quorum
    assert _texts(mc.check_resolutions_without_quorum(session)) == []


def test_a_general_meeting_with_decisions_needs_two_signers(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)
    update_meeting(session, m.id, replace(draft_of(m), signer_ids=[ids["青木"]]))
    assert _texts(mc.check_officials_are_members(session)) == []  # nothing decided yet
    votes.add_agenda_item(session, m.id, AgendaDraft("予算（案）", vote_method="continued"))
    found = _texts(mc.check_officials_are_members(session))
    assert found == ["No.1 令和8年5月17日 令和8年度定期総会：議事録署名人が1名です（規約では通常2名以上）。"]


def test_people_who_were_not_members_on_the_day(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)  # 青木 and 加藤 sign; 山田 chairs
    att.set_attendance(session, m.id, ids["渡辺"], "present")
    # recorded afterwards: 渡辺 had left on 1 May, 加藤 on 10 May (both before 17 May)
    ms.record_leaving(session, ids["渡辺"], "withdrawn", date(2026, 5, 1))
    ms.record_leaving(session, ids["加藤"], "moved", date(2026, 5, 10))
    leavers = _texts(mc.check_attendance_of_leavers(session))
    assert len(leavers) == 1 and "渡辺 六郎さんは開催日（令和8年5月17日）に会員ではありません" in leavers[0]
    officials = _texts(mc.check_officials_are_members(session))
    assert officials == [
        "No.1 令和8年5月17日 令和8年度定期総会：議事録署名人の加藤 花子さんは開催日に会員ではありません。"
    ]
    # taking the eligible list again (here by moving the time) clears the attendance finding
    update_meeting(session, m.id, replace(draft_of(m), held_on=HELD_ON.replace(day=18)))
    assert session.scalar(select(Attendance).where(Attendance.member_id == ids["渡辺"])) is None
    assert _texts(mc.check_attendance_of_leavers(session)) == []


def test_the_demo_has_meetings_and_stays_clean(demo_db_path):
    today = date(2026, 11, 29)
    with open_database(demo_db_path) as db:
        report = run_checks(db)
        meeting_labels = {"会議の出欠と会員の在籍", "議長・記録者・署名人の在籍", "定足数と議決"}
        assert meeting_labels <= {ja for ja, _en in report.checked}
        with db.Session() as s:
            for rule in (
                mc.check_attendance_of_leavers,
                mc.check_officials_are_members,
                mc.check_resolutions_without_quorum,
            ):
                assert list(rule(s)) == []
            generals = list_meetings(s, MeetingFilter(kind="general_any"))
            # last year's and this year's 総会 (FY2025 on 19 May 2025, FY2026 on 20 May 2026)
            assert [(r.held_on, r.title) for r in generals] == [
                (date(2026, 5, 20), "令和8年度定期総会"),
                (date(2025, 5, 19), "令和7年度定期総会"),
            ]
            assert all(r.quorum_met for r in generals)
            assert len(list_meetings(s, MeetingFilter(kind="board"))) >= 4
            assert len(list_meetings(s, MeetingFilter(kind="committee"))) >= 2
            assert open_actions(s, today)
            # this year's 役員改選 is linked to the terms the roster shows as today's officers
            this = s.scalar(select(Meeting).where(Meeting.held_on == date(2026, 5, 20)))
            election = next(i for i in this.agenda if i.subject == "election")
            elected = {e.officer_term_id for e in election.elected_terms}
            current = {r.term_id for r in officers_as_of(s, today) if not r.committee}
            assert elected == current and len(elected) == 13
            rules = search_resolutions(s, ResolutionFilter(text="規約"))
            assert [(r.title, r.result_label) for r in rules] == [("規約の一部改正について", "可決")]
