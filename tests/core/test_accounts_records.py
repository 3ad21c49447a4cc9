"""会計・口座・科目, 監査 and 補助金: the records around the cash book."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_helpers import Book
from sqlalchemy import select, text

from nagato_desk.errors import NagatoError, ValidationError
from nagato_desk.models import Member
from nagato_desk.reading import sort_key_text
from nagato_desk.services import account_heads as hs
from nagato_desk.services import audits as au
from nagato_desk.services import subsidies as ss
from nagato_desk.services.account_heads import HeadDraft
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, save_budget
from nagato_desk.services.funds import FundDraft, add_fund, ensure_default_fund, list_funds
from nagato_desk.services.officers import TermDraft, add_term, ensure_default_roles, list_roles
from nagato_desk.services.settlement import settle_year

D = date


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def test_default_fund_and_heads_are_made_once(session):
    fund = ensure_default_fund(session, 2026)
    assert ensure_default_fund(session, 2026).id == fund.id
    heads = hs.list_heads(session, fund.id)
    income = [h.name for h in heads if h.side == "in"]
    assert income == [
        "市交付金・補助金",
        "会費・自治会負担金",
        "寄附金",
        "事業収入",
        "雑収入",
        "前年度繰越金",
    ]
    office = [h for h in heads if h.path.startswith("事務費")]
    assert [(h.name, h.level) for h in office] == [
        ("事務費", 1),
        ("消耗品費", 2),
        ("印刷費", 2),
        ("通信費", 2),
    ]
    assert [a.name for a in fund.accounts] == ["現金", "普通預金"]
    charcoal = add_fund(session, FundDraft("竹炭事業特別会計", "special", 2026))
    assert [f.name for f in list_funds(session)] == ["一般会計", "竹炭事業特別会計"]
    assert hs.special_head(session, charcoal.id, "carry_over").name == "前年度繰越金"
    with pytest.raises(ValidationError, match="すでにあります"):
        add_fund(session, FundDraft("竹炭事業特別会計"))


def test_heads_added_in_a_year_do_not_change_past_years_and_used_heads_are_only_retired(session):
    book = Book(session, 2025)
    fid = book.fund.id
    festival = hs.add_head(
        session, fid, HeadDraft("out", "夏祭り事業費", book.head("事業費").id, "なつまつり", 2026)
    )
    assert "夏祭り事業費" not in [h.name for h in hs.list_heads(session, fid, "out", 2025)]
    assert "夏祭り事業費" in [h.name for h in hs.list_heads(session, fid, "out", 2026)]
    with pytest.raises(ValidationError, match="使えません"):
        book.expense(D(2026, 3, 1), "夏祭り事業費", 100)  # FY2025
    book.expense(D(2026, 8, 1), "夏祭り事業費", 100)
    # typing the reading finds the head
    assert hs.search_heads(session, fid, "なつ", "out", 2026)[0].id == festival.id
    assert hs.find_head(session, fid, "ナツマツリ").id == festival.id
    with pytest.raises(NagatoError, match="廃止してください"):
        hs.delete_head(session, festival.id)
    hs.retire_head(session, festival.id, 2027)
    assert "夏祭り事業費" not in [h.name for h in hs.list_heads(session, fid, "out", 2027)]
    assert settle_year(session, fid, 2026).expense[1].name == "事業費"
    unused = hs.add_head(session, fid, HeadDraft("in", "臨時収入"))
    hs.delete_head(session, unused.id)
    with pytest.raises(ValidationError, match="3段まで"):
        a = hs.add_head(session, fid, HeadDraft("out", "項", book.head("事業費").id))
        b = hs.add_head(session, fid, HeadDraft("out", "目", a.id))
        hs.add_head(session, fid, HeadDraft("out", "細目", b.id))


def test_settlement_lists_a_new_sub_head_under_its_parent(session):
    book = Book(session, 2026)
    fid = book.fund.id
    hs.add_head(session, fid, HeadDraft("out", "防災訓練費", book.head("事業費").id))
    save_budget(session, fid, 2026, BudgetDraft(lines=[BudgetLineDraft(book.head("防災訓練費").id, 40_000)]))
    book.expense(D(2026, 9, 1), "防災訓練費", 35_000)
    s = settle_year(session, fid, 2026)
    names = [(r.name, r.level, r.budget, r.actual) for r in s.expense]
    assert ("事業費", 1, 40_000, 35_000) in names and ("防災訓練費", 2, 40_000, 35_000) in names
    assert s.expense_actual == 35_000  # counted once, at the 款


def member(session, name, reading):
    m = Member(name=name, reading=reading, reading_key=sort_key_text(reading))
    session.add(m)
    session.flush()
    return m


def test_audit_takes_only_auditors_in_office_that_day(session):
    ensure_default_roles(session)
    roles = {r.name: r for r in list_roles(session)}
    a = member(session, "監事 一郎", "かんじいちろう")
    b = member(session, "監事 二郎", "かんじじろう")
    c = member(session, "会計 花子", "かいけいはなこ")
    add_term(session, TermDraft(member_id=a.id, role_id=roles["監事"].id, starts_on=D(2025, 5, 20)))
    add_term(
        session,
        TermDraft(member_id=b.id, role_id=roles["監事"].id, starts_on=D(2023, 5, 20), ends_on=D(2025, 5, 19)),
    )
    add_term(session, TermDraft(member_id=c.id, role_id=roles["会計"].id, starts_on=D(2025, 5, 20)))
    assert [m.name for m in au.auditors_on(session, D(2026, 4, 25))] == ["監事 一郎"]
    assert [m.name for m in au.auditors_on(session, D(2025, 4, 25))] == ["監事 二郎"]
    with pytest.raises(ValidationError, match="会計 花子さんは令和8年4月25日に監事ではありません"):
        au.add_audit(session, au.AuditDraft(2025, D(2026, 4, 25), [a.id, c.id]))
    audit = au.add_audit(
        session, au.AuditDraft(2025, D(2026, 4, 25), [a.id], "proper", "公民館", "適正に処理されていた。")
    )
    assert au.auditor_names(session, audit) == ["監事 一郎"]
    assert [x.id for x in au.list_audits(session, 2025)] == [audit.id]


def test_subsidy_received_spent_unspent_and_refund(session):
    book = Book(session, 2026)
    fid = book.fund.id
    grant = ss.add_subsidy(
        session,
        ss.SubsidyDraft(fid, 2026, "市民のちから応援補助金", "長門市", 300_000, D(2026, 6, 1),
                        head_ids=[book.head("事業費").id]),
    )  # fmt: skip
    received = book.income(D(2026, 6, 20), "市交付金・補助金", 300_000, subsidy_id=grant.id)
    spent1 = book.expense(D(2026, 8, 1), "事業費", 180_000, book.bank)
    spent2 = book.expense(D(2026, 9, 1), "消耗品費", 20_000)
    ss.link_entries(session, grant.id, [spent1.id, spent2.id])
    s = ss.subsidy_summary(session, grant.id)
    assert (s.received, s.spent) == (300_000, 200_000)  # 180,000 + 20,000
    assert s.unspent == 100_000  # 300,000 − 200,000
    assert s.to_refund == 100_000
    assert s.ineligible_spent == 20_000  # 消耗品費 is not an eligible head
    assert [e.id for e in s.entries] == [received.id, spent1.id, spent2.id]
    ss.delete_subsidy(session, grant.id)
    assert session.execute(text("SELECT count(*) FROM cash_entry WHERE subsidy_id IS NOT NULL")).scalar() == 0
    assert session.scalar(select(Member.id)) is None
