"""基本目標 and 取組: fields, order, who does what, the year grid within the plan period."""

from __future__ import annotations

import pytest
from plan_helpers import add_action, add_goal, committee, council_session, make_plan, table_rows

from nagato_desk.errors import ValidationError
from nagato_desk.models import PLAN_FIELDS
from nagato_desk.services import goals, plan_actions
from nagato_desk.services.goals import GoalDraft
from nagato_desk.services.plan_actions import ActionDraft


@pytest.fixture
def session(db):
    yield from council_session(db)


def test_the_plans_list_of_fields():
    assert PLAN_FIELDS[0] == "保健福祉" and PLAN_FIELDS[-1] == "農林水産業・6次産業"
    assert "コミュニティビジネス" in PLAN_FIELDS and len(PLAN_FIELDS) == 12


def test_goal_field_must_be_from_the_list(session):
    version = make_plan(session).versions[0]
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        goals.add_goal(session, version.id, GoalDraft("観光", ""))
    assert {p.field for p in err.value.problems} == {"field", "title"}
    assert table_rows(session) == before


def test_goals_in_order_move_up_and_down(session):
    version = make_plan(session).versions[0]
    a = add_goal(session, version.id, "保健福祉", "A")
    b = add_goal(session, version.id, "生活安全", "B")
    c = add_goal(session, version.id, "コミュニティビジネス", "C")

    def titles():
        return [g.title for g in goals.list_goals(session, version.id)]

    assert titles() == ["A", "B", "C"]
    goals.move_goal(session, c.id, -1)
    assert titles() == ["A", "C", "B"]
    goals.move_goal(session, a.id, -1)  # already first: stays
    assert titles() == ["A", "C", "B"]
    goals.move_goal(session, a.id, +1)
    assert titles() == ["C", "A", "B"]
    assert [g.sort_order for g in goals.list_goals(session, version.id)] == [1, 2, 3]
    goals.set_goal_order(session, version.id, [b.id, a.id, c.id])
    assert titles() == ["B", "A", "C"]
    with pytest.raises(ValidationError):
        goals.set_goal_order(session, version.id, [b.id, a.id])


def test_action_who_what_when_and_cost(session):
    version = make_plan(session).versions[0]
    goal = add_goal(session, version.id, "コミュニティビジネス", "竹炭で地域に仕事を")
    cid = committee(session, "地域振興部会")
    action = plan_actions.add_action(
        session,
        goal.id,
        ActionDraft(
            title="竹炭の製造・販売",
            description="大学と共同で竹炭を製造し、道の駅で販売する",
            committee_id=cid,
            partners="山口県立大学、道の駅",
            estimated_cost=350_000,
            years=[2025, 2023, 2024, 2023],
        ),
    )
    session.expire_all()
    action = plan_actions.get_action(session, action.id)
    assert action.committee.name == "地域振興部会"
    assert (action.partners, action.estimated_cost) == ("山口県立大学、道の駅", 350_000)
    assert plan_actions.action_years(action) == [2023, 2024, 2025]  # sorted, the duplicate dropped
    assert plan_actions.draft_of_action(action).years == [2023, 2024, 2025]


def test_years_outside_the_period_refused_nothing_written(session):
    version = make_plan(session, 2023).versions[0]
    goal = add_goal(session, version.id)
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        plan_actions.add_action(session, goal.id, ActionDraft("見守り", years=[2022, 2023, 2033]))
    # 2022 is before FY2023, 2033 after FY2032; 2023 is fine
    assert [p.field for p in err.value.problems] == ["years", "years"]
    assert "2022年度は計画期間（2023〜2032年度）の外です。" in err.value.ja
    assert table_rows(session) == before
    action = add_action(session, goal.id, years=(2023,))
    before = table_rows(session)
    with pytest.raises(ValidationError):
        plan_actions.set_action_years(session, action.id, [2023, 2040])
    assert table_rows(session) == before


def test_bad_cost_and_committee_refused(session):
    goal = add_goal(session, make_plan(session).versions[0].id)
    with pytest.raises(ValidationError) as err:
        plan_actions.add_action(session, goal.id, ActionDraft("", committee_id=999, estimated_cost=-1))
    assert {p.field for p in err.value.problems} == {"title", "committee_id", "estimated_cost"}
    with pytest.raises(ValidationError):
        plan_actions.add_action(session, goal.id, ActionDraft("x", estimated_cost=1.5))


def test_year_grid_toggle(session):
    goal = add_goal(session, make_plan(session).versions[0].id)
    action = add_action(session, goal.id, years=(2023,))
    assert plan_actions.toggle_action_year(session, action.id, 2025) is True
    assert plan_actions.action_years(action) == [2023, 2025]
    assert plan_actions.toggle_action_year(session, action.id, 2023) is False
    assert plan_actions.action_years(action) == [2025]
    with pytest.raises(ValidationError):
        plan_actions.toggle_action_year(session, action.id, 2099)


def test_actions_order_and_move_between_goals(session):
    version = make_plan(session).versions[0]
    g1 = add_goal(session, version.id, "保健福祉", "G1")
    g2 = add_goal(session, version.id, "生活安全", "G2")
    a = add_action(session, g1.id, "a")
    b = add_action(session, g1.id, "b")
    c = add_action(session, g2.id, "c")
    plan_actions.move_action(session, b.id, -1)
    assert [x.title for x in plan_actions.list_actions(session, g1.id)] == ["b", "a"]
    plan_actions.move_action_to_goal(session, a.id, g2.id, 0)
    assert [x.title for x in plan_actions.list_actions(session, g2.id)] == ["a", "c"]
    assert [x.title for x in plan_actions.actions_of_version(session, version.id)] == ["b", "a", "c"]
    other = make_plan(session, 2013)
    g3 = add_goal(session, other.versions[0].id)
    with pytest.raises(ValidationError):
        plan_actions.move_action_to_goal(session, c.id, g3.id)


def test_deleting_a_goal_takes_its_actions(session):
    version = make_plan(session).versions[0]
    goal = add_goal(session, version.id)
    add_action(session, goal.id)
    goals.delete_goal(session, goal.id)
    assert plan_actions.actions_of_version(session, version.id) == []
    assert table_rows(session)["plan_action_year"] == []
