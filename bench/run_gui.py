"""The window part of ``run.py``, in its own process: the real main window, shown offscreen on the
large council, each action timed until its rows are painted, next to raw SQL of the same rows.

    python bench/run_gui.py LARGE.db [--rounds 3]      # prints JSON rows
    python bench/run_gui.py LARGE.db --memory          # prints the peak RSS (VmHWM) after every section and tab

Every "first show" needs a fresh window, so each round builds a new one; figures are medians over
the rounds (keystrokes: over the rounds too).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nagato_desk.dates import fiscal_year_of  # noqa: E402
from nagato_desk.reading import fold  # noqa: E402

RAW_MEMBER_IDS = """SELECT id FROM member WHERE deleted_at IS NULL AND status = 'active'
AND search_text LIKE ? ORDER BY reading_key, id"""
RAW_MEMBER_PAGE = """SELECT m.id, m.name, m.reading, m.gender, m.birth_date, m.phone, a.name, b.name, m.status
FROM member m LEFT JOIN neighbourhood_association a ON a.id = m.association_id
LEFT JOIN block b ON b.id = m.block_id WHERE m.id IN ({})"""
RAW_CASHBOOK = """SELECT e.id, e.entry_date, e.voucher_no, e.kind, h.name, e.description, e.amount,
 SUM(CASE e.kind WHEN 'in' THEN e.amount WHEN 'out' THEN -e.amount ELSE 0 END) OVER (ORDER BY e.entry_date, e.id)
FROM cash_entry e LEFT JOIN account_head h ON h.id = e.head_id
WHERE e.fiscal_year = ? ORDER BY e.entry_date, e.id LIMIT 50"""
RAW_MEETINGS = """SELECT m.id, m.number, m.kind, m.title, m.held_on, m.place,
 COUNT(a.id), SUM(a.status = 'present'), SUM(a.status = 'proxy'), SUM(a.status = 'written')
FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id
WHERE m.deleted_at IS NULL AND (? IS NULL OR m.fiscal_year = ?)
 AND (? IS NULL OR m.title LIKE ? OR m.place LIKE ? OR m.id IN (SELECT meeting_id FROM agenda_item WHERE search_text LIKE ?))
