"""構成 tab: add a goal and an action through the form, schedule years with the ten checkboxes, edit,
reorder with 上へ and by drag and drop, delete with a confirmation; older versions are read-only."""

from __future__ import annotations

import test_plan_data
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from qt_helpers import fake_exec, type_text
from test_plan_data import START, make_plan

from nagato_desk.gui.plan_dialogs import RevisionDialog
from nagato_desk.gui.plan_outline import PlanOutlineTab
from nagato_desk.gui.plan_view import view_of
from nagato_desk.services import goals as goals_service
from nagato_desk.services import plan_actions as actions_service
from nagato_desk.services import plans as plans_service

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def make_tab(plan_qt, db, plan_id, version_id=None):
    tab = PlanOutlineTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.set_view(view_of(db, plan_id, version_id))
    tab.resize(1100, 700)
    tab.show()
    tab.refresh()
    return tab


def test_add_a_goal_and_an_action_with_years_through_the_form(app, db, plan_qt, no_dialogs):
    ids = make_plan(db, with_contents=False)
    tab = make_tab(plan_qt, db, ids.plan)
    assert tab.tree.topLevelItemCount() == 0

    tab.add_goal_button.click()
    assert tab.mode == "new_goal"
    tab.goal_form.field.setCurrentIndex(tab.goal_form.field.findText("地域公共交通"))
    type_text(tab.goal_form.title, "買い物と通院の足を確保する")
    tab.save_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        goals = goals_service.list_goals(session, ids.version)
        assert [(g.field, g.title) for g in goals] == [("地域公共交通", "買い物と通院の足を確保する")]
        goal_id = goals[0].id
    assert tab.tree.key_of(tab.tree.currentItem()) == ("goal", goal_id)

    tab.add_action_button.click()
    assert tab.mode == "new_action" and tab.editing_id == goal_id
    form = tab.action_form
    assert list(form.years.boxes) == list(range(START, START + 10))  # FY2023 … FY2032
    type_text(form.title, "乗合送迎")
    form.committee.setCurrentIndex(form.committee.findData(ids.welfare))
    type_text(form.partners, "地元タクシー会社")
    form.cost.setFocus()
    QTest.keyClicks(form.cost, "1,200,000")
    form.years.boxes[2024].click()
    form.years.boxes[2026].click()
    form.years.boxes[2032].click()
    tab.save_button.click()
    assert no_dialogs == []
    with db.Session() as session:
        (action,) = actions_service.list_actions(session, goal_id)
        assert action.title == "乗合送迎"
        assert action.committee_id == ids.welfare
        assert action.partners == "地元タクシー会社"
        assert action.estimated_cost == 1_200_000
        assert actions_service.action_years(action) == [2024, 2026, 2032]
        action_id = action.id
    item = tab.tree.currentItem()
    assert tab.tree.key_of(item) == ("action", action_id)
    assert item.text(2) == "R6、R8、R14"  # FY2024 = 令和6, FY2026 = 令和8, FY2032 = 令和14
    assert item.text(3) == "1,200,000"

    # the form shows the saved action; untick FY2026, tick FY2025: years 2024–2025 and 2032
    assert form.years.years() == [2024, 2026, 2032]
    form.years.boxes[2026].click()
    form.years.boxes[2025].click()
    tab.save_button.click()
    with db.Session() as session:
        assert actions_service.action_years(actions_service.get_action(session, action_id)) == [
            2024,
            2025,
            2032,
        ]
    assert tab.tree.currentItem().text(2) == "R6–R7、R14"


def test_bad_cost_is_refused_and_nothing_is_saved(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan, ids.version)
    tab.tree.setCurrentItem(tab.tree.find(("goal", ids.goal_watch)))
    tab.add_action_button.click()
    type_text(tab.action_form.title, "配食サービス")
    tab.action_form.cost.setText("たくさん")
    tab.save_button.click()
    assert no_dialogs[-1][0] == "warning" and "概算事業費" in no_dialogs[-1][1]
    with db.Session() as session:
        assert [a.title for a in actions_service.list_actions(session, ids.goal_watch)] == ["見守り訪問"]
    assert tab.mode == "new_action"  # the form keeps what was typed


def test_add_action_needs_a_goal(app, db, plan_qt, no_dialogs):
    ids = make_plan(db, with_contents=False)
    tab = make_tab(plan_qt, db, ids.plan)
    tab.add_action_button.click()
    assert no_dialogs[-1][0] == "warning" and "基本目標" in no_dialogs[-1][1]


def goal_titles(db, version_id):
    with db.Session() as session:
        return [g.title for g in goals_service.list_goals(session, version_id)]


