"""Links made in the window: a dream-plan action picked on a cash entry changes what the plan shows the
action cost that year; an agenda item, a meeting action, an activity (with the expenses that paid for
it), a budget's approving meeting and the plan's adopting meeting, each chosen through the real
pickers and checked through the services."""

from __future__ import annotations

from datetime import date

import pytest
import test_plan_data
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qt_helpers import fake_exec, type_text

from nagato_desk.gui.activity_dialog import ActivityDialog
from nagato_desk.gui.agenda_editor import AgendaEditor
from nagato_desk.gui.link_pickers import CostEntriesDialog, LinkPicker, MeetingLinkPicker, PlanActionPicker
from nagato_desk.gui.meeting_action_dialog import ActionDialog
from nagato_desk.gui.plan_dialogs import PlanDialog
from nagato_desk.gui.plan_links_panel import PlanLinksPanel
from nagato_desk.gui.plan_outline import PlanOutlineTab
from nagato_desk.gui.plan_view import view_of
from nagato_desk.services import activities as activities_service
from nagato_desk.services import budgets as budgets_service
from nagato_desk.services import meeting_actions as meeting_actions_service
from nagato_desk.services import plan_links
from nagato_desk.services import plans as plans_service
from tests.core.accounts_helpers import Book
from tests.core.link_helpers import a_meeting_id, a_plan_action_id

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test

# completer lists pop up while typing; the offscreen platform warns that it cannot raise them
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def linked(db):
    """Two actions of a plan from FY2023, a fund from FY2025 with one 2,000 yen expense for 見守り."""
    with db.session() as s:
        watch = a_plan_action_id(s, "見守り活動")
        charcoal = a_plan_action_id(s, "竹炭づくり")
        book = Book(s, 2025, cash=100_000)
        entry = book.expense(date(2025, 6, 1), "事業費", 2_000, plan_action_id=watch).id
        plan_id = plans_service.latest_plan(s).id
        return {"watch": watch, "charcoal": charcoal, "fund": book.fund.id, "entry": entry, "plan": plan_id}


def outline(plan_qt, db, plan_id: int) -> PlanOutlineTab:
    tab = PlanOutlineTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.set_view(view_of(db, plan_id))
    tab.resize(1100, 700)
    tab.show()
    tab.refresh()
    return tab


def make_accounts_page(plan_qt, db, fund_id: int, fy: int):
    """The 会計 page (as accounts_support.make_page), deleted after the test with its popups."""
    from nagato_desk.gui.pages.accounts import AccountsPage
    from nagato_desk.settings import Settings

    page = AccountsPage(db, Settings(), "ja")
    plan_qt.addWidget(page)
    page.resize(1180, 760)
    page.set_books(fund_id, fy)
    return page


def select_action(tab: PlanOutlineTab, action_id: int) -> None:
    tab.tree.setCurrentItem(tab.tree.find(("action", action_id)))


def group_rows(panel: PlanLinksPanel, index: int) -> list[str]:
    group = panel.tree.topLevelItem(index)
    return [group.child(i).text(1) for i in range(group.childCount())]


