"""班: adding, renaming, ordering and removing the blocks of a 自治会, and finding one by name."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import Block, ChangeLog, Member
from nagato_desk.services import blocks as bs
from nagato_desk.services import households as hs
from nagato_desk.services import members as ms
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.households import HouseholdDraft
from nagato_desk.services.members import MemberDraft


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


@pytest.fixture
def assoc(session):
    council = create_council(
        session,
        CouncilDraft(name="試験協議会"),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
    )
    return {a.name: a.id for a in council.associations}


def state(session) -> tuple:
    return (
        tuple(
            session.execute(
                select(Block.id, Block.association_id, Block.name, Block.sort_order).order_by(Block.id)
            )
        ),
        session.scalar(select(func.count()).select_from(ChangeLog)),
    )


def refused(session, action, message: str) -> None:
    before = state(session)
    with pytest.raises(ValidationError) as err:
        action()
    assert str(err.value) == message
    assert state(session) == before


def names(session, association_id=None) -> list[str]:
    return [f"{b.association.name}:{b.name}" for b in bs.list_blocks(session, association_id)]


def test_add_and_list_blocks_in_order(session, assoc):
    east, west = assoc["東区自治会"], assoc["西区自治会"]
    # Added out of order: the list follows the 自治会's order, then each 班's own order.
    for aid, name in ((west, "1班"), (east, " 2班 "), (east, "1班"), (west, "中組")):
        bs.add_block(session, aid, name)
    assert names(session) == ["東区自治会:2班", "東区自治会:1班", "西区自治会:1班", "西区自治会:中組"]
    assert names(session, west) == ["西区自治会:1班", "西区自治会:中組"]
    assert [b.sort_order for b in bs.list_blocks(session, east)] == [1, 2]
    first = bs.list_blocks(session, east)[1]
    bs.move_block(session, first.id, -1)
    assert names(session, east) == ["東区自治会:1班", "東区自治会:2班"]
    bs.move_block(session, first.id, -1)  # already first: stays
    assert names(session, east) == ["東区自治会:1班", "東区自治会:2班"]


def test_add_block_refusals(session, assoc):
    east = assoc["東区自治会"]
    bs.add_block(session, east, "1班")
    refused(
        session, lambda: bs.add_block(session, east, "１班"), "「東区自治会」にはすでに「1班」があります。"
    )
    refused(
        session, lambda: bs.add_block(session, east, " 1 班"), "「東区自治会」にはすでに「1班」があります。"
    )
    refused(session, lambda: bs.add_block(session, east, "　"), "班の名称を入力してください。")
    refused(session, lambda: bs.add_block(session, east, "班" * 51), "班の名称は50文字以内にしてください。")
    refused(session, lambda: bs.add_block(session, 99, "1班"), "指定された自治会が見つかりません。")
    assert bs.add_block(session, assoc["西区自治会"], "1班").name == "1班"  # another 自治会 may have one
    assert bs.add_block(session, east, "班" * 50).name == "班" * 50


def test_rename_block(session, assoc):
    east = assoc["東区自治会"]
    one, two = bs.add_block(session, east, "1班"), bs.add_block(session, east, "2班")
    bs.rename_block(session, one.id, "１班")  # its own name in another width is fine
    assert one.name == "１班"
    bs.rename_block(session, one.id, "上組")
    assert one.name == "上組"
    refused(
        session,
        lambda: bs.rename_block(session, one.id, "２班"),
        "「東区自治会」にはすでに「2班」があります。",
    )
    refused(session, lambda: bs.rename_block(session, two.id, ""), "班の名称を入力してください。")
    refused(session, lambda: bs.rename_block(session, 99, "3班"), "指定された班が見つかりません。")


def test_remove_block_only_when_nobody_uses_it(session, assoc):
    east = assoc["東区自治会"]
    block, other = bs.add_block(session, east, "1班"), bs.add_block(session, east, "2班")
    h = hs.add_household(session, HouseholdDraft(association_id=east, block_id=block.id, address="東1"))
    a = ms.add_member(session, MemberDraft("甲", household_id=h.id))
    b = ms.add_member(session, MemberDraft("乙", block_id=block.id))
    trashed = ms.add_member(session, MemberDraft("丙", block_id=block.id))
    ms.delete_member(session, trashed.id)
    refused(
        session,
        lambda: bs.remove_block(session, block.id),
        "「1班」には会員2人・世帯1件が登録されているため削除できません。先に別の班へ移してください。",
    )
    hs.move_household(session, h.id, date(2025, 4, 1), address="東1", block_id=other.id)
    ms.update_member(session, b.id, MemberDraft("乙", block_id=other.id))
    assert a.block_id == other.id
    assert bs.block_usage(session, block.id) == (0, 0)
    bs.remove_block(session, block.id)
    assert names(session) == ["東区自治会:2班"]
    assert session.get(Member, trashed.id).block_id is None  # the trash loses the 班, recorded
    assert (
        session.scalars(
            select(ChangeLog.changes).where(ChangeLog.table_name == "member", ChangeLog.row_id == trashed.id)
        ).all()[-1]
        == f'{{"block_id": [{block.id}, null]}}'
    )
    refused(session, lambda: bs.remove_block(session, block.id), "指定された班が見つかりません。")


def test_block_by_name(session, assoc):
    east, west = assoc["東区自治会"], assoc["西区自治会"]
    one = bs.add_block(session, east, "1班")
    assert bs.block_by_name(session, east, "1班") is one
    assert bs.block_by_name(session, east, " １班 ") is one
    assert bs.block_by_name(session, west, "1班") is None
    assert bs.block_by_name(session, east, "") is None
    assert bs.block_by_name(session, east, "", create=True) is None
    made = bs.block_by_name(session, west, "1班", create=True)
    assert (made.association_id, made.name) == (west, "1班")
    assert bs.block_by_name(session, west, "１班", create=True) is made


def test_place_problems(session, assoc):
    east, west = assoc["東区自治会"], assoc["西区自治会"]
    w1 = bs.add_block(session, west, "1班")
    assert bs.place_problems(session, east, None) == []
    assert bs.place_problems(session, None, w1.id) == []
    assert bs.resolve_place(session, None, w1.id) == (west, w1.id)
    assert [p.field for p in bs.place_problems(session, 99, 98)] == ["association_id", "block_id"]
    assert [p.ja for p in bs.place_problems(session, east, w1.id)] == [
        "班「1班」は「東区自治会」の班ではありません。"
    ]
