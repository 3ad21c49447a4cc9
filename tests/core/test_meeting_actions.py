"""Actions agreed at meetings (open across meetings until done) and the resolutions register."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import council_of_ten, general_meeting, session  # noqa: F401 - fixture

from nagato_desk.errors import ValidationError
from nagato_desk.services import meeting_actions as acts
from nagato_desk.services import meetings as mt
from nagato_desk.services import votes
from nagato_desk.services.meeting_actions import ActionDraft
from nagato_desk.services.meetings import MeetingDraft
from nagato_desk.services.resolutions import ResolutionFilter, search_resolutions
from nagato_desk.services.votes import AgendaDraft
from tests.core.link_helpers import a_plan_action_id


def test_open_actions_across_meetings(session):  # noqa: F811
    ids = council_of_ten(session)
    action = a_plan_action_id(session)
    g = general_meeting(session, ids)
    b = mt.add_meeting(session, MeetingDraft(kind="board", held_on=date(2026, 7, 1)))
    a1 = acts.add_action(
        session, g.id, ActionDraft("防災マップを作る", who_text="防災・安全部会", due_on=date(2026, 10, 31))
    )
    a2 = acts.add_action(
        session,
        b.id,
        ActionDraft(
            "見積りを取る", who_member_id=ids["山田"], due_on=date(2026, 8, 31), plan_action_id=action
        ),
    )
    a3 = acts.add_action(session, b.id, ActionDraft("回覧を作る"))
    assert a2.plan_action_id == action
    rows = acts.open_actions(session, today=date(2026, 9, 15))
    # earliest due first, undated last; 8/31 is past on 9/15
    assert [r.id for r in rows] == [a2.id, a1.id, a3.id]
    assert [r.overdue for r in rows] == [True, False, False]
    assert rows[0].who == "山田 太郎" and rows[1].who == "防災・安全部会"
    acts.mark_done(session, a2.id, date(2026, 9, 1))
    assert [r.id for r in acts.open_actions(session, today=date(2026, 9, 15))] == [a1.id, a3.id]
    assert len(acts.meeting_actions(session, b.id)) == 2  # done ones stay on the meeting
    with pytest.raises(ValidationError, match="取組の内容を入力"):
        acts.add_action(session, g.id, ActionDraft("  "))
    mt.delete_meeting(session, b.id)  # a meeting in the trash takes its actions off the list
    assert [r.id for r in acts.open_actions(session)] == [a1.id]


def test_resolutions_register_searchable_across_years(session):  # noqa: F811
    ids = council_of_ten(session)
    g = general_meeting(session, ids)  # FY2026
    old = mt.add_meeting(session, MeetingDraft(kind="general", held_on=date(2025, 5, 18)))  # FY2025
    votes.add_agenda_item(session, old.id, AgendaDraft("令和7年度予算（案）", vote_method="unanimous"))
    votes.add_agenda_item(session, g.id, AgendaDraft("令和7年度事業報告", section="report"))
    votes.add_agenda_item(
        session,
        g.id,
        AgendaDraft("令和8年度予算（案）", proposal="竹炭事業の費用を含む", vote_method="unanimous"),
    )
    votes.add_agenda_item(session, g.id, AgendaDraft("会費の改定", vote_method="continued"))
    votes.add_agenda_item(session, g.id, AgendaDraft("未採決の議案"))
    rows = search_resolutions(session)
    # oldest meeting first; the report item and the unvoted item are not resolutions
    assert [(r.fiscal_year, r.label, r.title, r.result_label) for r in rows] == [
        (2025, "第1号議案", "令和7年度予算（案）", "可決"),
        (2026, "第1号議案", "令和8年度予算（案）", "可決"),
        (2026, "第2号議案", "会費の改定", "継続審議"),
    ]
    assert [r.title for r in search_resolutions(session, ResolutionFilter(text="予算"))] == [
        "令和7年度予算（案）",
        "令和8年度予算（案）",
    ]
    # the proposal text is searched too, in any kana width (ﾀｹｽﾞﾐ is not in it; 竹炭 is)
    assert [r.title for r in search_resolutions(session, ResolutionFilter(text="竹炭"))] == [
        "令和8年度予算（案）"
    ]
    assert len(search_resolutions(session, ResolutionFilter(fiscal_year=2026))) == 2
    assert len(search_resolutions(session, ResolutionFilter(result="continued"))) == 1
