"""会議: numbers users type, who may attend on the date, guests, the list and its filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from meeting_helpers import HELD_ON, council_of_ten, general_meeting, session  # noqa: F401 - fixture
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import Attendance, Meeting, Role
from nagato_desk.services import attendance as att
from nagato_desk.services import committees, officers
from nagato_desk.services import meetings as mt
from nagato_desk.services.meetings import MeetingDraft, MeetingFilter
from nagato_desk.services.officers import TermDraft


def test_numbers_are_a_sequence_and_resolve(session):  # noqa: F811
    ids = council_of_ten(session)
    first = general_meeting(session, ids, starts_at=time(13, 30), ends_at=time(15, 5))
    board = mt.add_meeting(session, MeetingDraft(kind="board", held_on=date(2026, 6, 2)))
    assert (first.number, board.number) == (1, 2)
    assert (first.starts_at, first.ends_at, first.fiscal_year) == ("13:30", "15:05", 2026)
    assert mt.japanese_time(first.starts_at) == "午後1時30分" and mt.japanese_time("09:00") == "午前9時"
    assert mt.meeting_title(first) == "令和8年度定期総会"
    assert mt.resolve_meeting(session, "last").id == board.id  # the latest held
    assert mt.resolve_meeting(session, None).id == first.id  # default: the latest 総会
    assert mt.resolve_meeting(session, "1").id == first.id
    with pytest.raises(ValidationError, match="会議番号 9 の会議はありません"):
        mt.resolve_meeting(session, "9")
    with pytest.raises(ValidationError, match="番号か last"):
        mt.resolve_meeting(session, "abc")
    # a meeting in the trash keeps its number: the next one is 3, not 2
    mt.delete_meeting(session, board.id)
    third = mt.add_meeting(
        session, MeetingDraft(kind="training", held_on=date(2026, 7, 1), title="防災研修会")
    )
    assert third.number == 3
    mt.restore_meeting(session, board.id)
    assert mt.resolve_meeting(session, "2").id == board.id


def test_bad_drafts_are_refused_and_nothing_is_written(session):  # noqa: F811
    ids = council_of_ten(session)
    bad = MeetingDraft(
        kind="general",
        held_on=HELD_ON,
        starts_at=time(15),
        ends_at=time(13),
        signer_ids=[ids["青木"], ids["青木"]],
    )
    with pytest.raises(ValidationError) as err:
        mt.add_meeting(session, bad)
    text = str(err.value)
    assert "終了時刻（13:00）が開始時刻（15:00）より前です" in text and "2回選ばれています" in text
    with pytest.raises(ValidationError, match="部会を選んでください"):
        mt.add_meeting(session, MeetingDraft(kind="committee", held_on=HELD_ON))
    assert session.scalar(select(func.count()).select_from(Meeting)) == 0
    assert session.scalar(select(func.count()).select_from(Attendance)) == 0


def test_officers_and_committee_meetings_take_their_people_on_the_date(session):  # noqa: F811
    ids = council_of_ten(session)
    officers.ensure_default_roles(session)
    role = session.scalar(select(Role).where(Role.name == "会長"))
    yaku = session.scalar(select(Role).where(Role.name == "役員"))
    # 山田 会長 from 2024-05-20 to 2026-05-19; 青木 会長 from 2026-05-20; 加藤 役員 throughout
    officers.add_term(session, TermDraft(ids["山田"], role.id, date(2024, 5, 20), date(2026, 5, 19)))
    officers.add_term(session, TermDraft(ids["青木"], role.id, date(2026, 5, 20)))
    officers.add_term(session, TermDraft(ids["加藤"], yaku.id, date(2024, 5, 20)))
    before = mt.add_meeting(session, MeetingDraft(kind="board", held_on=date(2026, 5, 19)))
    after = mt.add_meeting(session, MeetingDraft(kind="board", held_on=date(2026, 5, 20)))
    names = lambda m: [r.name for r in att.attendance_rows(session, m.id)]  # noqa: E731
    assert names(before) == ["加藤 花子", "山田 太郎"]  # 50音: か, や
    assert names(after) == ["青木 一郎", "加藤 花子"]
    # moving the meeting re-takes the list, keeping what was recorded for people still eligible
    att.set_attendance(session, after.id, ids["加藤"], "present")
    mt.update_meeting(session, after.id, replace(mt.draft_of(after), held_on=date(2026, 5, 19)))
    rows = att.attendance_rows(session, after.id)
    assert [(r.name, r.status) for r in rows] == [("加藤 花子", "present"), ("山田 太郎", "absent")]
    # a committee meeting: the committee's members on the day (林 joined on 1 June: not yet)
    c = committees.add_committee(session, "福祉部会")
    committees.join_committee(session, c.id, ids["中村"], joined_on=date(2025, 4, 1))
    committees.join_committee(session, c.id, ids["林"], joined_on=date(2026, 6, 1))
    cm = mt.add_meeting(session, MeetingDraft(kind="committee", held_on=date(2026, 5, 25), committee_id=c.id))
    assert names(cm) == ["中村 恵子"]
    assert mt.meeting_title(cm) == "福祉部会"


def test_delegates_are_chosen_from_the_roster_on_the_date(session):  # noqa: F811
    from nagato_desk.services import members as ms

    ids = council_of_ten(session)
    ms.record_leaving(session, ids["渡辺"], "withdrawn", date(2026, 4, 30))
    m = mt.add_meeting(session, MeetingDraft(kind="workshop", held_on=HELD_ON, eligibility="delegates"))
    assert att.attendance_rows(session, m.id) == []
    with pytest.raises(ValidationError, match="渡辺 六郎さんは開催日に会員ではない"):
        att.set_delegates(session, m.id, [ids["青木"], ids["渡辺"]])
    assert att.attendance_rows(session, m.id) == []
    att.set_delegates(session, m.id, [ids["林"], ids["青木"]])
    assert [r.name for r in att.attendance_rows(session, m.id)] == ["青木 一郎", "林 四郎"]


def test_guests_do_not_count_and_proxies_show_their_holder(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)
    att.add_guest(session, m.id, "長門 一郎", "長門市 地域づくり支援員")
    assert [g.name for g in m.guests] == ["長門 一郎"]
    assert mt.meeting_quorum(session, m.id).tally.eligible == 10  # the guest is not counted
    att.set_attendance(session, m.id, ids["田中"], "proxy", ids["佐藤"])  # 佐藤 absent: void
    att.set_attendance(session, m.id, ids["林"], "proxy")  # 議長一任
    rows = {r.name: r for r in att.attendance_rows(session, m.id)}
    assert (rows["田中 三郎"].proxy_to_name, rows["田中 三郎"].proxy_usable) == ("佐藤 次郎", False)
    assert (rows["林 四郎"].proxy_to_name, rows["林 四郎"].proxy_usable) == ("議長", True)
    with pytest.raises(ValidationError, match="自分自身には委任できません"):
        att.set_attendance(session, m.id, ids["林"], "proxy", ids["林"])
    assert att.mark_all(session, m.id, "present") == 8  # the 8 still 欠席
    st = mt.meeting_quorum(session, m.id)
    # now 佐藤 is present, so 田中's proxy counts: 8 present + 2 proxies = 10
    assert st.text.startswith("在籍 10 名中 出席 8 名、委任状 2 名、書面表決 0 名 — 成立")


def test_list_filters_by_year_kind_and_text(session):  # noqa: F811
    from nagato_desk.services.votes import AgendaDraft, add_agenda_item

    ids = council_of_ten(session)
    g = general_meeting(session, ids)
    add_agenda_item(session, g.id, AgendaDraft("夏祭りの開催について"))
    mt.add_meeting(session, MeetingDraft(kind="board", held_on=date(2025, 10, 1), place="集会所"))
    rows = mt.list_meetings(session)
    assert [r.number for r in rows] == [1, 2]  # newest first: 2026-05-17, 2025-10-01
    assert [r.number for r in mt.list_meetings(session, MeetingFilter(fiscal_year=2025))] == [2]
    assert [r.number for r in mt.list_meetings(session, MeetingFilter(kind="general_any"))] == [1]
    assert [r.number for r in mt.list_meetings(session, MeetingFilter(text="夏祭り"))] == [1]
    assert [r.number for r in mt.list_meetings(session, MeetingFilter(text="集会所"))] == [2]
    assert rows[0].quorum_met is False and rows[0].eligible == 10


def test_quick_entry_of_a_whole_list_is_all_or_nothing(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)
    entries = {ids["青木"]: ("present", None), ids["加藤"]: ("proxy", ids["青木"]), 999: ("present", None)}
    with pytest.raises(ValidationError, match="出席資格者ではありません"):
        att.set_attendance_many(session, m.id, entries)
    assert {r.status for r in att.attendance_rows(session, m.id)} == {"absent"}
    del entries[999]
    att.set_attendance_many(session, m.id, entries)
    # 1 present + 加藤's proxy to 青木 (present) = 2 of 10
    assert mt.meeting_quorum(session, m.id).counted == 2