def test_picking_a_plan_action_on_a_cash_entry_changes_the_actions_cost(
    app, db, qtbot, plan_qt, linked, no_dialogs
):
    tab = outline(plan_qt, db, linked["plan"])
    select_action(tab, linked["watch"])
    assert tab.links.isVisible()
    assert tab.links.costs.text() == "支出：令和7年度 2,000円（計 2,000円）"

    page = make_accounts_page(plan_qt, db, linked["fund"], 2025)
    form = page.cashbook.form
    form.date.setFocus()
    form.date.selectAll()
    type_text(form.date, "7/10")
    QTest.keyClick(form.date, Qt.Key.Key_Return)
    type_text(form.head, "事業費")
    QTest.keyClick(form.head, Qt.Key.Key_Return)
    type_text(form.description, "見守り訪問の手土産")
    type_text(form.amount, "3,500")
    type_text(form.plan.lineEdit(), "見守り")  # part of 「安心して暮らせる地域 › 見守り活動」
    QTest.keyClick(form.plan.lineEdit(), Qt.Key.Key_Return)  # Enter in the picker saves
    with db.Session() as s:
        # FY2025: 2,000 + 3,500 = 5,500; the other action has nothing
        assert plan_links.cost_by_year(s, linked["watch"]) == {2025: 5_500}
        assert plan_links.cost_by_year(s, linked["charcoal"]) == {}
    assert form.plan.value() is None  # the next entry starts without an action

    tab.refresh()  # the plan's window shows the new figure
    assert tab.links.costs.text() == "支出：令和7年度 5,500円（計 5,500円）"
    assert group_rows(tab.links, 3)[-1] == "No.2 見守り訪問の手土産"

    # correcting the entry shows its action; choosing another moves the cost
    with db.Session() as s:
        new_entry = plan_links.action_links(s, linked["watch"]).entries[-1].entry_id
    form.edit(new_entry)
    assert form.plan.value() == linked["watch"]
    form.plan.lineEdit().selectAll()
    type_text(form.plan.lineEdit(), "竹炭")
    form.save_button.click()
    with db.Session() as s:
        assert plan_links.cost_by_year(s, linked["watch"]) == {2025: 2_000}
        assert plan_links.cost_by_year(s, linked["charcoal"]) == {2025: 3_500}


def test_an_agenda_item_linked_in_the_editor_is_listed_under_the_action(
    app, db, qtbot, plan_qt, linked, no_dialogs
):
    with db.session() as s:
        meeting = a_meeting_id(s, date(2025, 5, 17))
    editor = AgendaEditor(db, "ja")
    plan_qt.addWidget(editor)
    editor.set_meeting(meeting, 10, "majority", False)
    editor.clear("deliberation")
    type_text(editor.title_edit, "見守り活動の進め方")
    editor.method.setCurrentIndex(editor.method.findData("unanimous"))
    type_text(editor.plan.lineEdit(), "見守")
    editor.save_button.click()
    item_id = editor.item_id
    assert item_id is not None

    tab = outline(plan_qt, db, linked["plan"])
    select_action(tab, linked["watch"])
    assert tab.links.tree.topLevelItem(0).text(0) == "議案（1）"
    [row] = group_rows(tab.links, 0)
    assert row.startswith("第1号議案 見守り活動の進め方（No.1 ")
    assert tab.links.tree.topLevelItem(0).child(0).text(2) == "可決"
    select_action(tab, linked["charcoal"])
    assert group_rows(tab.links, 0) == []

    # loaded again, the editor shows the link; emptying the picker removes it
    editor.load(item_id)
    assert editor.plan.value() == linked["watch"]
    editor.plan.lineEdit().clear()
    editor.save_button.click()
    with db.Session() as s:
        assert plan_links.action_links(s, linked["watch"]).resolutions == []


def test_a_meeting_action_links_to_a_plan_action(app, db, qtbot, plan_qt, monkeypatch, linked, no_dialogs):
    with db.session() as s:
        meeting = a_meeting_id(s, date(2026, 5, 17))
    dialog = ActionDialog(db, "wareki", meeting, None, "ja")
    plan_qt.addWidget(dialog)
    type_text(dialog.what, "炭焼き窯の修理を見積もる")
    type_text(dialog.plan.lineEdit(), "竹炭")
    dialog.accept()
    with db.Session() as s:
        [row] = meeting_actions_service.meeting_actions(s, meeting)
        assert row.plan_action_id == linked["charcoal"]
        # 「（なし）」 of the agenda items holds 0 and is read as no item
        assert meeting_actions_service.get_action(s, row.id).agenda_item_id is None
        assert [a.what for a in plan_links.action_links(s, linked["charcoal"]).meeting_actions] == [
            "炭焼き窯の修理を見積もる"
        ]


