"""Member list at scale: first rows shown and each filter keystroke, against raw SQL of the same rows.

    python bench/bench_members.py [--members 20000] [--repeat 7]

Prints a table of medians; each figure stands next to a floor measured in the same run (the raw SQL
query that returns the same ids, plus fetching the first page of rows), since these machines are
noisy. Targets (issue 3): first rows shown within 0.2 s, each keystroke's filter within 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from nagato_desk.reading import fold  # noqa: E402

RAW_IDS = """
SELECT id FROM member
WHERE deleted_at IS NULL AND status = 'active' AND search_text LIKE ? ESCAPE '\\'
ORDER BY reading_key, id
"""
RAW_PAGE = """
SELECT m.id, m.name, m.reading, m.gender, m.birth_date, m.phone, a.name, b.name, m.status
FROM member m LEFT JOIN neighbourhood_association a ON a.id = m.association_id
LEFT JOIN block b ON b.id = m.block_id WHERE m.id IN ({})
"""
KEYSTROKES = ["い", "いし", "いしか", "いしかわ", "いしかわ は", "いしかわ はな"]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def raw_query(conn: sqlite3.Connection, text: str) -> list[int]:
    ids = [r[0] for r in conn.execute(RAW_IDS, (f"%{fold(text)}%",))]
    page = ids[:40]
    conn.execute(RAW_PAGE.format(",".join("?" * len(page))), page).fetchall()
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QTableView

    from nagato_desk.database import open_database
    from nagato_desk.gui.members_model import MemberListModel
    from nagato_desk.services.members import MemberFilter

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = generate(
            Path(tmp) / "large.db", members=args.members, households=max(1, args.members * 2 // 5)
        )
        conn = sqlite3.connect(path)
        db = open_database(path, write=False)
        view = QTableView()
        view.resize(1100, 700)
        view.show()
        model = MemberListModel(db)

        def open_list() -> None:
            model.set_filter(MemberFilter())
            view.setModel(model)
            app.processEvents()  # the first visible rows are fetched and painted

        rows = [("open the list (first rows shown)", median_ms(open_list, args.repeat),
                 median_ms(lambda: raw_query(conn, ""), args.repeat), 200)]  # fmt: skip
        for text in KEYSTROKES:

            def keystroke(t: str = text) -> None:
                model.set_filter(MemberFilter(text=t))
                app.processEvents()

            floor = median_ms(lambda t=text: raw_query(conn, t), args.repeat)
            rows.append(
                (
                    f"filter 「{text}」 ({len(raw_query(conn, text)):,} rows)",
                    median_ms(keystroke, args.repeat),
                    floor,
                    50,
                )
            )
        db.close()
        conn.close()

    print(f"Member list, {args.members:,} members (median of {args.repeat})\n")
    print("| step | app (ms) | raw SQL floor (ms) | ratio | target (ms) | |")
    print("|---|---:|---:|---:|---:|---|")
    for label, app_ms, floor_ms, target in rows:
        ok = "ok" if app_ms <= target else "MISS"
        print(f"| {label} | {app_ms:.1f} | {floor_ms:.1f} | {app_ms / floor_ms:.2f}× | {target} | {ok} |")


if __name__ == "__main__":
    main()
