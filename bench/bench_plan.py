"""Dream plan at scale: 200 actions over ten years, every past year evaluated; the progress and the
roadmap the 夢プラン page computes, against a raw SQL aggregate of the same numbers in the same run.

    python bench/bench_plan.py [--actions 200] [--repeat 7]

Prints medians in milliseconds; the raw SQL stands next to each figure as a floor (these machines are
noisy). Also times filling the plan through the services (with the change history), a revision
(見直し: copying the whole version) and the 評価シート (report object and PDF).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nagato_desk.database import open_database  # noqa: E402
from nagato_desk.dates import fiscal_year_of  # noqa: E402
from nagato_desk.models import PLAN_FIELDS  # noqa: E402
from nagato_desk.services import committees, evaluations, goals, indicators, plan_actions, plans  # noqa: E402
from nagato_desk.services.council import CouncilDraft, create_council  # noqa: E402
from nagato_desk.services.plan_progress import plan_progress  # noqa: E402
from nagato_desk.services.roadmap import roadmap  # noqa: E402

TODAY = date(2026, 11, 29)
RAW = """
SELECT g.id, COUNT(*) AS planned,
       SUM(CASE WHEN e.status = 'done' THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN (e.status IS NULL OR e.status <> 'done') AND y.fiscal_year < :current THEN 1 ELSE 0 END) AS late
FROM plan_action_year y
JOIN plan_action a ON a.id = y.action_id
JOIN plan_goal g ON g.id = a.goal_id
LEFT JOIN plan_evaluation e ON e.action_id = y.action_id AND e.fiscal_year = y.fiscal_year
WHERE g.version_id = :version AND y.fiscal_year <= :fy
GROUP BY g.id ORDER BY g.sort_order, g.id
"""


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(db, n_actions: int) -> tuple[int, int]:
    rng = random.Random(6)
    current = fiscal_year_of(TODAY)
    start = current - 9  # ten years: nine evaluated, the current one in progress
    with db.Session() as s, s.begin():
        create_council(s, CouncilDraft(name="ベンチ地区まちづくり協議会"))
        cids = [
            committees.add_committee(s, n).id
            for n in ("総務部会", "福祉部会", "環境部会", "防災・安全部会", "地域振興部会")
        ]
        plan = plans.create_plan(s, plans.PlanDraft("ベンチ地区 地域の夢プラン", start))
        v = plan.versions[0]
        per_goal = 10
        for gi in range((n_actions + per_goal - 1) // per_goal):
            goal = goals.add_goal(
                s, v.id, goals.GoalDraft(PLAN_FIELDS[gi % len(PLAN_FIELDS)], f"基本目標{gi + 1}")
            )
            for ai in range(min(per_goal, n_actions - gi * per_goal)):
                years = sorted(rng.sample(range(start, start + 10), rng.randint(2, 10)))
                action = plan_actions.add_action(
                    s,
                    goal.id,
                    plan_actions.ActionDraft(
                        f"取組{gi + 1}-{ai + 1}",
                        committee_id=rng.choice(cids),
                        years=years,
                        estimated_cost=rng.randint(0, 50) * 10_000,
                    ),
                )
                for fy in years:
                    if fy < current:
                        status = rng.choices(["done", "in_progress", "revised", "not_started"], [6, 2, 1, 1])[
                            0
                        ]
                        draft = evaluations.EvaluationDraft(
                            status, rng.choice("ABCD"), "実施した。", "", "続ける。"
                        )
                        evaluations.save_evaluation(s, action.id, fy, draft)
                if ai == 0:
                    ind = indicators.add_indicator(
                        s,
                        v.id,
                        indicators.IndicatorDraft(
                            f"指標{gi + 1}", "人", "up", "10", start - 1, "100", action_id=action.id
                        ),
                    )
                    for fy in range(start, current):
                        indicators.set_actual(s, ind.id, fy, str(10 + 9 * (fy - start)))
        return plan.id, v.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = open_database(path, create=True)
        t0 = time.perf_counter()
        plan_id, version_id = fill(db, args.actions)
        fill_s = time.perf_counter() - t0
        fy = fiscal_year_of(TODAY) - 1
        conn = sqlite3.connect(path)
        params = {"version": version_id, "fy": fy, "current": fiscal_year_of(TODAY)}
        raw = conn.execute(RAW, params).fetchall()
        with db.Session() as s:
            progress = plan_progress(s, version_id, fy, TODAY)
            # the same numbers both ways, goal by goal
            assert [(p.planned, p.done, p.late) for p in progress.by_goal] == [
                (r[1], r[2], r[3]) for r in raw
            ], "mismatch"
            n_eval = conn.execute("SELECT COUNT(*) FROM plan_evaluation").fetchone()[0]
            n_years = conn.execute("SELECT COUNT(*) FROM plan_action_year").fetchone()[0]

            def service_progress():
                s.expire_all()
                plan_progress(s, version_id, fy, TODAY)

            def service_roadmap():
                s.expire_all()
                roadmap(s, version_id, TODAY)

            t_progress = median_ms(service_progress, args.repeat)
            t_roadmap = median_ms(service_roadmap, args.repeat)
        t_raw = median_ms(lambda: conn.execute(RAW, params).fetchall(), args.repeat)

        from nagato_desk.reports.plan_progress import build_progress_sheet, write_progress_pdf

        with db.Session() as s:
            t0 = time.perf_counter()
            sheet = build_progress_sheet(s, fy, today=TODAY)
            t_sheet = time.perf_counter() - t0
            t0 = time.perf_counter()
            pages = write_progress_pdf(sheet, Path(tmp) / "sheet.pdf").pages
            t_pdf = time.perf_counter() - t0
        with db.Session() as s, s.begin():
            t0 = time.perf_counter()
            plans.revise_plan(s, plan_id, TODAY, "中間見直し")
            t_revise = time.perf_counter() - t0
        conn.close()
        db.close()
    print(f"plan: {args.actions} actions, {n_years} planned years, {n_eval} evaluations")
    print(f"fill through the services (with change history): {fill_s:.2f} s")
    print(f"{'what':<40}{'median ms':>12}")
    print(f"{'progress by goal/field/committee':<40}{t_progress:>12.1f}")
    print(f"{'roadmap grid (actions x years)':<40}{t_roadmap:>12.1f}")
    print(f"{'raw SQL aggregate (floor)':<40}{t_raw:>12.1f}")
    print(
        f"評価シート: object {t_sheet * 1000:.0f} ms, PDF {t_pdf:.2f} s ({pages} pages); revision copy {t_revise:.2f} s"
    )


if __name__ == "__main__":
    main()
