"""出納簿: entries, transfers, voucher numbers, running balances, 月計・累計, account balances, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_helpers import Book
from sqlalchemy import text

from nagato_desk.errors import ValidationError
from nagato_desk.services import cashbook as cb
from nagato_desk.services.cashbook import EntryDraft
from tests.core.link_helpers import a_plan_action_id

D = date


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def entries(session):
    return session.execute(text("SELECT * FROM cash_entry ORDER BY id")).all()


def test_running_balances_transfers_and_month_totals(session):
    book = Book(session, 2026, cash=10_000, bank=50_000)
    book.income(D(2026, 4, 10), "会費・自治会負担金", 30_000)  # bank 80,000
    book.transfer(D(2026, 4, 12), 20_000, book.bank, book.cash)  # bank 60,000, cash 30,000
    book.expense(D(2026, 4, 20), "会議費", 3_500)  # cash 26,500
    book.expense(D(2026, 5, 1), "消耗品費", 1_200)  # cash 25,300
    book.income(D(2027, 3, 31), "雑収入", 7, book.bank)  # bank 60,007
    fid = book.fund.id

    # The fund as a whole: opening 60,000; the transfer is neither income nor expense.
    assert cb.opening_balance(session, fid, 2026) == 60_000
    assert cb.count_entries(session, fid, 2026) == 5
    rows = cb.entry_page(session, fid, 2026, 0, 100)
    assert [(r.income, r.expense, r.balance) for r in rows] == [
        (30_000, 0, 90_000),
        (0, 0, 90_000),  # transfer
        (0, 3_500, 86_500),
        (0, 1_200, 85_300),
        (7, 0, 85_307),
    ]
    assert [r.voucher_no for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1].kind == "transfer" and rows[1].to_account_name == "現金" and rows[1].amount == 20_000
    # A page in the middle still carries the running balance of everything before it.
    page = cb.entry_page(session, fid, 2026, 2, 2)
    assert [r.balance for r in page] == [86_500, 85_300]

    # 現金 alone: 10,000 + 20,000 (transfer in) − 3,500 − 1,200 = 25,300
    cash_rows = cb.entry_page(session, fid, 2026, 0, 100, book.cash.id)
    assert [(r.income, r.expense, r.balance) for r in cash_rows] == [
        (20_000, 0, 30_000),
        (0, 3_500, 26_500),
        (0, 1_200, 25_300),
    ]
    assert cb.count_entries(session, fid, 2026, book.cash.id) == 3

    months = cb.month_totals(session, fid, 2026)
    assert len(months) == 12 and (months[0].year, months[0].month) == (2026, 4)
    assert (months[-1].year, months[-1].month) == (2027, 3)
    april, may = months[0], months[1]
    assert (april.income, april.expense, april.balance) == (30_000, 3_500, 86_500)
    assert (may.income, may.expense, may.cumulative_income, may.cumulative_expense) == (
        0,
        1_200,
        30_000,
        4_700,
    )
    assert months[-1].cumulative_income == 30_007 and months[-1].balance == 85_307

    balances = {b.name: b for b in cb.account_balances(session, fid, 2026)}
    assert balances["現金"].closing == 25_300 and balances["現金"].transfer_in == 20_000
    assert balances["普通預金"].closing == 60_007  # 50,000 + 30,000 + 7 − 20,000
    assert balances["普通預金"].transfer_out == 20_000
    assert sum(b.closing for b in balances.values()) == 85_307


def test_march_31_and_april_1_fall_in_different_years(session):
    book = Book(session, 2025)
    last = book.income(D(2026, 3, 31), "寄附金", 1_000)
    first = book.income(D(2026, 4, 1), "寄附金", 2_000)
    assert (last.fiscal_year, first.fiscal_year) == (2025, 2026)
    # each year numbers its vouchers from 1
    assert (last.voucher_no, first.voucher_no) == (1, 1)
    assert cb.count_entries(session, book.fund.id, 2025) == 1
    assert cb.opening_balance(session, book.fund.id, 2026) == 1_000


def test_voucher_numbers_are_editable_and_unique(session):
    book = Book(session, 2026)
    book.income(D(2026, 4, 1), "寄附金", 100, voucher_no=10)
    assert book.income(D(2026, 4, 2), "寄附金", 100).voucher_no == 11
    before = entries(session)
    with pytest.raises(ValidationError, match="証憑番号10"):
        book.income(D(2026, 4, 3), "寄附金", 100, voucher_no=10)
    assert entries(session) == before


def test_bad_entries_are_refused_with_the_field(session):
    book = Book(session, 2026)
    fid = book.fund.id
    before = entries(session)
    cases = [
        (EntryDraft(D(2026, 4, 1), "in", 0, book.bank.id, book.head("寄附金").id), "amount"),
        (EntryDraft(D(2026, 4, 1), "in", 12.5, book.bank.id, book.head("寄附金").id), "amount"),  # type: ignore[arg-type]
        (EntryDraft(D(2026, 4, 1), "in", 100, book.bank.id, book.head("会議費").id), "head_id"),
        (EntryDraft(D(2026, 4, 1), "in", 100, book.bank.id, None), "head_id"),
        (EntryDraft(D(2026, 4, 1), "in", 100, book.bank.id, book.head("前年度繰越金").id), "head_id"),
        (
            EntryDraft(D(2026, 4, 1), "transfer", 100, book.bank.id, to_account_id=book.bank.id),
            "to_account_id",
        ),
        (EntryDraft(D(2026, 3, 31), "in", 100, book.bank.id, book.head("寄附金").id), "entry_date"),
    ]
    for draft, field in cases:
        with pytest.raises(ValidationError) as err:
            cb.add_entry(session, fid, draft)
        assert field in [p.field for p in err.value.problems], (draft, err.value.problems)
    assert entries(session) == before


def test_plan_action_link_is_stored(session):
    book = Book(session, 2026)
    action = a_plan_action_id(session)
    entry = book.expense(D(2026, 6, 1), "事業費", 5_000, plan_action_id=action)
    assert (
        session.execute(text("SELECT plan_action_id FROM cash_entry WHERE id = :i"), {"i": entry.id}).scalar()
        == action
    )
    assert cb.entry_page(session, book.fund.id, 2026, 0, 1)[0].plan_action_id == action
    draft = cb.draft_of_entry(entry)
    draft.plan_action_id = None
    cb.update_entry(session, entry.id, draft)
    assert entry.plan_action_id is None


def test_a_link_to_a_missing_plan_action_is_refused(session):
    book = Book(session, 2026)
    before = entries(session)
    with pytest.raises(ValidationError) as err:
        book.expense(D(2026, 6, 1), "事業費", 5_000, plan_action_id=999)
    assert [p.field for p in err.value.problems] == ["plan_action_id"]
    assert "夢プランの取組（999番）が見つかりません" in str(err.value)
    assert entries(session) == before