def test_an_activity_with_its_plan_action_and_the_expenses_that_paid_for_it(
    app, db, qtbot, plan_qt, monkeypatch, linked, no_dialogs
):
    with db.session() as s:
        book = Book(s, 2025)
        tent = book.expense(date(2025, 7, 20), "事業費", 8_000, description="テント借用").id
        book.expense(date(2025, 7, 21), "会議費", 1_000, description="お茶")
        book.expense(date(2026, 4, 2), "事業費", 9_000, description="翌年度の支出")  # FY2026: not offered

    dialog = ActivityDialog(db, "wareki", None, "ja", on=date(2025, 7, 27))
    plan_qt.addWidget(dialog)
    type_text(dialog.title_edit, "竹炭の窯出し")
    type_text(dialog.plan.lineEdit(), "竹炭")
    offered = []

    def tick(d: CostEntriesDialog):
        offered.extend(d.item_ids)
        d.set_checked(tent)
        type_text(d.search, "テント")  # the filter hides the others
        assert [d.list.item(i).isHidden() for i in range(d.list.count())] == [True, False, True]
        d.accept()

    fake_exec(monkeypatch, CostEntriesDialog, tick)
    dialog.costs_button.click()
    # the FY2025 expenses by date: 6/1 2,000 (見守り), 7/20 tent, 7/21 tea — not the FY2026 one
    assert len(offered) == 3 and offered[1] == tent
    assert dialog.cash_entry_ids == [tent]
    assert dialog.costs.text() == "1件、8,000円"
    dialog.accept()
    with db.Session() as s:
        saved = activities_service.draft_of(activities_service.get_activity(s, dialog.saved_id))
        assert (saved.plan_action_id, saved.cash_entry_ids, saved.committee_id) == (
            linked["charcoal"],
            [tent],
            None,
        )
        # the action's cost: the tent, 8,000 yen in FY2025, through the activity
        assert plan_links.cost_by_year(s, linked["charcoal"]) == {2025: 8_000}


def test_the_budget_and_the_plan_name_the_meetings_that_decided_them(
    app, db, qtbot, plan_qt, monkeypatch, linked, no_dialogs
):
    with db.session() as s:
        first = a_meeting_id(s, date(2025, 4, 20))
        second = a_meeting_id(s, date(2025, 5, 18))
    page = make_accounts_page(plan_qt, db, linked["fund"], 2025)
    page.show_tab("budget")
    budget = page.budget
    # newest first: No.2 (18 May), then No.1
    assert budget.meeting.itemText(1).startswith("No.2 令和7年5月18日")
    type_text(budget.meeting.lineEdit(), "No.1")
    assert budget.save()
    with db.Session() as s:
        rev = budgets_service.latest_revision(s, linked["fund"], 2025)
        assert rev.approved_meeting_id == first

    dialog = PlanDialog(db, "wareki", linked["plan"], "ja")
    plan_qt.addWidget(dialog)
    assert dialog.meeting.value() is None
    type_text(dialog.meeting.lineEdit(), "5月18日")
    dialog.accept()
    with db.Session() as s:
        assert plans_service.current_version(s, linked["plan"]).adopted_meeting_id == second


def test_the_picker_reads_what_is_typed(app, db, qtbot, plan_qt, linked, no_dialogs):
    picker = PlanActionPicker(db)
    plan_qt.addWidget(picker)
    assert picker.count() == 3 and picker.value() is None  # 「なし」 and the two actions
    picker.lineEdit().setText("茶摘み")  # found nowhere: still none
    assert picker.value() is None and picker.currentText() == ""
    picker.lineEdit().setText("見守り")
    assert picker.value() == linked["watch"]
    picker.lineEdit().setText("安心して")  # both actions: the choice stays as it was
    assert picker.value() == linked["watch"]
    assert picker.currentText() == "安心して暮らせる地域 › 見守り活動"
    picker.lineEdit().setText("")
    assert picker.value() is None
    picker.set_value(linked["charcoal"])
    assert picker.value() == linked["charcoal"]
    meetings = MeetingLinkPicker(db, "wareki")
    plan_qt.addWidget(meetings)
    assert meetings.count() == 1 and meetings.value() is None  # no meetings yet: only 「なし」
    plain = LinkPicker("none")
    plan_qt.addWidget(plain)
    plain.set_choices([(7, "No.7"), (8, "No.8")])
    plain.set_value(8)
    plain.set_choices([(8, "No.8"), (9, "No.9")])  # refilled: the choice stays
    assert plain.value() == 8
