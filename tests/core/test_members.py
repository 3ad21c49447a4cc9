"""会員: validation, adding and editing (derived keys), 50音 order, trash, consent and duplicates.
Leaving, rejoining and moving are in test_member_changes.py; the list's search and filters in
test_member_search.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from member_helpers import add, refused, two_associations
from sqlalchemy import func, select

from nagato_desk.models import (
    ChangeLog,
    Committee,
    CommitteeMembership,
    Consent,
    Member,
    MemberEvent,
    OfficerTerm,
    Role,
)
from nagato_desk.services import blocks as bs
from nagato_desk.services import households as hs
from nagato_desk.services import members as ms
from nagato_desk.services.members import MemberDraft, MemberFilter

TODAY = date.today()


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


@pytest.fixture
def assoc(session):
    """{name: id} of the council's two 自治会."""
    return two_associations(session)


# -- validation ------------------------------------------------------------------------------

BAD = [
    (dict(name=""), "name", "氏名を入力してください。"),
    (dict(name="　 "), "name", "氏名を入力してください。"),
    (dict(name="佐" * 101), "name", "氏名は100文字以内にしてください。"),
    (dict(reading="佐藤はなこ"), "reading", "ふりがなは、ひらがなかカタカナで入力してください。"),
    (dict(reading="sato hanako"), "reading", "ふりがなは、ひらがなかカタカナで入力してください。"),
    (dict(reading="さ" * 201), "reading", "ふりがなは200文字以内にしてください。"),
    (dict(gender="W"), "gender", "性別「W」は選べません。"),
    (dict(status="gone"), "status", "在籍状況「gone」は選べません。"),
    (dict(birth_date=TODAY + timedelta(days=1)), "birth_date", "生年月日が未来の日付です。"),
    (dict(birth_date=date(1899, 12, 31)), "birth_date", "生年月日が1900年より前です。"),
    (dict(birth_year=1899), "birth_year", f"生まれ年は1900年から{TODAY.year}年までで入力してください。"),
    (dict(birth_year=TODAY.year + 1), "birth_year", "生まれ年は1900年から"),
    (
        dict(joined_on=date(2020, 4, 1), left_on=date(2020, 3, 31)),
        "left_on",
        "退会日が入会日より前です。",
    ),
    (dict(email="hanako.example.jp"), "email", "メールアドレスに「@」がありません。"),
    (dict(phone="なし"), "phone", "電話番号に数字がありません。"),
    (dict(mobile="－"), "mobile", "携帯電話番号に数字がありません。"),
    (dict(address="長" * 301), "address", "住所は300文字以内にしてください。"),
    (dict(postal_code="759-0000-00"), "postal_code", "郵便番号は10文字以内にしてください。"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD)
def test_validation_names_the_field_in_both_languages(changes, field, message):
    draft = replace(MemberDraft(name="佐藤 花子", reading="さとう はなこ"), **changes)
    problems = ms.validate_member(draft)
    assert [p.field for p in problems] == [field]
    assert problems[0].ja.startswith(message)
    assert problems[0].en and problems[0].en.isascii()


@pytest.mark.parametrize(
    "reading", ["さとう はなこ", "サトウ　ハナコ", "ｻﾄｳ ﾊﾅｺ", "ヴァン・デル ゆーこ", "ゔぃーなす", "", "  "]
)
def test_readings_in_any_kana_width_are_accepted(reading):
    assert ms.validate_member(MemberDraft(name="X", reading=reading)) == []


def test_several_problems_are_reported_together():
    draft = MemberDraft(name="", reading="abc", email="x", birth_year=1800)
    assert [p.field for p in ms.validate_member(draft)] == ["name", "reading", "birth_year", "email"]
    assert ms.validate_member(MemberDraft(name="", email="x"))[1].en == "The e-mail address has no '@'."


def test_boundaries_are_accepted():
    ok = MemberDraft(
        name="佐" * 100,
        birth_date=TODAY,
        birth_year=1900,
        joined_on=date(2020, 4, 1),
        left_on=date(2020, 4, 1),
        email="a@b",
        phone="(0837)32-1234",
    )
    assert ms.validate_member(ok) == []
    assert ms.validate_member(replace(ok, birth_date=date(1900, 1, 1), birth_year=TODAY.year)) == []


# -- adding and editing ----------------------------------------------------------------------


def test_add_member_derives_keys_and_writes_the_joined_event(session, assoc):
    m = add(
        session,
        name=" 佐藤　花子 ",
        reading="ｻﾄｳ ﾊﾅｺ",
        phone="0837-32-1234",
        mobile="090(1234)5678",
        birth_date=date(1950, 3, 1),
        joined_on=date(2015, 4, 1),
        association_id=assoc["東区自治会"],
    )
    assert m.name == "佐藤　花子"
    assert m.reading_key == "0さとうはなこ\x01さとうはなこ\x01ｻﾄｳ ﾊﾅｺ"
    assert m.search_text == "佐藤花子\nさとうはなこ\n0837321234 09012345678"
    assert m.birth_year == 1950  # the date wins
    assert m.association.name == "東区自治会"
    assert [(e.kind, e.on) for e in m.events] == [("joined", date(2015, 4, 1))]
    assert add(session, name="鈴木 一郎").events == []
    log = session.scalars(select(ChangeLog).where(ChangeLog.table_name == "member")).all()
    assert [c.action for c in log] == ["insert", "insert"]
    assert "reading_key" not in log[0].changes  # derived keys are not history


def test_household_and_block_fill_in_what_the_draft_leaves_out(session, assoc):
    east = assoc["東区自治会"]
    block = bs.add_block(session, east, "1班")
    h = hs.add_household(
        session,
        hs.HouseholdDraft(association_id=east, block_id=block.id, postal_code="759-4101", address="東1"),
    )
    m = add(session, household_id=h.id)
    assert (m.association_id, m.block_id, m.address, m.postal_code) == (east, block.id, "東1", "759-4101")
    own = add(session, name="B", household_id=h.id, address="東2")
    assert own.address == "東2" and own.postal_code == ""
    same_assoc = add(session, name="D", household_id=h.id, association_id=east, postal_code="759-9999")
    assert (same_assoc.block_id, same_assoc.address, same_assoc.postal_code) == (block.id, "東1", "759-9999")
    other = add(session, name="E", household_id=h.id, association_id=assoc["西区自治会"])
    assert (other.association_id, other.block_id) == (assoc["西区自治会"], None)
    by_block = add(session, name="C", block_id=block.id)
    assert (by_block.association_id, by_block.block_id) == (east, block.id)


def test_add_member_refusals_write_nothing(session, assoc):
    west_block = bs.add_block(session, assoc["西区自治会"], "3班")
    refused(session, lambda: add(session, name=""), "氏名を入力")
    refused(
        session,
        lambda: add(session, association_id=assoc["東区自治会"], block_id=west_block.id),
        "班「3班」は「東区自治会」の班ではありません。",
    )
    refused(session, lambda: add(session, household_id=999), "指定された世帯が見つかりません。")
    refused(session, lambda: add(session, association_id=999), "指定された自治会が見つかりません。")


def test_update_member_rederives_keys_and_keeps_the_joined_event_in_step(session, assoc):
    m = add(session, joined_on=date(2015, 4, 1))
    draft = ms.draft_of(m)
    assert draft == MemberDraft(name="佐藤 花子", reading="さとう はなこ", joined_on=date(2015, 4, 1))
    ms.update_member(session, m.id, replace(draft, reading="カトウ ハナコ", joined_on=date(2016, 4, 1)))
    assert m.reading_key.startswith("0かとうはなこ\x01")
    assert m.search_text.startswith("佐藤花子\nかとうはなこ\n")
    assert [(e.kind, e.on) for e in m.events] == [("joined", date(2016, 4, 1))]
    ms.update_member(session, m.id, replace(ms.draft_of(m), joined_on=None))
    assert m.events == []
    ms.update_member(session, m.id, replace(ms.draft_of(m), joined_on=date(2017, 5, 1)))
    assert [(e.kind, e.on) for e in m.events] == [("joined", date(2017, 5, 1))]


def test_saving_an_unchanged_form_records_no_change(session, assoc):
    m = add(session, phone="0837-32-1234", association_id=assoc["西区自治会"])
    session.flush()
    before = session.scalar(select(func.count()).select_from(ChangeLog))
    ms.update_member(session, m.id, ms.draft_of(m))
    assert session.scalar(select(func.count()).select_from(ChangeLog)) == before


def test_update_and_get_refusals(session, assoc):
    m = add(session)
    refused(session, lambda: ms.update_member(session, m.id, MemberDraft(name="")), "氏名を入力")
    refused(session, lambda: ms.update_member(session, 999, MemberDraft(name="X")), "見つかりません")
    refused(session, lambda: ms.get_member(session, 999), "指定された会員が見つかりません。")
    ms.delete_member(session, m.id)
    refused(session, lambda: ms.update_member(session, m.id, MemberDraft(name="X")), "ごみ箱にあります")
    assert ms.get_member(session, m.id) is m  # the trash can still be looked at


def test_reading_key_sorts_in_gojuon_order(session, assoc):
    readings = ["かき", "", "がか", "ｶｶ", "カガ", "かか", "さいとう", "かーど", "かいと"]
    ids = {r: add(session, name=f"人{i}", reading=r).id for i, r in enumerate(readings)}
    twin = add(session, name="もう一人", reading="かか").id
    order = ms.search_member_ids(session, MemberFilter())
    # Primary keys (voicing dropped, ー as the vowel before it): かあと < かいと < かか < かき < さいとう.
    # Within かか: かか (twice, by id) < ｶｶ (same folded form, hiragana spelling first) < カガ (かが)
    # < がか (plain before voiced, from the first kana on); the empty reading comes last.
    expected = ["かーど", "かいと", "かか", "かか2", "ｶｶ", "カガ", "がか", "かき", "さいとう", ""]
    ids["かか2"] = twin
    assert order == [ids[r] for r in expected]


# -- trash -----------------------------------------------------------------------------------


def test_trash_restore_and_empty(session, assoc):
    keep, gone = add(session, name="残る"), add(session, name="消える", joined_on=date(2020, 4, 1))
    ms.add_consent(session, gone.id, "会員名簿の作成・管理", date(2020, 4, 1))
    committee = Committee(name="福祉部会")
    session.add(committee)
    session.flush()
    session.add(CommitteeMembership(committee_id=committee.id, member_id=gone.id))
    chair = session.scalars(select(Role).where(Role.name == "会長")).one()
    session.add(OfficerTerm(member_id=gone.id, role_id=chair.id, starts_on=date(2024, 5, 20)))
    h = hs.add_household(session, hs.HouseholdDraft(address="東1", head_member_id=gone.id))
    ms.delete_member(session, gone.id)
    assert gone.deleted_at is not None
    assert ms.search_member_ids(session, MemberFilter()) == [keep.id]
    assert ms.search_member_ids(session, MemberFilter(trash=True)) == [gone.id]
    refused(session, lambda: ms.delete_member(session, gone.id), "ごみ箱にあります")
    refused(session, lambda: ms.restore_member(session, keep.id), "「残る」さんはごみ箱にありません。")
    ms.restore_member(session, gone.id)
    assert ms.search_member_ids(session, MemberFilter()) == [keep.id, gone.id]
    assert ms.empty_trash(session) == 0
    ms.delete_member(session, gone.id)
    assert ms.empty_trash(session) == 1
    assert session.get(Member, gone.id) is None
    for model in (MemberEvent, Consent, CommitteeMembership, OfficerTerm):
        assert session.scalar(select(func.count()).select_from(model)) == 0, model
    assert h.head_member_id is None and session.get(Member, keep.id) is keep
    deletes = session.scalars(select(ChangeLog.table_name).where(ChangeLog.action == "delete")).all()
    # the person, their consent, committee seat, term of office, and two events (入会, 世帯)
    assert sorted(deletes) == [
        "committee_membership",
        "consent",
        "member",
        "member_event",
        "member_event",
        "officer_term",
    ]


# -- consent ---------------------------------------------------------------------------------


def test_consent_given_and_withdrawn(session, assoc):
    m = add(session)
    assert not ms.has_consent(m)
    c = ms.add_consent(session, m.id, " 会員名簿の作成・管理 ", date(2024, 4, 1), note="書面")
    assert (c.purpose, c.given_on, c.withdrawn_on, c.note) == (
        "会員名簿の作成・管理",
        date(2024, 4, 1),
        None,
        "書面",
    )
    assert ms.has_consent(m) and ms.has_consent(m, "会員名簿の作成・管理")
    assert not ms.has_consent(m, "市への名簿の提出")
    assert not ms.has_consent(m, on=date(2024, 3, 31)) and ms.has_consent(m, on=date(2024, 4, 1))
    ms.withdraw_consent(session, c.id, date(2025, 1, 10))
    assert ms.has_consent(m, on=date(2025, 1, 9))
    assert not ms.has_consent(m, on=date(2025, 1, 10)) and not ms.has_consent(m)


def test_consent_refusals(session, assoc):
    m = add(session)
    refused(session, lambda: ms.add_consent(session, m.id, " ", date(2024, 4, 1)), "同意の目的を入力")
    refused(session, lambda: ms.add_consent(session, m.id, "連絡", TODAY + timedelta(days=1)), "未来の日付")
    refused(session, lambda: ms.add_consent(session, 999, "連絡", date(2024, 4, 1)), "見つかりません")
    c = ms.add_consent(session, m.id, "連絡", date(2024, 4, 1))
    refused(
        session, lambda: ms.withdraw_consent(session, c.id, date(2024, 3, 1)), "撤回した日が同意した日より前"
    )
    refused(
        session, lambda: ms.withdraw_consent(session, 999, date(2024, 5, 1)), "同意の記録が見つかりません"
    )
    ms.withdraw_consent(session, c.id, date(2024, 5, 1))
    refused(session, lambda: ms.withdraw_consent(session, c.id, date(2024, 6, 1)), "2024-05-01にすでに撤回")
    ms.delete_member(session, m.id)
    refused(session, lambda: ms.add_consent(session, m.id, "連絡", date(2024, 4, 1)), "ごみ箱にあります")


# -- duplicates ------------------------------------------------------------------------------


def test_find_duplicates(session, assoc):
    hanako = add(session, birth_date=date(1950, 3, 1), address="長門市東深川1-2")
    add(
        session, name="佐藤 花子", reading="さとう はなこ", birth_date=date(1951, 3, 1), address="長門市仙崎9"
    )
    trashed = add(session, name="佐藤 花子", reading="さとう はなこ", birth_date=date(1950, 3, 1))
    ms.delete_member(session, trashed.id)

    def found(**kw):
        return [m.id for m in ms.find_duplicates(session, MemberDraft(**{"name": "別人", **kw}))]

    # same reading (any spelling) and birth date
    assert found(reading="ｻﾄｳ ﾊﾅｺ", birth_date=date(1950, 3, 1)) == [hanako.id]
    assert found(reading="サトウハナコ", birth_date=date(1950, 3, 1)) == [hanako.id]
    assert found(reading="さとう はなこ", birth_date=date(1952, 3, 1)) == []
    assert found(reading="さとう はなこ") == []
    assert found(reading="さとう", birth_date=date(1950, 3, 1)) == []  # a prefix is not the reading
    # same name and address, folded (width and spaces)
    assert found(name="佐藤　花子", address="長門市東深川１－２") == [hanako.id]
    assert found(name="佐藤花子", address="長門市東深川1-3") == []
    assert found(name="佐藤 花子") == []
    draft = ms.draft_of(hanako)
    assert ms.find_duplicates(session, draft, exclude_id=hanako.id) == []


def test_find_duplicates_many_agrees_with_one_by_one(session, assoc):
    hanako = add(session, birth_date=date(1950, 3, 1), address="長門市東深川1-2")
    ichiro = add(
        session, name="鈴木 一郎", reading="すずき いちろう", birth_date=date(1948, 1, 2), address="仙崎1"
    )
    gone = add(session, name="鈴木 一郎", reading="すずき いちろう", birth_date=date(1948, 1, 2))
    ms.delete_member(session, gone.id)
    drafts = [
        MemberDraft("佐藤　花子", "ｻﾄｳ ﾊﾅｺ", birth_date=date(1950, 3, 1), address="長門市東深川１－２"),
        MemberDraft("別人", "スズキ イチロウ", birth_date=date(1948, 1, 2)),
        MemberDraft("鈴木 一郎", address="仙崎1"),
        MemberDraft("新しい人", "あたらしい ひと", birth_date=date(1990, 1, 1), address="仙崎1"),
        MemberDraft("", ""),
    ]
    expected = [[hanako.id], [ichiro.id], [ichiro.id], [], []]
    assert [[m.id for m in hits] for hits in ms.find_duplicates_many(session, drafts)] == expected
    assert [[m.id for m in ms.find_duplicates(session, d)] for d in drafts] == expected
    assert ms.find_duplicates_many(session, []) == []
