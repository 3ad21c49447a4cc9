"""評価: yearly evaluations per action (PDCA) and locking a reported year."""

from __future__ import annotations

from datetime import date

import pytest
from plan_helpers import add_action, add_goal, council_session, make_plan, table_rows
from sqlalchemy import select

from nagato_desk.errors import ValidationError
from nagato_desk.models import ChangeLog
from nagato_desk.services import evaluations, plans
from nagato_desk.services.evaluations import EvaluationDraft


@pytest.fixture
def session(db):
    yield from council_session(db)


@pytest.fixture
def setup(session):
    plan = make_plan(session)  # FY2023–2032
    goal = add_goal(session, plan.versions[0].id)
    action = add_action(session, goal.id, years=(2023, 2024, 2025))
    return plan, action


def test_record_and_correct_an_evaluation(session, setup):
    plan, action = setup
    draft = EvaluationDraft(
        "in_progress", "b", "月1回の見守り訪問", "担い手の高齢化", "若い世代に声をかける", date(2024, 4, 20)
    )
    row = evaluations.save_evaluation(session, action.id, 2023, draft)
    assert (row.status, row.rating, row.next_step) == ("in_progress", "B", "若い世代に声をかける")
    again = evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("done", "A"))
    assert again.id == row.id  # one evaluation per action and year
    assert evaluations.draft_of_evaluation(again).status == "done"
    assert list(evaluations.evaluations_of_year(session, plan.versions[0].id, 2023)) == [action.id]


def test_bad_evaluations_refused(session, setup):
    plan, action = setup
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("finished", "E"))
    assert {p.field for p in err.value.problems} == {"status", "rating"}
    with pytest.raises(ValidationError) as err:
        evaluations.save_evaluation(session, action.id, 2033, EvaluationDraft("done"))
    assert err.value.problems[0].field == "fiscal_year"
    assert table_rows(session) == before


def test_unplanned_year_may_be_evaluated(session, setup):
    plan, action = setup
    # 2026 is not planned; a council may still report work done that year (the data check warns)
    assert evaluations.save_evaluation(session, action.id, 2026, EvaluationDraft("done")).fiscal_year == 2026


def test_locked_year_refuses_edits_until_deliberately_unlocked(session, setup):
    plan, action = setup
    evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("in_progress", "B"))
    evaluations.lock_year(session, plan.id, 2023, date(2024, 5, 31), "市に報告")
    assert evaluations.is_year_locked(session, plan.id, 2023)
    assert evaluations.locked_years(session, plan.id) == [2023]
    before = table_rows(session)
    for attempt in (
        lambda: evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("done", "A")),
        lambda: evaluations.delete_evaluation(session, action.id, 2023),
    ):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "確定" in err.value.ja
    assert table_rows(session) == before
    # other years stay open
    evaluations.save_evaluation(session, action.id, 2024, EvaluationDraft("in_progress"))
    with pytest.raises(ValidationError):  # twice is refused
        evaluations.lock_year(session, plan.id, 2023, date(2024, 6, 1))
    with pytest.raises(ValidationError) as err:  # no reason, no unlock
        evaluations.unlock_year(session, plan.id, 2023, " ")
    assert err.value.problems[0].field == "reason"
    evaluations.unlock_year(session, plan.id, 2023, "実施内容の誤記を訂正するため")
    assert not evaluations.is_year_locked(session, plan.id, 2023)
    event = session.scalars(select(ChangeLog).where(ChangeLog.action == "unlock")).one()
    assert (event.table_name, event.row_id) == ("dream_plan", plan.id)
    assert "令和5年度" in event.note and "誤記を訂正" in event.note
    assert (
        evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("done", "A")).status == "done"
    )
    with pytest.raises(ValidationError):
        evaluations.unlock_year(session, plan.id, 2023, "もう一度")


def test_lock_outside_the_period_refused(session, setup):
    plan, _ = setup
    with pytest.raises(ValidationError):
        evaluations.lock_year(session, plan.id, 2040, date(2041, 5, 1))


def test_locks_carry_over_a_revision(session, setup):
    plan, action = setup
    evaluations.save_evaluation(session, action.id, 2023, EvaluationDraft("done", "A"))
    evaluations.lock_year(session, plan.id, 2023, date(2024, 5, 31))
    new = plans.revise_plan(session, plan.id, date(2027, 5, 1), "中間見直し")
    [copy] = [a for g in new.goals for a in g.actions]
    with pytest.raises(ValidationError):
        evaluations.save_evaluation(session, copy.id, 2023, EvaluationDraft("in_progress"))
    assert evaluations.evaluations_of_action(session, copy.id)[0].rating == "A"


def test_year_lock_details(session, setup):
    plan, _ = setup
    assert evaluations.year_lock(session, plan.id, 2024) is None
    evaluations.lock_year(session, plan.id, 2024, date(2025, 5, 31), " 市に報告 ")
    lock = evaluations.year_lock(session, plan.id, 2024)
    assert (lock.locked_on, lock.note) == (date(2025, 5, 31), "市に報告")
    with pytest.raises(ValidationError) as err:
        evaluations.lock_year(session, plan.id, 2025, None)
    assert err.value.problems[0].field == "locked_on"
