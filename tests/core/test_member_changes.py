"""会員: leaving (退会・転出・死亡), rejoining and moving house — each one action with a date and an
event in the person's history."""

from __future__ import annotations

from datetime import date

import pytest
from member_helpers import add, refused, two_associations
from sqlalchemy import select

from nagato_desk.models import ChangeLog
from nagato_desk.services import blocks as bs
from nagato_desk.services import households as hs
from nagato_desk.services import members as ms
from nagato_desk.services.members import MemberFilter


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


@pytest.mark.parametrize(
    ("status", "kind", "label"),
    [("withdrawn", "withdrawn", "退会"), ("moved", "moved_out", "転出"), ("deceased", "deceased", "死亡")],
)
def test_record_leaving(session, assoc, status, kind, label):
    m = add(session, joined_on=date(2020, 4, 1))
    ms.record_leaving(session, m.id, status, date(2025, 3, 31), note="連絡あり")
    assert (m.status, m.left_on) == (status, date(2025, 3, 31))
    e = m.events[-1]
    assert (e.kind, e.on, e.from_text, e.to_text, e.note) == (
        kind,
        date(2025, 3, 31),
        "在籍",
        label,
        "連絡あり",
    )
    assert ms.member_rows(session, [m.id])[0].status_ja == label
    assert ms.search_member_ids(session, MemberFilter()) == []


def test_leaving_refusals(session, assoc):
    m = add(session, joined_on=date(2020, 4, 1))
    refused(
        session,
        lambda: ms.record_leaving(session, m.id, "active", date(2025, 1, 1)),
        "「active」は選べません",
    )
    refused(
        session, lambda: ms.record_leaving(session, m.id, "withdrawn", date(2020, 3, 31)), "退会日が入会日"
    )
    refused(session, lambda: ms.record_leaving(session, m.id, "withdrawn", None), "退会日を入力してください")
    refused(session, lambda: ms.record_leaving(session, 999, "withdrawn", date(2025, 1, 1)), "見つかりません")
    ms.record_leaving(session, m.id, "withdrawn", date(2025, 1, 1))
    refused(
        session,
        lambda: ms.record_leaving(session, m.id, "deceased", date(2025, 2, 1)),
        "「佐藤 花子」さんはすでに「退会」になっています。",
    )


def test_rejoin(session, assoc):
    m = add(session, joined_on=date(2020, 4, 1))
    refused(session, lambda: ms.rejoin(session, m.id, date(2025, 1, 1)), "在籍中です")
    ms.record_leaving(session, m.id, "moved", date(2023, 3, 31))
    refused(
        session,
        lambda: ms.rejoin(session, m.id, date(2023, 3, 30)),
        "再入会日が退会日（2023-03-31）より前です。",
    )
    ms.rejoin(session, m.id, date(2024, 4, 1), note="戻ってきた")
    assert (m.status, m.left_on, m.joined_on) == ("active", None, date(2020, 4, 1))
    assert [(e.kind, e.from_text, e.to_text) for e in m.events] == [
        ("joined", "", ""),
        ("moved_out", "在籍", "転出"),
        ("rejoined", "転出", "在籍"),
    ]


def test_move_member(session, assoc):
    east, west = assoc["東区自治会"], assoc["西区自治会"]
    b1, b2 = bs.add_block(session, east, "1班"), bs.add_block(session, east, "2班")
    m = add(session, association_id=east, block_id=b1.id, address="東1", postal_code="759-4101")
    ms.move_member(session, m.id, date(2025, 6, 1), address="東5", postal_code="759-4102")
    assert (m.address, m.postal_code, m.association_id, m.block_id) == ("東5", "759-4102", east, b1.id)
    ms.move_member(session, m.id, date(2025, 7, 1), address="東6", block_id=b2.id)
    assert (m.association_id, m.block.name) == (east, "2班")
    ms.move_member(session, m.id, date(2025, 8, 1), address="西1", association_id=west, note="娘の家へ")
    assert (m.association.name, m.block_id, m.postal_code) == ("西区自治会", None, "")
    assert [(e.kind, e.on, e.from_text, e.to_text) for e in m.events] == [
        ("moved", date(2025, 6, 1), "東1", "東5"),
        ("moved", date(2025, 7, 1), "東5", "東6"),
        ("moved", date(2025, 8, 1), "東6", "西1"),
    ]
    assert m.events[-1].note == "娘の家へ"
    changes = session.scalars(
        select(ChangeLog.changes).where(ChangeLog.table_name == "member", ChangeLog.action == "update")
    ).all()
    assert f'"association_id": [{east}, {west}]' in changes[-1]


def test_moving_out_of_or_into_a_household(session, assoc):
    east = assoc["東区自治会"]
    b1 = bs.add_block(session, east, "1班")
    home = hs.add_household(session, hs.HouseholdDraft(association_id=east, block_id=b1.id, address="東1"))
    mother = add(session, name="山田 花子", household_id=home.id)
    hs.set_head(session, home.id, mother.id)
    ms.move_member(session, mother.id, date(2025, 6, 1), address="西9", association_id=assoc["西区自治会"])
    assert mother.household_id is None and home.head_member_id is None and home.address == "東1"
    assert [(e.kind, e.from_text, e.to_text) for e in mother.events][-1] == ("household", "山田 花子世帯", "")
    ms.move_member(session, mother.id, date(2025, 9, 1), address="東1", household_id=home.id)
    assert (mother.household_id, mother.association_id, mother.block_id) == (home.id, east, b1.id)


def test_move_refusals(session, assoc):
    m = add(session, association_id=assoc["東区自治会"], address="東1")
    west_block = bs.add_block(session, assoc["西区自治会"], "1班")
    refused(
        session, lambda: ms.move_member(session, m.id, date(2025, 1, 1), address=" "), "転居先の住所を入力"
    )
    refused(session, lambda: ms.move_member(session, m.id, None, address="東2"), "転居日を入力してください")
    refused(
        session,
        lambda: ms.move_member(
            session,
            m.id,
            date(2025, 1, 1),
            address="東2",
            association_id=assoc["東区自治会"],
            block_id=west_block.id,
        ),
        "東区自治会」の班ではありません",
    )
    refused(
        session,
        lambda: ms.move_member(session, m.id, date(2025, 1, 1), address="東2", household_id=9),
        "世帯が見つかりません",
    )
