"""科目: the heads of a fund's accounts, a tree (款・項・目) for income and one for expense.

A head can be added in any year (``valid_from``) and retired from a year (``retired_from``) without
touching earlier years; a head that entries, budget lines or subsidies use can only be retired.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from nagato_desk.errors import NagatoError, Problem, ValidationError, problem
from nagato_desk.models import AccountHead, BudgetLine, CashEntry, Fund, SubsidyHead
from nagato_desk.models.account_head import HEAD_ROLES, HEAD_SIDES
from nagato_desk.reading import fold
from nagato_desk.services.ordering import move_in_order, required_name

LEVEL_NAMES = {1: "款", 2: "項", 3: "目"}
MAX_LEVEL = 3

# (name, reading, role, children) — the usual heads of a council's 一般会計 (DOMAIN.md §4).
_GENERAL_INCOME = [
    ("市交付金・補助金", "しこうふきん・ほじょきん", "", []),
    ("会費・自治会負担金", "かいひ・じちかいふたんきん", "", []),
    ("寄附金", "きふきん", "", []),
    ("事業収入", "じぎょうしゅうにゅう", "", []),
    ("雑収入", "ざっしゅうにゅう", "", []),
    ("前年度繰越金", "ぜんねんどくりこしきん", "carry_over", []),
]
_GENERAL_EXPENSE = [
    ("会議費", "かいぎひ", "", []),
    ("事業費", "じぎょうひ", "", []),
    (
        "事務費",
        "じむひ",
        "",
        [("消耗品費", "しょうもうひんひ"), ("印刷費", "いんさつひ"), ("通信費", "つうしんひ")],
    ),
    ("謝金", "しゃきん", "", []),
    ("負担金", "ふたんきん", "", []),
    ("予備費", "よびひ", "reserve", []),
]
_SPECIAL_INCOME = [
    ("事業収入", "じぎょうしゅうにゅう", "", []),
    ("繰入金", "くりいれきん", "", []),
    ("雑収入", "ざっしゅうにゅう", "", []),
    ("前年度繰越金", "ぜんねんどくりこしきん", "carry_over", []),
]
_SPECIAL_EXPENSE = [
    ("事業費", "じぎょうひ", "", []),
    ("事務費", "じむひ", "", []),
    ("繰出金", "くりだしきん", "", []),
    ("予備費", "よびひ", "reserve", []),
]


@dataclass
class HeadDraft:
    side: str
    name: str
    parent_id: int | None = None
    reading: str = ""
    valid_from: int | None = None
    role: str = ""


@dataclass(frozen=True)
class HeadRow:
    id: int
    fund_id: int
    side: str
    name: str
    reading: str
    level: int
    parent_id: int | None
    role: str
    valid_from: int | None
    retired_from: int | None
    path: str
    in_use: bool


def valid_in(head: AccountHead | HeadRow, fy: int) -> bool:
    """Whether the head may be used in fiscal year ``fy``."""
    if head.valid_from is not None and fy < head.valid_from:
        return False
    return head.retired_from is None or fy < head.retired_from


def ensure_default_heads(session: Session, fund_id: int) -> None:
    """Give a fund without heads the usual ones (idempotent)."""
    if session.scalar(select(func.count()).select_from(AccountHead).where(AccountHead.fund_id == fund_id)):
        return
    fund = session.get(Fund, fund_id)
    special = fund is not None and fund.kind == "special"
    sets = (
        ("in", _SPECIAL_INCOME if special else _GENERAL_INCOME),
        ("out", _SPECIAL_EXPENSE if special else _GENERAL_EXPENSE),
    )
    for side, heads in sets:
        for order, (name, reading, role, children) in enumerate(heads, start=1):
            parent = AccountHead(
                fund_id=fund_id, side=side, name=name, reading=reading, role=role, sort_order=order
            )
            session.add(parent)
            session.flush()
            for sub_order, (child, child_reading) in enumerate(children, start=1):
                session.add(
                    AccountHead(
                        fund_id=fund_id,
                        side=side,
                        parent_id=parent.id,
                        name=child,
                        reading=child_reading,
                        sort_order=sub_order,
                    )
                )
    session.flush()


def _used_head_ids(session: Session, fund_id: int) -> set[int]:
    """Heads that entries, budget lines or subsidies use (ids are unique across funds: no fund filter,
    so each part is read from its head_id index alone)."""
    query = union(
        select(CashEntry.head_id).where(CashEntry.head_id.is_not(None)),
        select(BudgetLine.head_id),
        select(SubsidyHead.head_id),
    )
    return set(session.scalars(select(query.subquery().c[0])))


def _tree(heads: list[AccountHead]) -> list[tuple[AccountHead, int, str]]:
    """Heads in tree order: income before expense, parents before children, by sort order."""
    children: dict[int | None, list[AccountHead]] = {}
    for h in heads:
        children.setdefault(h.parent_id, []).append(h)
    for rows in children.values():
        rows.sort(key=lambda h: (h.side != "in", h.sort_order, h.id))
    out: list[tuple[AccountHead, int, str]] = []

    def walk(parent_id: int | None, level: int, prefix: str) -> None:
        for h in children.get(parent_id, []):
            path = f"{prefix}／{h.name}" if prefix else h.name
            out.append((h, level, path))
            walk(h.id, level + 1, path)

    walk(None, 1, "")
    return out


def list_heads(
    session: Session,
    fund_id: int,
    side: str | None = None,
    fiscal_year: int | None = None,
    *,
    with_use: bool = True,
) -> list[HeadRow]:
    """The fund's heads in tree order; with ``fiscal_year`` only those valid in that year.

    ``with_use=False`` skips working out ``in_use`` (left False), for callers that only sum."""
    heads = list(session.scalars(select(AccountHead).where(AccountHead.fund_id == fund_id)))
    used = _used_head_ids(session, fund_id) if with_use else set()
    rows = [
        HeadRow(
            h.id, h.fund_id, h.side, h.name, h.reading, level, h.parent_id, h.role,
            h.valid_from, h.retired_from, path, h.id in used,
        )
        for h, level, path in _tree(heads)
    ]  # fmt: skip
    if side is not None:
        rows = [r for r in rows if r.side == side]
    if fiscal_year is not None:
        rows = [r for r in rows if valid_in(r, fiscal_year)]
    return rows


def get_head(session: Session, head_id: int) -> AccountHead:
    head = session.get(AccountHead, head_id)
    if head is None:
        raise problem(
            "指定された科目が見つかりません。", "That account head does not exist.", field="head_id"
        )
    return head


def special_head(session: Session, fund_id: int, role: str) -> AccountHead | None:
    """The fund's 前年度繰越金 (``carry_over``) or 予備費 (``reserve``) head."""
    return session.scalar(
        select(AccountHead)
        .where(AccountHead.fund_id == fund_id, AccountHead.role == role)
        .order_by(AccountHead.id)
        .limit(1)
    )


