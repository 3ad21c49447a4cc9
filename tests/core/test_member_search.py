"""The member list: search as you type (any kana width, phone fragments), every filter, the rows of
a page, counts, and a size check with 20,000 members."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, select

from nagato_desk.models import Committee, CommitteeMembership, Member, OfficerTerm, Role
from nagato_desk.services import blocks as bs
from nagato_desk.services import members as ms
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.member_rules import reading_key_of, search_text_of
from nagato_desk.services.members import MemberDraft, MemberFilter


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


@pytest.fixture
def people(session):
    """Four people over two 自治会 (ids by short name), in 50音 order: いとう, さとう, すずき, たなか."""
    council = create_council(
        session,
        CouncilDraft(name="試験協議会"),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
    )
    east, west = (a.id for a in council.associations)
    b1 = bs.add_block(session, east, "1班")
    rows = {
        "sato": MemberDraft(
            "佐藤 花子",
            "さとう はなこ",
            association_id=east,
            block_id=b1.id,
            phone="0837-32-1234",
            gender="F",
        ),
        "suzuki": MemberDraft(
            "鈴木 一郎", "スズキ イチロウ", association_id=east, mobile="090-1111-2222", gender="M"
        ),
        "tanaka": MemberDraft("田中 100%", "ﾀﾅｶ", association_id=west, phone="(0837)26-0001"),
        "ito": MemberDraft("伊藤 花", "いとう はな", association_id=west),
    }
    ids = {key: ms.add_member(session, draft).id for key, draft in rows.items()}
    ids["east"], ids["west"], ids["b1"] = east, west, b1.id
    return ids


def found(session, people, **kw) -> list[str]:
    names = {v: k for k, v in people.items() if k not in ("east", "west", "b1")}
    return [names[i] for i in ms.search_member_ids(session, MemberFilter(**kw))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["ito", "sato", "suzuki", "tanaka"]),
        ("はな", ["ito", "sato"]),  # reading, hiragana
        ("ハナ", ["ito", "sato"]),  # katakana
        ("ﾊﾅｺ", ["sato"]),  # half-width katakana
        ("すずき", ["suzuki"]),  # typed in hiragana, stored in katakana
        ("たなか", ["tanaka"]),  # stored in half-width
        ("花子", ["sato"]),  # the name
        ("佐藤　花子", ["sato"]),  # full-width space
        ("佐藤 はなこ", ["sato"]),  # one word from the name, one from the reading
        ("  ", ["ito", "sato", "suzuki", "tanaka"]),
        ("32-12", ["sato"]),  # phone fragment with a hyphen
        ("0837", ["sato", "tanaka"]),
        ("(0837) 26", ["tanaka"]),
        ("０８３７ー３２", ["sato"]),  # full-width digits, ー typed for a hyphen
        ("1111-2222", ["suzuki"]),  # the mobile
        ("100%", ["tanaka"]),  # % is a character, not a wildcard
        ("%", ["tanaka"]),
        ("_", []),
        ("やまだ", []),
    ],
)
def test_search_text(session, people, text, expected):
    assert found(session, people, text=text) == expected
    assert ms.count_members(session, MemberFilter(text=text)) == len(expected)


def test_association_block_and_status_filters(session, people):
    assert found(session, people, association_id=people["east"]) == ["sato", "suzuki"]
    assert found(session, people, block_id=people["b1"]) == ["sato"]
    assert found(session, people, association_id=people["west"], text="はな") == ["ito"]
    ms.record_leaving(session, people["suzuki"], "withdrawn", date(2025, 3, 31))
    ms.record_leaving(session, people["tanaka"], "deceased", date(2025, 1, 5))
    assert found(session, people) == ["ito", "sato"]  # 在籍 by default
    assert found(session, people, statuses=()) == ["ito", "sato", "suzuki", "tanaka"]
    assert found(session, people, statuses=("withdrawn", "moved")) == ["suzuki"]
    assert found(session, people, statuses=("deceased",), association_id=people["west"]) == ["tanaka"]


def test_committee_filter_on_a_date(session, people):
    welfare, other = Committee(name="福祉部会"), Committee(name="環境部会")
    session.add_all([welfare, other])
    session.flush()
    session.add_all(
        [
            CommitteeMembership(committee_id=welfare.id, member_id=people["sato"]),  # open both ends
            CommitteeMembership(
                committee_id=welfare.id,
                member_id=people["ito"],
                joined_on=date(2024, 6, 1),
                left_on=date(2025, 6, 1),
            ),
            CommitteeMembership(committee_id=other.id, member_id=people["suzuki"]),
        ]
    )
    session.flush()

    def on(day):
        return found(session, people, committee_id=welfare.id, on=day)

    assert on(date(2024, 5, 31)) == ["sato"]
    assert on(date(2024, 6, 1)) == ["ito", "sato"]  # the day they joined counts
    assert on(date(2025, 5, 31)) == ["ito", "sato"]
    assert on(date(2025, 6, 1)) == ["sato"]  # the day they left does not
    assert found(session, people, committee_id=welfare.id) == ["sato"]  # today
    assert found(session, people, committee_id=other.id) == ["suzuki"]


def test_role_filter_on_a_date(session, people):
    chair = session.scalars(select(Role).where(Role.name == "会長")).one()
    treasurer = session.scalars(select(Role).where(Role.name == "会計")).one()
    session.add_all(
        [
            OfficerTerm(
                member_id=people["ito"],
                role_id=chair.id,
                starts_on=date(2022, 5, 20),
                ends_on=date(2024, 5, 19),
            ),
            OfficerTerm(member_id=people["sato"], role_id=chair.id, starts_on=date(2024, 5, 20)),
            OfficerTerm(member_id=people["suzuki"], role_id=treasurer.id, starts_on=date(2024, 5, 20)),
        ]
    )
    session.flush()

    def on(day):
        return found(session, people, role_id=chair.id, on=day)

    assert on(date(2022, 5, 19)) == []
    assert on(date(2022, 5, 20)) == ["ito"]
    assert on(date(2024, 5, 19)) == ["ito"]  # both ends of a term are in office
    assert on(date(2024, 5, 20)) == ["sato"]
    assert found(session, people, role_id=chair.id) == ["sato"]
    assert found(session, people, role_id=treasurer.id, association_id=people["west"]) == []


def test_without_consent(session, people):
    c = ms.add_consent(session, people["sato"], "会員名簿の作成・管理", date(2024, 4, 1))
    ms.add_consent(session, people["ito"], "協議会からの連絡", date(2024, 4, 1))
    assert found(session, people, without_consent=True) == ["suzuki", "tanaka"]
    ms.withdraw_consent(session, c.id, date(2025, 1, 1))
    assert found(session, people, without_consent=True) == ["sato", "suzuki", "tanaka"]


def test_trash_filter(session, people):
    ms.delete_member(session, people["suzuki"])
    assert found(session, people) == ["ito", "sato", "tanaka"]
    assert found(session, people, trash=True) == ["suzuki"]
    assert found(session, people, trash=True, text="すずき") == ["suzuki"]
    assert ms.count_members(session, MemberFilter(trash=True)) == 1


def test_member_rows_follow_the_ids_order(session, people):
    ids = [people["tanaka"], people["sato"], 999, people["suzuki"]]
    rows = ms.member_rows(session, ids)
    assert [r.id for r in rows] == [people["tanaka"], people["sato"], people["suzuki"]]
    sato = rows[1]
    assert (sato.name, sato.reading, sato.association, sato.block, sato.phone) == (
        "佐藤 花子",
        "さとう はなこ",
        "東区自治会",
        "1班",
        "0837-32-1234",
    )
    assert (sato.status, sato.status_ja, sato.gender, sato.gender_ja) == ("active", "在籍", "F", "女性")
    assert (rows[0].association, rows[0].block, rows[0].gender, rows[0].gender_ja) == (
        "西区自治会",
        "",
        "",
        "",
    )
    assert rows[2].gender_ja == "男性" and rows[2].deleted is False
    assert ms.member_rows(session, []) == []
    assert ms.status_label("moved") == "転出" and ms.status_label("moved", "en") == "moved away"


def bulk_members(session, count: int, associations: tuple[int, int]) -> None:
    """``count`` members straight into the table (no ORM objects, no history), for size checks.

    Member i: 自治会 ``associations[i % 2]``; surname さとう/すずき/たかはし/たなか by ``i % 4``;
    退会 when ``i % 10 == 0``; phone 0837-xx-xxxx with i in the last digits.
    """
    surnames = [("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか")]
    rows = []
    for i in range(count):
        name, reading = surnames[i % 4]
        name, reading, phone = f"{name} {i}号", f"{reading} {i}", f"0837-{i // 10000:02d}-{i % 10000:04d}"
        rows.append(
            dict(
                name=name,
                reading=reading,
                reading_key=reading_key_of(reading),
                search_text=search_text_of(name, reading, phone, ""),
                phone=phone,
                association_id=associations[i % 2],
                status="withdrawn" if i % 10 == 0 else "active",
                left_on=date(2025, 3, 31) if i % 10 == 0 else None,
            )
        )
    session.execute(insert(Member), rows)


def test_twenty_thousand_members(session):
    council = create_council(
        session, CouncilDraft(name="大きな協議会"), [AssociationDraft("東"), AssociationDraft("西")]
    )
    east, west = (a.id for a in council.associations)
    bulk_members(session, 20_000, (east, west))
    # i even → 東; every i with i % 10 == 0 (2,000 of them) is even and has left.
    assert ms.count_members(session, MemberFilter(association_id=east)) == 8_000
    assert ms.count_members(session, MemberFilter(association_id=west)) == 10_000
    assert ms.count_members(session, MemberFilter(statuses=())) == 20_000
    # さとう: i % 4 == 0, 5,000 people, all in 東; 退会 when i % 20 == 0 → 1,000 of them.
    sato = ms.search_member_ids(session, MemberFilter(text="サトウ"))
    assert len(sato) == 4_000
    # Phone numbers are 0837-(i // 10000)-(i % 10000): only i = 1234 (たかはし) has 0837-00-1234.
    hits = ms.search_member_ids(session, MemberFilter(text="0837-00-1234"))
    assert [r.name for r in ms.member_rows(session, hits)] == ["高橋 1234号"]
    # The number in the reading sorts as text: さとう 100, 1000 and 10000 have left (i % 20 == 0),
    # so the first in 在籍 are 10004, 10008, then 10012 (10010 is not a multiple of 4).
    first = ms.member_rows(session, sato[:3])
    assert [r.reading for r in first] == ["さとう 10004", "さとう 10008", "さとう 10012"]
    page = ms.member_rows(session, sato[:1000])
    assert [r.id for r in page] == sato[:1000]
