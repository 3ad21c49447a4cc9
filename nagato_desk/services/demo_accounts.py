"""The demo council's accounts: a 一般会計 and a 竹炭事業特別会計 over three years (two closed), with
budgets (one 補正予算), a realistic cash book, the audit of last year and a subsidy.

Everything is derived from ``today`` and a fixed seed, so the demo is the same on every run.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.services.account_heads import HeadDraft, add_head, find_head
from nagato_desk.services.audits import AuditDraft, add_audit, auditors_on
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, add_amendment, save_budget
from nagato_desk.services.cashbook import EntryDraft, add_entry
from nagato_desk.services.funds import (
    FundDraft,
    MoneyAccountDraft,
    add_fund,
    add_money_account,
    ensure_default_fund,
    list_money_accounts,
    update_money_account,
)
from nagato_desk.services.subsidies import SubsidyDraft, add_subsidy
from nagato_desk.services.year_close import close_year

# 自治会負担金: 1,000 yen a household, paid by each 自治会 in June (households as in demo.py's figures).
_ASSOCIATION_DUES = [
    ("東浜自治会", 92),
    ("西浜自治会", 78),
    ("中山自治会", 66),
    ("北原自治会", 71),
    ("南ヶ丘自治会", 67),
]


class _Writer:
    def __init__(self, session: Session, fund_id: int, today: date, rng: random.Random):
        self.session, self.fund_id, self.today, self.rng = session, fund_id, today, rng
        accounts = list_money_accounts(session, fund_id)
        self.cash = accounts[0].id
        self.bank = accounts[1].id if len(accounts) > 1 else accounts[0].id
        self.heads: dict[tuple[str, str], int] = {}
        self.pending: list[EntryDraft] = []

    def head(self, name: str, side: str) -> int:
        if (name, side) not in self.heads:
            head = find_head(self.session, self.fund_id, name, side)
            assert head is not None, name
            self.heads[name, side] = head.id
        return self.heads[name, side]

    def add(self, when: date, kind: str, amount: int, head: str | None, description: str, *, bank: bool = False,
            payee: str = "", subsidy_id: int | None = None, to_bank: bool | None = None) -> None:  # fmt: skip
        if when > self.today:
            return
        source = self.bank if bank else self.cash
        if kind == "transfer":
            target = self.bank if to_bank else self.cash
            source = self.cash if to_bank else self.bank
            draft = EntryDraft(when, kind, amount, source, to_account_id=target, description=description)
        else:
            draft = EntryDraft(
                when, kind, amount, source, self.head(head, kind), description=description, payee=payee,
                subsidy_id=subsidy_id,
            )  # fmt: skip
        self.pending.append(draft)

    def flush(self) -> None:
        """Enter the year's entries in date order, so voucher numbers follow the dates."""
        for draft in sorted(self.pending, key=lambda d: d.entry_date):
            add_entry(self.session, self.fund_id, draft)
        self.pending.clear()

    def budget(
        self, fy: int, amounts: dict[tuple[str, str], tuple[int, str]], decided: date, amend: bool = False
    ) -> None:
        lines = [
            BudgetLineDraft(self.head(name, side), amount, note)
            for (side, name), (amount, note) in amounts.items()
        ]
        draft = BudgetDraft(decided_on=decided, lines=lines, absorb_with_reserve=True)
        (add_amendment if amend else save_budget)(self.session, self.fund_id, fy, draft)


def _general_budget(fy: int, carry: int, plan: bool) -> dict[tuple[str, str], tuple[int, str]]:
    amounts = {
        ("in", "前年度繰越金"): (carry, ""),
        ("in", "市交付金・補助金"): (1_200_000, "地域づくり交付金"),
        ("in", "会費・自治会負担金"): (374_000, "1世帯 1,000円 × 374世帯"),
        ("in", "寄附金"): (30_000, ""),
        ("in", "雑収入"): (100, "預金利息"),
        ("out", "会議費"): (80_000, "総会・役員会"),
        ("out", "夏祭り事業費"): (420_000, "夏祭り（8月）"),
        ("out", "敬老事業費"): (180_000, "敬老会（9月）"),
        ("out", "防災事業費"): (100_000, "防災訓練（11月）"),
        ("out", "消耗品費"): (70_000, ""),
        ("out", "印刷費"): (80_000, "広報誌 年4回"),
        ("out", "通信費"): (25_000, ""),
        ("out", "謝金"): (620_000, "事務局手当 月50,000円・講師謝金"),
        ("out", "負担金"): (20_000, "社会福祉協議会"),
        ("out", "予備費"): (0, ""),
    }
    if plan:
        amounts[("out", "夢プラン推進事業費")] = (300_000, "市民のちから応援補助金の事業")
        amounts[("in", "市交付金・補助金")] = (1_500_000, "地域づくり交付金・市民のちから応援補助金")
    return amounts


