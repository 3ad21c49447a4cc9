"""What a dream-plan action cost per year and what was decided about it: sums worked out by hand,
entries linked both directly and through an activity counted once, income and trashed activities
left out, history kept through a revision, and the per-version counts of the 評価シート."""

from __future__ import annotations

from datetime import date

import pytest

from nagato_desk.errors import NagatoError
from nagato_desk.services import activities, plans, votes
from nagato_desk.services import meeting_actions as meeting_actions_service
from nagato_desk.services import plan_links as links
from nagato_desk.services.activities import ActivityDraft
from nagato_desk.services.meeting_actions import ActionDraft as MeetingActionDraft
from nagato_desk.services.votes import AgendaDraft
from tests.core.accounts_helpers import Book
from tests.core.link_helpers import a_meeting_id, a_plan_action_id


def activity(session, on: date, action_id: int, entries: list[int], title: str = "見守り訪問") -> int:
    draft = ActivityDraft(
        starts_on=on, title=title, field="保健福祉", plan_action_id=action_id, cash_entry_ids=entries
    )
    return activities.add_activity(session, draft).id


@pytest.fixture()
def linked(db):
    """Action A (FY2025–) with entries linked every way; returns the ids."""
    with db.session() as s:
        action = a_plan_action_id(s, "見守り活動")
        other = a_plan_action_id(s, "竹炭づくり")
        book = Book(s, 2025, cash=500_000)
        e1 = book.expense(date(2025, 6, 1), "事業費", 10_000, plan_action_id=action).id  # direct
        e2 = book.expense(date(2025, 7, 1), "事業費", 3_000).id  # through the activity only
        e3 = book.expense(date(2025, 8, 1), "事業費", 2_000, plan_action_id=action).id  # both ways
        book.income(date(2025, 9, 1), "雑収入", 5_000, plan_action_id=action)  # a refund: not a cost
        e5 = book.expense(date(2026, 4, 1), "事業費", 7_000, plan_action_id=action).id  # FY2026
        book.expense(date(2026, 4, 2), "事業費", 9_999)  # linked to nothing
        e7 = book.expense(date(2025, 10, 1), "事業費", 4_000).id  # only through a trashed activity
        e8 = book.expense(date(2025, 11, 1), "事業費", 600, plan_action_id=other).id
        a1 = activity(s, date(2025, 7, 1), action, [e2, e3])
        trashed = activity(s, date(2025, 10, 1), action, [e7], "中止した訪問")
        activities.delete_activity(s, trashed)
    return {"action": action, "other": other, "e1": e1, "e2": e2, "e3": e3, "e5": e5, "e8": e8, "a1": a1}


def test_cost_per_year_counts_each_expense_once_and_no_income(db, linked):
    with db.Session() as s:
        costs = links.cost_by_year(s, linked["action"])
        # FY2025: 10,000 (direct) + 3,000 (activity) + 2,000 (both ways, once) = 15,000;
        # the 5,000 refund is income, the 4,000 paid for a trashed activity: both left out.
        # FY2026: 7,000 (1 April 2026 is in FY2026); the unlinked 9,999 is nobody's.
        assert costs == {2025: 15_000, 2026: 7_000}
        assert links.cost_by_year(s, linked["other"]) == {2025: 600}
        detail = links.action_links(s, linked["action"])
        assert detail.total_cost == 22_000  # 15,000 + 7,000
        assert [(e.entry_id, e.via) for e in detail.entries] == [
            (linked["e1"], links.VIA_ENTRY),
            (linked["e2"], links.VIA_ACTIVITY),
            (linked["e3"], links.VIA_BOTH),
            (linked["e5"], links.VIA_ENTRY),
        ]
        # the activity's own cost: 3,000 + 2,000
        assert [(a.activity_id, a.cost) for a in detail.activities] == [(linked["a1"], 5_000)]
        assert links.activity_costs(s, [linked["a1"]]) == {linked["a1"]: 5_000}


