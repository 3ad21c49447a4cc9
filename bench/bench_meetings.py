"""Meetings at scale: 600 meetings over ten years, each with its eligible people's attendance (about
30 a meeting: 18,000 rows) and three agenda items.

    python bench/bench_meetings.py [--meetings 600] [--people 30] [--repeat 7]

Times, as medians in milliseconds, what the 会議・議事録 page does — the meeting list (every meeting with
its quorum status) and the list filtered by year and by a word — next to a raw-SQL floor measured in
the same run (these machines are noisy), plus the minutes of one meeting (report object and PDF).
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
from nagato_desk.dates import fiscal_year_of  # noqa: E402
from nagato_desk.models import AgendaItem, Attendance, Meeting, Member  # noqa: E402
from nagato_desk.reading import fold, sort_key_text  # noqa: E402
from nagato_desk.services.council import CouncilDraft, create_council  # noqa: E402
from nagato_desk.services.meetings import MeetingFilter, list_meetings  # noqa: E402

KINDS = ["board"] * 6 + ["committee"] * 2 + ["general", "workshop"]
TOPICS = ["夏祭り", "敬老会", "防災訓練", "竹炭", "見守り", "清掃活動", "予算", "事業計画"]

RAW_LIST = """
SELECT m.id, m.number, m.kind, m.title, m.held_on, m.place,
       COUNT(a.id), SUM(a.status = 'present'), SUM(a.status = 'proxy'), SUM(a.status = 'written')
FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id
WHERE m.deleted_at IS NULL GROUP BY m.id ORDER BY m.held_on DESC, m.number DESC
"""
RAW_FILTER = """
SELECT m.id, m.number, m.kind, m.title, m.held_on, m.place,
       COUNT(a.id), SUM(a.status = 'present'), SUM(a.status = 'proxy'), SUM(a.status = 'written')
FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id
WHERE m.deleted_at IS NULL AND m.fiscal_year = ?
  AND (m.title LIKE ? OR m.place LIKE ? OR m.id IN (SELECT meeting_id FROM agenda_item WHERE search_text LIKE ?))
GROUP BY m.id ORDER BY m.held_on DESC, m.number DESC
"""


def generate(path: Path, meetings: int, people: int, seed: int = 5) -> int:
    """A council with 300 members and ``meetings`` meetings ending today; returns the last fiscal year."""
    rng = random.Random(seed)
    today = date.today()
    with open_database(path, create=True) as db, db.session() as s:
        create_council(s, CouncilDraft(name="ベンチマーク協議会"), [])
        member_rows = [
            {
                "name": f"会員 {i:03d}",
                "reading": f"かいいん {i:03d}",
                "reading_key": sort_key_text(f"かいいん {i:03d}"),
            }
            for i in range(300)
        ]
        s.execute(insert(Member), member_rows)
        ids = list(range(1, 301))
        step = timedelta(days=3650 // meetings)
        day = today - step * meetings
        attendance, agenda, meeting_rows = [], [], []
        for n in range(1, meetings + 1):
            day += step
            kind = KINDS[n % len(KINDS)]
            meeting_rows.append({"id": n, "number": n, "kind": kind, "title": "", "held_on": day,
                                 "fiscal_year": fiscal_year_of(day), "place": "公民館", "eligibility": "delegates"})  # fmt: skip
            for member_id in rng.sample(ids, people):
                status = rng.choices(["present", "absent", "proxy", "written"], [70, 15, 10, 5])[0]
                attendance.append({"meeting_id": n, "member_id": member_id, "status": status})
            for pos in range(1, 4):
                title = f"{rng.choice(TOPICS)}について"
                agenda.append({"meeting_id": n, "section": "deliberation", "number": pos, "position": pos,
                               "title": title, "vote_method": "unanimous", "vote_rule": "majority",
                               "computed_result": "passed", "result": "passed", "search_text": fold(title)})  # fmt: skip
        s.execute(insert(Meeting), meeting_rows)
        s.execute(insert(Attendance), attendance)
        s.execute(insert(AgendaItem), agenda)
    return fiscal_year_of(today)


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=600)
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        t = time.perf_counter()
        fy = generate(path, args.meetings, args.people)
        print(f"generated {args.meetings} meetings × {args.people} people in {time.perf_counter() - t:.1f} s")
        raw = sqlite3.connect(path)
        with open_database(path, write=False) as db, db.Session() as s:
            from nagato_desk.reports.minutes import build_minutes, write_minutes_pdf

            f = MeetingFilter(fiscal_year=fy - 1, text="竹炭")
            rows = list_meetings(s)
            assert len(rows) == args.meetings
            assert len(list_meetings(s, f)) == len(
                raw.execute(RAW_FILTER, (fy - 1, "%竹炭%", "%竹炭%", "%竹炭%")).fetchall()
            )
            minutes = build_minutes(s, rows[0].id)
            results = [
                ("meeting list (all, with quorum)", median_ms(lambda: list_meetings(s), args.repeat),
                 median_ms(lambda: raw.execute(RAW_LIST).fetchall(), args.repeat), 200),
                ("meeting list filtered (year + word)", median_ms(lambda: list_meetings(s, f), args.repeat),
                 median_ms(lambda: raw.execute(RAW_FILTER, (fy - 1, "%竹炭%", "%竹炭%", "%竹炭%")).fetchall(), args.repeat), 100),
                ("minutes report object (one meeting)", median_ms(lambda: build_minutes(s, rows[0].id), args.repeat), None, None),
                ("minutes PDF", median_ms(lambda: write_minutes_pdf(minutes, Path(folder) / "m.pdf"), 3), None, None),
            ]  # fmt: skip
        raw.close()
    print(f"{'what':40} {'median ms':>10} {'raw SQL ms':>11} {'target ms':>10}")
    for name, ms, floor, target in results:
        floor_text = f"{floor:11.1f}" if floor is not None else f"{'':>11}"
        target_text = f"{target:10d}" if target is not None else ""
        print(f"{name:40} {ms:10.1f} {floor_text} {target_text}")


if __name__ == "__main__":
    main()