def find_head(
    session: Session, fund_id: int, text: str, side: str | None = None, fiscal_year: int | None = None
) -> AccountHead | None:
    """The head whose name, reading or path (款／目) equals ``text`` (folded: NFKC, kana, spaces)."""
    key = fold(text).replace("・", "")
    if not key:
        return None
    rows = list_heads(session, fund_id, side, fiscal_year)
    for attr in ("name", "path", "reading"):
        hits = [r for r in rows if fold(getattr(r, attr)).replace("・", "") == key]
        if hits:
            return session.get(AccountHead, hits[0].id)
    return None


def search_heads(
    session: Session, fund_id: int, text: str, side: str | None = None, fiscal_year: int | None = None
) -> list[HeadRow]:
    """Heads whose name or reading starts with ``text`` first, then those containing it (for typing)."""
    key = fold(text)
    rows = list_heads(session, fund_id, side, fiscal_year)
    if not key:
        return rows
    starts = [r for r in rows if fold(r.name).startswith(key) or fold(r.reading).startswith(key)]
    contains = [r for r in rows if r not in starts and (key in fold(r.name) or key in fold(r.reading))]
    return starts + contains


def _level(session: Session, head: AccountHead | None) -> int:
    level = 0
    while head is not None:
        level += 1
        head = session.get(AccountHead, head.parent_id) if head.parent_id else None
    return level


