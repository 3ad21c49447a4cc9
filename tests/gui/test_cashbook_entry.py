"""出納簿 by keyboard: a month of receipts typed through the real entry row (the head found by its
name or reading, Enter through the fields), a transfer, a correction and a deletion — the balances
checked through the services after each."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_support import BANK_OPENING, CASH_OPENING, FY, make_fund, make_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qt_helpers import type_text

from nagato_desk.gui.cashbook_heads import HeadChoice, match_heads, parse_entry_date
from nagato_desk.gui.cashbook_model import COL_BALANCE, COL_EXPENSE, COL_HEAD, COL_INCOME
from nagato_desk.services import cashbook as cashbook_service

# the head's completer list pops up while typing; the offscreen platform warns that it cannot raise it
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def enter(form, day: str, head: str, description: str, amount: str, account_down: int = 0, payee: str = ""):
    """Type one entry as a treasurer does: Enter after every field; Enter on the last one saves."""
    form.date.setFocus()
    form.date.selectAll()
    type_text(form.date, day)
    QTest.keyClick(form.date, Qt.Key.Key_Return)
    assert form.focusWidget() is form.head
    type_text(form.head, head)
    QTest.keyClick(form.head, Qt.Key.Key_Return)
    assert form.focusWidget() is form.description, "the head was not recognised"
    type_text(form.description, description)
    QTest.keyClick(form.description, Qt.Key.Key_Return)
    type_text(form.amount, amount)
    QTest.keyClick(form.amount, Qt.Key.Key_Return)
    assert form.focusWidget() is form.account
    for _ in range(account_down):
        QTest.keyClick(form.account, Qt.Key.Key_Down)
    QTest.keyClick(form.account, Qt.Key.Key_Return)
    assert form.focusWidget() is form.voucher  # the transfer's 振替先 is skipped
    QTest.keyClick(form.voucher, Qt.Key.Key_Return)
    if payee:
        type_text(form.payee, payee)
    QTest.keyClick(form.payee, Qt.Key.Key_Return)  # saves and starts the next entry


def balances(db, fund_id: int) -> dict[str, int]:
    with db.Session() as session:
        return {b.name: b.closing for b in cashbook_service.account_balances(session, fund_id, FY)}


def test_a_month_of_receipts_typed_by_keyboard(app, demo, qtbot, no_dialogs):
    fund_id, cash, bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    tab = page.cashbook
    form = tab.form
    assert form.isEnabled()
    assert form.date.text() == "2025/04/01"  # a past year starts on its 1 April
    enter(form, "4/5", "かいひ", "1班 会費", "12,000", payee="1班長")  # reading
    assert form.date.text() == "2025/04/05"  # the next entry starts on the date just used
    assert form.focusWidget() is form.date
    enter(form, "4/12", "寄附", "夏祭り寄附", "５０００円")  # name; full-width yen
    enter(form, "4/20", "しこうふきん", "地域づくり交付金", "150000", account_down=1)  # → 普通預金
    enter(form, "R7.4.30", "ざっしゅう", "預金利息", "3")  # the account stays 普通預金
    assert no_dialogs == []

    with demo.Session() as session:
        rows = cashbook_service.entry_page(session, fund_id, FY, 0, 10)
    assert [
        (r.entry_date, r.head_name, r.description, r.income, r.voucher_no, r.account_name) for r in rows
    ] == [
        (date(2025, 4, 5), "会費・自治会負担金", "1班 会費", 12_000, 1, "現金"),
        (date(2025, 4, 12), "寄附金", "夏祭り寄附", 5_000, 2, "現金"),
        (date(2025, 4, 20), "市交付金・補助金", "地域づくり交付金", 150_000, 3, "普通預金"),
        (date(2025, 4, 30), "雑収入", "預金利息", 3, 4, "普通預金"),
    ]
    assert rows[0].payee == "1班長"
    # 現金 30,000 + 12,000 + 5,000 = 47,000; 普通預金 100,000 + 150,000 + 3 = 250,003
    assert balances(demo, fund_id) == {"現金": 47_000, "普通預金": 250_003}
    assert CASH_OPENING + 12_000 + 5_000 == 47_000 and BANK_OPENING + 150_003 == 250_003
    # the table: row 0 brought forward 130,000, then the running balance of the fund
    model = tab.model
    assert model.rowCount() == 5
    assert model.index(0, COL_BALANCE).data() == "130,000"
    assert [model.index(r, COL_BALANCE).data() for r in range(1, 5)] == [
        "142,000",  # 130,000 + 12,000
        "147,000",  # + 5,000
        "297,000",  # + 150,000
        "297,003",  # + 3
    ]
    assert tab.table.currentIndex().row() == 4  # the entry just saved is selected
    april = tab.months.rows[0]
    assert (april.month, april.income, april.expense, april.balance) == (4, 167_003, 0, 297_003)
    assert "297,003" in tab.balances.text()


def test_unknown_or_unclear_head_is_refused_with_nothing_saved(app, demo, qtbot, no_dialogs):
    fund_id, _cash, _bank = make_fund(demo)
    form = make_page(qtbot, demo, fund_id).cashbook.form
    form.date.setFocus()
    QTest.keyClick(form.date, Qt.Key.Key_Return)
    type_text(form.head, "存在しない科目")
    QTest.keyClick(form.head, Qt.Key.Key_Return)
    assert form.focusWidget() is form.head  # stays until the head is known
    assert "存在しない科目" in no_dialogs[-1][1]
    form.head.clear()
    type_text(form.head, "費")  # 会議費, 事業費, 消耗品費 … all contain 費
    QTest.keyClick(form.head, Qt.Key.Key_Return)
    assert "複数" in no_dialogs[-1][1]
    with demo.Session() as session:
        assert cashbook_service.count_entries(session, fund_id, FY) == 0


def test_expense_transfer_correction_and_deletion(app, demo, qtbot, no_dialogs):
    fund_id, cash, bank = make_fund(demo)
    tab = make_page(qtbot, demo, fund_id).cashbook
    form = tab.form
    enter(form, "5/10", "かいぎひ", "総会 茶菓", "4,500")  # an expense: the head sets 支出
    assert balances(demo, fund_id) == {"現金": 25_500, "普通預金": 100_000}  # 30,000 − 4,500
    # a transfer 普通預金 → 現金 20,000 (neither income nor expense), typed: 「振替」 as the head
    type_text(form.date, "5/11")
    QTest.keyClick(form.date, Qt.Key.Key_Return)
    type_text(form.head, "振替")
    QTest.keyClick(form.head, Qt.Key.Key_Return)
    assert form.kind.currentData() == "transfer" and not form.head.isEnabled()
    assert form.focusWidget() is form.description
    type_text(form.description, "引き出し")
    QTest.keyClick(form.description, Qt.Key.Key_Return)
    type_text(form.amount, "20000")
    QTest.keyClick(form.amount, Qt.Key.Key_Return)
    QTest.keyClick(form.account, Qt.Key.Key_Down)  # 現金 → 普通預金
    QTest.keyClick(form.account, Qt.Key.Key_Return)
    assert form.focusWidget() is form.to_account
    form.to_account.setCurrentIndex(form.to_account.findData(cash))
    QTest.keyClick(form.to_account, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save at once
    assert form.kind.currentData() == "in" and form.head.isEnabled()  # the next entry has a head again
    # 現金 25,500 + 20,000 = 45,500; 普通預金 100,000 − 20,000 = 80,000; total unchanged 125,500
    assert balances(demo, fund_id) == {"現金": 45_500, "普通預金": 80_000}
    with demo.Session() as session:
        s = cashbook_service.month_totals(session, fund_id, FY)[1]
    assert (s.month, s.income, s.expense) == (5, 0, 4_500)  # the transfer is in neither
    assert tab.model.index(2, COL_HEAD).data() == "振替（普通預金 → 現金）"
    assert tab.model.index(2, COL_INCOME).data() == "" and tab.model.index(2, COL_EXPENSE).data() == ""

    # correct the expense to 5,000: select it, 「訂正…」, change the amount, Enter to the end
    tab.table.selectRow(1)
    tab.edit_button.click()
    assert form.entry_id is not None and form.amount.text() == "4,500"
    form.amount.setText("5000")
    form.payee.setFocus()
    QTest.keyClick(form.payee, Qt.Key.Key_Return)
    assert form.entry_id is None  # back to new entries
    assert balances(demo, fund_id) == {"現金": 45_000, "普通預金": 80_000}  # 45,500 − 500

    # delete the transfer (confirmed)
    tab.table.selectRow(2)
    tab.delete_button.click()
    assert no_dialogs[-1][0] == "question" and "引き出し" in no_dialogs[-1][1]
    assert balances(demo, fund_id) == {"現金": 25_000, "普通預金": 100_000}
    assert tab.model.count == 1


def test_head_matching_and_short_dates():
    heads = [
        HeadChoice(1, "in", "会費・自治会負担金", "かいひ・じちかいふたんきん", "会費・自治会負担金"),
        HeadChoice(2, "out", "会議費", "かいぎひ", "会議費"),
        HeadChoice(3, "out", "消耗品費", "しょうもうひんひ", "事務費／消耗品費"),
    ]
    assert [h.id for h in match_heads("カイヒ", heads)] == [1]  # katakana reading
    assert [h.id for h in match_heads("かい", heads)] == [1, 2]
    assert [h.id for h in match_heads("かい", heads, side="out")] == [2]
    assert [h.id for h in match_heads("事務費", heads)] == [3]  # part of the path
    assert parse_entry_date("4/1", 2025) == date(2025, 4, 1)
    assert parse_entry_date("3/31", 2025) == date(2026, 3, 31)  # March belongs to the next calendar year
    assert parse_entry_date("R8.3.31", 2025) == date(2026, 3, 31)


def test_a_date_outside_the_year_shown_is_refused(app, demo, qtbot, no_dialogs):
    fund_id, _cash, _bank = make_fund(demo)
    form = make_page(qtbot, demo, fund_id).cashbook.form
    form.date.setText("R8.4.1")  # 2026-04-01 is in 令和8年度, the page shows 令和7年度
    form.head.setText("寄附金")
    form.amount.setText("1000")
    assert form.save() is None
    assert "令和7年度（4月1日〜3月31日）の日付ではありません" in no_dialogs[-1][1]
    form.date.setText("3/31")  # 31 March 2026: still 令和7年度
    assert form.save() is not None
    with demo.Session() as session:
        rows = cashbook_service.entry_page(session, fund_id, FY, 0, 5)
    assert [r.entry_date for r in rows] == [date(2026, 3, 31)]
