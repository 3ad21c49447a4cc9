"""Issue 9's benchmark: everything on ONE large council, each figure beside a floor measured in the
same run (these 2-core machines are noisy; ratios travel better than milliseconds), printed as one
markdown table with the issue's targets marked ok / MISS.

    python bench/run.py [--db large.db] [--keep] [--rounds 3] [--skip-exports]

Without ``--db`` the council is generated first (``generate.py --full``: 20,000 members, 8,000
households, 20 自治会, 10 years × 2,000 cash entries, 600 meetings with attendance, a plan of 200
actions with 10 years of evaluations, 300 activities) and ``nagato-desk check`` must find nothing.
The window figures come from ``run_gui.py`` in its own process (a real window, offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

PY = sys.executable
# Compiled bytecode as an installed program has it: this workplace sets PYTHONDONTWRITEBYTECODE, which
# would make every run compile SQLAlchemy and the app from source (about 0.9 s of a 2 s start-up).
# The caches go to a folder of their own (PYTHONPYCACHEPREFIX), not into the source tree.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(
    QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "nagato-bench-pycache")
)
FLOOR_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
import sqlalchemy.orm
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("ホーム")); w.resize(1180, 760); w.show()
app.processEvents()
"""
RAW_SETTLEMENT = """SELECT kind, head_id, SUM(amount) FROM cash_entry
WHERE fund_id = ? AND fiscal_year = ? AND kind != 'transfer' GROUP BY kind, head_id"""
RAW_OFFICERS = """SELECT t.id, m.name, r.name FROM officer_term t JOIN member m ON m.id = t.member_id
JOIN role r ON r.id = t.role_id WHERE t.starts_on <= ? AND (t.ends_on IS NULL OR t.ends_on >= ?)
ORDER BY r.sort_order, m.reading_key"""
RAW_PROGRESS = """SELECT g.id, COUNT(*), SUM(e.status = 'done'),
 SUM((e.status IS NULL OR e.status <> 'done') AND y.fiscal_year < :current)
FROM plan_action_year y JOIN plan_action a ON a.id = y.action_id JOIN plan_goal g ON g.id = a.goal_id
LEFT JOIN plan_evaluation e ON e.action_id = y.action_id AND e.fiscal_year = y.fiscal_year
WHERE g.version_id = :version AND y.fiscal_year <= :fy GROUP BY g.id"""
ROSTER_8 = "name,reading,gender,age,address,phone,household,status"


