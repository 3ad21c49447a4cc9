"""Closing a year through the 決算 tab: a backup first, the carry-over becomes next year's 前年度繰越金,
the cash book and budget of the closed year refuse edits; reopening asks why and records it."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_support import FY, head_id, make_fund, make_page
from PySide6.QtWidgets import QInputDialog

from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services import year_close as year_close_service
from nagato_desk.services.cashbook import EntryDraft
from nagato_desk.services.year_close import YearClosedError
from nagato_desk.settings import Settings


def test_close_the_year_by_the_button_then_edits_are_refused(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, cash, bank = make_fund(demo)
    with demo.session() as session:
        cashbook_service.add_entry(
            session,
            fund_id,
            EntryDraft(date(2025, 6, 1), "in", 8_000, cash, head_id(demo, fund_id, "寄附金")),
        )
        cashbook_service.add_entry(
            session,
            fund_id,
            EntryDraft(date(2026, 3, 31), "out", 3_000, bank, head_id(demo, fund_id, "会議費")),
        )
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("settlement")
    tab = page.settlement
    # 130,000 brought forward + 8,000 − 3,000 = 135,000
    assert "次年度繰越金 135,000円" in tab.carry_over.text()
    assert tab.close_button.isEnabled() and not tab.reopen_button.isEnabled()
    tab.close_button.click()
    kind, text = no_dialogs[-1]
    assert kind == "question" and "135,000円" in text and "令和8年度の前年度繰越金" in text

    assert page.books.closed
    assert page.status.text() == "締めた年度のため変更できません"
    assert page.year.currentText() == "令和7年度（締め済み）"
    backups = list(Settings().backups(demo.path).glob("*before-close-year*.db"))
    assert len(backups) == 1  # taken before the year was closed
    with demo.Session() as session:
        assert year_close_service.is_closed(session, fund_id, FY)
        # the next year starts from the carry-over: 現金 30,000 + 8,000; 普通預金 100,000 − 3,000
        assert cashbook_service.opening_balance(session, fund_id, FY + 1) == 135_000
        assert cashbook_service.opening_balance(session, fund_id, FY + 1, cash) == 38_000
        assert cashbook_service.opening_balance(session, fund_id, FY + 1, bank) == 97_000

    # the closed year refuses edits: the cash book's entry row and buttons, the budget, the services
    page.show_tab("cashbook")
    book = page.cashbook
    assert book.closed_note.isVisibleTo(book) and not book.form.isEnabled()
    assert not book.delete_button.isEnabled()
    book.form.amount.setText("1000")
    assert book.form.save() is None
    page.show_tab("budget")
    assert not page.budget.save_button.isEnabled() and not page.budget.add_button.isEnabled()
    with pytest.raises(YearClosedError), demo.session() as session:
        cashbook_service.add_entry(
            session, fund_id, EntryDraft(date(2025, 7, 1), "in", 1, cash, head_id(demo, fund_id, "寄附金"))
        )
    with demo.Session() as session:
        assert cashbook_service.count_entries(session, fund_id, FY) == 2

    # reopening asks why; the reason is kept with the closing
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("領収書の記帳漏れ", True)))
    page.show_tab("settlement")
    assert tab.reopen_button.isEnabled()
    tab.reopen_button.click()
    assert not page.books.closed and page.status.text() == ""
    with demo.Session() as session:
        history = year_close_service.close_history(session, fund_id, FY)
        assert [h.reopen_reason for h in history] == ["領収書の記帳漏れ"]
    assert "領収書の記帳漏れ" in tab.state.text()
    page.show_tab("cashbook")
    assert page.cashbook.form.isEnabled()


def test_reopening_needs_a_reason(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, _cash, _bank = make_fund(demo)
    with demo.session() as session:
        year_close_service.close_year(session, fund_id, FY)
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("settlement")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    page.settlement.reopen_button.click()
    assert no_dialogs[-1][0] == "warning" and "理由" in no_dialogs[-1][1]
    assert page.books.closed
