"""The demo council's activities (事業): last fiscal year's events, all held, and this year's —
copied from last year's recurring ones as plans, those already past recorded as held — with one
small generated photo of a 竹炭 kiln day with the university."""

from __future__ import annotations

import struct
import tempfile
import zlib
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of
from nagato_desk.services import activities, activity_photos
from nagato_desk.services.committees import committee_by_name

# (month, day, days, title, field, committee, place, residents, volunteers, partners, partner bodies,
#  outcome, recurring)
_EVENTS = [
    (5, 25, 1, "地区一斉清掃（春）", "環境保全", "環境部会", "地区内の道路・海岸", 182, 24, 0, "",
     "5自治会から参加。海岸の漂着ごみ約40袋を回収した。参加者の高齢化で担い手の確保が課題。", True),
    (6, 14, 1, "竹炭窯出し（第1回）", "コミュニティビジネス", "地域振興部会", "宇津賀竹炭窯", 9, 6, 7,
     "山口県立大学", "竹炭約120kgを窯出し。学生7名が参加し、袋詰めと販売方法を一緒に検討した。", True),
    (7, 10, 1, "見守り訪問（夏）", "保健福祉", "福祉部会", "地区内の一人暮らし高齢者宅", 48, 14, 2,
     "民生委員・地区社会福祉協議会", "48世帯を訪問。熱中症予防のチラシを配布した。", True),
    (7, 27, 3, "夏休み子ども教室", "子どもの健全育成", "子ども・教育部会", "地区公民館", 26, 8, 2,
     "宇津賀小学校PTA", "3日間で延べ26人が参加。竹とんぼ作りと宿題の時間を設けた。", True),
    (8, 15, 1, "宇津賀ふるさと夏祭り", "まちづくり", "地域振興部会", "宇津賀小学校グラウンド", 410, 58, 15,
     "消防団・老人クラブ・婦人会", "帰省者を含め約410人が来場。出店の担い手不足が続いている。", True),
    (9, 6, 1, "地区防災訓練", "生活安全", "防災・安全部会", "地区公民館・各避難所", 152, 21, 9,
     "消防団・長門市防災危機管理課", "避難所開設と安否確認の手順を確認した。要支援者名簿の更新が課題。", True),
    (10, 10, 1, "見守り訪問（秋）", "保健福祉", "福祉部会", "地区内の一人暮らし高齢者宅", 47, 13, 2,
     "民生委員・地区社会福祉協議会", "47世帯を訪問。冬の灯油購入の困りごとを聞き取った。", True),
    (10, 19, 1, "竹炭窯出し（第2回）", "コミュニティビジネス", "地域振興部会", "宇津賀竹炭窯", 8, 5, 6,
     "山口県立大学", "竹炭約100kgを窯出し。道の駅での販売を始めた。", True),
    (11, 16, 1, "健康ウォーキング大会", "スポーツ", "福祉部会", "宇津賀地区周回コース", 64, 10, 3,
     "長門市健康増進課", "64人が完歩。参加者の7割が65歳以上。", True),
    (1, 11, 1, "どんど焼き", "まちづくり", "子ども・教育部会", "宇津賀海岸", 95, 12, 4, "子ども会・消防団",
     "子ども会と合同で実施。約95人が参加した。", True),
    (2, 8, 1, "竹炭窯出し（第3回）", "コミュニティビジネス", "地域振興部会", "宇津賀竹炭窯", 7, 5, 5,
     "山口県立大学", "竹炭約90kgを窯出し。大学と販売の記録をまとめた。", True),
    (3, 8, 1, "地域の夢プラン報告会", "生涯学習", "総務部会", "地区公民館", 41, 6, 3, "長門市市民協働推進室",
     "1年間の取組を報告し、意見を聞いた。若い世代の参加が少ない。", False),
]  # fmt: skip

# this fiscal year, events held already: (title, residents, volunteers, partners, outcome)
_HELD_THIS_YEAR = {
    "地区一斉清掃（春）": (176, 27, 0, "漂着ごみ約35袋を回収。若い世代の参加が昨年より増えた。"),
    "竹炭窯出し（第1回）": (10, 6, 8, "竹炭約130kgを窯出し。大学と新しい袋のデザインを決めた。"),
    "見守り訪問（夏）": (46, 15, 2, "46世帯を訪問。熱中症の相談2件を民生委員に引き継いだ。"),
    "夏休み子ども教室": (31, 9, 2, "3日間で延べ31人が参加した。"),
    "宇津賀ふるさと夏祭り": (436, 61, 18, "約436人が来場。高校生ボランティアが初参加した。"),
    "地区防災訓練": (160, 22, 11, "夜間の避難所開設を試した。"),
    "見守り訪問（秋）": (45, 14, 2, "45世帯を訪問した。"),
    "竹炭窯出し（第2回）": (9, 5, 7, "竹炭約110kgを窯出しした。"),
    "健康ウォーキング大会": (58, 11, 3, "雨天のため短縮コースで実施した。"),
}

