"""The meeting list and the 議決事項一覧 are one SQL query each (issue 9: 600 meetings must list in
under 100 ms): the counts SQLite makes must be the ones ``quorum.tally`` makes meeting by meeting."""

from __future__ import annotations

from datetime import date

from meeting_helpers import council_of_ten, general_meeting, session  # noqa: F401 - fixture

from nagato_desk.services import attendance as att
from nagato_desk.services import meetings as mt
from nagato_desk.services.committees import add_committee
from nagato_desk.services.meetings import MeetingDraft
from nagato_desk.services.resolutions import ResolutionFilter, search_resolutions
from nagato_desk.services.votes import AgendaDraft, add_agenda_item


def test_list_counts_proxies_as_the_quorum_does(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)  # chaired by 山田
    for name in ("青木", "加藤", "佐藤"):
        att.set_attendance(session, m.id, ids[name], "present")
    att.set_attendance(session, m.id, ids["田中"], "proxy", ids["青木"])  # holder present: usable
    att.set_attendance(session, m.id, ids["中村"], "proxy", ids["林"])  # holder absent: void
    att.set_attendance(session, m.id, ids["松本"], "proxy")  # 議長一任 with a chair: usable
    att.set_attendance(session, m.id, ids["吉村"], "written")
    # 10 eligible; present 3, usable proxies 2 (田中, 松本), written 1, void 1 (中村):
    # counted 3 + 2 + 1 = 6; more than half of 10 needs 10 // 2 + 1 = 6 → 成立
    row = mt.list_meetings(session)[0]
    assert (row.eligible, row.counted, row.quorum_met) == (10, 6, True)
    assert row.quorum_text.startswith(
        "在籍 10 名中 出席 3 名、委任状 2 名、書面表決 1 名（委任先が欠席の委任状 1 名は欠席扱い） — 成立"
    )
    assert row.quorum_text == mt.meeting_quorum(session, m.id).text
    assert row.title == "令和8年度定期総会"  # no title given: the fiscal year and the kind


def test_list_without_chair_and_of_a_committee(session):  # noqa: F811
    ids = council_of_ten(session)
    welfare = add_committee(session, "福祉部会")
    m = mt.add_meeting(
        session,
        MeetingDraft(
            kind="committee", held_on=date(2026, 6, 1), committee_id=welfare.id, eligibility="delegates"
        ),
    )
    att.set_delegates(session, m.id, [ids["青木"], ids["加藤"], ids["佐藤"], ids["田中"]])
    att.set_attendance(session, m.id, ids["青木"], "present")
    att.set_attendance(session, m.id, ids["加藤"], "proxy")  # 議長一任 but no chair: void
    att.set_attendance(session, m.id, ids["佐藤"], "proxy", ids["山田"])  # 山田 is not at this meeting: void
    # 4 eligible; 1 present, 0 usable, 2 void: counted 1, needs 4 // 2 + 1 = 3 → 不成立
    row = mt.list_meetings(session)[0]
    assert (row.eligible, row.counted, row.quorum_met) == (4, 1, False)
    assert row.quorum_text == mt.meeting_quorum(session, m.id).text
    assert row.title == "福祉部会"
    empty = mt.add_meeting(
        session, MeetingDraft(kind="workshop", held_on=date(2026, 7, 1), eligibility="delegates")
    )
    att.set_delegates(session, empty.id, [])
    first = mt.list_meetings(session)[0]  # newest first: the workshop of 1 July, nobody listed
    assert (first.id, first.eligible, first.counted, first.quorum_met) == (empty.id, 0, 0, None)


def test_resolutions_name_the_meeting_and_the_vote(session):  # noqa: F811
    ids = council_of_ten(session)
    welfare = add_committee(session, "福祉部会")
    g = general_meeting(session, ids)
    c = mt.add_meeting(
        session, MeetingDraft(kind="committee", held_on=date(2026, 9, 1), committee_id=welfare.id)
    )
    for meeting in (g, c):
        att.mark_all(session, meeting.id, "present")
    add_agenda_item(session, g.id, AgendaDraft("令和7年度決算について", vote_method="unanimous"))
    add_agenda_item(session, c.id, AgendaDraft("敬老会の開催について", vote_method="hands_majority"))
    rows = search_resolutions(session, ResolutionFilter(fiscal_year=2026))
    assert [(r.meeting_title, r.label, r.title, r.vote) for r in rows] == [
        ("令和8年度定期総会", "第1号議案", "令和7年度決算について", "全会一致により可決"),
        ("福祉部会", "第1号議案", "敬老会の開催について", "挙手による賛成多数により可決"),
    ]
    assert [r.meeting_kind for r in rows] == ["定期総会", "部会"]
    assert [r.title for r in search_resolutions(session, ResolutionFilter(text="けいろう"))] == []
    assert [r.title for r in search_resolutions(session, ResolutionFilter(text="敬老"))] == [
        "敬老会の開催について"
    ]
