"""班 (Block): the subdivisions of a 自治会 — fees are collected and circulars go round by 班.

Names are unique within their 自治会 as people read them: 「１班」 and 「1班」, 「ア班」 and 「あ班」 are the
same 班 (compared after ``reading.fold``), so a list typed by hand and one imported from Excel meet.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, problem
from nagato_desk.models import Block, Household, Member, NeighbourhoodAssociation
from nagato_desk.reading import fold
from nagato_desk.services.council import clean_text
from nagato_desk.services.ordering import move_in_order, required_name

BLOCK_NAME_MAX = 50


def _association(session: Session, association_id: int | None) -> NeighbourhoodAssociation:
    row = session.get(NeighbourhoodAssociation, association_id) if association_id is not None else None
    if row is None:
        raise problem(
            "指定された自治会が見つかりません。", "That association does not exist.", field="association_id"
        )
    return row


def get_block(session: Session, block_id: int | None) -> Block:
    row = session.get(Block, block_id) if block_id is not None else None
    if row is None:
        raise problem("指定された班が見つかりません。", "That block does not exist.", field="block_id")
    return row


def _same_name(session: Session, association_id: int, name: str, exclude_id: int | None) -> Block | None:
    key = fold(name)
    for other in session.scalars(select(Block).where(Block.association_id == association_id)):
        if other.id != exclude_id and fold(other.name) == key:
            return other
    return None


def _check_name(session: Session, assoc: NeighbourhoodAssociation, name: str, exclude_id=None) -> str:
    name = required_name(name, "班の名称", "block name", BLOCK_NAME_MAX)
    clash = _same_name(session, assoc.id, name, exclude_id)
    if clash is not None:
        raise problem(
            f"「{assoc.name}」にはすでに「{clash.name}」があります。",
            f"'{assoc.name}' already has a block named '{clash.name}'.",
            field="name",
        )
    return name


def add_block(session: Session, association_id: int, name: str) -> Block:
    """Add a 班 at the end of its 自治会's list."""
    assoc = _association(session, association_id)
    name = _check_name(session, assoc, name)
    last = session.scalar(select(func.max(Block.sort_order)).where(Block.association_id == assoc.id)) or 0
    row = Block(association_id=assoc.id, name=name, sort_order=last + 1)
    session.add(row)
    session.flush()
    return row


def rename_block(session: Session, block_id: int, name: str) -> Block:
    row = get_block(session, block_id)
    row.name = _check_name(session, _association(session, row.association_id), name, exclude_id=row.id)
    session.flush()
    return row


def block_usage(session: Session, block_id: int) -> tuple[int, int]:
    """(members, households) placed in this 班, not counting the trash."""
    members = session.scalar(
        select(func.count()).where(Member.block_id == block_id, Member.deleted_at.is_(None))
    )
    households = session.scalar(
        select(func.count()).where(Household.block_id == block_id, Household.deleted_at.is_(None))
    )
    return members or 0, households or 0


def remove_block(session: Session, block_id: int) -> None:
    """Remove a 班 nobody uses; records in the trash that still name it lose the 班 (recorded)."""
    row = get_block(session, block_id)
    members, households = block_usage(session, block_id)
    if members or households:
        raise problem(
            f"「{row.name}」には会員{members}人・世帯{households}件が登録されているため削除できません。"
            "先に別の班へ移してください。",
            f"'{row.name}' still has {members} member(s) and {households} household(s); "
            "move them to another block first.",
        )
    # Done through the ORM (not ON DELETE SET NULL) so the change history shows it.
    for model in (Member, Household):
        for obj in session.scalars(select(model).where(model.block_id == block_id)):
            obj.block_id = None
    session.delete(row)
    session.flush()


def move_block(session: Session, block_id: int, delta: int) -> None:
    """Move a 班 up (delta -1) or down (+1) within its 自治会."""
    row = get_block(session, block_id)
    move_in_order(list_blocks(session, row.association_id), block_id, delta)
    session.flush()


def list_blocks(session: Session, association_id: int | None = None) -> list[Block]:
    """Every 班 (or those of one 自治会), in the 自治会's order, then the 班's own order."""
    stmt = (
        select(Block)
        .join(NeighbourhoodAssociation, NeighbourhoodAssociation.id == Block.association_id)
        .order_by(
            NeighbourhoodAssociation.sort_order,
            NeighbourhoodAssociation.id,
            Block.sort_order,
            Block.name,
            Block.id,
        )
    )
    if association_id is not None:
        stmt = stmt.where(Block.association_id == association_id)
    return list(session.scalars(stmt))


def block_by_name(session: Session, association_id: int, name: str, create: bool = False) -> Block | None:
    """The 自治会's 班 called ``name`` (compared as people read it); with ``create``, added if missing."""
    if not clean_text(name):
        return None
    found = _same_name(session, association_id, clean_text(name), None)
    if found is None and create:
        return add_block(session, association_id, name)
    return found


def place_problems(session: Session, association_id: int | None, block_id: int | None) -> list[Problem]:
    """What is wrong with a 自治会 / 班 pair chosen for a member or a household."""
    problems = []
    assoc = session.get(NeighbourhoodAssociation, association_id) if association_id is not None else None
    if association_id is not None and assoc is None:
        problems.append(
            Problem(
                "指定された自治会が見つかりません。",
                "That association does not exist.",
                field="association_id",
            )
        )
    block = session.get(Block, block_id) if block_id is not None else None
    if block_id is not None and block is None:
        problems.append(
            Problem("指定された班が見つかりません。", "That block does not exist.", field="block_id")
        )
    if assoc is not None and block is not None and block.association_id != assoc.id:
        problems.append(
            Problem(
                f"班「{block.name}」は「{assoc.name}」の班ではありません。",
                f"Block '{block.name}' does not belong to '{assoc.name}'.",
                field="block_id",
            )
        )
    return problems


def resolve_place(
    session: Session, association_id: int | None, block_id: int | None
) -> tuple[int | None, int | None]:
    """A 班 given without its 自治会 brings the 自治会 (call after ``place_problems`` is empty)."""
    if association_id is None and block_id is not None:
        block = session.get(Block, block_id)
        if block is not None:
            association_id = block.association_id
    return association_id, block_id