# held once this year only: the shopping bus trial
_BUS_TRIAL = (
    "買い物バス試行運行",
    "地域公共交通",
    "総務部会",
    "地区内〜油谷のスーパー",
    34,
    4,
    2,
    "長門市企画政策課・地元交通事業者",
    "週2回・計8便を試行。延べ34人が利用し、定期運行の要望が多かった。",
)


def demo_picture() -> bytes:
    """The demo's photo (see ``activity_photos._builtin_picture``)."""
    return _png()


def _png(width: int = 96, height: int = 64) -> bytes:
    """A small picture of a kiln under the sky (an RGB PNG written by hand, always the same bytes)."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            if y > 46:  # ground
                pixel = (120, 96, 60)
            elif 28 <= x <= 62 and 22 <= y <= 46 and (x - 45) ** 2 / 289 + (y - 46) ** 2 / 576 <= 1:
                pixel = (70, 60, 56)  # the kiln's dome
            elif 52 <= x <= 56 and 8 <= y < 24:
                pixel = (90, 80, 76)  # chimney
            elif 50 <= x <= 60 and y < 8:
                pixel = (200, 200, 205)  # smoke
            else:
                pixel = (150 + y, 190 + y // 2, 235)
            row.extend(pixel)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)),
            chunk(b"IEND", b""),
        )
    )


def _on(fiscal_year: int, month: int, day: int) -> date:
    return date(fiscal_year if month >= 4 else fiscal_year + 1, month, day)


def demo_activities(session: Session, today: date) -> None:
    fy = fiscal_year_of(today)
    committees = {
        name: c.id
        for name in {e[5] for e in _EVENTS} | {_BUS_TRIAL[2]}
        if (c := committee_by_name(session, name)) is not None
    }
    kiln_day = None
    for month, day, days, title, field, committee, place, res, vol, par, partners, outcome, rec in _EVENTS:
        starts = _on(fy - 1, month, day)
        row = activities.add_activity(
            session,
            activities.ActivityDraft(
                starts_on=starts,
                ends_on=date.fromordinal(starts.toordinal() + days - 1) if days > 1 else None,
                title=title,
                field=field,
                committee_id=committees.get(committee),
                place=place,
                participants_residents=res,
                participants_volunteers=vol,
                participants_partners=par,
                partners=partners,
                outcome=outcome,
                status="done",
                recurring=rec,
            ),
        )
        if kiln_day is None and title.startswith("竹炭窯出し"):
            kiln_day = row.id
    if kiln_day is not None:
        with tempfile.TemporaryDirectory() as tmp:
            picture = Path(tmp) / "竹炭窯出し.png"
            picture.write_bytes(_png())
            activity_photos.add_photo(session, kiln_day, picture, "窯出しの様子（学生と一緒に）")
    # this year: last year's recurring events as plans; those already past were held
    for plan in activities.copy_recurring(session, fy):
        held = _HELD_THIS_YEAR.get(plan.title)
        if held is None or plan.starts_on > today:
            continue
        draft = activities.draft_of(plan)
        draft.participants_residents, draft.participants_volunteers, draft.participants_partners = held[:3]
        draft.outcome, draft.status = held[3], "done"
        activities.update_activity(session, plan.id, draft)
    title, field, committee, place, res, vol, par, partners, outcome = _BUS_TRIAL
    starts = _on(fy, 11, 4)
    held_bus = starts.replace(day=25) <= today
    activities.add_activity(
        session,
        activities.ActivityDraft(
            starts_on=starts,
            ends_on=starts.replace(day=25),
            title=title,
            field=field,
            committee_id=committees.get(committee),
            place=place,
            participants_residents=res if held_bus else 0,
            participants_volunteers=vol if held_bus else 0,
            participants_partners=par if held_bus else 0,
            partners=partners,
            content="地区内の集会所を回り、油谷のスーパーまで往復する。",
            outcome=outcome if held_bus else "",
            status="done" if held_bus else "planned",
        ),
    )
