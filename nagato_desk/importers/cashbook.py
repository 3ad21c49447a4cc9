"""Import a cash book (出納帳) from .xlsx or .csv: 日付, 科目, 摘要, 収入, 支出, 口座, 証憑番号. All rows or none.

* The fiscal year is ``--year``; without it, the year of the first full date in the file. Dates may be
  written in full (2026/4/1, R8.4.1, 令和8年4月1日) or as 月日 only (4/1, 4月1日) when the year is known.
* A first row 前年度繰越金 (as hand-kept 出納帳 begin) is not income: in the fund's first year it sets the
  account's opening balance; in a later year it must equal the balance carried over, or it is refused.
* A row with 科目 「振替」 moves money between accounts, written 「普通預金→現金」 in the 口座 column.
* Refused, naming the row: an unknown head, a date outside the year's April–March, an amount that is not
  whole yen, both income and expense (or neither) on one row, a closed year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_bounds, fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.importers.accounts_fields import date_cell, pick_fund, text_of, yen_cell
from nagato_desk.importers.member_fields import CellError
from nagato_desk.importers.tabular import Column, SourceRow, Table, locate, read_rows
from nagato_desk.models import CashEntry
from nagato_desk.services.account_heads import find_head
from nagato_desk.services.cashbook import EntryDraft, add_entry, opening_balance
from nagato_desk.services.funds import FundDraft, list_money_accounts, set_opening_balance, update_fund
from nagato_desk.services.year_close import closed_years, ensure_year_open

COLUMNS = [
    Column("date", ("日付", "月日", "年月日", "日")),
    Column("head", ("科目", "勘定科目", "費目", "科目名")),
    Column("description", ("摘要", "内容", "適用", "摘要内容"), required=False),
    Column("income", ("収入", "収入金額", "入金", "入金額", "収入額")),
    Column("expense", ("支出", "支出金額", "出金", "出金額", "支出額")),
    Column("account", ("口座", "口座名", "出納口座", "現金預金"), required=False),
    Column(
        "voucher",
        ("証憑番号", "証憑", "伝票番号", "領収書番号", "証拠書類番号", "No", "番号"),
        required=False,
    ),
    Column("payee", ("支払先", "相手先", "取引先", "受取先"), required=False),
    Column("fund", ("会計", "会計区分"), required=False),
]
CARRY_OVER_WORDS = {"前年度繰越金", "前年度繰越", "前期繰越", "繰越金", "前年度より繰越"}
TRANSFER_WORDS = {"振替", "資金移動", "口座振替"}
_ARROW = re.compile(r"\s*(?:→|->|＞|>|⇒)\s*")


@dataclass
class CashbookImportResult:
    fiscal_year: int
    entries: int
    income: int
    expense: int
    carry_over: int | None

    def summary(self, lang: str = "ja") -> str:
        if lang == "en":
            carry = f", carry-over {self.carry_over:,} yen" if self.carry_over is not None else ""
            return f"FY{self.fiscal_year}: {self.entries} entries (income {self.income:,}, expense {self.expense:,} yen{carry})."
        carry = f"、前年度繰越金 {self.carry_over:,}円" if self.carry_over is not None else ""
        return (
            f"{format_fiscal_year(self.fiscal_year)}の出納簿に{self.entries}行を取り込みました"
            f"（収入 {self.income:,}円、支出 {self.expense:,}円{carry}）。"
        )


def _problem(problems: list[Problem], table: Table, row: SourceRow, field: str, ja: str, en: str) -> None:
    problems.append(Problem(ja, en, row=row.number, column=table.columns.get(field)))


def _infer_year(table: Table) -> int | None:
    for row in table.rows:
        try:
            d = date_cell(row.values.get("date"), None)
        except CellError:
            continue
        if d is not None:
            return fiscal_year_of(d)
    return None


def import_cashbook(session: Session, path: Path, fiscal_year: int | None = None) -> CashbookImportResult:
    path = Path(path)
    table = locate(read_rows(path), COLUMNS, path.name)
    if not table.rows:
        raise ValidationError(
            [Problem(f"{path.name}：データの行がありません。", f"{path.name}: no data rows.")]
        )
    fy = fiscal_year or _infer_year(table)
    if fy is None:
        raise ValidationError(
            [
                Problem(
                    "年度がわかりません。--year で年度を指定してください。",
                    "Give the fiscal year with --year.",
                )
            ]
        )
    start, end = fiscal_year_bounds(fy)
    problems: list[Problem] = []
    fund = None
    drafts: list[tuple[SourceRow, EntryDraft]] = []
    carry: tuple[SourceRow, int, int] | None = None  # row, account id, amount
    vouchers: dict[int, int] = {}
    heads: dict[tuple[str, str], int | None] = {}
    for index, row in enumerate(table.rows):
        v = row.values
        candidate = pick_fund(session, text_of(v, "fund"), problems, row.number, table.columns.get("fund"))
        if candidate is None:
            continue
        if fund is not None and candidate.id != fund.id:
            _problem(
                problems,
                table,
                row,
                "fund",
                "1つのファイルには1つの会計だけを入れてください。",
                "One fund per file.",
            )
            continue
        fund = candidate
        accounts = {a.name: a.id for a in list_money_accounts(session, fund.id, include_inactive=True)}
        default_account = next(iter(accounts.values()))
        head_text, summary = text_of(v, "head"), text_of(v, "description")
        try:
            income, expense = yen_cell(v.get("income")), yen_cell(v.get("expense"))
        except CellError as exc:
            column = "income" if v.get("income") not in (None, "") else "expense"
            _problem(problems, table, row, column, exc.ja, exc.en)
            continue
        income = income or None
        expense = expense or None
        account_text = text_of(v, "account")
        is_carry = head_text in CARRY_OVER_WORDS or (not head_text and summary in CARRY_OVER_WORDS)
        if is_carry:
            if index != 0 or carry is not None:
                _problem(
                    problems,
                    table,
                    row,
                    "head",
                    "前年度繰越金は最初の行にだけ書いてください。",
                    "The carry-over belongs on the first row only.",
                )
                continue
            account_id = accounts.get(account_text, default_account) if account_text else default_account
            if account_text and account_text not in accounts:
                _problem(
                    problems,
                    table,
                    row,
                    "account",
                    f"口座「{account_text}」が見つかりません。",
                    f"Unknown account '{account_text}'.",
                )
                continue
            # the carry-over may be written under 収入 or under 残高 only (then 収入 is empty)
            carry = (row, account_id, income or 0)
            continue
        try:
            when = date_cell(v.get("date"), fy)
        except CellError as exc:
            _problem(problems, table, row, "date", exc.ja, exc.en)
            continue
        if when is None:
            _problem(problems, table, row, "date", "日付が空です。", "The date is empty.")
            continue
        if not start <= when <= end:
            _problem(
                problems, table, row, "date",
                f"日付 {when:%Y/%m/%d} は{format_fiscal_year(fy)}（{start:%Y/%m/%d}〜{end:%Y/%m/%d}）の外です。",
                f"{when} is outside FY{fy} ({start} – {end}).",
            )  # fmt: skip
            continue
        if income is not None and expense is not None:
            _problem(
                problems,
                table,
                row,
                "income",
                "収入と支出の両方に金額があります。どちらか一方にしてください。",
                "Both income and expense are filled in.",
            )
            continue
        if income is None and expense is None:
            _problem(
                problems,
                table,
                row,
                "income",
                "収入か支出のどちらかに金額を入れてください。",
                "Neither income nor expense is filled in.",
            )
            continue
        amount = income if income is not None else expense
        if amount is not None and amount < 0:
            _problem(
                problems,
                table,
                row,
                "income" if income is not None else "expense",
                "金額が負の数です。戻入は反対側に書いてください。",
                "Negative amount.",
            )
            continue
        voucher = None
        raw_voucher = text_of(v, "voucher")
        if raw_voucher:
            if not raw_voucher.isdigit() or int(raw_voucher) <= 0:
                _problem(
                    problems,
                    table,
                    row,
                    "voucher",
                    f"証憑番号「{raw_voucher}」は1以上の整数にしてください。",
                    "Voucher numbers are whole numbers.",
                )
                continue
            voucher = int(raw_voucher)
            if voucher in vouchers:
                _problem(
                    problems,
                    table,
                    row,
                    "voucher",
                    f"証憑番号{voucher}が{vouchers[voucher]}行目と重複しています。",
                    f"Voucher {voucher} repeats row {vouchers[voucher]}.",
                )
                continue
            vouchers[voucher] = row.number
        if head_text in TRANSFER_WORDS:
            parts = _ARROW.split(account_text)
            if len(parts) != 2 or any(p not in accounts for p in parts):
                _problem(
                    problems,
                    table,
                    row,
                    "account",
                    f"振替は口座の列に「普通預金→現金」のように書いてください（「{account_text}」）。",
                    "Write a transfer as 'from→to' in the account column.",
                )
                continue
            draft = EntryDraft(
                when,
                "transfer",
                amount,
                accounts[parts[0]],
                to_account_id=accounts[parts[1]],
                description=summary,
                voucher_no=voucher,
            )
            drafts.append((row, draft))
            continue
        kind = "in" if income is not None else "out"
        if not head_text:
            _problem(problems, table, row, "head", "科目が空です。", "The head is empty.")
            continue
        key = (head_text, kind)
        if key not in heads:
            head = find_head(session, fund.id, head_text, kind, fy)
            heads[key] = head.id if head is not None else None
        if heads[key] is None:
            side = "収入" if kind == "in" else "支出"
            _problem(
                problems, table, row, "head",
                f"科目「{head_text}」が{fund.name}の{side}の科目にありません（{format_fiscal_year(fy)}）。先に科目を追加してください。",
                f"Unknown {'income' if kind == 'in' else 'expense'} head '{head_text}'.",
            )  # fmt: skip
            continue
        if account_text and account_text not in accounts:
            _problem(
                problems,
                table,
                row,
                "account",
                f"口座「{account_text}」が見つかりません。",
                f"Unknown account '{account_text}'.",
            )
            continue
        account_id = accounts[account_text] if account_text else default_account
        draft = EntryDraft(
            when,
            kind,
            amount,
            account_id,
            heads[key],
            description=summary,
            payee=text_of(v, "payee"),
            voucher_no=voucher,
        )
        drafts.append((row, draft))
    if problems:
        raise ValidationError(problems)
    assert fund is not None
    try:
        ensure_year_open(session, fund.id, fy)
    except NagatoError as exc:
        raise ValidationError([Problem(exc.ja, exc.en)]) from None
    nested = session.begin_nested()
    try:
        if carry is not None:
            _apply_carry(session, fund, fy, carry, problems, table)
        for row, draft in drafts:
            if draft.voucher_no is None:
                draft.voucher_no = _free_voucher(session, fund.id, fy, vouchers)
            try:
                add_entry(session, fund.id, draft)
            except ValidationError as exc:
                problems.extend(
                    Problem(p.ja, p.en, row=row.number, column=_column_of(table, p.field))
                    for p in exc.problems
                )
            except NagatoError as exc:
                problems.append(Problem(exc.ja, exc.en, row=row.number))
        if problems:
            raise ValidationError(problems)
    except BaseException:
        nested.rollback()
        raise
    nested.commit()
    income_total = sum(d.amount for _, d in drafts if d.kind == "in")
    expense_total = sum(d.amount for _, d in drafts if d.kind == "out")
    return CashbookImportResult(fy, len(drafts), income_total, expense_total, carry[2] if carry else None)


def _free_voucher(session: Session, fund_id: int, fy: int, taken: dict[int, int]) -> int:
    """The next number after every number in use or written in the file."""
    last = (
        session.scalar(
            select(func.max(CashEntry.voucher_no)).where(
                CashEntry.fund_id == fund_id, CashEntry.fiscal_year == fy
            )
        )
        or 0
    )
    number = max(last, max(taken, default=0)) + 1
    taken[number] = 0
    return number


_FIELD_COLUMN = {
    "entry_date": "date",
    "head_id": "head",
    "amount": "income",
    "money_account_id": "account",
    "to_account_id": "account",
    "voucher_no": "voucher",
}


def _column_of(table: Table, field: str | None) -> str | None:
    return table.columns.get(_FIELD_COLUMN.get(field or "", ""))


def _apply_carry(session: Session, fund, fy: int, carry, problems: list[Problem], table: Table) -> None:
    row, account_id, amount = carry
    has_entries = session.scalar(
        select(func.count())
        .select_from(CashEntry)
        .where(CashEntry.fund_id == fund.id, CashEntry.fiscal_year < fy)
    )
    if fy < fund.first_fiscal_year and not has_entries and not closed_years(session, fund.id):
        update_fund(session, fund.id, FundDraft(fund.name, fund.kind, fy, fund.notes))
    if fy == fund.first_fiscal_year:
        others = opening_balance(session, fund.id, fy) - opening_balance(session, fund.id, fy, account_id)
        # the row gives the fund's whole carry-over; the named (or first) account takes what the others lack
        set_opening_balance(session, account_id, amount - others)
        return
    expected = opening_balance(session, fund.id, fy)
    if expected != amount:
        problems.append(
            Problem(
                f"前年度繰越金 {amount:,}円が、前年度の出納簿からの繰越 {expected:,}円と合いません。",
                f"The carry-over {amount:,} differs from last year's balance {expected:,}.",
                row=row.number,
                column=table.columns.get("income"),
            )
        )