def median_ms(fn, repeat: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def wall(cmd: list[str], **kw) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    return (time.perf_counter() - start) * 1000


def startup(db: Path, repeat: int = 5) -> tuple[float, float]:
    """Wall time of ``nagato-desk --smoke`` (home page shown) against a bare window, median of ``repeat``."""
    app = [PY, "-m", "nagato_desk", "--smoke", "--db", str(db)]
    floor = [PY, "-c", FLOOR_WINDOW]
    wall(app), wall(floor)  # warm the file cache
    apps, floors = [], []
    for _ in range(repeat):  # interleaved: both see the same noise
        apps.append(wall(app))
        floors.append(wall(floor))
    return statistics.median(apps), statistics.median(floors)


def services(db_path: Path) -> list[tuple[str, float, float | None, float | None]]:
    from sqlalchemy import select

    from nagato_desk.database import open_database
    from nagato_desk.dates import fiscal_year_of
    from nagato_desk.models import DreamPlanVersion, Fund
    from nagato_desk.services.officers import officers_as_of
    from nagato_desk.services.plan_progress import plan_progress
    from nagato_desk.services.settlement import settle_year

    today = date.today()
    fy = fiscal_year_of(today)
    conn = sqlite3.connect(db_path)
    with open_database(db_path, write=False) as db, db.Session() as s:
        fund = s.scalar(select(Fund.id).order_by(Fund.id).limit(1))
        version = s.scalar(select(DreamPlanVersion.id).order_by(DreamPlanVersion.id.desc()).limit(1))
        on = date(fy - 3, 6, 1)
        params = {"version": version, "fy": fy - 1, "current": fy}

        def fresh(fn):  # type: ignore[no-untyped-def]
            def run() -> None:
                s.expire_all()
                fn()

            return run

        return [
            ("settlement of a year (settle_year)", median_ms(fresh(lambda: settle_year(s, fund, fy - 1))),
             median_ms(lambda: conn.execute(RAW_SETTLEMENT, (fund, fy - 1)).fetchall()), 50),
            ("officer list as of a date (officers_as_of)", median_ms(fresh(lambda: officers_as_of(s, on))),
             median_ms(lambda: conn.execute(RAW_OFFICERS, (on, on)).fetchall()), 100),
            ("plan progress (plan_progress)", median_ms(fresh(lambda: plan_progress(s, version, fy - 1, today))),
             median_ms(lambda: conn.execute(RAW_PROGRESS, params).fetchall()), 100),
        ]  # fmt: skip


def exports(db: Path, out: Path, skip: bool) -> list[tuple[str, float, float | None, float | None]]:
    """Every document through the CLI (start-up included), and LibreOffice converting the cash book xlsx."""
    from nagato_desk.reports.exports import REPORTS

    runs: list[tuple[str, list[str], float | None]] = [
        ("roster PDF, 4 columns (20,000 rows)", ["roster"], 10_000),
        ("roster PDF, 8 columns incl. address (20,000 rows)", ["roster", "--columns", ROSTER_8], 10_000),
        ("cash book xlsx (a year, 2,000 entries)", ["cashbook", "--format", "xlsx"], None),
    ]
    if not skip:
        for name in REPORTS:
            if name not in ("roster",):
                runs.append((f"{name} PDF", [name], None))
    rows = []
    for label, args, target in runs:
        fmt = "xlsx" if "xlsx" in args else "pdf"
        target_file = out / f"{args[0]}-{len(rows)}.{fmt}"
        cmd = [PY, "-m", "nagato_desk", "export", *args, "--db", str(db), "--out", str(target_file)]
        try:
            rows.append((label, wall(cmd), None, target))
        except subprocess.CalledProcessError as exc:
            print(f"{label}: failed: {exc.stderr.decode()[-300:]}", file=sys.stderr)
    soffice = shutil.which("soffice")
    book = next(out.glob("cashbook-*.xlsx"), None)
    if soffice and book:
        profile = out / "lo-profile"
        convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(out / "lo"), str(book)]  # fmt: skip
        wall(convert)  # the first run builds LibreOffice's profile
        lo = statistics.median(wall(convert) for _ in range(3))
        rows.insert(3, ("… the same xlsx → PDF by LibreOffice (what users do today)", lo, None, None))
        book_pdf = next((r for r in rows if r[0] == "cashbook PDF"), None)
        if book_pdf:
            rows[rows.index(book_pdf)] = (book_pdf[0] + " (vs LibreOffice above)", book_pdf[1], lo, None)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing large council (else one is generated)")
    parser.add_argument("--keep", type=Path, help="where to keep the generated council")
    parser.add_argument("--rounds", type=int, default=3, help="fresh windows for the window figures")
    parser.add_argument("--skip-exports", action="store_true", help="only the roster and cash book")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nagato-bench-"))
    db = args.db
    notes = []
    if db is None:
        from generate import generate

        db = args.keep or tmp / "large.db"
        timings: dict = {}
        t = time.perf_counter()
        generate(db, full=True, timings=timings)
        notes.append(f"generated in {time.perf_counter() - t:.1f} s")
    check = subprocess.run(
        [PY, "-m", "nagato_desk", "check", "--db", str(db)], env=ENV, capture_output=True, text=True
    )
    notes.append(f"`nagato-desk check`: exit {check.returncode}, {check.stdout.strip().splitlines()[-1]}")
    rows: list[
        tuple[str, str, float, float | None, float | None, str]
    ] = []  # group, what, ms, floor, target, unit

    app_ms, floor_ms = startup(db)
    rows.append(("start-up", "`nagato-desk --smoke` to the home page (vs bare PySide6 window + sqlalchemy.orm)",
                 app_ms, floor_ms, floor_ms * 1.3, "ms"))  # fmt: skip
    gui = json.loads(subprocess.run([PY, str(HERE / "run_gui.py"), str(db), "--rounds", str(args.rounds)],
                                    env=ENV, capture_output=True, text=True, check=True).stdout)  # fmt: skip
    for r in gui:
        target = 200 if r["name"].startswith("open") else 50 if "filter" in r["name"] else 100
        rows.append(("window", f"{r['name']} (worst {r['worst']:.0f})", r["ms"], r["floor"], target, "ms"))
    for name, ms, floor, target in services(db):
        rows.append(("services", name, ms, floor, target, "ms"))
    for name, ms, floor, target in exports(db, tmp, args.skip_exports):
        rows.append(
            (
                "export",
                name,
                ms / 1000,
                floor / 1000 if floor else None,
                target / 1000 if target else None,
                "s",
            )
        )
    mem = json.loads(subprocess.run([PY, str(HERE / "run_gui.py"), str(db), "--memory"], env=ENV,
                                    capture_output=True, text=True, check=True).stdout)["vm_hwm_mb"]  # fmt: skip
    rows.append(("memory", "peak RSS (VmHWM), window with every section and tab shown", mem, None, 300, "MB"))

    print(f"Nagato Desk benchmark, {date.today()} — {platform.python_version()}, {os.cpu_count()} CPUs; "
          + "; ".join(notes) + "\n")  # fmt: skip
    print("| group | what | figure | floor | ratio | target | |")
    print("|---|---|---:|---:|---:|---:|---|")
    for group, what, value, floor, target, unit in rows:
        floor_text = f"{floor:,.1f}" if floor is not None else "—"
        ratio = f"{value / floor:.2f}×" if floor else "—"
        mark = "" if target is None else ("ok" if value <= target else "MISS")
        target_text = f"{target:,.0f}" if target is not None else "—"
        print(f"| {group} | {what} | {value:,.1f} {unit} | {floor_text} | {ratio} | {target_text} | {mark} |")
    shutil.rmtree(tmp, ignore_errors=True)  # the documents (a council kept with --keep lies elsewhere)


if __name__ == "__main__":
    main()