def test_move_up_and_keyboard_shortcut(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    tab.tree.setCurrentItem(tab.tree.find(("goal", ids.goal_safety)))
    tab.up_button.click()
    assert goal_titles(db, ids.version) == ["防災", "高齢者の見守り"]
    assert tab.tree.key_of(tab.tree.topLevelItem(0)) == ("goal", ids.goal_safety)
    assert tab.tree.key_of(tab.tree.currentItem()) == ("goal", ids.goal_safety)  # still selected
    tab.tree.setFocus()
    QTest.keyClick(tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert goal_titles(db, ids.version) == ["高齢者の見守り", "防災"]


def drop_on(tree, source, target, where: str) -> None:
    """Drop ``source`` on ``target`` as a drag would: the upper quarter, the middle or the lower quarter."""
    tree.setCurrentItem(source)
    rect = tree.visualItemRect(target)
    y = {"above": rect.top() + 1, "on": rect.center().y(), "below": rect.bottom() - 1}[where]
    event = QDropEvent(
        QPointF(rect.center().x(), y),
        Qt.DropAction.MoveAction,
        QMimeData(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)


def test_drag_and_drop_moves_an_action_to_another_goal_and_orders_goals(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    tree = tab.tree
    # 防災訓練 dropped onto the goal 高齢者の見守り: it goes to the end of that goal's actions
    drop_on(tree, tree.find(("action", ids.drill)), tree.find(("goal", ids.goal_watch)), "on")
    with db.Session() as session:
        assert [a.title for a in actions_service.list_actions(session, ids.goal_watch)] == [
            "見守り訪問",
            "防災訓練",
        ]
        assert actions_service.list_actions(session, ids.goal_safety) == []
    # … then above 見守り訪問: first of the goal
    drop_on(tree, tree.find(("action", ids.drill)), tree.find(("action", ids.watch)), "above")
    with db.Session() as session:
        assert [a.title for a in actions_service.list_actions(session, ids.goal_watch)] == [
            "防災訓練",
            "見守り訪問",
        ]
    assert [tree.topLevelItem(0).child(i).text(0) for i in range(2)] == ["防災訓練", "見守り訪問"]
    # the goal 防災 dropped above 高齢者の見守り
    drop_on(tree, tree.find(("goal", ids.goal_safety)), tree.find(("goal", ids.goal_watch)), "above")
    assert goal_titles(db, ids.version) == ["防災", "高齢者の見守り"]


def test_delete_asks_first(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    tab.tree.setCurrentItem(tab.tree.find(("goal", ids.goal_safety)))
    tab.delete_button.click()
    assert no_dialogs[-1][0] == "question" and "防災" in no_dialogs[-1][1]
    assert goal_titles(db, ids.version) == ["高齢者の見守り"]


def test_revision_makes_a_new_version_and_the_old_one_is_read_only(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    revised: list[int] = []
    tab.revised.connect(revised.append)

    def fill(dialog: RevisionDialog):
        dialog.date.edit.setText("R8.6.1")
        type_text(dialog.note_edit, "中間見直し")
        dialog.accept()

    fake_exec(monkeypatch, RevisionDialog, fill)
    tab.revise_button.click()
    assert no_dialogs[-1][0] == "question"  # confirmed before the new version is made
    with db.Session() as session:
        versions = plans_service.plan_versions(session, ids.plan)
        assert [v.number for v in versions] == [1, 2]
        assert versions[1].revision_note == "中間見直し"
        assert revised == [versions[1].id]

    old = make_tab(plan_qt, db, ids.plan, ids.version)
    assert old.view.read_only
    assert old.read_only_note.isVisibleTo(old)
    for button in (
        old.add_goal_button,
        old.add_action_button,
        old.up_button,
        old.delete_button,
        old.revise_button,
    ):
        assert not button.isEnabled()
    old.tree.setCurrentItem(old.tree.find(("action", ids.watch)))
    assert old.action_form.title.isReadOnly()
    assert not old.action_form.years.boxes[2023].isEnabled()
    assert not old.save_button.isVisibleTo(old)
    assert not old.tree.dragEnabled()


def test_reading_the_forms_does_not_lose_references_to_none(app, db, plan_qt):
    """PySide6 6.12 drops a reference to None each time Python reads an empty QVariant (an item
    whose data is None): "no committee" and "latest figures" hold 0 instead."""
    import sys

    from nagato_desk.gui.plan_dialogs import PlanDialog

    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    tab.tree.setCurrentItem(tab.tree.find(("goal", ids.goal_watch)))
    tab.add_action_button.click()
    dialog = PlanDialog(db, "wareki", ids.plan, "ja", tab)
    assert tab.action_form.committee.currentIndex() == 0  # (none)
    before = sys.getrefcount(None)
    for _ in range(2000):
        assert tab.action_form.draft().committee_id is None
        assert dialog.draft().figures_year is None
    assert sys.getrefcount(None) >= before - 50


def test_moving_away_from_changes_asks_to_save_them(app, db, plan_qt, monkeypatch, no_dialogs):
    from PySide6.QtWidgets import QMessageBox

    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids.plan)
    tree = tab.tree
    tree.setCurrentItem(tree.find(("action", ids.watch)))
    assert not tab.is_dirty()
    type_text(tab.action_form.partners, "民生委員")
    assert tab.is_dirty()

    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    tree.setCurrentItem(tree.find(("goal", ids.goal_safety)))  # Cancel: stay, keep what was typed
    assert tree.key_of(tree.currentItem()) == ("action", ids.watch)
    assert tab.action_form.partners.text() == "民生委員"

    answers.append(QMessageBox.StandardButton.Save)
    tree.setCurrentItem(tree.find(("goal", ids.goal_safety)))  # Save, then show the goal clicked
    with db.Session() as session:
        assert actions_service.get_action(session, ids.watch).partners == "民生委員"
    assert tree.key_of(tree.currentItem()) == ("goal", ids.goal_safety)
    assert tab.mode == "goal" and tab.goal_form.title.text() == "防災"

    type_text(tab.goal_form.title, "対策")
    answers.append(QMessageBox.StandardButton.Discard)
    tree.setCurrentItem(tree.find(("action", ids.watch)))  # Discard: nothing saved
    assert goal_titles(db, ids.version) == ["高齢者の見守り", "防災"]
    assert tab.mode == "action"