def test_a_revised_action_keeps_the_cost_and_decisions_of_its_earlier_self(db, linked):
    with db.session() as s:
        plan = plans.latest_plan(s)
        new_version = plans.revise_plan(s, plan.id, date(2026, 5, 1), "中間見直し")
        new_action = next(
            a.id for g in new_version.goals for a in g.actions if a.previous_action_id == linked["action"]
        )
        meeting = a_meeting_id(s, date(2025, 5, 17))  # FY2025
        votes.add_agenda_item(
            s,
            meeting,
            AgendaDraft(
                title="見守り活動の実施", section="deliberation", vote_method="unanimous",
                plan_action_id=linked["action"],
            ),
        )  # fmt: skip
        votes.add_agenda_item(
            s, meeting, AgendaDraft(title="見守りの報告", section="report", plan_action_id=linked["action"])
        )
        later = a_meeting_id(s, date(2026, 6, 1))  # FY2026
        meeting_actions_service.add_action(
            s,
            later,
            MeetingActionDraft(what="訪問名簿を作る", who_text="福祉部会", plan_action_id=new_action),
        )
        Book(s, 2025).expense(date(2026, 6, 10), "事業費", 1_000, plan_action_id=new_action)
        new_version_id = new_version.id
    with db.Session() as s:
        assert links.action_lineage(s, new_action) == [new_action, linked["action"]]
        # FY2026: 7,000 spent on the old self + 1,000 on the new one
        assert links.cost_by_year(s, new_action) == {2025: 15_000, 2026: 8_000}
        # the old version's action does not take the new one's costs
        assert links.cost_by_year(s, linked["action"]) == {2025: 15_000, 2026: 7_000}
        detail = links.action_links(s, new_action)
        assert [(r.label, r.result) for r in detail.resolutions] == [("第1号議案", "可決"), ("報告1", "")]
        assert [m.what for m in detail.meeting_actions] == ["訪問名簿を作る"]
        assert [m.who for m in detail.meeting_actions] == ["福祉部会"]
        fy2025 = links.version_links(s, new_version_id, 2025)
        fy2026 = links.version_links(s, new_version_id, 2026)
    mine = fy2025[new_action]
    # FY2025: one 議決 (the report is not one), no meeting action, one activity (the trashed one not)
    assert (mine.cost, mine.cost_to_date, mine.resolutions, mine.meeting_actions, mine.activities) == (
        15_000, 15_000, 1, 0, 1,
    )  # fmt: skip
    mine = fy2026[new_action]
    # FY2026: 8,000 in the year, 15,000 + 8,000 = 23,000 to date; the meeting action of 1 June 2026
    assert (mine.cost, mine.cost_to_date, mine.resolutions, mine.meeting_actions, mine.activities) == (
        8_000, 23_000, 0, 1, 0,
    )  # fmt: skip
    other = next(a for a in fy2025 if a != new_action)
    assert fy2025[other].cost == 600
    assert len(fy2025) == 2  # every action of the version, linked or not


def test_a_deleted_meeting_no_longer_counts(db, linked):
    from nagato_desk.services.meetings import delete_meeting

    with db.session() as s:
        meeting = a_meeting_id(s, date(2025, 5, 17))
        votes.add_agenda_item(
            s, meeting, AgendaDraft(title="議題", vote_method="unanimous", plan_action_id=linked["action"])
        )
        delete_meeting(s, meeting)
    with db.Session() as s:
        assert links.action_links(s, linked["action"]).resolutions == []


def test_choices_for_the_pickers(db, linked):
    with db.session() as s:
        a_meeting_id(s, date(2025, 5, 17))
        a_meeting_id(s, date(2026, 5, 17))
    with db.Session() as s:
        choices = links.action_choices(s)
        assert [c.label for c in choices] == [
            "安心して暮らせる地域 › 見守り活動",
            "安心して暮らせる地域 › 竹炭づくり",
        ]
        meetings = links.meeting_choices(s)
        assert [m.held_on for m in meetings] == [date(2026, 5, 17), date(2025, 5, 17)]  # newest first
        expenses = links.expense_choices(s, 2025)
        # the FY2025 支出: 6/1, 7/1, 8/1, 10/1, 11/1 (the 9/1 income and the FY2026 entries are not)
        assert [e.entry_date.month for e in expenses] == [6, 7, 8, 10, 11]
        assert [e.entry_id for e in links.entry_choices(s, [linked["e5"], linked["e1"]])] == [
            linked["e1"],
            linked["e5"],
        ]


def test_an_old_versions_action_stays_among_the_choices_when_it_is_linked(db, linked):
    with db.session() as s:
        plan = plans.latest_plan(s)
        plans.revise_plan(s, plan.id, date(2026, 5, 1), "見直し")
    with db.Session() as s:
        current = [c.action_id for c in links.action_choices(s)]
        assert linked["action"] not in current and len(current) == 2
        kept = links.action_choices(s, keep=linked["action"])
        assert kept[-1].action_id == linked["action"] and len(kept) == 3


def test_an_unknown_action_is_refused(db):
    with db.Session() as s, pytest.raises(NagatoError):
        links.cost_by_year(s, 999)