GROUP BY m.id ORDER BY m.held_on DESC, m.number DESC"""
RAW_RESOLUTIONS = """SELECT i.id, i.title, i.result, m.number, m.held_on, m.kind FROM agenda_item i
JOIN meeting m ON m.id = i.meeting_id WHERE i.section = 'deliberation' AND m.deleted_at IS NULL AND i.result != ''
ORDER BY m.held_on, m.number, i.position"""
RAW_ATTENDANCE = """SELECT a.id, m.name, m.reading, a.status FROM attendance a JOIN member m ON m.id = a.member_id
WHERE a.meeting_id = ? ORDER BY m.reading_key"""
RAW_PLAN = """SELECT a.goal_id, COUNT(*), SUM(e.status = 'done') FROM plan_action_year y
JOIN plan_action a ON a.id = y.action_id LEFT JOIN plan_evaluation e ON e.action_id = y.action_id
AND e.fiscal_year = y.fiscal_year GROUP BY a.goal_id"""
RAW_ACTIVITIES = """SELECT id, starts_on, title, field FROM activity WHERE deleted_at IS NULL AND fiscal_year = ?
ORDER BY starts_on"""
MEMBER_KEYS = ["い", "いし", "いしか", "いしかわ", "いしかわ は", "いしかわ はな"]
MEETING_KEYS = ["竹", "竹炭"]


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median_ms(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(timed(fn) for _ in range(repeat))


def open_window(db_path: Path):  # type: ignore[no-untyped-def]
    from nagato_desk.database import open_database
    from nagato_desk.gui.app import create_application
    from nagato_desk.gui.main_window import MainWindow
    from nagato_desk.settings import Settings

    settings = Settings()
    app = create_application(settings, "ja")
    db = open_database(db_path)
    window = MainWindow(db, settings, None, "ja")
    window.resize(1180, 760)
    window.show()
    app.processEvents()
    return app, db, window


def one_round(
    app, window, conn: sqlite3.Connection, big_meeting: int
) -> dict[str, tuple[float, float | None]]:  # type: ignore[no-untyped-def]
    keys = [k for k, _p in window.sections]
    fy = fiscal_year_of(date.today())
    out: dict[str, tuple[float, float | None]] = {}

    def show(key: str) -> float:
        def go() -> None:
            window.show_page(keys.index(key))
            app.processEvents()

        return timed(go)

    def member_floor(text: str) -> None:
        ids = [r[0] for r in conn.execute(RAW_MEMBER_IDS, (f"%{fold(text)}%",))]
        conn.execute(RAW_MEMBER_PAGE.format(",".join("?" * len(ids[:40]))), ids[:40]).fetchall()

    out["open 会員 (member list, first rows)"] = (show("members"), median_ms(lambda: member_floor("")))
    members = window.section_page("members").member_list
    for text in MEMBER_KEYS:

        def key(t: str = text) -> None:
            members.search.setText(t)
            app.processEvents()

        out[f"会員 filter 「{text}」"] = (timed(key), median_ms(lambda t=text: member_floor(t)))
    members.search.setText("")
    out["open 会計 (cash book, first rows)"] = (
        show("accounts"),
        median_ms(lambda: conn.execute(RAW_CASHBOOK, (fy,)).fetchall()),
    )
    accounts = window.section_page("accounts")

    def previous_year() -> None:
        accounts.year.setCurrentIndex(
            accounts.year.findData(fy - 1) if accounts.year.findData(fy - 1) >= 0 else 1
        )
        app.processEvents()

    out["会計 change year (cash book)"] = (
        timed(previous_year),
        median_ms(lambda: conn.execute(RAW_CASHBOOK, (fy - 1,)).fetchall()),
    )
    for tab in ("settlement", "budget", "cashbook"):

        def show_tab(t: str = tab) -> None:
            accounts.show_tab(t)
            app.processEvents()

        out[f"会計 tab {tab}"] = (timed(show_tab), None)
    latest = conn.execute("SELECT MAX(fiscal_year) FROM meeting").fetchone()[0]
    out["open 会議 (minutes list, latest year)"] = (
        show("meetings"),
        median_ms(lambda: conn.execute(RAW_MEETINGS, (latest, latest, None, None, None, None)).fetchall()),
    )
    meetings = window.section_page("meetings")
    mlist = meetings.meeting_list

    def all_years() -> None:
        mlist.year.setCurrentIndex(0)
        app.processEvents()

    out["会議 list: all years (600 meetings)"] = (
        timed(all_years),
        median_ms(lambda: conn.execute(RAW_MEETINGS, (None, None, None, None, None, None)).fetchall()),
    )
    for text in MEETING_KEYS:

        def mkey(t: str = text) -> None:
            mlist.search.setText(t)
            app.processEvents()

        like = f"%{text}%"
        out[f"会議 filter 「{text}」 (all years)"] = (
            timed(mkey),
            median_ms(lambda lk=like: conn.execute(RAW_MEETINGS, (None, None, 1, lk, lk, lk)).fetchall()),
        )
    mlist.search.setText("")
    app.processEvents()

    def resolutions_all() -> None:
        meetings.show_tab("resolutions")
        app.processEvents()
        meetings.resolutions.year.setCurrentIndex(0)
        app.processEvents()

    out["会議 resolutions: all years"] = (
        timed(resolutions_all),
        median_ms(lambda: conn.execute(RAW_RESOLUTIONS).fetchall()),
    )

    def attendance() -> None:
        meetings.open_meeting(big_meeting)
        meetings.detail.show_part("attendance")
        app.processEvents()

    out["会議 attendance tab (50 people)"] = (
        timed(attendance),
        median_ms(lambda: conn.execute(RAW_ATTENDANCE, (big_meeting,)).fetchall()),
    )
    out["open 夢プラン"] = (show("plan"), median_ms(lambda: conn.execute(RAW_PLAN).fetchall()))
    plan = window.section_page("plan")
    for key, _tab in getattr(plan, "tab_pages", [])[1:]:

        def ptab(k: str = key) -> None:
            plan.show_tab(k)
            app.processEvents()

        out[f"夢プラン tab {key}"] = (timed(ptab), None)
    out["open 事業"] = (show("activities"), median_ms(lambda: conn.execute(RAW_ACTIVITIES, (fy,)).fetchall()))
    switches = [show(k) for k in keys for _ in (0,)]  # every section again, already built
    out["switch section (built; worst of all)"] = (max(switches), None)
    return out


def run_rounds(db_path: Path, rounds: int) -> list[dict]:
    conn = sqlite3.connect(db_path)
    big = conn.execute(
        "SELECT meeting_id FROM attendance GROUP BY meeting_id HAVING COUNT(*) = 50 ORDER BY meeting_id DESC LIMIT 1"
    ).fetchone()[0]
    results: dict[str, list[tuple[float, float | None]]] = {}
    for _ in range(rounds):
        app, db, window = open_window(db_path)
        for name, value in one_round(app, window, conn, big).items():
            results.setdefault(name, []).append(value)
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()
    rows = []
    for name, values in results.items():
        floors = [f for _a, f in values if f is not None]
        rows.append({
            "name": name, "ms": statistics.median(a for a, _f in values),
            "worst": max(a for a, _f in values),
            "floor": statistics.median(floors) if floors else None,
        })  # fmt: skip
    return rows


def memory(db_path: Path) -> float:
    app, db, window = open_window(db_path)
    for index, (name, _page) in enumerate(window.sections):
        window.show_page(index)
        app.processEvents()
        if name in ("home", "settings"):
            continue
        page = window.section_page(name)
        for key, _tab in getattr(page, "tab_pages", []):
            page.show_tab(key)
            app.processEvents()
    members = window.section_page("members").member_list
    members.table.scrollToBottom()  # every member fetched
    app.processEvents()
    return vm_hwm_mb()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    if args.memory:
        print(json.dumps({"vm_hwm_mb": memory(args.db)}))
    else:
        print(json.dumps(run_rounds(args.db, args.rounds), ensure_ascii=False))


if __name__ == "__main__":
    main()
