"""予算 and 決算 through the window: a 当初予算 typed into the table, a 補正予算 added with its date and
changed, and the settlement view showing the amended amounts against the cash book (差異 with △)."""

from __future__ import annotations

from datetime import date

from accounts_support import FY, head_id, make_fund, make_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from qt_helpers import fake_exec

from nagato_desk.gui.budget_table import COL_AMOUNT, COL_DIFF, COL_EXPLANATION, COL_LAST
from nagato_desk.gui.date_field import DateDialog
from nagato_desk.gui.settlement_tab import COL_ACTUAL, COL_BUDGET
from nagato_desk.gui.settlement_tab import COL_DIFF as S_DIFF
from nagato_desk.services import budgets as budgets_service
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services.cashbook import EntryDraft


def type_amount(table, head: int, text: str) -> None:
    table.item(table.row_of_head(head), COL_AMOUNT).setText(text)


def row_cells(table, name: str, columns) -> list[str]:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().strip("　") == name)
    return [table.item(row, c).text() for c in columns]


def test_initial_budget_amendment_and_settlement(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, cash, _bank = make_fund(demo)
    fees, gifts = head_id(demo, fund_id, "会費・自治会負担金"), head_id(demo, fund_id, "寄附金")
    meetings, reserve = head_id(demo, fund_id, "会議費"), head_id(demo, fund_id, "予備費")
    stationery = head_id(demo, fund_id, "消耗品費")
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("budget")
    tab = page.budget
    assert tab.revision.currentText() == "当初予算（未入力）"
    table = tab.table
    type_amount(table, fees, "100000")
    type_amount(table, gifts, "２００００円")
    type_amount(table, meetings, "50,000")
    type_amount(table, stationery, "10000")
    type_amount(table, reserve, "60000")
    table.item(table.row_of_head(meetings), COL_EXPLANATION).setText("総会・役員会")
    # income 100,000 + 20,000 = 120,000; expense 50,000 + 10,000 + 60,000 = 120,000
    assert "120,000" in tab.balance.text() and "= 0円" in tab.balance.text()
    assert row_cells(table, "事務費", [COL_AMOUNT]) == ["10,000"]  # the 款 sums its 目
    assert row_cells(table, "収入合計", [COL_AMOUNT, COL_LAST, COL_DIFF]) == ["120,000", "0", "120,000"]
    tab.save_button.click()
    assert no_dialogs == []
    with demo.Session() as session:
        assert budgets_service.budget_amounts(session, fund_id, FY) == {
            fees: 100_000,
            gifts: 20_000,
            meetings: 50_000,
            stationery: 10_000,
            reserve: 60_000,
        }

    # 補正予算: decided on R7.10.5; 会議費 +10,000 taken from 予備費
    def decide(dialog):
        dialog.date.set_date(date(2025, 10, 5))
        dialog.accept()

    fake_exec(monkeypatch, DateDialog, decide)
    tab.add_button.click()
    assert tab.revision.currentText() == "第1号補正予算（令和7年10月5日）"
    assert row_cells(table, "会議費", [COL_AMOUNT, COL_EXPLANATION]) == ["50,000", "総会・役員会"]  # a copy
    type_amount(table, meetings, "60000")
    type_amount(table, reserve, "50000")
    tab.save_button.click()
    with demo.Session() as session:
        revisions = budgets_service.list_revisions(session, fund_id, FY)
        assert [(r.number, r.decided_on) for r in revisions] == [(0, None), (1, date(2025, 10, 5))]
        assert budgets_service.budget_amounts(session, fund_id, FY, 0)[meetings] == 50_000  # 当初 kept
        assert budgets_service.budget_amounts(session, fund_id, FY)[meetings] == 60_000
        for entry in (
            EntryDraft(date(2025, 5, 1), "in", 25_000, cash, gifts),  # more gifts than budgeted
            EntryDraft(date(2025, 5, 20), "out", 45_000, cash, meetings),
        ):
            cashbook_service.add_entry(session, fund_id, entry)
        session.commit()

    page.show_tab("settlement")
    s = page.settlement
    assert s.budget_used.text() == "予算額：第1号補正予算"
    cols = [COL_BUDGET, COL_ACTUAL, S_DIFF]
    assert row_cells(s.table, "会議費", cols) == ["60,000", "45,000", "15,000"]  # 60,000 − 45,000
    assert row_cells(s.table, "寄附金", cols) == ["20,000", "25,000", "△5,000"]  # 20,000 − 25,000
    # 前年度繰越金: the opening balances 30,000 + 100,000 = 130,000 (no budget for it)
    assert row_cells(s.table, "前年度繰越金", cols) == ["0", "130,000", "△130,000"]
    # income 130,000 + 25,000 = 155,000; expense 45,000; carried over 155,000 − 45,000 = 110,000
    assert s.carry_over.text() == "次年度繰越金 110,000円（収入合計 155,000 − 支出合計 45,000）"


def test_budget_amounts_typed_with_enter_moving_down(app, demo, qtbot, no_dialogs):
    fund_id, _cash, _bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("budget")
    page.show()  # an editor opens only in a shown table
    qtbot.waitExposed(page)
    table = page.budget.table
    first = table.row_of_head(head_id(demo, fund_id, "市交付金・補助金"))
    table.setCurrentCell(first, COL_AMOUNT)
    for text in ("150000", "80000"):  # 市交付金・補助金, then 会費・自治会負担金 below it
        table.editItem(table.currentItem())
        editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
        assert len(editors) == 1  # the cell's line edit
        editor = editors[0]
        editor.selectAll()
        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(20)  # the delegate commits the cell on the next turn of the event loop
    assert row_cells(table, "市交付金・補助金", [COL_AMOUNT]) == ["150,000"]
    assert row_cells(table, "会費・自治会負担金", [COL_AMOUNT]) == ["80,000"]
    assert table.currentRow() == first + 2  # ready for 寄附金
    # 150,000 + 80,000 = 230,000 of income against no expense: the warning shows
    assert "230,000" in page.budget.balance.text() and "合っていません" in page.budget.balance.text()
    # 予備費 absorbs the difference when asked: 230,000 more income than expense goes to it
    page.budget.absorb.setChecked(True)
    page.budget.save_button.click()
    with demo.Session() as session:
        amounts = budgets_service.budget_amounts(session, fund_id, FY)
    assert amounts[head_id(demo, fund_id, "予備費")] == 230_000
    assert "= 0円" in page.budget.balance.text()


def test_unsaved_budget_edits_survive_a_tab_switch_and_are_asked_about(app, demo, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    fund_id, _cash, _bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("budget")
    fees = head_id(demo, fund_id, "会費・自治会負担金")
    type_amount(page.budget.table, fees, "90000")
    page.show_tab("settlement")
    page.show_tab("budget")
    assert row_cells(page.budget.table, "会費・自治会負担金", [COL_AMOUNT]) == ["90,000"]  # still there
    answers = []

    def answer(_parent, _title, text, *_a, **_k):
        answers.append(text)
        return QMessageBox.StandardButton.Cancel if len(answers) == 1 else QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    page.year.setCurrentIndex(page.year.findData(FY + 1))  # cancelled: stays on 令和7年度
    assert page.books.fiscal_year == FY and page.year.currentData() == FY
    page.year.setCurrentIndex(page.year.findData(FY + 1))  # saved, then the next year is shown
    assert page.books.fiscal_year == FY + 1 and len(answers) == 2
    with demo.Session() as session:
        assert budgets_service.budget_amounts(session, fund_id, FY) == {fees: 90_000}