def test_the_evaluation_sheet_has_each_actions_cost_and_decisions(db, linked, tmp_path):
    import subprocess

    from openpyxl import load_workbook

    from nagato_desk.reports.plan_progress import (
        build_progress_sheet,
        write_progress_pdf,
        write_progress_xlsx,
    )
    from nagato_desk.services.council import CouncilDraft, create_council

    with db.session() as s:
        create_council(s, CouncilDraft(name="試験地区まちづくり協議会"))
        meeting = a_meeting_id(s, date(2025, 6, 1))
        votes.add_agenda_item(
            s,
            meeting,
            AgendaDraft(title="見守りの実施", vote_method="unanimous", plan_action_id=linked["action"]),
        )
    with db.Session() as s:
        sheet = build_progress_sheet(s, 2025, today=date(2026, 5, 1))
    rows = {r.action: r for r in sheet.rows}
    # 見守り活動 in FY2025: 15,000 (as in the first test), one 議決, one activity (not the trashed one)
    assert (rows["見守り活動"].cost, rows["見守り活動"].resolutions, rows["見守り活動"].activities) == (
        15_000,
        1,
        1,
    )
    assert (rows["竹炭づくり"].cost, rows["竹炭づくり"].resolutions) == (600, 0)
    xlsx = tmp_path / "p.xlsx"
    write_progress_xlsx(sheet, xlsx)
    cells = [r for r in load_workbook(xlsx)["評価シート"].iter_rows(values_only=True) if r and r[1] == "合計"]
    # costs 15,000 + 600 = 15,600 in the year and to date; 1 議決, 0 meeting actions, 1 activity
    assert cells == [(None, "合計", 15_600, 15_600, 1, 0, 1, None, None, None)]
    pdf = tmp_path / "p.pdf"
    write_progress_pdf(sheet, pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "取組ごとの事業費と会議での決定" in text
    total = next(line for line in text.splitlines() if line.strip().startswith("合計") and "15,600" in line)
    assert total.split()[1:] == ["15,600", "15,600", "1", "0", "1"]


def test_the_activity_report_shows_each_activitys_cost_and_plan_action(db, linked, tmp_path):
    import subprocess

    from openpyxl import load_workbook

    from nagato_desk.reports.activity_report import (
        build_activity_report,
        write_activity_pdf,
        write_activity_xlsx,
    )
    from nagato_desk.services.council import CouncilDraft, create_council

    with db.session() as s:
        create_council(s, CouncilDraft(name="試験地区まちづくり協議会"))
        activity(s, date(2025, 9, 10), linked["other"], [], "竹炭の窯出し")  # no cost linked
    with db.Session() as s:
        report = build_activity_report(s, 2025)
    # 見守り訪問: 3,000 + 2,000 linked; the trashed visit is not in the report
    assert report.costs == {linked["a1"]: 5_000}
    assert report.total_cost == 5_000
    assert sorted(report.served.values()) == [
        "安心して暮らせる地域 › 竹炭づくり",
        "安心して暮らせる地域 › 見守り活動",
    ]
    xlsx = tmp_path / "a.xlsx"
    write_activity_xlsx(report, xlsx)
    rows = [
        r
        for r in load_workbook(xlsx)["事業一覧"].iter_rows(values_only=True)
        if r[3] in ("見守り訪問", "竹炭の窯出し")
    ]
    assert [(r[3], r[12], r[13]) for r in rows] == [
        ("見守り訪問", 5_000, "安心して暮らせる地域 › 見守り活動"),
        ("竹炭の窯出し", 0, "安心して暮らせる地域 › 竹炭づくり"),
    ]
    pdf = tmp_path / "a.pdf"
    write_activity_pdf(report, pdf)
    text = "".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "夢プラン：見守り活動" in text  # the action (the goal is in the xlsx)
    assert "合計5,000円" in text


def test_the_demo_links_its_records(demo_db_path):
    from sqlalchemy import select

    from nagato_desk.database import open_database
    from nagato_desk.models import BudgetRevision, PlanAction

    db = open_database(demo_db_path)
    try:
        with db.Session() as s:
            festival = s.scalars(select(PlanAction).where(PlanAction.title.contains("夏祭り"))).first()
            festival_links = links.action_links(s, festival.id)
            # FY2025 festival: テント・音響 86,000 + 食材 142,350 + 景品 63,480 + 花火 95,000 = 386,830,
            # paid through the festival activity
            assert festival_links.costs[2025] == 386_830
            assert {e.via for e in festival_links.entries} == {"activity"}
            assert [r.title for r in festival_links.resolutions][:1] == ["夏祭りの準備について"]
            # every budget from FY2025 (the first year with meetings) names the meeting that approved it
            revisions = s.scalars(select(BudgetRevision).where(BudgetRevision.fiscal_year >= 2025))
            assert all(r.approved_meeting_id is not None for r in revisions)
    finally:
        db.close()
