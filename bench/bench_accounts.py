"""Accounts at scale: 10 fiscal years × 2,000 cash-book entries in one fund (20,000 rows).

    python bench/bench_accounts.py [--years 10] [--per-year 2000] [--repeat 7]

Times, as medians in milliseconds, what the 会計 page and the exports do for the latest year — the cash
book's first rows (count + first page of 50 with running balances + month totals), the settlement, and a
year's cash book and settlement as xlsx and PDF — each next to a raw-SQL floor measured in the same run
(these machines are noisy). Targets (issue 4): settlement under 50 ms, first rows within 0.2 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from nagato_desk.database import open_database  # noqa: E402
from nagato_desk.models import CashEntry  # noqa: E402
from nagato_desk.services.account_heads import list_heads  # noqa: E402
from nagato_desk.services.council import CouncilDraft, create_council  # noqa: E402
from nagato_desk.services.funds import ensure_default_fund, list_money_accounts  # noqa: E402

PAGE = 50

RAW_FIRST_ROWS = """
SELECT e.id, e.entry_date, e.voucher_no, e.kind, h.name, e.description, e.amount,
       SUM(CASE e.kind WHEN 'in' THEN e.amount WHEN 'out' THEN -e.amount ELSE 0 END)
           OVER (ORDER BY e.entry_date, e.id)
FROM cash_entry e LEFT JOIN account_head h ON h.id = e.head_id
WHERE e.fund_id = ? AND e.fiscal_year = ? ORDER BY e.entry_date, e.id LIMIT 50
"""
RAW_SETTLEMENT = """
SELECT kind, head_id, SUM(amount) FROM cash_entry
WHERE fund_id = ? AND fiscal_year = ? AND kind != 'transfer' GROUP BY kind, head_id
"""


def generate_accounts(path: Path, years: int, per_year: int, seed: int = 4) -> tuple[int, int]:
    """A council with a 一般会計 kept for ``years`` years ending with the current one; returns (fund, last FY)."""
    rng = random.Random(seed)
    last = date.today().year if date.today().month >= 4 else date.today().year - 1
    first = last - years + 1
    with open_database(path, create=True) as db, db.session() as s:
        create_council(s, CouncilDraft(name="ベンチマーク協議会"), [])
        fund = ensure_default_fund(s, first)
        cash, bank = (a.id for a in list_money_accounts(s, fund.id))
        heads = list_heads(s, fund.id)
        income = [h.id for h in heads if h.side == "in" and h.role != "carry_over"]
        expense = [
            h.id
            for h in heads
            if h.side == "out" and h.level == 2 or (h.side == "out" and h.name in ("会議費", "謝金"))
        ]
        rows = []
        for fy in range(first, last + 1):
            start = date(fy, 4, 1)
            for n in range(1, per_year + 1):
                when = start + timedelta(days=rng.randrange(365))
                roll = rng.random()
                kind = "in" if roll < 0.3 else ("transfer" if roll < 0.35 else "out")
                rows.append({
                    "fund_id": fund.id, "fiscal_year": fy, "entry_date": when, "kind": kind,
                    "head_id": None if kind == "transfer" else rng.choice(income if kind == "in" else expense),
                    "amount": rng.randint(100, 50_000) if kind != "in" else rng.randint(1_000, 80_000),
                    "money_account_id": bank if kind != "out" or rng.random() < 0.5 else cash,
                    "to_account_id": cash if kind == "transfer" else None,
                    "voucher_no": n, "description": f"摘要 {n}", "payee": "", "note": "",
                })  # fmt: skip
        s.execute(insert(CashEntry), rows)
        return fund.id, last


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--per-year", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    from nagato_desk.reports.cashbook import build_cashbook_report, write_cashbook_pdf, write_cashbook_xlsx
    from nagato_desk.reports.settlement import (
        build_settlement_report,
        write_settlement_pdf,
        write_settlement_xlsx,
    )
    from nagato_desk.services.cashbook import count_entries, entry_page, month_totals
    from nagato_desk.services.settlement import settle_year

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "accounts.db"
        t = time.perf_counter()
        fund_id, fy = generate_accounts(path, args.years, args.per_year)
        print(f"generated {args.years} × {args.per_year} entries in {time.perf_counter() - t:.1f} s")
        raw = sqlite3.connect(path)
        out = Path(tmp)
        with open_database(path) as db, db.Session() as s:

            def first_rows():
                count_entries(s, fund_id, fy)
                entry_page(s, fund_id, fy, 0, PAGE)
                month_totals(s, fund_id, fy)

            def raw_first_rows():
                raw.execute(
                    "SELECT count(*) FROM cash_entry WHERE fund_id = ? AND fiscal_year = ?", (fund_id, fy)
                ).fetchone()
                raw.execute(RAW_FIRST_ROWS, (fund_id, fy)).fetchall()

            results = [
                ("cash book first rows (count + 50 rows + 月計)", median_ms(first_rows, args.repeat),
                 median_ms(raw_first_rows, args.repeat), 200),
                ("settlement (settle_year)", median_ms(lambda: settle_year(s, fund_id, fy), args.repeat),
                 median_ms(lambda: raw.execute(RAW_SETTLEMENT, (fund_id, fy)).fetchall(), args.repeat), 50),
            ]  # fmt: skip
            repeat = max(1, args.repeat // 3)
            book = build_cashbook_report(s, fy, fund_id=fund_id)
            settlement = build_settlement_report(s, fy, fund_id=fund_id)
            raw_all = median_ms(
                lambda: raw.execute(RAW_FIRST_ROWS.replace("LIMIT 50", ""), (fund_id, fy)).fetchall(), repeat
            )
            results += [
                ("cash book report object (a year)", median_ms(lambda: build_cashbook_report(s, fy, fund_id=fund_id), repeat), raw_all, None),
                ("cash book xlsx (a year)", median_ms(lambda: write_cashbook_xlsx(book, out / "b.xlsx"), repeat), raw_all, None),
                ("cash book PDF (a year)", median_ms(lambda: write_cashbook_pdf(book, out / "b.pdf"), repeat), raw_all, None),
                ("settlement xlsx", median_ms(lambda: write_settlement_xlsx(settlement, out / "s.xlsx"), repeat), None, None),
                ("settlement PDF", median_ms(lambda: write_settlement_pdf(settlement, out / "s.pdf"), repeat), None, None),
            ]  # fmt: skip
        print(f"{'what':48} {'median ms':>10} {'raw SQL ms':>11} {'target ms':>10}")
        for name, ms, floor, target in results:
            floor_text = f"{floor:11.1f}" if floor is not None else f"{'—':>11}"
            target_text = f"{target:10d}" if target else f"{'—':>10}"
            print(f"{name:48} {ms:10.1f} {floor_text} {target_text}")


if __name__ == "__main__":
    main()