def _general_year(w: _Writer, fy: int, subsidy_id: int | None) -> None:
    rng = w.rng
    d = date
    w.add(d(fy, 4, 20), "in", 1_200_000, "市交付金・補助金", "地域づくり交付金", bank=True, payee="長門市")
    for i, (name, households) in enumerate(_ASSOCIATION_DUES):
        w.add(
            d(fy, 6, 10 + i),
            "in",
            households * 1_000,
            "会費・自治会負担金",
            f"{name} 負担金",
            bank=True,
            payee=name,
        )
    w.add(d(fy, 7, 18), "in", 30_000 + 10_000 * (fy % 2), "寄附金", "夏祭りへのご寄附", payee="油谷商店会")
    w.add(d(fy, 9, 20), "in", 31 + fy % 7, "雑収入", "預金利息", bank=True, payee="山口銀行")
    w.add(d(fy + 1, 3, 20), "in", 28 + fy % 5, "雑収入", "預金利息", bank=True, payee="山口銀行")
    w.add(d(fy, 5, 24), "out", 24_800, "会議費", "総会 会場準備・お茶代", payee="地区公民館")
    w.add(
        d(fy, 6, 1),
        "out",
        20_000,
        "負担金",
        "地区社会福祉協議会 負担金",
        bank=True,
        payee="地区社会福祉協議会",
    )
    for month in range(12):
        y, m = (fy, 4 + month) if month < 9 else (fy + 1, month - 8)
        w.add(d(y, m, 2), "transfer", 70_000, None, "小口現金の引出し")
        w.add(
            d(y, m, 8),
            "out",
            1_000 * rng.randint(2, 7) + 10 * rng.randint(0, 99),
            "消耗品費",
            "事務用品",
            payee="ホームセンター油谷",
        )
        w.add(d(y, m, 12), "out", 1_980, "通信費", "電話料金", bank=True, payee="NTT西日本")
        w.add(d(y, m, 15), "out", 3_000, "会議費", "役員会 お茶代", payee="地区公民館")
        w.add(d(y, m, 25), "out", 50_000, "謝金", "事務局手当", bank=True, payee="事務局員")
        if m in (4, 7, 10, 1):
            w.add(d(y, m, 25), "out", 18_700, "印刷費", "広報誌の印刷", bank=True, payee="長門印刷所")
    festival = [("テント・音響の借用", 86_000), ("食材", 142_350), ("景品", 63_480), ("花火", 95_000)]
    for i, (what, amount) in enumerate(festival):
        w.add(d(fy, 8, 5 + i), "out", amount + 1_000 * (fy % 3), "夏祭り事業費", what, payee="油谷商店会")
    w.add(d(fy, 9, 14), "out", 162_000, "敬老事業費", "敬老会 記念品・弁当", payee="仕出し 浜の屋")
    w.add(d(fy, 11, 3), "out", 78_900, "防災事業費", "防災訓練 備蓄品", payee="ホームセンター油谷")
    w.add(d(fy, 10, 20), "out", 10_000, "謝金", "防災講座 講師謝金", payee="長門市消防本部OB")
    w.add(d(fy + 1, 2, 16), "out", 10_000, "謝金", "健康講座 講師謝金", payee="地区保健師")
    if subsidy_id is not None:
        w.add(
            d(fy, 7, 1),
            "in",
            300_000,
            "市交付金・補助金",
            "市民のちから応援補助金",
            bank=True,
            payee="長門市",
            subsidy_id=subsidy_id,
        )
        plan = [
            ("竹林整備 作業道具", 96_800),
            ("ワークショップ 資料印刷", 42_600),
            ("竹あかり 材料", 88_000),
            ("先進地視察 バス借上げ", 60_000),
        ]
        for i, (what, amount) in enumerate(plan):
            w.add(
                d(fy, 8 + i, 20), "out", amount, "夢プラン推進事業費", what, bank=True, subsidy_id=subsidy_id
            )


