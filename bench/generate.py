"""A large, realistic council for benchmarks: by default 20,000 members in 8,000 households over
20 自治会 (the whole of Nagato is 35,439 people; the largest council in the plan 5,374), and with
``--full`` (issue 9) everything else in the same file: officers, 10 years × 2,000 cash entries,
a dream plan of 200 actions with 10 years of evaluations, 600 meetings with attendance and agenda,
and 30 activities a year (see ``generate_records.py``).

    python bench/generate.py OUT.db [--members 20000] [--households 8000] [--associations 20] [--full]

The council and its 自治会 go through the services; the bulk rows are inserted with plain SQL but
with the search keys derived by the same functions the services use, so the lists behave as if
every member had been typed in.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import insert, select, update  # noqa: E402

from nagato_desk.database import open_database  # noqa: E402
from nagato_desk.dates import fiscal_year_of  # noqa: E402
from nagato_desk.models import Block, Household, Member  # noqa: E402
from nagato_desk.services.associations import AssociationDraft, FiguresDraft  # noqa: E402
from nagato_desk.services.council import CouncilDraft, create_council  # noqa: E402
from nagato_desk.services.demo_members import MEN, SURNAMES, WOMEN  # noqa: E402
from nagato_desk.services.member_rules import reading_key_of, search_text_of  # noqa: E402

EXTRA_SURNAMES = [
    ("安藤", "あんどう"),
    ("青木", "あおき"),
    ("浅野", "あさの"),
    ("江藤", "えとう"),
    ("太田", "おおた"),
    ("加藤", "かとう"),
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("高橋", "たかはし"),
    ("野村", "のむら"),
    ("橋本", "はしもと"),
    ("福田", "ふくだ"),
    ("堀", "ほり"),
    ("前田", "まえだ"),
    ("森", "もり"),
    ("矢野", "やの"),
    ("和田", "わだ"),
    ("坂本", "さかもと"),
    ("長尾", "ながお"),
    ("久保", "くぼ"),
]


def generate(
    path: Path,
    members: int = 20_000,
    households: int = 8_000,
    associations: int = 20,
    seed: int = 1,
    full: bool = False,
    timings: dict[str, float] | None = None,
) -> Path:
    rng = random.Random(seed)
    today = date.today()
    fy = fiscal_year_of(today)
    surnames = SURNAMES + EXTRA_SURNAMES
    if path.exists():
        path.unlink()
    per_assoc = members // associations
    with open_database(path, create=True) as db:
        with db.session() as session:
            drafts = [
                AssociationDraft(
                    name=f"第{n:02d}自治会",
                    reading=f"だい{n}じちかい",
                    figures={fy: FiguresDraft(households // associations, per_assoc, per_assoc * 2 // 5)},
                )
                for n in range(1, associations + 1)
            ]
            council = create_council(session, CouncilDraft(name="ベンチマーク地区まちづくり協議会"), drafts)
            assoc_ids = [a.id for a in council.associations]
        with db.engine.begin() as conn:
            block_rows = [
                {"association_id": a, "name": f"{b}班", "sort_order": b}
                for a in assoc_ids
                for b in range(1, 9)
            ]
            conn.execute(insert(Block), block_rows)
            blocks = {}
            for block_id, association_id in conn.execute(select(Block.id, Block.association_id)):
                blocks.setdefault(association_id, []).append(block_id)
            house_rows = []
            for h in range(households):
                a = assoc_ids[h % len(assoc_ids)]
                house_rows.append({
                    "association_id": a, "block_id": rng.choice(blocks[a]), "postal_code": "759-0000",
                    "address": f"山口県長門市（架空）{h + 1}番地", "phone": f"0837-{h // 10000:02d}-{h % 10000:04d}",
                    "notes": "",
                })  # fmt: skip
            conn.execute(insert(Household), house_rows)
            house_ids = [r[0] for r in conn.execute(select(Household.id).order_by(Household.id))]
            member_rows = []
            for m in range(members):
                h = m % households
                surname, s_read = surnames[(h * 7) % len(surnames)]
                female = rng.random() < 0.52
                given, g_read = rng.choice(WOMEN if female else MEN)
                name, reading = f"{surname} {given}", f"{s_read} {g_read}"
                phone = house_rows[h]["phone"]
                member_rows.append({
                    "name": name, "reading": reading, "reading_key": reading_key_of(reading),
                    "search_text": search_text_of(name, reading, phone, ""), "gender": "F" if female else "M",
                    "birth_date": today - timedelta(days=rng.randrange(365 * 3, 365 * 95)),
                    "postal_code": "759-0000", "address": house_rows[h]["address"], "phone": phone,
                    "mobile": "", "email": "", "household_id": house_ids[h],
                    "association_id": house_rows[h]["association_id"], "block_id": house_rows[h]["block_id"],
                    "status": "active" if rng.random() < 0.97 else rng.choice(["withdrawn", "moved", "deceased"]),
                    "notes": "", "anonymised": False,
                })  # fmt: skip
            conn.execute(insert(Member), member_rows)
            # Each household's head: its first member.
            heads = dict(
                conn.execute(select(Member.household_id, Member.id).order_by(Member.id.desc())).all()
            )
            for household_id, member_id in heads.items():
                conn.execute(
                    update(Household).where(Household.id == household_id).values(head_member_id=member_id)
                )
        if full:
            add_records(db, today, rng, timings if timings is not None else {})
    return path


def add_records(db, today: date, rng: random.Random, timings: dict[str, float]) -> None:
    """Everything but the roster (``generate_records``), each part timed into ``timings``."""
    import generate_records as gr

    current = fiscal_year_of(today)
    first = current - 9
    with db.session() as s:
        members = gr.active_member_ids(s)
    steps = [
        ("officers", lambda s: gr.add_officers(s, members, first, current, rng)),
        ("accounts", lambda s: timings.__setitem__("fund_id", gr.add_accounts(s, first, current, 2_000, rng))),
        ("plan", lambda s: timings.__setitem__("actions", gr.add_plan(s, first, current, 200, rng))),
        ("meetings", lambda s: gr.add_meetings(s, members, timings["actions"], today, 600, rng)),
        ("activities", lambda s: gr.add_activities(s, timings["fund_id"], timings["actions"], first, current, 30, rng, today)),
    ]  # fmt: skip
    for name, step in steps:
        started = time.perf_counter()
        with db.session() as s:
            step(s)
        timings[name] = time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--households", type=int, default=8_000)
    parser.add_argument("--associations", type=int, default=20)
    parser.add_argument("--full", action="store_true", help="also accounts, plan, meetings, activities")
    args = parser.parse_args()
    started = time.perf_counter()
    timings: dict[str, float] = {}
    generate(args.out, args.members, args.households, args.associations, full=args.full, timings=timings)
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items() if isinstance(v, float))
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s ({parts})", file=sys.stderr)


if __name__ == "__main__":
    main()
