"""予算: 当初予算 and 補正予算 of a fund's fiscal year.

Each revision holds the whole budget as decided (a 補正予算 starts as a copy of the one before and changes
some lines), so "the budget" of a year is simply its latest revision, and a 補正予算書 can still show
補正前 / 補正額 / 補正後 by comparing two revisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError, problem
from nagato_desk.models import AccountHead, BudgetLine, BudgetRevision
from nagato_desk.services.account_heads import valid_in
from nagato_desk.services.funds import get_fund
from nagato_desk.services.links import require_links
from nagato_desk.services.year_close import ensure_year_open


@dataclass
class BudgetLineDraft:
    head_id: int
    amount: int
    explanation: str = ""


@dataclass
class BudgetDraft:
    decided_on: date | None = None
    approved_meeting_id: int | None = None
    title: str = ""
    notes: str = ""
    lines: list[BudgetLineDraft] = field(default_factory=list)
    absorb_with_reserve: bool = False  # make income and expense meet by changing 予備費


@dataclass(frozen=True)
class BudgetBalance:
    income: int
    expense: int
    difference: int  # income − expense
    message_ja: str | None
    message_en: str | None


def revision_title(number: int) -> str:
    return "当初予算" if number == 0 else f"第{number}号補正予算"


def list_revisions(session: Session, fund_id: int, fy: int) -> list[BudgetRevision]:
    return list(
        session.scalars(
            select(BudgetRevision)
            .where(BudgetRevision.fund_id == fund_id, BudgetRevision.fiscal_year == fy)
            .order_by(BudgetRevision.number)
        )
    )


def latest_revision(session: Session, fund_id: int, fy: int) -> BudgetRevision | None:
    return session.scalar(
        select(BudgetRevision)
        .where(BudgetRevision.fund_id == fund_id, BudgetRevision.fiscal_year == fy)
        .order_by(BudgetRevision.number.desc())
        .limit(1)
    )


def budget_amounts(session: Session, fund_id: int, fy: int, number: int | None = None) -> dict[int, int]:
    """head_id → 予算額 of the latest revision (or revision ``number``)."""
    if number is None:
        rev = latest_revision(session, fund_id, fy)
    else:
        rev = session.scalar(
            select(BudgetRevision).where(
                BudgetRevision.fund_id == fund_id,
                BudgetRevision.fiscal_year == fy,
                BudgetRevision.number == number,
            )
        )
    if rev is None:
        return {}
    query = select(BudgetLine.head_id, BudgetLine.amount).where(BudgetLine.revision_id == rev.id)
    return {head_id: amount for head_id, amount in session.execute(query)}


def budget_explanations(session: Session, fund_id: int, fy: int) -> dict[int, str]:
    rev = latest_revision(session, fund_id, fy)
    if rev is None:
        return {}
    return {ln.head_id: ln.explanation for ln in rev.lines}


def _sides(session: Session, fund_id: int) -> dict[int, AccountHead]:
    return {h.id: h for h in session.scalars(select(AccountHead).where(AccountHead.fund_id == fund_id))}


def _balance(lines: list[BudgetLineDraft], heads: dict[int, AccountHead]) -> tuple[int, int]:
    income = sum(ln.amount for ln in lines if ln.head_id in heads and heads[ln.head_id].side == "in")
    expense = sum(ln.amount for ln in lines if ln.head_id in heads and heads[ln.head_id].side == "out")
    return income, expense


def _validate(session: Session, fund_id: int, fy: int, draft: BudgetDraft) -> list[BudgetLineDraft]:
    heads = _sides(session, fund_id)
    parents = {h.parent_id for h in heads.values() if h.parent_id is not None and valid_in(h, fy)}
    problems: list[Problem] = []
    seen: set[int] = set()
    for i, ln in enumerate(draft.lines, start=1):
        head = heads.get(ln.head_id)
        where = f"{i}行目" if head is None else f"「{head.name}」"
        if head is None:
            problems.append(
                Problem(f"{where}：科目が見つかりません。", f"line {i}: unknown head.", field="lines")
            )
            continue
        if ln.head_id in seen:
            problems.append(
                Problem(f"{where}が2回あります。", f"'{head.name}' appears twice.", field="lines")
            )
        seen.add(ln.head_id)
        if not valid_in(head, fy):
            problems.append(
                Problem(
                    f"{where}は{format_fiscal_year(fy)}には使えない科目です。",
                    f"'{head.name}' is not used in FY{fy}.",
                    field="lines",
                )
            )
        if ln.head_id in parents and ln.amount:
            problems.append(
                Problem(
                    f"{where}には内訳の科目があります。内訳の科目に入力してください。",
                    f"'{head.name}' has sub-heads; budget those.",
                    field="lines",
                )
            )
        if isinstance(ln.amount, bool) or not isinstance(ln.amount, int):
            problems.append(
                Problem(
                    f"{where}：予算額は円単位の整数で入力してください。",
                    f"'{head.name}': whole yen only.",
                    field="lines",
                )
            )
        elif ln.amount < 0:
            problems.append(
                Problem(
                    f"{where}：予算額は0円以上で入力してください。",
                    f"'{head.name}': negative amount.",
                    field="lines",
                )
            )
    if problems:
        raise ValidationError(problems)
    lines = [BudgetLineDraft(ln.head_id, ln.amount, (ln.explanation or "").strip()) for ln in draft.lines]
    if draft.absorb_with_reserve:
        income, expense = _balance(lines, heads)
        reserve = next((h for h in heads.values() if h.role == "reserve" and h.side == "out"), None)
        if reserve is None:
            raise problem(
                "予備費の科目がないため、収支を合わせられません。", "There is no reserve head.", field="lines"
            )
        line = next((ln for ln in lines if ln.head_id == reserve.id), None)
        if line is None:
            line = BudgetLineDraft(reserve.id, 0, "")
            lines.append(line)
        if line.amount + income - expense < 0:
            raise problem(
                f"支出が収入を{expense - income - line.amount:,}円上回るため、予備費では調整できません。",
                f"Expenses exceed income by more than the reserve ({expense - income - line.amount:,} yen).",
                field="lines",
            )
        line.amount += income - expense
    return lines


def _store(rev: BudgetRevision, draft: BudgetDraft, lines: list[BudgetLineDraft]) -> None:
    rev.decided_on = draft.decided_on
    rev.approved_meeting_id = draft.approved_meeting_id
    rev.title = (draft.title or "").strip() or revision_title(rev.number)
    rev.notes = draft.notes or ""
    current = {ln.head_id: ln for ln in rev.lines}
    wanted = {ln.head_id for ln in lines}
    for head_id, old in current.items():
        if head_id not in wanted:
            rev.lines.remove(old)
    for ln in lines:
        row = current.get(ln.head_id)
        if row is None:
            rev.lines.append(BudgetLine(head_id=ln.head_id, amount=ln.amount, explanation=ln.explanation))
        else:
            row.amount, row.explanation = ln.amount, ln.explanation


def save_budget(session: Session, fund_id: int, fy: int, draft: BudgetDraft) -> BudgetRevision:
    """Create or replace the 当初予算 (revision 0) of ``fy``."""
    get_fund(session, fund_id)
    ensure_year_open(session, fund_id, fy)
    lines = _validate(session, fund_id, fy, draft)
    rev = session.scalar(
        select(BudgetRevision).where(
            BudgetRevision.fund_id == fund_id, BudgetRevision.fiscal_year == fy, BudgetRevision.number == 0
        )
    )
    if rev is None:
        rev = BudgetRevision(fund_id=fund_id, fiscal_year=fy, number=0)
        session.add(rev)
    require_links(session, ("meeting", draft.approved_meeting_id, "approved_meeting_id"))
    _store(rev, draft, lines)
    session.flush()
    return rev


def add_amendment(session: Session, fund_id: int, fy: int, draft: BudgetDraft) -> BudgetRevision:
    """A 補正予算: the next number; its lines are the whole budget after the amendment."""
    get_fund(session, fund_id)
    ensure_year_open(session, fund_id, fy)
    last = session.scalar(
        select(func.max(BudgetRevision.number)).where(
            BudgetRevision.fund_id == fund_id, BudgetRevision.fiscal_year == fy
        )
    )
    if last is None:
        raise NagatoError(
            f"{format_fiscal_year(fy)}の当初予算がまだありません。先に当初予算を入力してください。",
            f"FY{fy} has no initial budget yet.",
        )
    lines = _validate(session, fund_id, fy, draft)
    rev = BudgetRevision(fund_id=fund_id, fiscal_year=fy, number=last + 1)
    session.add(rev)
    require_links(session, ("meeting", draft.approved_meeting_id, "approved_meeting_id"))
    _store(rev, draft, lines)
    session.flush()
    return rev


def get_revision(session: Session, revision_id: int) -> BudgetRevision:
    rev = session.get(BudgetRevision, revision_id)
    if rev is None:
        raise problem("指定された予算が見つかりません。", "That budget does not exist.")
    return rev


def update_revision(session: Session, revision_id: int, draft: BudgetDraft) -> BudgetRevision:
    rev = get_revision(session, revision_id)
    ensure_year_open(session, rev.fund_id, rev.fiscal_year)
    lines = _validate(session, rev.fund_id, rev.fiscal_year, draft)
    require_links(session, ("meeting", draft.approved_meeting_id, "approved_meeting_id"))
    _store(rev, draft, lines)
    session.flush()
    return rev


def delete_revision(session: Session, revision_id: int) -> None:
    """Delete a revision; only the latest one of its year (the others are the base of later ones)."""
    rev = get_revision(session, revision_id)
    ensure_year_open(session, rev.fund_id, rev.fiscal_year)
    latest = latest_revision(session, rev.fund_id, rev.fiscal_year)
    if latest is not None and latest.id != rev.id:
        raise NagatoError(
            "削除できるのはその年度の最新の予算だけです。",
            "Only the latest budget of the year can be deleted.",
        )
    session.delete(rev)
    session.flush()


def draft_of_revision(rev: BudgetRevision) -> BudgetDraft:
    return BudgetDraft(
        decided_on=rev.decided_on,
        approved_meeting_id=rev.approved_meeting_id,
        title=rev.title,
        notes=rev.notes,
        lines=[BudgetLineDraft(ln.head_id, ln.amount, ln.explanation) for ln in rev.lines],
    )


def budget_balance(session: Session, fund_id: int, fy: int) -> BudgetBalance:
    """Income against expense of the latest budget, with a warning when they differ."""
    heads = _sides(session, fund_id)
    amounts = budget_amounts(session, fund_id, fy)
    income, expense = _balance([BudgetLineDraft(h, a) for h, a in amounts.items()], heads)
    diff = income - expense
    if diff == 0:
        return BudgetBalance(income, expense, 0, None, None)
    if diff > 0:
        ja = f"収入が支出より{diff:,}円多くなっています。予備費などで収支を合わせてください。"
        en = f"Income exceeds expense by {diff:,} yen; balance it (e.g. with the reserve)."
    else:
        ja = f"支出が収入より{-diff:,}円多くなっています。収支を合わせてください。"
        en = f"Expense exceeds income by {-diff:,} yen; balance the budget."
    return BudgetBalance(income, expense, diff, ja, en)
