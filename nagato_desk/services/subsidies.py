"""補助金・交付金: a grant, the heads it may pay for, the entries it paid, and the 実績報告 figures.

Received = income entries linked to the grant; spent = expense entries linked to it; unspent = the amount
decided less what was spent (never below 0); to refund = what was received and not spent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import AccountHead, CashEntry, Subsidy, SubsidyHead
from nagato_desk.services.funds import get_fund
from nagato_desk.services.ordering import required_name
from nagato_desk.services.year_close import ensure_year_open


@dataclass
class SubsidyDraft:
    fund_id: int
    fiscal_year: int
    name: str
    granting_body: str = ""
    decided_amount: int = 0
    decided_on: date | None = None
    purpose: str = ""
    notes: str = ""
    head_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SubsidyEntry:
    id: int
    entry_date: date
    voucher_no: int
    kind: str
    head_name: str
    description: str
    payee: str
    amount: int


@dataclass(frozen=True)
class SubsidySummary:
    subsidy_id: int
    name: str
    granting_body: str
    fiscal_year: int
    fund_name: str
    decided_amount: int
    decided_on: date | None
    purpose: str
    received: int
    spent: int
    unspent: int
    to_refund: int
    entries: list[SubsidyEntry]
    by_head: list[tuple[str, int]]
    eligible_heads: list[str]
    ineligible_spent: int  # spent on heads the grant does not cover


def list_subsidies(session: Session, fiscal_year: int | None = None) -> list[Subsidy]:
    query = select(Subsidy).order_by(Subsidy.fiscal_year.desc(), Subsidy.id)
    if fiscal_year is not None:
        query = query.where(Subsidy.fiscal_year == fiscal_year)
    return list(session.scalars(query))


def get_subsidy(session: Session, subsidy_id: int) -> Subsidy:
    row = session.get(Subsidy, subsidy_id)
    if row is None:
        raise problem("指定された補助金が見つかりません。", "That subsidy does not exist.")
    return row


def _validate(session: Session, draft: SubsidyDraft) -> str:
    get_fund(session, draft.fund_id)
    name = required_name(draft.name, "補助金の名称", "subsidy name", 100)
    p: list[Problem] = []
    if (
        isinstance(draft.decided_amount, bool)
        or not isinstance(draft.decided_amount, int)
        or draft.decided_amount < 0
    ):
        p.append(
            Problem(
                "交付決定額は0円以上の整数で入力してください。", "Whole yen from 0.", field="decided_amount"
            )
        )
    for head_id in draft.head_ids:
        head = session.get(AccountHead, head_id)
        if head is None or head.fund_id != draft.fund_id:
            p.append(Problem("補助対象の科目が見つかりません。", "Unknown eligible head.", field="head_ids"))
    if p:
        raise ValidationError(p)
    return name


def _apply(row: Subsidy, draft: SubsidyDraft, name: str) -> None:
    row.fund_id = draft.fund_id
    row.fiscal_year = draft.fiscal_year
    row.name = name
    row.granting_body = (draft.granting_body or "").strip()
    row.decided_amount = draft.decided_amount
    row.decided_on = draft.decided_on
    row.purpose = draft.purpose or ""
    row.notes = draft.notes or ""
    row.heads = [SubsidyHead(head_id=h) for h in dict.fromkeys(draft.head_ids)]


def add_subsidy(session: Session, draft: SubsidyDraft) -> Subsidy:
    name = _validate(session, draft)
    row = Subsidy()
    _apply(row, draft, name)
    session.add(row)
    session.flush()
    return row


def update_subsidy(session: Session, subsidy_id: int, draft: SubsidyDraft) -> Subsidy:
    row = get_subsidy(session, subsidy_id)
    name = _validate(session, draft)
    _apply(row, draft, name)
    session.flush()
    return row


def delete_subsidy(session: Session, subsidy_id: int) -> None:
    """Delete the grant; its entries stay in the cash book, unlinked."""
    row = get_subsidy(session, subsidy_id)
    session.execute(update(CashEntry).where(CashEntry.subsidy_id == subsidy_id).values(subsidy_id=None))
    session.delete(row)
    session.flush()


def draft_of_subsidy(row: Subsidy) -> SubsidyDraft:
    return SubsidyDraft(
        fund_id=row.fund_id,
        fiscal_year=row.fiscal_year,
        name=row.name,
        granting_body=row.granting_body,
        decided_amount=row.decided_amount,
        decided_on=row.decided_on,
        purpose=row.purpose,
        notes=row.notes,
        head_ids=[h.head_id for h in row.heads],
    )


def link_entries(session: Session, subsidy_id: int, entry_ids: list[int]) -> None:
    """Mark entries as paid by (or received from) the grant; entries of a closed year are refused."""
    row = get_subsidy(session, subsidy_id)
    for entry_id in entry_ids:
        entry = session.get(CashEntry, entry_id)
        if entry is None or entry.fund_id != row.fund_id:
            raise problem("出納簿の行が見つかりません（会計が違います）。", "Entry not found in this fund.")
        ensure_year_open(session, entry.fund_id, entry.fiscal_year)
        entry.subsidy_id = subsidy_id
    session.flush()


def unlink_entry(session: Session, entry_id: int) -> None:
    entry = session.get(CashEntry, entry_id)
    if entry is None:
        raise problem("出納簿の行が見つかりません。", "Entry not found.")
    ensure_year_open(session, entry.fund_id, entry.fiscal_year)
    entry.subsidy_id = None
    session.flush()


def subsidy_summary(session: Session, subsidy_id: int) -> SubsidySummary:
    row = get_subsidy(session, subsidy_id)
    fund = get_fund(session, row.fund_id)
    rows = session.execute(
        select(
            CashEntry.id, CashEntry.entry_date, CashEntry.voucher_no, CashEntry.kind,
            func.coalesce(AccountHead.name, ""), CashEntry.description, CashEntry.payee, CashEntry.amount,
            CashEntry.head_id,
        )
        .outerjoin(AccountHead, AccountHead.id == CashEntry.head_id)
        .where(CashEntry.subsidy_id == subsidy_id)
        .order_by(CashEntry.entry_date, CashEntry.id)
    ).all()  # fmt: skip
    entries = [SubsidyEntry(*r[:8]) for r in rows]
    received = sum(e.amount for e in entries if e.kind == "in")
    spent = sum(e.amount for e in entries if e.kind == "out")
    eligible = {h.head_id for h in row.heads}
    by_head: dict[str, int] = {}
    ineligible = 0
    for r in rows:
        if r[3] == "out":
            by_head[r[4]] = by_head.get(r[4], 0) + r[7]
            if eligible and r[8] not in eligible:
                ineligible += r[7]
    names = [h.name for h in session.scalars(select(AccountHead).where(AccountHead.id.in_(eligible)))]
    return SubsidySummary(
        subsidy_id=row.id,
        name=row.name,
        granting_body=row.granting_body,
        fiscal_year=row.fiscal_year,
        fund_name=fund.name,
        decided_amount=row.decided_amount,
        decided_on=row.decided_on,
        purpose=row.purpose,
        received=received,
        spent=spent,
        unspent=max(0, row.decided_amount - spent),
        to_refund=max(0, received - spent),
        entries=entries,
        by_head=sorted(by_head.items(), key=lambda kv: -kv[1]),
        eligible_heads=names,
        ineligible_spent=ineligible,
    )
