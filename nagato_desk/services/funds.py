"""会計 and 口座: the funds of the council (一般会計, 特別会計) and where their money sits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Fund, MoneyAccount
from nagato_desk.models.fund import FUND_KINDS, MONEY_ACCOUNT_KINDS
from nagato_desk.services.ordering import required_name

GENERAL_FUND_NAME = "一般会計"


@dataclass
class FundDraft:
    name: str
    kind: str = "special"
    first_fiscal_year: int | None = None  # None: the current fiscal year
    notes: str = ""


@dataclass
class MoneyAccountDraft:
    name: str
    kind: str = "bank"
    opening_balance: int = 0
    notes: str = ""


def list_funds(session: Session, include_inactive: bool = False) -> list[Fund]:
    query = select(Fund).order_by(Fund.sort_order, Fund.id)
    if not include_inactive:
        query = query.where(Fund.active.is_(True))
    return list(session.scalars(query))


def get_fund(session: Session, fund_id: int) -> Fund:
    fund = session.get(Fund, fund_id)
    if fund is None:
        raise problem("指定された会計が見つかりません。", "That fund does not exist.")
    return fund


def _check_fund(session: Session, draft: FundDraft, exclude_id: int | None = None) -> str:
    name = required_name(draft.name, "会計の名称", "fund name", 100)
    clash = session.scalar(select(Fund).where(Fund.name == name))
    if clash is not None and clash.id != exclude_id:
        raise problem(f"会計「{name}」はすでにあります。", f"'{name}' already exists.", field="name")
    if draft.kind not in FUND_KINDS:
        raise problem("会計の区分が正しくありません。", "Unknown fund kind.", field="kind")
    return name


def add_fund(session: Session, draft: FundDraft) -> Fund:
    """A new fund with a 現金 account and the usual heads."""
    from nagato_desk.services.account_heads import ensure_default_heads

    name = _check_fund(session, draft)
    last = session.scalar(select(func.max(Fund.sort_order))) or 0
    fund = Fund(
        name=name,
        kind=draft.kind,
        first_fiscal_year=draft.first_fiscal_year or fiscal_year_of(date.today()),
        sort_order=last + 1,
        notes=draft.notes or "",
    )
    session.add(fund)
    session.flush()
    add_money_account(session, fund.id, MoneyAccountDraft("現金", "cash"))
    ensure_default_heads(session, fund.id)
    return fund


def update_fund(session: Session, fund_id: int, draft: FundDraft) -> Fund:
    from nagato_desk.services.year_close import closed_years

    fund = get_fund(session, fund_id)
    fund.name = _check_fund(session, draft, exclude_id=fund_id)
    fund.kind = draft.kind
    if draft.first_fiscal_year and draft.first_fiscal_year != fund.first_fiscal_year:
        if closed_years(session, fund_id):
            raise problem(
                "締めた年度があるため、記帳開始年度は変えられません。",
                "A year is closed: the first year cannot change.",
                field="first_fiscal_year",
            )
        fund.first_fiscal_year = draft.first_fiscal_year
    fund.notes = draft.notes or ""
    session.flush()
    return fund


def ensure_default_fund(session: Session, first_fiscal_year: int | None = None) -> Fund:
    """The 一般会計; when the council has no fund yet it is made, with 現金 and 普通預金 and the usual heads."""
    existing = session.scalar(
        select(Fund).where(Fund.kind == "general").order_by(Fund.sort_order, Fund.id).limit(1)
    )
    if existing is not None:
        return existing
    fund = add_fund(session, FundDraft(GENERAL_FUND_NAME, "general", first_fiscal_year))
    add_money_account(session, fund.id, MoneyAccountDraft("普通預金", "bank"))
    return fund


def list_money_accounts(session: Session, fund_id: int, include_inactive: bool = False) -> list[MoneyAccount]:
    query = (
        select(MoneyAccount)
        .where(MoneyAccount.fund_id == fund_id)
        .order_by(MoneyAccount.sort_order, MoneyAccount.id)
    )
    if not include_inactive:
        query = query.where(MoneyAccount.active.is_(True))
    return list(session.scalars(query))


def get_money_account(session: Session, account_id: int) -> MoneyAccount:
    account = session.get(MoneyAccount, account_id)
    if account is None:
        raise problem("指定された口座が見つかりません。", "That money account does not exist.")
    return account


def _check_account(session: Session, fund_id: int, draft: MoneyAccountDraft, exclude_id: int | None) -> str:
    name = required_name(draft.name, "口座名", "account name", 100)
    problems = []
    clash = session.scalar(
        select(MoneyAccount).where(MoneyAccount.fund_id == fund_id, MoneyAccount.name == name)
    )
    if clash is not None and clash.id != exclude_id:
        problems.append(
            Problem(f"口座「{name}」はすでにあります。", f"'{name}' already exists.", field="name")
        )
    if draft.kind not in MONEY_ACCOUNT_KINDS:
        problems.append(Problem("口座の種類が正しくありません。", "Unknown account kind.", field="kind"))
    if isinstance(draft.opening_balance, bool) or not isinstance(draft.opening_balance, int):
        problems.append(
            Problem("開始残高は円単位の整数で入力してください。", "Whole yen only.", field="opening_balance")
        )
    if problems:
        raise ValidationError(problems)
    return name


def add_money_account(session: Session, fund_id: int, draft: MoneyAccountDraft) -> MoneyAccount:
    get_fund(session, fund_id)
    name = _check_account(session, fund_id, draft, None)
    last = (
        session.scalar(select(func.max(MoneyAccount.sort_order)).where(MoneyAccount.fund_id == fund_id)) or 0
    )
    account = MoneyAccount(
        fund_id=fund_id,
        name=name,
        kind=draft.kind,
        opening_balance=draft.opening_balance,
        sort_order=last + 1,
        notes=draft.notes or "",
    )
    if draft.opening_balance:
        _ensure_first_year_open(session, fund_id)
    session.add(account)
    session.flush()
    return account


def _ensure_first_year_open(session: Session, fund_id: int) -> None:
    from nagato_desk.services.year_close import ensure_year_open

    ensure_year_open(session, fund_id, get_fund(session, fund_id).first_fiscal_year)


def update_money_account(session: Session, account_id: int, draft: MoneyAccountDraft) -> MoneyAccount:
    account = get_money_account(session, account_id)
    account.name = _check_account(session, account.fund_id, draft, account_id)
    account.kind = draft.kind
    if draft.opening_balance != account.opening_balance:
        _ensure_first_year_open(session, account.fund_id)
        account.opening_balance = draft.opening_balance
    account.notes = draft.notes or ""
    session.flush()
    return account


def set_opening_balance(session: Session, account_id: int, amount: int) -> MoneyAccount:
    """The balance on 1 April of the fund's first year (e.g. from an imported 前年度繰越金 row)."""
    account = get_money_account(session, account_id)
    _ensure_first_year_open(session, account.fund_id)
    account.opening_balance = amount
    session.flush()
    return account


def set_money_account_active(session: Session, account_id: int, active: bool) -> MoneyAccount:
    account = get_money_account(session, account_id)
    account.active = bool(active)
    session.flush()
    return account