def _check(session: Session, fund_id: int, draft: HeadDraft, exclude_id: int | None) -> str:
    name = required_name(draft.name, "科目名", "head name", 60)
    problems = []
    if draft.side not in HEAD_SIDES:
        problems.append(Problem("収入か支出かを選んでください。", "Choose income or expense.", field="side"))
    if draft.role not in HEAD_ROLES:
        problems.append(Problem("特別な科目の指定が正しくありません。", "Unknown head role.", field="role"))
    if draft.parent_id is not None:
        parent = session.get(AccountHead, draft.parent_id)
        if parent is None or parent.fund_id != fund_id:
            problems.append(
                Problem("上位の科目が見つかりません。", "Parent head not found.", field="parent_id")
            )
        elif parent.side != draft.side:
            problems.append(
                Problem("上位の科目と収支が違います。", "The parent is on the other side.", field="parent_id")
            )
        elif _level(session, parent) >= MAX_LEVEL:
            problems.append(
                Problem(
                    "科目は款・項・目の3段までです。",
                    "Heads go three levels deep at most.",
                    field="parent_id",
                )
            )
        elif exclude_id is not None and _is_descendant(session, parent, exclude_id):
            problems.append(
                Problem(
                    "科目を自分の下に移すことはできません。",
                    "A head cannot sit under itself.",
                    field="parent_id",
                )
            )
    clash = session.scalar(
        select(AccountHead).where(
            AccountHead.fund_id == fund_id,
            AccountHead.side == draft.side,
            AccountHead.name == name,
            AccountHead.parent_id.is_(None)
            if draft.parent_id is None
            else AccountHead.parent_id == draft.parent_id,
        )
    )
    if clash is not None and clash.id != exclude_id:
        problems.append(
            Problem(f"科目「{name}」はすでにあります。", f"'{name}' already exists.", field="name")
        )
    if problems:
        raise ValidationError(problems)
    return name


def _is_descendant(session: Session, head: AccountHead, ancestor_id: int) -> bool:
    while head is not None:
        if head.id == ancestor_id:
            return True
        head = session.get(AccountHead, head.parent_id) if head.parent_id else None
    return False


def add_head(session: Session, fund_id: int, draft: HeadDraft) -> AccountHead:
    name = _check(session, fund_id, draft, None)
    last = session.scalar(
        select(func.max(AccountHead.sort_order)).where(
            AccountHead.fund_id == fund_id,
            AccountHead.side == draft.side,
            AccountHead.parent_id.is_(None)
            if draft.parent_id is None
            else AccountHead.parent_id == draft.parent_id,
        )
    )
    head = AccountHead(
        fund_id=fund_id,
        side=draft.side,
        parent_id=draft.parent_id,
        name=name,
        reading=(draft.reading or "").strip(),
        role=draft.role,
        valid_from=draft.valid_from,
        sort_order=(last or 0) + 1,
    )
    session.add(head)
    session.flush()
    return head


def update_head(session: Session, head_id: int, draft: HeadDraft) -> AccountHead:
    head = get_head(session, head_id)
    if draft.side != head.side and head.id in _used_head_ids(session, head.fund_id):
        raise problem(
            "使われている科目の収支は変えられません。", "A head in use cannot change side.", field="side"
        )
    head.name = _check(session, head.fund_id, draft, head_id)
    head.side = draft.side
    head.parent_id = draft.parent_id
    head.reading = (draft.reading or "").strip()
    head.valid_from = draft.valid_from
    head.role = draft.role
    session.flush()
    return head


def move_head(session: Session, head_id: int, delta: int) -> None:
    head = get_head(session, head_id)
    siblings = list(
        session.scalars(
            select(AccountHead)
            .where(
                AccountHead.fund_id == head.fund_id,
                AccountHead.side == head.side,
                AccountHead.parent_id.is_(None)
                if head.parent_id is None
                else AccountHead.parent_id == head.parent_id,
            )
            .order_by(AccountHead.sort_order, AccountHead.id)
        )
    )
    move_in_order(siblings, head_id, delta)
    session.flush()


def delete_head(session: Session, head_id: int) -> None:
    """Delete a head nobody uses; a head used by entries, budgets or subsidies can only be retired."""
    head = get_head(session, head_id)
    if head.id in _used_head_ids(session, head.fund_id):
        raise NagatoError(
            f"科目「{head.name}」は出納簿・予算・補助金で使われているため削除できません。廃止してください。",
            f"'{head.name}' is in use and cannot be deleted; retire it instead.",
        )
    if session.scalar(select(func.count()).select_from(AccountHead).where(AccountHead.parent_id == head_id)):
        raise NagatoError(
            f"科目「{head.name}」の下に科目があるため削除できません。",
            f"'{head.name}' has heads under it.",
        )
    session.delete(head)
    session.flush()


def retire_head(session: Session, head_id: int, from_fiscal_year: int | None) -> AccountHead:
    """No longer offered from ``from_fiscal_year`` on (None: in use again); past years keep it."""
    head = get_head(session, head_id)
    if from_fiscal_year is not None and head.valid_from is not None and from_fiscal_year < head.valid_from:
        raise problem(
            "廃止年度が使用開始年度より前です。", "Retired before it was first used.", field="retired_from"
        )
    head.retired_from = from_fiscal_year
    session.flush()
    return head
