"""過半数 and 3分の2: results computed from the counts, worked out by hand; overrides need a reason."""

from __future__ import annotations

import pytest
from meeting_helpers import council_of_ten, general_meeting, session  # noqa: F401 - fixture

from nagato_desk.errors import ValidationError
from nagato_desk.services import attendance as att
from nagato_desk.services import votes
from nagato_desk.services.votes import AgendaDraft, compute_result, passes
from tests.core.link_helpers import a_plan_action_id


def test_abstentions_under_majority_and_two_thirds():
    # base 10 (出席者 incl. proxies and written votes): 5 for, 2 against, 3 abstain.
    # 過半数: 5 × 2 = 10 is not > 10 → 否決 (the abstentions work as votes against)
    assert compute_result("count", "majority", 5, 2, 3, base=10) == "rejected"
    # 6 for: 12 > 10 → 可決, though only 6 of 10
    assert compute_result("count", "majority", 6, 1, 3, base=10) == "passed"
    # 3分の2以上 of 10: 7 × 3 = 21 ≥ 20 → 可決; 6 × 3 = 18 < 20 → 否決 (even with 0 against)
    assert compute_result("count", "two_thirds", 7, 0, 3, base=10) == "passed"
    assert compute_result("count", "two_thirds", 6, 0, 4, base=10) == "rejected"
    # base 9, 3分の2 exactly: 6 × 3 = 18 ≥ 18 → 可決
    assert compute_result("count", "two_thirds", 6, 3, 0, base=9) == "passed"
    assert passes(3, 4, "three_quarters") and not passes(2, 4, "three_quarters")  # 12 ≥ 12; 8 < 12


def test_show_of_hands_and_unanimous():
    assert compute_result("unanimous", "two_thirds", None, None, None, base=10) == "passed"
    assert compute_result("hands_majority", "majority", None, None, None, base=10) == "passed"
    assert compute_result("continued", "majority", None, None, None, base=10) == "continued"
    assert compute_result("none", "majority", None, None, None, base=10) == ""
    with pytest.raises(ValidationError, match="賛成多数だけでは"):
        compute_result("hands_majority", "two_thirds", None, None, None, base=10)
    with pytest.raises(ValidationError, match="超えています"):
        compute_result("count", "majority", 8, 2, 1, base=10)  # 11 votes from 10 people


def _meeting_with_seven(session):  # noqa: F811
    ids = council_of_ten(session)
    m = general_meeting(session, ids)
    # 5 present, 1 proxy to 山田 (present), 1 written → 出席者数 7 of 10 (the base)
    for name in ("青木", "加藤", "佐藤", "田中", "山田"):
        att.set_attendance(session, m.id, ids[name], "present")
    att.set_attendance(session, m.id, ids["中村"], "proxy", ids["山田"])
    att.set_attendance(session, m.id, ids["林"], "written")
    return ids, m


def test_agenda_numbers_rules_and_results_on_a_meeting(session):  # noqa: F811
    ids, m = _meeting_with_seven(session)
    report = votes.add_agenda_item(session, m.id, AgendaDraft("令和7年度事業報告", section="report"))
    first = votes.add_agenda_item(
        session,
        m.id,
        AgendaDraft(
            "令和8年度事業計画（案）", vote_method="count", votes_for=4, votes_against=2, votes_abstain=1
        ),
    )
    rules = votes.add_agenda_item(
        session,
        m.id,
        AgendaDraft(
            "規約の一部改正",
            subject="rules",
            vote_method="count",
            votes_for=5,
            votes_against=1,
            votes_abstain=1,
        ),
    )
    assert [votes.item_label(i) for i in (report, first, rules)] == ["報告1", "第1号議案", "第2号議案"]
    # 4 of 7 under 過半数: 8 > 7 → 可決
    assert first.result == "passed"
    # 規約改正 defaults to 3分の2以上: 5 × 3 = 15 ≥ 14 → 可決
    assert (rules.vote_rule, rules.result) == ("two_thirds", "passed")
    assert votes.vote_text(first) == "賛成 4 名、反対 2 名、棄権 1 名（過半数）により可決"
    # 中村's holder 山田 becomes absent: the proxy is void, the base drops to 5 (4 present + 1 written)
    # and 規約改正 with 5 votes cast still fits (5 × 3 = 15 ≥ 10 → 可決); 第1号議案 4 × 2 = 8 > 5.
    att.set_attendance(session, m.id, ids["山田"], "absent")
    session.refresh(first)
    assert first.result == "passed"
    # more votes than people now: the recount is refused
    with pytest.raises(ValidationError, match="超えています"):
        votes.record_vote(session, first.id, "count", 4, 2, 1)


def test_override_needs_a_reason_and_is_printed(session):  # noqa: F811
    _ids, m = _meeting_with_seven(session)
    item = votes.add_agenda_item(
        session,
        m.id,
        AgendaDraft("防犯灯の増設", vote_method="count", votes_for=3, votes_against=3, votes_abstain=1),
    )
    assert item.result == "rejected"  # 3 × 2 = 6 is not > 7
    with pytest.raises(ValidationError, match="理由を入力"):
        votes.override_result(session, item.id, "continued", "  ")
    assert item.result == "rejected"
    votes.override_result(session, item.id, "continued", "費用の見積りを取り直すため")
    assert (item.computed_result, item.result) == ("rejected", "continued")
    assert "議長の判断により継続審議（理由：費用の見積りを取り直すため）" in votes.vote_text(item)


def test_report_items_are_not_voted_and_items_move_and_renumber(session):  # noqa: F811
    _ids, m = _meeting_with_seven(session)
    action = a_plan_action_id(session)
    with pytest.raises(ValidationError, match="報告事項は採決しません"):
        votes.add_agenda_item(
            session, m.id, AgendaDraft("会計報告", section="report", vote_method="unanimous")
        )
    a = votes.add_agenda_item(session, m.id, AgendaDraft("議案A", vote_method="unanimous"))
    b = votes.add_agenda_item(
        session, m.id, AgendaDraft("議案B", vote_method="unanimous", plan_action_id=action)
    )
    assert b.plan_action_id == action  # the link to the dream plan's action is stored
    votes.move_agenda_item(session, b.id, -1)
    assert (b.number, a.number) == (1, 2)
    votes.delete_agenda_item(session, b.id)
    assert a.number == 1