def _charcoal_year(w: _Writer, fy: int) -> None:
    rng = w.rng
    for month in range(12):
        y, m = (fy, 4 + month) if month < 9 else (fy + 1, month - 8)
        w.add(
            date(y, m, 10),
            "in",
            500 * rng.randint(24, 80),
            "事業収入",
            "竹炭・竹酢液の販売",
            payee="道の駅 販売分",
        )
        w.add(date(y, m, 26), "out", 20_000, "事業費", "作業謝礼（炭焼き）", bank=True, payee="竹炭の会")
        if m in (5, 10, 1):
            w.add(
                date(y, m, 18),
                "out",
                1_000 * rng.randint(6, 14),
                "事業費",
                "窯の燃料・袋",
                payee="油谷燃料店",
            )
        w.add(date(y, m, 28), "transfer", 20_000, None, "売上の預け入れ", to_bank=True)
    w.add(date(fy, 11, 23), "in", 48_000, "事業収入", "産業まつり 出店売上")
    w.add(date(fy + 1, 3, 10), "out", 12_000, "事務費", "ラベル印刷")


def demo_accounts(session: Session, today: date) -> None:
    fy = fiscal_year_of(today)
    first = fy - 2
    rng = random.Random(20170331)
    general = ensure_default_fund(session, first)
    cash, bank = list_money_accounts(session, general.id)
    update_money_account(session, cash.id, MoneyAccountDraft("現金", "cash", 32_150))
    update_money_account(
        session, bank.id, MoneyAccountDraft("普通預金", "bank", 486_320, "山口銀行 油谷支店")
    )
    business = find_head(session, general.id, "事業費", "out")
    for name, reading, since in (
        ("夏祭り事業費", "なつまつりじぎょうひ", None),
        ("敬老事業費", "けいろうじぎょうひ", None),
        ("防災事業費", "ぼうさいじぎょうひ", None),
        ("夢プラン推進事業費", "ゆめぷらんすいしんじぎょうひ", fy - 1),
    ):
        add_head(session, general.id, HeadDraft("out", name, business.id, reading, since))
    charcoal = add_fund(
        session, FundDraft("竹炭事業特別会計", "special", first, "宇津賀の竹炭づくり（コミュニティビジネス）")
    )
    ch_cash = list_money_accounts(session, charcoal.id)[0]
    update_money_account(session, ch_cash.id, MoneyAccountDraft("現金", "cash", 8_400))
    add_money_account(session, charcoal.id, MoneyAccountDraft("普通預金", "bank", 126_000, "JA 油谷支所"))
    gw = _Writer(session, general.id, today, rng)
    cw = _Writer(session, charcoal.id, today, rng)
    from nagato_desk.services.settlement import settle_year

    for year in (first, fy - 1, fy):
        subsidy_id = None
        if year == fy - 1:
            subsidy = add_subsidy(
                session,
                SubsidyDraft(
                    general.id, year, "市民のちから応援補助金", "長門市", 300_000, date(year, 6, 10),
                    "地域の夢プラン：竹林の整備と竹あかりの催し",
                    head_ids=[gw.head("夢プラン推進事業費", "out")],
                ),
            )  # fmt: skip
            subsidy_id = subsidy.id
        decided = date(year, 5, 24)
        carry = settle_year(session, general.id, year).carry_over_in
        if decided <= today or year < fy:
            gw.budget(year, _general_budget(year, carry, plan=year == fy - 1), decided)
            ch_carry = settle_year(session, charcoal.id, year).carry_over_in
            cw.budget(
                year,
                {("in", "前年度繰越金"): (ch_carry, ""), ("in", "事業収入"): (380_000, "竹炭・竹酢液の販売"),
                 ("out", "事業費"): (300_000, "作業謝礼・窯の燃料・袋"), ("out", "事務費"): (15_000, ""), ("out", "予備費"): (0, "")},
                decided,
            )  # fmt: skip
        _general_year(gw, year, subsidy_id)
        _charcoal_year(cw, year)
        gw.flush()
        cw.flush()
        if year == fy - 1:
            amended = _general_budget(year, carry, plan=True)
            amended[("out", "夏祭り事業費")] = (460_000, "夏祭り（8月）花火を追加")
            gw.budget(year, amended, date(year, 12, 14), amend=True)
    audited_on = min(date(fy, 4, 25), today)
    auditors = auditors_on(session, audited_on)
    if auditors:
        add_audit(
            session,
            AuditDraft(
                fy - 1, audited_on, [m.id for m in auditors], "proper", "地区公民館",
                "帳簿・証憑書類・預金通帳を照合し、適正に処理されていることを確認した。"
                "領収書の日付の記入漏れが1件あったため、今後注意されたい。",
            ),
        )  # fmt: skip


def close_demo_years(session: Session, today: date) -> None:
    """Close the demo's past years, oldest first — the last demo step, so that linking entries to the
    plan and budgets to their meetings happened before the books were closed, as in real life."""
    from nagato_desk.models import Fund

    fy = fiscal_year_of(today)
    funds = list(session.scalars(select(Fund).order_by(Fund.id)))
    for year in range(fy - 2, fy):
        for fund in funds:
            close_year(session, fund.id, year)
