"""部会: the list (add, rename, order, trash), who sits on a committee on a date, and the head."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from nagato_desk.errors import ValidationError
from nagato_desk.models import Member
from nagato_desk.reading import sort_key_text
from nagato_desk.services import committees as cs
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council

D = date


def person(session, name: str, reading: str, **kw) -> Member:
    m = Member(name=name, reading=reading, reading_key=sort_key_text(reading), **kw)
    session.add(m)
    session.flush()
    return m


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        create_council(s, CouncilDraft(name="テスト協議会"), [AssociationDraft("東区自治会")])
        yield s
        s.rollback()


def rows(session) -> dict[str, list]:
    return {
        t: session.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()
        for t in ("committee", "committee_membership")
    }


def refused(session, match: str, fn, *args, **kw):
    before = rows(session)
    with pytest.raises(ValidationError, match=match):
        fn(*args, **kw)
    assert rows(session) == before


def names(session) -> list[str]:
    return [c.name for c in cs.list_committees(session)]


# -- the list ------------------------------------------------------------------------------


def test_add_rename_and_order(session):
    general = cs.add_committee(session, " 総務部会 ")
    welfare = cs.add_committee(session, "福祉部会")
    cs.add_committee(session, "環境部会")
    assert names(session) == ["総務部会", "福祉部会", "環境部会"]
    cs.move_committee(session, welfare.id, -1)
    assert names(session) == ["福祉部会", "総務部会", "環境部会"]
    cs.move_committee(session, welfare.id, 5)
    assert names(session) == ["総務部会", "環境部会", "福祉部会"]
    cs.rename_committee(session, general.id, "総務・広報部会")
    assert names(session)[0] == "総務・広報部会"
    refused(session, "部会「環境部会」はすでにあります", cs.add_committee, session, "環境 部会")
    refused(session, "部会「環境部会」はすでにあります", cs.rename_committee, session, general.id, "環境部会")
    refused(session, "部会の名称を入力", cs.add_committee, session, "　")
    refused(session, "100文字以内", cs.add_committee, session, "部" * 101)
    refused(session, "部会が見つかりません", cs.rename_committee, session, 9999, "X")


def test_committee_by_name(session):
    disaster = cs.add_committee(session, "防災・安全部会")
    assert cs.committee_by_name(session, " 防災・安全部会") is disaster
    assert cs.committee_by_name(session, "子ども・教育部会") is None
    made = cs.committee_by_name(session, "子ども・教育部会", create=True)
    assert made is not None and names(session) == ["防災・安全部会", "子ども・教育部会"]
    assert cs.committee_by_name(session, "") is None


def test_trash_and_restore(session):
    env = cs.add_committee(session, "環境部会")
    cs.delete_committee(session, env.id)
    assert env.deleted_at is not None and names(session) == []
    assert cs.committee_by_name(session, "環境部会") is None
    refused(session, "部会が見つかりません", cs.rename_committee, session, env.id, "X")
    other = cs.add_committee(session, "環境部会")  # the name is free while the old one is in the trash
    refused(
        session, "同じ名前の部会「環境部会」があるため元に戻せません", cs.restore_committee, session, env.id
    )
    cs.rename_committee(session, other.id, "環境美化部会")
    cs.restore_committee(session, env.id)
    assert names(session) == ["環境部会", "環境美化部会"]


# -- members -------------------------------------------------------------------------------


@pytest.fixture
def welfare(session):
    return cs.add_committee(session, "福祉部会")


@pytest.fixture
def people(session):
    return {
        "sato": person(session, "佐藤 花子", "さとう はなこ", gender="F", birth_date=D(1960, 4, 2)),
        "abe": person(session, "阿部 一郎", "あべ いちろう", gender="M", birth_year=1990),
        "ueda": person(session, "上田 進", "うえだ すすむ", gender="M"),
    }


def test_join_refuses_a_second_open_membership(session, welfare, people):
    sato = people["sato"]
    first = cs.join_committee(session, welfare.id, sato.id, D(2024, 4, 1))
    refused(
        session, "佐藤 花子さんはすでに福祉部会の部会員です", cs.join_committee, session, welfare.id, sato.id
    )
    cs.leave_committee(session, first.id, D(2025, 3, 31))
    # rejoining before the day she left overlaps; from that day on it is fine
    refused(session, "すでに", cs.join_committee, session, welfare.id, sato.id, D(2025, 3, 1))
    again = cs.join_committee(session, welfare.id, sato.id, D(2025, 3, 31))
    assert again.id != first.id


def test_join_refusals(session, welfare, people):
    refused(session, "会員が見つかりません", cs.join_committee, session, welfare.id, 9999)
    refused(session, "部会が見つかりません", cs.join_committee, session, 9999, people["sato"].id)
    people["abe"].deleted_at = datetime(2026, 1, 1)
    session.flush()
    refused(
        session, "阿部 一郎さんはごみ箱にあります", cs.join_committee, session, welfare.id, people["abe"].id
    )
    cs.delete_committee(session, welfare.id)
    refused(session, "部会が見つかりません", cs.join_committee, session, welfare.id, people["sato"].id)


def test_leave_refusals(session, welfare, people):
    ms = cs.join_committee(session, welfare.id, people["sato"].id, D(2024, 4, 1))
    refused(
        session,
        r"退任日（令和6年3月31日）が就任日（令和6年4月1日）より前です",
        cs.leave_committee,
        session,
        ms.id,
        D(2024, 3, 31),
    )
    refused(session, "部会員の記録が見つかりません", cs.leave_committee, session, 9999, D(2024, 4, 1))


def test_one_head_at_a_time(session, welfare, people):
    sato, abe, ueda = people["sato"], people["abe"], people["ueda"]
    cs.join_committee(session, welfare.id, sato.id, is_head=True)
    cs.join_committee(session, welfare.id, abe.id)
    refused(
        session,
        "上田 進さんは福祉部会の部会員ではありません",
        cs.set_committee_head,
        session,
        welfare.id,
        ueda.id,
    )
    cs.set_committee_head(session, welfare.id, abe.id)
    listed = cs.committee_members(session, welfare.id)
    assert [(r.name, r.is_head) for r in listed] == [("阿部 一郎", True), ("佐藤 花子", False)]
    cs.join_committee(session, welfare.id, ueda.id, is_head=True)
    listed = cs.committee_members(session, welfare.id)
    assert [(r.name, r.is_head) for r in listed] == [
        ("上田 進", True),
        ("阿部 一郎", False),
        ("佐藤 花子", False),
    ]
    assert sum(r.is_head for r in listed) == 1


def test_a_member_who_left_cannot_be_made_head(session, welfare, people):
    ms = cs.join_committee(session, welfare.id, people["sato"].id, D(2020, 4, 1))
    cs.leave_committee(session, ms.id, D(2021, 3, 31))
    refused(session, "部会員ではありません", cs.set_committee_head, session, welfare.id, people["sato"].id)


def test_committee_members_on_a_date(session, welfare, people):
    sato, abe, ueda = people["sato"], people["abe"], people["ueda"]
    s = cs.join_committee(session, welfare.id, sato.id, D(2024, 4, 1))
    cs.join_committee(session, welfare.id, abe.id)  # no date: from the start
    u = cs.join_committee(session, welfare.id, ueda.id, D(2025, 4, 1))
    cs.leave_committee(session, s.id, D(2026, 4, 1))

    def on(day):
        return [r.name for r in cs.committee_members(session, welfare.id, day)]

    assert on(D(2024, 3, 31)) == ["阿部 一郎"]
    assert on(D(2024, 4, 1)) == ["阿部 一郎", "佐藤 花子"]  # the joining day counts
    assert on(D(2025, 4, 1)) == ["阿部 一郎", "上田 進", "佐藤 花子"]  # あべ, うえだ, さとう
    assert on(D(2026, 3, 31)) == ["阿部 一郎", "上田 進", "佐藤 花子"]
    assert on(D(2026, 4, 1)) == ["阿部 一郎", "上田 進"]  # the leaving day does not
    rows = {r.name: r for r in cs.committee_members(session, welfare.id, D(2026, 3, 31))}
    assert rows["佐藤 花子"].age == 65 and rows["佐藤 花子"].gender == "F"  # born 1960-04-02
    assert rows["阿部 一郎"].age == 35  # birth year 1990, before 1 July
    assert rows["上田 進"].age is None
    assert (rows["上田 進"].membership_id, rows["上田 進"].joined_on, rows["上田 進"].left_on) == (
        u.id,
        D(2025, 4, 1),
        None,
    )
    assert rows["佐藤 花子"].left_on == D(2026, 4, 1)
    ueda.deleted_at = datetime(2026, 1, 1)
    session.flush()
    assert on(D(2026, 3, 31)) == ["阿部 一郎", "佐藤 花子"]


def test_committee_members_without_a_date_lists_everyone_not_yet_gone(session, welfare, people):
    far = date.today() + timedelta(days=5 * 365)
    cs.join_committee(session, welfare.id, people["abe"].id, far)  # joins later: already listed
    gone = cs.join_committee(session, welfare.id, people["sato"].id, D(2000, 4, 1))
    cs.leave_committee(session, gone.id, D(2001, 3, 31))
    assert [r.name for r in cs.committee_members(session, welfare.id)] == ["阿部 一郎"]


def test_trashed_committees_lists_the_trash_latest_first(db):
    from datetime import datetime

    from nagato_desk.services import committees as cm
    from nagato_desk.services.council import CouncilDraft, create_council

    with db.session() as session:
        create_council(session, CouncilDraft(name="テスト協議会"))
        first, second, kept = (cm.add_committee(session, n) for n in ("総務部会", "福祉部会", "環境部会"))
        cm.delete_committee(session, first.id)
        cm.delete_committee(session, second.id)
        first.deleted_at = datetime(2026, 5, 1, 9, 0)
        second.deleted_at = datetime(2026, 6, 1, 9, 0)
    with db.Session() as session:
        rows = cm.trashed_committees(session)
    assert [(name, deleted) for _id, name, deleted in rows] == [
        ("福祉部会", datetime(2026, 6, 1, 9, 0)),
        ("総務部会", datetime(2026, 5, 1, 9, 0)),
    ]
    assert kept.id not in [r[0] for r in rows]
