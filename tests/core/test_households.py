"""世帯: adding, joining and leaving a household, its head, moving and leaving as a whole household
(with every member's history), the trash, and the household list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import ChangeLog, Household, Member, MemberEvent
from nagato_desk.services import blocks as bs
from nagato_desk.services import households as hs
from nagato_desk.services import members as ms
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.households import HouseholdDraft, HouseholdRow
from nagato_desk.services.members import MemberDraft


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


@pytest.fixture
def place(session):
    """Two 自治会 with their 班: {"east", "west", "e1", "e2", "w1"} → id."""
    council = create_council(
        session,
        CouncilDraft(name="試験協議会"),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
    )
    east, west = (a.id for a in council.associations)
    return {
        "east": east,
        "west": west,
        "e1": bs.add_block(session, east, "1班").id,
        "e2": bs.add_block(session, east, "2班").id,
        "w1": bs.add_block(session, west, "1班").id,
    }


@pytest.fixture
def yamada(session, place):
    """The 山田 household at 東1 (東区 1班): 太郎 (head), 花子, and 次郎 who withdrew."""
    h = hs.add_household(
        session,
        HouseholdDraft(
            association_id=place["east"], block_id=place["e1"], postal_code="759-4101", address="東1"
        ),
    )
    taro = ms.add_member(
        session, MemberDraft("山田 太郎", "やまだ たろう", household_id=h.id, joined_on=date(2010, 4, 1))
    )
    hanako = ms.add_member(session, MemberDraft("山田 花子", "やまだ はなこ", household_id=h.id))
    jiro = ms.add_member(session, MemberDraft("山田 次郎", "やまだ じろう", household_id=h.id))
    ms.record_leaving(session, jiro.id, "withdrawn", date(2020, 3, 31))
    hs.set_head(session, h.id, taro.id)
    return h, taro, hanako, jiro


def snapshot(session) -> tuple:
    counts = tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (Member, MemberEvent, Household, ChangeLog)
    )
    people = tuple(
        session.execute(
            select(Member.id, Member.status, Member.address, Member.block_id, Member.household_id).order_by(
                Member.id
            )
        )
    )
    homes = tuple(
        session.execute(
            select(Household.id, Household.address, Household.head_member_id, Household.deleted_at).order_by(
                Household.id
            )
        )
    )
    return counts, people, homes


def refused(session, action, fragment: str) -> None:
    before = snapshot(session)
    with pytest.raises(ValidationError) as err:
        action()
    assert fragment in str(err.value)
    assert snapshot(session) == before


def kinds(member: Member) -> list[tuple[str, str, str]]:
    return [(e.kind, e.from_text, e.to_text) for e in member.events]


def test_members_take_the_household_address_and_place(session, place, yamada):
    h, taro, hanako, _jiro = yamada
    assert h.head is taro and h.association.name == "東区自治会" and h.block.name == "1班"
    assert (hanako.address, hanako.postal_code, hanako.association_id, hanako.block_id) == (
        "東1",
        "759-4101",
        place["east"],
        place["e1"],
    )
    assert [m.name for m in h.members] == ["山田 次郎", "山田 太郎", "山田 花子"]  # by reading
    assert hs.draft_of(h) == HouseholdDraft(place["east"], place["e1"], "759-4101", "東1", "", "", taro.id)


def test_add_household_with_a_head(session, place):
    m = ms.add_member(session, MemberDraft("佐藤 一郎", "さとう いちろう"))
    h = hs.add_household(
        session, HouseholdDraft(association_id=place["west"], address="西3", head_member_id=m.id)
    )
    assert (h.head_member_id, m.household_id, m.association_id, m.address) == (
        m.id,
        h.id,
        place["west"],
        "西3",
    )
    assert kinds(m) == [("household", "", "佐藤 一郎世帯")]


def test_add_household_refusals(session, place):
    refused(
        session,
        lambda: hs.add_household(session, HouseholdDraft(association_id=place["east"], block_id=place["w1"])),
        "班「1班」は「東区自治会」の班ではありません。",
    )
    refused(
        session, lambda: hs.add_household(session, HouseholdDraft(phone="なし")), "電話番号に数字がありません"
    )
    refused(
        session,
        lambda: hs.add_household(session, HouseholdDraft(head_member_id=99)),
        "世帯主に指定された会員",
    )
    refused(session, lambda: hs.get_household(session, 99), "指定された世帯が見つかりません。")


def test_add_to_household_copies_only_what_the_member_lacks(session, place, yamada):
    h, taro, *_ = yamada
    bare = ms.add_member(session, MemberDraft("山田 三郎", "やまだ さぶろう"))
    hs.add_to_household(session, h.id, bare.id, on=date(2025, 4, 1))
    assert (bare.household_id, bare.association_id, bare.block_id, bare.address) == (
        h.id,
        place["east"],
        place["e1"],
        "東1",
    )
    assert [(e.kind, e.on, e.to_text) for e in bare.events] == [
        ("household", date(2025, 4, 1), "山田 太郎世帯")
    ]
    own = ms.add_member(
        session,
        MemberDraft("西 花", "にし はな", association_id=place["east"], block_id=place["e2"], address="東9"),
    )
    hs.add_to_household(session, h.id, own.id)
    assert (own.block_id, own.address) == (place["e2"], "東9")
    no_block = ms.add_member(
        session, MemberDraft("東 一", "ひがし はじめ", association_id=place["east"], address="東8")
    )
    hs.add_to_household(session, h.id, no_block.id)
    assert no_block.block_id == place["e1"]  # same 自治会: its 班 fills the gap


def test_joining_another_household_leaves_the_first(session, place, yamada):
    h, taro, *_ = yamada
    other = hs.add_household(session, HouseholdDraft(association_id=place["west"], address="西1"))
    hs.add_to_household(session, other.id, taro.id, on=date(2025, 5, 1))
    assert taro.household_id == other.id and h.head_member_id is None
    assert kinds(taro)[-1] == ("household", "山田 太郎世帯", "西1")
    assert taro.address == "東1"  # they have one already: moving house is move_member


def test_remove_from_household_and_set_head(session, place, yamada):
    h, taro, hanako, _ = yamada
    hs.set_head(session, h.id, hanako.id)
    assert h.head is hanako
    hs.remove_from_household(session, hanako.id, on=date(2025, 1, 1))
    assert hanako.household_id is None and h.head_member_id is None
    assert kinds(hanako)[-1] == ("household", "山田 花子世帯", "")
    refused(
        session,
        lambda: hs.remove_from_household(session, hanako.id),
        "「山田 花子」さんはどの世帯にも属していません。",
    )
    refused(
        session,
        lambda: hs.set_head(session, h.id, hanako.id),
        "「山田 花子」さんはこの世帯の一員ではありません。",
    )
    refused(session, lambda: hs.set_head(session, h.id, 999), "世帯主に指定された会員が見つかりません")


def test_move_household_moves_everyone_with_history(session, place, yamada):
    h, taro, hanako, jiro = yamada
    trashed = ms.add_member(session, MemberDraft("山田 梅", "やまだ うめ", household_id=h.id))
    ms.delete_member(session, trashed.id)
    events = hs.move_household(
        session,
        h.id,
        date(2025, 10, 1),
        address="西5",
        postal_code="759-4200",
        association_id=place["west"],
        note="新築",
    )
    assert len(events) == 3
    assert (h.address, h.postal_code, h.association.name, h.block_id) == (
        "西5",
        "759-4200",
        "西区自治会",
        None,
    )
    for m in (taro, hanako, jiro):  # the one who withdrew still lives there
        assert (m.address, m.postal_code, m.association_id, m.block_id) == (
            "西5",
            "759-4200",
            place["west"],
            None,
        )
        e = m.events[-1]
        assert (e.kind, e.on, e.from_text, e.to_text, e.note) == (
            "moved",
            date(2025, 10, 1),
            "東1",
            "西5",
            "新築",
        )
    assert trashed.address == "東1" and trashed.events == []
    logged = session.scalars(
        select(ChangeLog.row_id).where(ChangeLog.table_name == "member", ChangeLog.changes.contains('"西5"'))
    ).all()
    assert sorted(logged) == sorted([taro.id, hanako.id, jiro.id])
    # Within one 自治会, a 班 given moves everyone to it; one not given stays.
    hs.move_household(session, h.id, date(2025, 11, 1), address="西6", block_id=place["w1"])
    hs.move_household(session, h.id, date(2025, 12, 1), address="西7")
    assert {(m.association_id, m.block_id, m.address) for m in (taro, hanako, h)} == {
        (place["west"], place["w1"], "西7")
    }


def test_move_household_refusals(session, place, yamada):
    h, *_ = yamada
    refused(
        session, lambda: hs.move_household(session, h.id, date(2025, 1, 1), address=""), "転居先の住所を入力"
    )
    refused(
        session,
        lambda: hs.move_household(
            session, h.id, date(2025, 1, 1), address="x", association_id=place["east"], block_id=place["w1"]
        ),
        "の班ではありません",
    )
    refused(
        session, lambda: hs.move_household(session, 99, date(2025, 1, 1), address="x"), "世帯が見つかりません"
    )


def test_household_leaves_together(session, place, yamada):
    h, taro, hanako, jiro = yamada
    events = hs.household_leaves(session, h.id, date(2025, 3, 31), note="市外へ")
    assert [e.member_id for e in events] == [taro.id, hanako.id]
    for m in (taro, hanako):
        assert (m.status, m.left_on, kinds(m)[-1]) == (
            "moved",
            date(2025, 3, 31),
            ("moved_out", "在籍", "転出"),
        )
    assert (jiro.status, jiro.left_on) == ("withdrawn", date(2020, 3, 31))  # already gone, untouched
    refused(session, lambda: hs.household_leaves(session, h.id, date(2025, 4, 1)), "在籍中の会員がいません")


def test_household_leaving_is_all_or_nothing(session, place, yamada):
    h, taro, *_ = yamada
    # 太郎 joined on 2010-04-01: nobody leaves when one of them cannot.
    refused(
        session, lambda: hs.household_leaves(session, h.id, date(2009, 1, 1)), "山田 太郎：退会日が入会日"
    )
    refused(
        session, lambda: hs.household_leaves(session, h.id, date(2025, 1, 1), status="active"), "選べません"
    )


def test_delete_and_restore_household(session, place, yamada):
    h, taro, hanako, jiro = yamada
    hs.delete_household(session, h.id)
    assert h.deleted_at is not None
    assert all(m.household_id is None for m in (taro, hanako, jiro))
    note = f"世帯を削除（世帯番号 {h.id}）"
    assert [(e.kind, e.from_text, e.note) for e in taro.events][-1] == ("household", "山田 太郎世帯", note)
    assert hs.list_households(session) == [] and [r.id for r in hs.list_households(session, trash=True)] == [
        h.id
    ]
    refused(session, lambda: hs.add_to_household(session, h.id, taro.id), "この世帯はごみ箱にあります")
    refused(session, lambda: hs.delete_household(session, h.id), "ごみ箱にあります")
    # 花子 joins another household meanwhile: she stays there when the 山田 household comes back.
    other = hs.add_household(session, HouseholdDraft(address="西1"))
    hs.add_to_household(session, other.id, hanako.id)
    hs.restore_household(session, h.id)
    assert h.deleted_at is None and h.head is taro
    assert (taro.household_id, jiro.household_id, hanako.household_id) == (h.id, h.id, other.id)
    assert kinds(taro)[-1] == ("household", "", "山田 太郎世帯")
    refused(session, lambda: hs.restore_household(session, h.id), "この世帯はごみ箱にありません。")


def test_update_household_corrects_members_who_shared_its_values(session, place, yamada):
    h, taro, hanako, jiro = yamada
    ms.move_member(session, jiro.id, date(2021, 1, 1), address="東2", household_id=h.id)  # lives elsewhere
    hs.update_household(
        session,
        h.id,
        HouseholdDraft(
            association_id=place["east"],
            block_id=place["e2"],
            postal_code="759-4101",
            address="東1-1",
            head_member_id=hanako.id,
        ),
    )
    assert h.head is hanako and (h.address, h.block.name) == ("東1-1", "2班")
    assert (taro.address, taro.block_id, hanako.address) == ("東1-1", place["e2"], "東1-1")
    assert (jiro.address, jiro.block_id) == ("東2", place["e2"])
    assert [e.kind for e in taro.events] == ["joined"]  # a correction writes no event
    refused(
        session,
        lambda: hs.update_household(session, h.id, HouseholdDraft(address="x", head_member_id=999)),
        "世帯主に指定された会員が見つかりません",
    )


def test_list_households(session, place, yamada):
    h, *_ = yamada
    a = hs.add_household(
        session, HouseholdDraft(association_id=place["west"], block_id=place["w1"], address="西1")
    )
    ms.add_member(session, MemberDraft("安倍 一", "あべ はじめ", household_id=a.id))
    hs.set_head(session, a.id, a.members[0].id)
    headless = hs.add_household(session, HouseholdDraft(association_id=place["east"], address="東3"))
    assert hs.list_households(session) == [
        HouseholdRow(a.id, "安倍 一", 1, "西1", "西区自治会", "1班"),
        HouseholdRow(h.id, "山田 太郎", 2, "東1", "東区自治会", "1班"),  # 次郎 withdrew
        HouseholdRow(headless.id, "", 0, "東3", "東区自治会", ""),
    ]
    assert [r.id for r in hs.list_households(session, association_id=place["east"])] == [h.id, headless.id]
    assert [r.id for r in hs.list_households(session, block_id=place["w1"])] == [a.id]
