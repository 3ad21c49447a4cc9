"""What a cash-book entry must satisfy before it is saved (the year lock is checked by the writer)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, fiscal_year_start, format_fiscal_year
from nagato_desk.errors import Problem
from nagato_desk.models import AccountHead, CashEntry, Fund, MoneyAccount, Subsidy
from nagato_desk.models.cash_entry import ENTRY_KINDS
from nagato_desk.services.account_heads import valid_in

if TYPE_CHECKING:
    from nagato_desk.services.cashbook import EntryDraft

DESCRIPTION_MAX = 200


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_entry(
    session: Session, fund_id: int, draft: EntryDraft, exclude_id: int | None = None
) -> list[Problem]:
    """What is wrong with ``draft`` (empty when it may be saved); does not check the year lock."""
    fund = session.get(Fund, fund_id)
    if fund is None:
        return [Problem("指定された会計が見つかりません。", "That fund does not exist.")]
    p: list[Problem] = []
    fy = None
    if not isinstance(draft.entry_date, date):
        p.append(Problem("日付を入力してください。", "Enter the date.", field="entry_date"))
    else:
        fy = fiscal_year_of(draft.entry_date)
        if fy < fund.first_fiscal_year:
            p.append(
                Problem(
                    f"{fund.name}の記帳は{format_fiscal_year(fund.first_fiscal_year)}"
                    f"（{fiscal_year_start(fund.first_fiscal_year):%Y年%-m月%-d日}）からです。",
                    f"{fund.name} keeps books from FY{fund.first_fiscal_year}.",
                    field="entry_date",
                )
            )
    if draft.kind not in ENTRY_KINDS:
        p.append(
            Problem(
                "収入・支出・振替のどれかを選んでください。",
                "Choose income, expense or transfer.",
                field="kind",
            )
        )
    if not _is_int(draft.amount):
        p.append(Problem("金額は円単位の整数で入力してください。", "Amounts are whole yen.", field="amount"))
    elif draft.amount <= 0:
        p.append(
            Problem("金額は1円以上で入力してください。", "The amount must be at least 1 yen.", field="amount")
        )
    account = session.get(MoneyAccount, draft.money_account_id) if draft.money_account_id else None
    if account is None or account.fund_id != fund_id:
        p.append(Problem("口座を選んでください。", "Choose the money account.", field="money_account_id"))
    if draft.kind == "transfer":
        target = session.get(MoneyAccount, draft.to_account_id) if draft.to_account_id else None
        if target is None or target.fund_id != fund_id:
            p.append(
                Problem(
                    "振替先の口座を選んでください。",
                    "Choose the account transferred to.",
                    field="to_account_id",
                )
            )
        elif draft.to_account_id == draft.money_account_id:
            p.append(
                Problem(
                    "振替元と振替先が同じ口座です。", "Transfer to the same account.", field="to_account_id"
                )
            )
        if draft.head_id is not None:
            p.append(Problem("振替には科目をつけません。", "A transfer has no head.", field="head_id"))
    elif draft.kind in ("in", "out"):
        side = ENTRY_KINDS[draft.kind]
        head = session.get(AccountHead, draft.head_id) if draft.head_id else None
        if head is None or head.fund_id != fund_id:
            p.append(Problem("科目を選んでください。", "Choose the account head.", field="head_id"))
        elif head.side != draft.kind:
            p.append(
                Problem(
                    f"科目「{head.name}」は{side}の科目ではありません。",
                    f"'{head.name}' is on the other side.",
                    field="head_id",
                )
            )
        elif head.role == "carry_over":
            p.append(
                Problem(
                    "前年度繰越金は前年度の残高から自動で計算されます。出納簿には入力しません。",
                    "The carry-over is computed from last year; it is not entered.",
                    field="head_id",
                )
            )
        elif fy is not None and not valid_in(head, fy):
            p.append(
                Problem(
                    f"科目「{head.name}」は{format_fiscal_year(fy)}には使えません。",
                    f"'{head.name}' is not used in FY{fy}.",
                    field="head_id",
                )
            )
    if draft.voucher_no is not None:
        if not _is_int(draft.voucher_no) or draft.voucher_no <= 0:
            p.append(
                Problem(
                    "証憑番号は1以上の整数で入力してください。",
                    "Voucher numbers are whole numbers from 1.",
                    field="voucher_no",
                )
            )
        elif fy is not None:
            clash = session.scalar(
                select(CashEntry.id).where(
                    CashEntry.fund_id == fund_id,
                    CashEntry.fiscal_year == fy,
                    CashEntry.voucher_no == draft.voucher_no,
                    CashEntry.id != (exclude_id or 0),
                )
            )
            if clash is not None:
                p.append(
                    Problem(
                        f"証憑番号{draft.voucher_no}はこの年度ですでに使われています。",
                        f"Voucher {draft.voucher_no} is already used this year.",
                        field="voucher_no",
                    )
                )
    if draft.subsidy_id is not None and session.get(Subsidy, draft.subsidy_id) is None:
        p.append(
            Problem("指定された補助金が見つかりません。", "That subsidy does not exist.", field="subsidy_id")
        )
    if len(draft.description or "") > DESCRIPTION_MAX:
        p.append(
            Problem(
                f"摘要は{DESCRIPTION_MAX}文字以内にしてください。",
                "The description is too long.",
                field="description",
            )
        )
    return p
