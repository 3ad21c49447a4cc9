"""元に戻す: undoing a recent action from the change history, refusing what cannot be undone, and
undoing the undo. Each ``db.session()`` block below is one user action (one commit)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from nagato_desk.models import ChangeLog, CommitteeMembership, Member
from nagato_desk.services import committees as cs
from nagato_desk.services import history, undo
from nagato_desk.services import members as ms
from nagato_desk.services.cashbook import account_balances, count_entries
from nagato_desk.services.member_rules import search_text_of
from nagato_desk.services.member_trash import delete_member, empty_trash
from nagato_desk.services.year_close import YearClosedError, close_year
from tests.core.accounts_helpers import Book
from tests.core.member_helpers import add, two_associations

OLD_ADDRESS = "山口県長門市東深川1番地"
NEW_ADDRESS = "山口県長門市仙崎2番地"
FIRST_ACTION = "協議会「試験協議会」の登録（ほか11件）"  # council, 2 自治会, figures, him


@pytest.fixture
def taro(db) -> int:
    """A council with 長門 太郎 living at OLD_ADDRESS (one action)."""
    with db.session() as s:
        east = two_associations(s)["東区自治会"]
        return add(s, "長門 太郎", "ながと たろう", address=OLD_ADDRESS, association_id=east).id


def edit(db, member_id: int, **fields) -> None:
    """One action: the member form saved with ``fields`` changed."""
    with db.session() as s:
        draft = ms.draft_of(s.get(Member, member_id))
        for key, value in fields.items():
            setattr(draft, key, value)
        ms.update_member(s, member_id, draft)


def member(db, member_id: int) -> Member:
    with db.Session() as s:
        row = s.get(Member, member_id)
        s.expunge(row)
        return row


def log_count(db) -> int:
    with db.Session() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_undo_an_edit_of_a_member_puts_the_address_back(db, taro, history_user):
    edit(db, taro, address=NEW_ADDRESS)
    with db.Session() as s:
        last = undo.last_action(s)
    assert last.description == "会員「長門 太郎」の住所の変更"
    assert last.user == history_user and last.kind == "change" and last.records == 1

    with db.session() as s:
        done = undo.undo_last(s)
    assert done.key == last.key
    assert member(db, taro).address == OLD_ADDRESS
    with db.Session() as s:
        # the undo is in the history: the event naming what was undone, and the address going back
        rows = history.changes_as_rows(s, limit=2)
    assert [(r.target, r.content) for r in rows] == [
        ("会員：長門 太郎（1番）", f"変更：住所（{NEW_ADDRESS} → {OLD_ADDRESS}）"),
        ("元に戻す", "元に戻す：会員「長門 太郎」の住所の変更"),
    ]


def test_undoing_a_rename_brings_back_the_search_key(db, taro):
    edit(db, taro, name="長門 次郎", reading="ながと じろう")
    assert member(db, taro).search_text == search_text_of("長門 次郎", "ながと じろう", "", "")
    with db.session() as s:
        assert undo.undo_last(s).description == "会員「長門 次郎」の氏名・ふりがなの変更"
    row = member(db, taro)
    assert (row.name, row.reading) == ("長門 太郎", "ながと たろう")
    # the search key is not recorded in the history; it follows the restored name again
    assert row.search_text == search_text_of("長門 太郎", "ながと たろう", "", "")


def test_undo_an_added_cash_entry_removes_it_and_the_balances_come_back(db):
    with db.session() as s:
        book = Book(s, first=2026, cash=10_000)
        fund_id, cash_id = book.fund.id, book.cash.id
    with db.session() as s:  # the same fund and accounts again (nothing changes), and the entry
        Book(s, first=2026, cash=10_000).expense(date(2026, 5, 10), "会議費", 3_000, description="お茶代")
    with db.Session() as s:
        closing = {b.account_id: b.closing for b in account_balances(s, fund_id, 2026)}
        assert closing[cash_id] == 7_000  # 10,000 opening − 3,000 お茶代
        assert undo.last_action(s).description == "出納簿「お茶代」の登録"
    with db.session() as s:
        undo.undo_last(s)
    with db.Session() as s:
        assert count_entries(s, fund_id, 2026) == 0
        closing = {b.account_id: b.closing for b in account_balances(s, fund_id, 2026)}
        assert closing[cash_id] == 10_000  # the opening balance again, nothing spent


def committee_with_two(db) -> tuple[int, list[int]]:
    with db.session() as s:
        two_associations(s)
        people = [add(s, "長門 太郎", "ながと たろう").id, add(s, "萩 花子", "はぎ はなこ").id]
    with db.session() as s:
        committee = cs.add_committee(s, "広報部会")
        for person in people:
            cs.join_committee(s, committee.id, person, date(2026, 4, 1), is_head=person == people[0])
    return committee.id, people


def seats(db, committee_id: int) -> list[tuple]:
    with db.Session() as s:
        return list(
            s.execute(
                select(
                    CommitteeMembership.id,
                    CommitteeMembership.member_id,
                    CommitteeMembership.is_head,
                    CommitteeMembership.joined_on,
                )
                .where(CommitteeMembership.committee_id == committee_id)
                .order_by(CommitteeMembership.id)
            )
        )


def test_undo_a_committee_moved_to_the_trash(db):
    committee_id, _people = committee_with_two(db)
    before = seats(db, committee_id)
    with db.session() as s:
        cs.delete_committee(s, committee_id)
    with db.Session() as s:
        assert cs.list_committees(s) == []
        assert undo.last_action(s).description == "委員会「広報部会」の削除（ごみ箱へ）"
    with db.session() as s:
        undo.undo_last(s)
    with db.Session() as s:
        assert [c.name for c in cs.list_committees(s)] == ["広報部会"]
    assert seats(db, committee_id) == before


def test_undo_a_committee_deleted_for_good_brings_back_its_memberships(db):
    committee_id, people = committee_with_two(db)
    before = seats(db, committee_id)
    assert [(m, head) for _id, m, head, _on in before] == [(people[0], True), (people[1], False)]
    with db.session() as s:  # removed for good: the memberships go with it (relationship cascade)
        s.delete(cs._committee(s, committee_id))
    assert seats(db, committee_id) == []
    with db.Session() as s:
        assert undo.last_action(s).description == "委員会「広報部会」の削除（ほか2件）"
    with db.session() as s:
        undo.undo_last(s)
    with db.Session() as s:
        assert [c.name for c in cs.list_committees(s)] == ["広報部会"]
    assert seats(db, committee_id) == before  # same ids, members, head and dates


def test_undo_emptying_the_trash_brings_back_the_person_with_their_seat(db):
    committee_id, people = committee_with_two(db)
    with db.session() as s:
        delete_member(s, people[1])
    with db.session() as s:
        assert empty_trash(s) == 1
    assert [m for _id, m, _h, _on in seats(db, committee_id)] == [people[0]]
    with db.session() as s:
        undo.undo_last(s)  # the emptying: 萩 花子 is back, in the trash, with her seat
    assert [m for _id, m, _h, _on in seats(db, committee_id)] == people
    hanako = member(db, people[1])
    assert hanako.name == "萩 花子" and hanako.deleted_at is not None
    assert hanako.search_text == search_text_of("萩 花子", "はぎ はなこ", "", "")
    with db.Session() as s:
        undone, to_trash = undo.recent_actions(s)[:2]  # the emptying itself is no longer offered
    assert undone.description == "会員「萩 花子」の削除（ほか1件）の取り消し"  # her seat went with her
    assert to_trash.description == "会員「萩 花子」の削除（ごみ箱へ）"
    with db.session() as s:
        undo.undo(s, to_trash.key)  # and the move to the trash
    assert member(db, people[1]).deleted_at is None


def test_refused_when_a_later_change_touched_the_same_record(db, taro):
    edit(db, taro, address=NEW_ADDRESS)
    edit(db, taro, phone="0837-22-1111")
    with db.Session() as s:
        phone_change, address_change = undo.recent_actions(s)[:2]
    assert address_change.description == "会員「長門 太郎」の住所の変更"
    before = log_count(db)
    with pytest.raises(undo.UndoError) as err, db.session() as s:
        undo.undo(s, address_change.key)
    message = err.value.message()
    assert "会員「長門 太郎」を変更しているため元に戻せません" in message
    assert "電話（空 → 0837-22-1111）" in message  # which later change
    assert member(db, taro).address == NEW_ADDRESS and log_count(db) == before
    # newest first works: the phone, then the address
    with db.session() as s:
        undo.undo(s, phone_change.key)
    with db.session() as s:
        undo.undo(s, address_change.key)
    row = member(db, taro)
    assert (row.address, row.phone) == (OLD_ADDRESS, "")


def test_refused_when_the_record_is_gone_or_used_by_a_later_record(db, taro):
    with db.session() as s:
        committee_id = cs.add_committee(s, "広報部会").id
    with db.session() as s:
        cs.join_committee(s, committee_id, taro, date(2026, 4, 1))
    with db.Session() as s:
        join, add_committee = undo.recent_actions(s)[:2]
    assert add_committee.description == "委員会「広報部会」の登録"
    using = "委員会の委員「長門 太郎」が委員会「広報部会」を使っているため元に戻せません"
    with pytest.raises(undo.UndoError, match=using), db.session() as s:
        undo.undo(s, add_committee.key)
    with db.session() as s:  # the seat first, then the committee
        undo.undo(s, join.key)
    with db.session() as s:
        undo.undo(s, add_committee.key)
    with db.Session() as s:
        assert cs.list_committees(s) == []
    # a record removed without the history (outside the program) cannot be brought back by undoing
    edit(db, taro, address=NEW_ADDRESS)
    with db.session() as s:
        s.execute(text("DELETE FROM committee_membership"))
        s.execute(text("DELETE FROM member WHERE id = :id"), {"id": taro})
    gone = "会員「長門 太郎」はもうないため元に戻せません"
    with pytest.raises(undo.UndoError, match=gone), db.session() as s:
        undo.undo_last(s)


def test_refused_in_a_closed_year(db):
    with db.session() as s:
        fund_id = Book(s, first=2026, cash=10_000).fund.id
    with db.session() as s:
        Book(s, first=2026, cash=10_000).expense(date(2026, 5, 10), "会議費", 3_000, description="お茶代")
    with db.session() as s:
        close_year(s, fund_id, 2026)
    with db.Session() as s:
        # closing the year is not undone here (it is reopened with a reason); the entry is listed
        assert undo.last_action(s).description.startswith("出納簿「お茶代」の登録")
    with pytest.raises(YearClosedError, match="締められているため変更できません"), db.session() as s:
        undo.undo_last(s)
    with db.Session() as s:
        assert count_entries(s, fund_id, 2026) == 1


def test_undo_of_the_undo_and_again(db, taro):
    edit(db, taro, address=NEW_ADDRESS)
    with db.session() as s:
        undo.undo_last(s)
    with db.Session() as s:
        actions = undo.recent_actions(s)
    # the undone edit is no longer offered; the undo is, as a change of its own
    assert [(a.kind, a.description) for a in actions[:2]] == [
        ("undo", "会員「長門 太郎」の住所の変更の取り消し"),
        ("change", FIRST_ACTION),
    ]
    with db.session() as s:
        undo.undo_last(s)  # redo
    assert member(db, taro).address == NEW_ADDRESS
    with db.Session() as s:
        redo = undo.last_action(s)
        assert (redo.kind, redo.description) == ("redo", "会員「長門 太郎」の住所の変更")
        assert history.changes_as_rows(s, limit=2)[1].content == "やり直し：会員「長門 太郎」の住所の変更"
    with db.session() as s:
        undo.undo_last(s)
    assert member(db, taro).address == OLD_ADDRESS
    with db.Session() as s:
        assert undo.last_action(s).description == "会員「長門 太郎」の住所の変更の取り消し"
    with pytest.raises(undo.UndoError, match="すでに元に戻してあります"), db.session() as s:
        undo.undo(s, redo.key)


def test_two_actions_in_the_same_second_stay_apart(db, taro):
    edit(db, taro, address=NEW_ADDRESS)
    edit(db, taro, phone="0837-22-1111")
    with db.Session() as s:
        newest, older = undo.recent_actions(s)[:2]
    assert newest.description == "会員「長門 太郎」の電話の変更"
    assert older.description == "会員「長門 太郎」の住所の変更"
    assert newest.at > older.at  # each commit has its own stamp, even within one second
    with db.session() as s:
        undo.undo_last(s)
    row = member(db, taro)
    assert (row.address, row.phone) == (NEW_ADDRESS, "")  # only the phone went back


def test_an_export_is_not_an_action_to_undo(db, taro):
    edit(db, taro, address=NEW_ADDRESS)
    with db.session() as s:
        history.record_event(s, "export", "名簿（個人情報あり）を書き出しました。")
    with db.Session() as s:
        assert undo.last_action(s).description == "会員「長門 太郎」の住所の変更"


def test_undo_removing_a_jichikai_gives_its_members_their_jichikai_back(db, taro):
    from nagato_desk.models import NeighbourhoodAssociation
    from nagato_desk.services.associations import remove_association

    east = member(db, taro).association_id
    with db.session() as s:  # the database itself empties the members' 自治会 (ON DELETE SET NULL)
        remove_association(s, east)
    assert member(db, taro).association_id is None
    with db.Session() as s:
        # the 自治会, and what the database changed with it: 長門 太郎's 自治会
        assert undo.last_action(s).records == 2
    with db.session() as s:
        undo.undo_last(s)
    assert member(db, taro).association_id == east
    with db.Session() as s:
        assert s.get(NeighbourhoodAssociation, east).name == "東区自治会"


def test_a_budget_line_of_a_closed_year_is_refused_too(db):
    from nagato_desk.models import BudgetLine
    from nagato_desk.services.budgets import (
        BudgetDraft,
        BudgetLineDraft,
        draft_of_revision,
        get_revision,
        save_budget,
        update_revision,
    )

    with db.session() as s:
        fund_id = Book(s, first=2026).fund.id
    with db.session() as s:
        head = Book(s, first=2026).head("会議費", "out").id
        revision_id = save_budget(s, fund_id, 2026, BudgetDraft(lines=[BudgetLineDraft(head, 40_000)])).id
    with db.session() as s:  # only the line's amount changes: the budget itself keeps its fields
        draft = draft_of_revision(get_revision(s, revision_id))
        draft.lines = [BudgetLineDraft(head, 45_000)]
        update_revision(s, revision_id, draft)
    with db.Session() as s:
        last = undo.last_action(s)
    assert (last.description, last.records) == ("予算の科目（1番）の予算額の変更", 1)
    with db.session() as s:
        close_year(s, fund_id, 2026)
    with pytest.raises(YearClosedError), db.session() as s:
        undo.undo(s, last.key)
    with db.Session() as s:
        assert s.get(BudgetLine, 1).amount == 45_000
