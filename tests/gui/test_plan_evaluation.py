"""評価 tab: record an action's evaluation for a year through the form (Enter at the last field saves
and moves on), lock the year (then read-only with a note), unlock it with a reason."""

from __future__ import annotations

from datetime import date

import test_plan_data
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from qt_helpers import type_text
from test_plan_data import current_view, make_plan

from nagato_desk.gui.evaluation_tab import EvaluationTab, default_year
from nagato_desk.models import ChangeLog
from nagato_desk.services import evaluations as evaluations_service

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def make_tab(plan_qt, db, ids, fy=2024):
    tab = EvaluationTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.set_view(current_view(db, ids))
    tab.set_fiscal_year(fy)
    tab.refresh()
    return tab


def test_default_year_is_the_year_just_ended_inside_the_period():
    years = tuple(range(2023, 2033))
    assert default_year(years, date(2026, 11, 29)) == 2025  # FY2026 now: FY2025 is reported
    assert default_year(years, date(2023, 5, 1)) == 2023  # before the period: its first year
    assert default_year(years, date(2040, 5, 1)) == 2032


def test_record_an_evaluation_through_the_form(app, db, plan_qt, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids, 2024)
    assert [line.title for line in tab.lines] == ["見守り訪問", "防災訓練"]
    assert tab.table.item(0, 1).text() == "○"  # 見守り訪問 is planned in FY2024
    tab.select_action(ids.watch)
    tab.status.setCurrentIndex(tab.status.findData("in_progress"))
    tab.rating.setCurrentIndex(tab.rating.findData("B"))
    type_text(tab.done_text, "月2回訪問した")
    QTest.keyClick(tab.done_text, Qt.Key.Key_Return)  # Enter moves on to 課題
    assert tab.issues.hasFocus() or tab.focusWidget() is tab.issues
    type_text(tab.issues, "担い手不足")
    QTest.keyClick(tab.issues, Qt.Key.Key_Return)
    type_text(tab.next_step, "協力員を増やす")
    QTest.keyClick(tab.next_step, Qt.Key.Key_Return)  # Enter at the last field saves
    assert no_dialogs == []
    with db.Session() as session:
        ev = evaluations_service.get_evaluation(session, ids.watch, 2024)
        assert (ev.status, ev.rating, ev.done_text, ev.issues, ev.next_step) == (
            "in_progress",
            "B",
            "月2回訪問した",
            "担い手不足",
            "協力員を増やす",
        )
        assert ev.evaluated_on == date.today()
    assert tab.selected().action_id == ids.drill  # moved on to the next action
    assert tab.table.item(0, 2).text() == "実施中" and tab.table.item(0, 3).text() == "B"
    assert tab.count.text() == "2件の取組のうち1件を評価済み"  # one of two actions evaluated in FY2024

    # correcting it: the form shows what was saved
    tab.select_action(ids.watch)
    assert tab.done_text.text() == "月2回訪問した"
    tab.status.setCurrentIndex(tab.status.findData("done"))
    tab.save_button.click()
    with db.Session() as session:
        assert evaluations_service.get_evaluation(session, ids.watch, 2024).status == "done"


def test_lock_makes_the_year_read_only_and_unlock_asks_why(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids, 2023)
    tab.lock_button.click()
    assert no_dialogs[-1][0] == "question"  # confirmed first
    with db.Session() as session:
        assert evaluations_service.is_year_locked(session, ids.plan, 2023)
    assert tab.locked
    assert tab.lock_note.isVisibleTo(tab) and "令和5年度" in tab.lock_note.text()
    assert not tab.save_button.isEnabled() and not tab.status.isEnabled() and tab.done_text.isReadOnly()
    assert tab.unlock_button.isVisibleTo(tab) and not tab.lock_button.isVisibleTo(tab)
    assert tab.save_and_next() is False  # nothing is written in a locked year
    # another year stays open
    tab.set_fiscal_year(2024)
    assert not tab.locked and tab.save_button.isEnabled()
    tab.set_fiscal_year(2023)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    tab.unlock_button.click()  # no reason: refused
    assert no_dialogs[-1][0] == "warning" and "理由" in no_dialogs[-1][1]
    assert tab.locked
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("市への報告後に訂正", True)))
    tab.unlock_button.click()
    with db.Session() as session:
        assert not evaluations_service.is_year_locked(session, ids.plan, 2023)
        assert any("市への報告後に訂正" in row.note for row in session.query(ChangeLog).all())
    assert not tab.locked and tab.save_button.isEnabled()
