"""収支決算書 and 年度の締め: totals worked out by hand, a three-year chain, 補正予算, the lock, reopening."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_helpers import Book
from sqlalchemy import select, text

from nagato_desk.errors import NagatoError
from nagato_desk.models import ChangeLog, YearClose
from nagato_desk.services import budgets as bs
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft
from nagato_desk.services.cashbook import (
    account_balances,
    delete_entry,
    draft_of_entry,
    opening_balance,
    update_entry,
)
from nagato_desk.services.settlement import settle_year
from nagato_desk.services.year_close import YearClosedError, close_year, is_closed, reopen_year
from tests.core.link_helpers import a_meeting_id

D = date


@pytest.fixture
def session(db, history_user):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def row(rows, name):
    return next(r for r in rows if r.name == name)


def test_three_year_chain_carries_each_balance_over(session):
    book = Book(session, 2024, cash=5_000, bank=95_000)  # opening 100,000
    fid = book.fund.id
    # FY2024: +200,000 交付金, +37,000 会費, −120,000 事業費, −8,800 消耗品費, transfer 30,000 (ignored)
    book.income(D(2024, 5, 1), "市交付金・補助金", 200_000)
    book.income(D(2024, 6, 1), "会費・自治会負担金", 37_000)
    book.transfer(D(2024, 6, 2), 30_000, book.bank, book.cash)
    book.expense(D(2024, 7, 1), "事業費", 120_000)
    book.expense(D(2025, 3, 31), "消耗品費", 8_800)
    s24 = settle_year(session, fid, 2024)
    # income 100,000 + 200,000 + 37,000 = 337,000; expense 120,000 + 8,800 = 128,800
    assert (s24.carry_over_in, s24.income_actual, s24.expense_actual) == (100_000, 337_000, 128_800)
    assert s24.carry_over_out == 208_200  # 337,000 − 128,800
    assert row(s24.expense, "事務費").actual == 8_800  # the 款 sums its 目
    assert row(s24.income, "前年度繰越金").actual == 100_000
    close_year(session, fid, 2024)

    # FY2025: 4月1日 +10,000 寄附; −50,000 会議費
    book.income(D(2025, 4, 1), "寄附金", 10_000)
    book.expense(D(2025, 9, 1), "会議費", 50_000)
    s25 = settle_year(session, fid, 2025)
    assert s25.carry_over_in == s24.carry_over_out == 208_200
    assert s25.income_actual == 218_200  # 208,200 + 10,000
    assert s25.carry_over_out == 168_200  # 218,200 − 50,000
    close_year(session, fid, 2025)

    book.expense(D(2026, 4, 1), "謝金", 3_000)
    s26 = settle_year(session, fid, 2026)
    assert s26.carry_over_in == s25.carry_over_out == 168_200
    assert s26.carry_over_out == 165_200  # 168,200 − 3,000
    # per-account opening balances of FY2026 = what FY2025 closed with
    closed = session.scalars(select(YearClose).where(YearClose.fiscal_year == 2025)).one()
    stored = {b.money_account_id: b.balance for b in closed.balances}
    opening = {b.account_id: b.opening for b in account_balances(session, fid, 2026)}
    assert stored == opening
    # cash: 5,000 + 30,000 − 120,000 − 8,800 − 50,000 = −143,800; bank: 95,000 + 200,000 + 37,000 − 30,000 + 10,000
    assert opening == {book.cash.id: -143_800, book.bank.id: 312_000}
    assert closed.carry_over == 168_200 and sum(opening.values()) == 168_200


def test_amended_budget_replaces_the_initial_amounts(session):
    book = Book(session, 2026, bank=50_000)
    fid = book.fund.id
    h = book.head
    meeting = a_meeting_id(session)
    initial = bs.save_budget(
        session,
        fid,
        2026,
        BudgetDraft(
            decided_on=D(2026, 5, 10),
            approved_meeting_id=meeting,
            lines=[
                BudgetLineDraft(h("前年度繰越金").id, 50_000),
                BudgetLineDraft(h("会費・自治会負担金").id, 100_000, "1世帯 300円"),
                BudgetLineDraft(h("事業費").id, 120_000),
                BudgetLineDraft(h("予備費").id, 30_000),
            ],
        ),
    )
    assert (
        session.execute(
            text("SELECT approved_meeting_id FROM budget_revision WHERE id=:i"), {"i": initial.id}
        ).scalar()
        == meeting
    )
    assert bs.budget_balance(session, fid, 2026).difference == 0  # 150,000 = 150,000
    amended = bs.add_amendment(
        session,
        fid,
        2026,
        BudgetDraft(
            decided_on=D(2026, 10, 1),
            lines=[
                BudgetLineDraft(h("前年度繰越金").id, 50_000),
                BudgetLineDraft(h("会費・自治会負担金").id, 100_000),
                BudgetLineDraft(h("寄附金").id, 20_000),
                BudgetLineDraft(h("事業費").id, 150_000),
                BudgetLineDraft(h("予備費").id, 0),
            ],
            absorb_with_reserve=True,  # 170,000 − 150,000 → 予備費 20,000
        ),
    )
    assert amended.number == 1 and amended.title == "第1号補正予算"
    assert bs.budget_amounts(session, fid, 2026)[h("予備費").id] == 20_000
    book.income(D(2026, 6, 1), "会費・自治会負担金", 98_000)
    book.expense(D(2026, 8, 1), "事業費", 160_000, book.bank)
    s = settle_year(session, fid, 2026)
    assert s.revision_number == 1
    assert (row(s.expense, "事業費").budget, row(s.expense, "事業費").actual) == (150_000, 160_000)
    assert row(s.expense, "事業費").difference == -10_000  # printed △10,000
    assert row(s.income, "会費・自治会負担金").difference == 2_000  # 100,000 − 98,000
    assert (s.income_budget, s.expense_budget) == (170_000, 170_000)
    assert s.carry_over_out == -12_000  # 50,000 + 98,000 − 160,000


def test_budget_balance_warns_and_reserve_cannot_go_negative(session):
    book = Book(session, 2026)
    fid, h = book.fund.id, book.head
    bs.save_budget(session, fid, 2026, BudgetDraft(lines=[BudgetLineDraft(h("寄附金").id, 10_000)]))
    bal = bs.budget_balance(session, fid, 2026)
    assert bal.difference == 10_000 and "10,000円" in bal.message_ja
    with pytest.raises(NagatoError, match="予備費では調整できません"):
        bs.save_budget(
            session,
            fid,
            2026,
            BudgetDraft(lines=[BudgetLineDraft(h("事業費").id, 10_000)], absorb_with_reserve=True),
        )
    with pytest.raises(NagatoError, match="内訳の科目"):
        bs.save_budget(session, fid, 2026, BudgetDraft(lines=[BudgetLineDraft(h("事務費").id, 1)]))


def test_a_closed_year_refuses_every_write_until_reopened_with_a_reason(session, history_user):
    book = Book(session, 2025)
    fid = book.fund.id
    entry = book.income(D(2025, 5, 1), "寄附金", 1_000)
    close_year(session, fid, 2025)
    before = session.execute(text("SELECT * FROM cash_entry")).all()
    with pytest.raises(YearClosedError, match="令和7年度の一般会計は締められているため変更できません"):
        book.income(D(2026, 3, 31), "寄附金", 1)
    with pytest.raises(YearClosedError):
        delete_entry(session, entry.id)
    moved = draft_of_entry(entry)
    moved.entry_date = D(2026, 4, 1)  # moving it out of the closed year is a change of that year too
    with pytest.raises(YearClosedError):
        update_entry(session, entry.id, moved)
    with pytest.raises(YearClosedError):
        bs.save_budget(session, fid, 2025, BudgetDraft())
    assert session.execute(text("SELECT * FROM cash_entry")).all() == before
    book.income(D(2026, 4, 1), "寄附金", 5)  # the next year is open

    with pytest.raises(NagatoError, match="理由"):
        reopen_year(session, fid, 2025, "  ")
    reopened = reopen_year(session, fid, 2025, "領収書の計上漏れ")
    assert (reopened.reopened_by, reopened.reopen_reason) == (history_user, "領収書の計上漏れ")
    assert reopened.reopened_at is not None and not is_closed(session, fid, 2025)
    events = session.scalars(select(ChangeLog).where(ChangeLog.action == "年度の締めの解除")).all()
    assert len(events) == 1 and "領収書の計上漏れ" in events[0].note and events[0].user == history_user
    book.income(D(2026, 3, 31), "寄附金", 1)
    assert opening_balance(session, fid, 2026) == 1_001


def test_years_close_in_order_and_reopen_in_reverse(session):
    book = Book(session, 2024)
    fid = book.fund.id
    with pytest.raises(NagatoError, match="先に令和6年度を締めて"):
        close_year(session, fid, 2025)
    close_year(session, fid, 2024)
    close_year(session, fid, 2025)
    with pytest.raises(NagatoError, match="先に令和7年度の締めを解除"):
        reopen_year(session, fid, 2024, "訂正")
    with pytest.raises(NagatoError, match="すでに締められています"):
        close_year(session, fid, 2025)
