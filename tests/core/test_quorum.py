"""定足数: the counting rules, worked out by hand on edge cases."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import council_of_ten, general_meeting, session  # noqa: F401 - fixture

from nagato_desk.errors import ValidationError
from nagato_desk.services import attendance as att
from nagato_desk.services import members as ms
from nagato_desk.services.meetings import meeting_quorum
from nagato_desk.services.quorum import RuleDraft, quorum_status, required_for, rule_for, set_rule, tally

MAJ = RuleDraft()  # 過半数, counting proxies and written votes


def test_exactly_half_is_not_more_than_half():
    # 10 eligible, 5 present: 5 × 2 = 10 is not > 10 → 不成立; 6 is the fewest that makes it.
    t = tally([(i, "present" if i <= 5 else "absent", None) for i in range(1, 11)], chair_member_id=1)
    st = quorum_status(t, MAJ)
    assert (st.counted, st.required, st.met) == (5, 6, False)
    assert st.text.startswith("在籍 10 名中 出席 5 名、委任状 0 名、書面表決 0 名 — 不成立")
    assert "あと 1 名" in st.text
    # one more present: 6 × 2 = 12 > 10 → 成立
    t = tally([(i, "present" if i <= 6 else "absent", None) for i in range(1, 11)], chair_member_id=1)
    assert quorum_status(t, MAJ).met is True
    assert (
        quorum_status(t, MAJ).text
        == "在籍 10 名中 出席 6 名、委任状 0 名、書面表決 0 名 — 成立（計 6 名、定足数 6 名）"
    )


def test_fewest_needed_for_odd_numbers_and_two_thirds():
    assert required_for(9, MAJ) == 5  # 9 // 2 + 1: 5 × 2 = 10 > 9, 4 × 2 = 8 is not
    two_thirds = RuleDraft(quorum_num=2, quorum_den=3, quorum_strict=False)
    assert required_for(10, two_thirds) == 7  # 20 / 3 = 6.67 → 7 (6 × 3 = 18 < 20, 7 × 3 = 21 ≥ 20)
    assert required_for(9, two_thirds) == 6  # 6 × 3 = 18 ≥ 18 exactly
    assert required_for(10, RuleDraft(quorum_num=0, quorum_den=0)) is None


def test_proxies_and_written_votes_count_but_a_proxy_to_an_absent_holder_does_not():
    # 10 eligible: 1–3 present; 4 proxy to 1 (present: usable); 5 proxy to the chair (議長一任, a
    # chair is set: usable); 6 proxy to 9, who is absent (void → 欠席); 7 written; 8–10 absent.
    entries = [(1, "present", None), (2, "present", None), (3, "present", None), (4, "proxy", 1)]
    entries += [(5, "proxy", None), (6, "proxy", 9), (7, "written", None)]
    entries += [(8, "absent", None), (9, "absent", None), (10, "absent", None)]
    t = tally(entries, chair_member_id=1)
    assert (t.present, t.proxies, t.written, t.void_proxies, t.absent) == (3, 2, 1, 1, 4)
    st = quorum_status(t, MAJ)
    # counted 3 + 2 + 1 = 6 > 5 → 成立; had the void proxy counted it would have been 7.
    assert (st.counted, st.met) == (6, True)
    assert "委任先が欠席の委任状 1 名は欠席扱い" in st.text
    # without a chair the 議長一任 proxy cannot be used either: 3 + 1 + 1 = 5 → 不成立 (exactly half)
    st = quorum_status(tally(entries, chair_member_id=None), MAJ)
    assert (st.counted, st.met) == (5, False)


def test_a_rule_that_does_not_count_proxies():
    entries = [(1, "present", None), (2, "present", None), (3, "present", None), (4, "proxy", 1)]
    entries += [(5, "proxy", 1), (6, "written", None), (7, "absent", None)]
    rule = RuleDraft(count_proxies=False)
    st = quorum_status(tally(entries, 1), rule)
    # 3 present + 1 written = 4 of 7: 4 × 2 = 8 > 7 → 成立 (the 2 proxies are shown, not counted)
    assert (st.counted, st.met) == (4, True)
    assert "委任状は出席に数えない" in st.text


def test_rules_are_stored_per_kind_and_checked(session):  # noqa: F811
    council_of_ten(session)
    assert rule_for(session, "board") == RuleDraft(article=rule_for(session, "board").article)
    assert rule_for(session, "training").has_quorum is False
    set_rule(session, "board", RuleDraft(quorum_num=2, quorum_den=3, quorum_strict=False, article="第12条"))
    assert rule_for(session, "board").quorum_num == 2
    with pytest.raises(ValidationError, match="定足数の割合"):
        set_rule(session, "board", RuleDraft(quorum_num=3, quorum_den=2))
    assert rule_for(session, "board").quorum_den == 3  # unchanged


def test_a_member_who_left_before_the_meeting_is_not_eligible(session):  # noqa: F811
    ids = council_of_ten(session)
    # 渡辺 left on 1 May (before the 17 May meeting); 吉村 leaves on 31 May (after): still eligible.
    ms.record_leaving(session, ids["渡辺"], "withdrawn", date(2026, 5, 1))
    ms.record_leaving(session, ids["吉村"], "moved", date(2026, 5, 31))
    m = general_meeting(session, ids)
    eligible = {r.member_id for r in att.attendance_rows(session, m.id)}
    assert ids["渡辺"] not in eligible and ids["吉村"] in eligible
    assert len(eligible) == 9
    # 9 eligible: 5 needed (9 // 2 + 1); 4 present, 1 written → 成立
    for name in ("青木", "加藤", "佐藤", "山田"):
        att.set_attendance(session, m.id, ids[name], "present")
    assert meeting_quorum(session, m.id).met is False  # 4 × 2 = 8 is not > 9
    att.set_attendance(session, m.id, ids["田中"], "written")
    st = meeting_quorum(session, m.id)
    assert st.text.startswith("在籍 9 名中 出席 4 名、委任状 0 名、書面表決 1 名 — 成立")
    with pytest.raises(ValidationError, match="出席資格者ではありません"):
        att.set_attendance(session, m.id, ids["渡辺"], "present")
