"""The demo council's people: 761 fictional residents in 374 households over the five 自治会, exactly
matching the 自治会 figures of the current fiscal year (population, households, aged 65+), with
officers and their past terms, committees, organisations, consent, and a few who left.

Names are common Japanese surnames and given names combined at random (seeded, so every demo is the
same); addresses and phone numbers are fictional (〒759-0000, 0837-00-xxxx).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_of, fiscal_year_start
from nagato_desk.services import blocks, committees, households, members, officers, organisations
from nagato_desk.services.associations import figures_table, list_associations
from nagato_desk.services.council import draft_of, require_council, update_council
from nagato_desk.services.households import HouseholdDraft
from nagato_desk.services.members import MemberDraft
from nagato_desk.services.officers import TermDraft
from nagato_desk.services.organisations import OrganisationDraft

SURNAMES = [
    ("山田", "やまだ"),
    ("田中", "たなか"),
    ("中村", "なかむら"),
    ("藤井", "ふじい"),
    ("河村", "かわむら"),
    ("松本", "まつもと"),
    ("岡田", "おかだ"),
    ("西村", "にしむら"),
    ("原田", "はらだ"),
    ("吉村", "よしむら"),
    ("村田", "むらた"),
    ("末永", "すえなが"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("林", "はやし"),
    ("大谷", "おおたに"),
    ("藤村", "ふじむら"),
    ("宮本", "みやもと"),
    ("上田", "うえだ"),
    ("石川", "いしかわ"),
    ("小林", "こばやし"),
    ("木村", "きむら"),
    ("清水", "しみず"),
    ("重村", "しげむら"),
    ("波多野", "はたの"),
]
WOMEN = [
    ("花子", "はなこ"),
    ("幸子", "さちこ"),
    ("和子", "かずこ"),
    ("恵子", "けいこ"),
    ("洋子", "ようこ"),
    ("美智子", "みちこ"),
    ("京子", "きょうこ"),
    ("由美", "ゆみ"),
    ("真由美", "まゆみ"),
    ("陽菜", "ひな"),
    ("さくら", "さくら"),
    ("美咲", "みさき"),
    ("千尋", "ちひろ"),
    ("明美", "あけみ"),
    ("久美子", "くみこ"),
]
MEN = [
    ("太郎", "たろう"),
    ("一郎", "いちろう"),
    ("茂", "しげる"),
    ("博", "ひろし"),
    ("勝", "まさる"),
    ("正夫", "まさお"),
    ("健一", "けんいち"),
    ("誠", "まこと"),
    ("浩二", "こうじ"),
    ("大輔", "だいすけ"),
    ("翔太", "しょうた"),
    ("蓮", "れん"),
    ("拓也", "たくや"),
    ("隆", "たかし"),
    ("清", "きよし"),
]
BLOCK_NAMES = ("1班", "2班", "3班", "4班")
COMMITTEES = ("総務部会", "福祉部会", "環境部会", "防災・安全部会", "地域振興部会", "子ども・教育部会")
ORGANISATIONS = [
    OrganisationDraft(
        "宇津賀地区老人クラブ連合会（デモ）",
        "うつがちくろうじんくらぶ",
        "老人クラブ",
        True,
        "田中 茂",
        "会長",
    ),
    OrganisationDraft("宇津賀婦人会（デモ）", "うつがふじんかい", "婦人会", True, "中村 和子", "会長"),
    OrganisationDraft(
        "宇津賀小学校PTA（デモ）", "うつがしょうがっこうぴーてぃーえー", "PTA", True, "松本 誠", "会長"
    ),
    OrganisationDraft("宇津賀子ども会（デモ）", "うつがこどもかい", "子ども会", True, "岡田 由美", "世話人"),
    OrganisationDraft(
        "消防団 宇津賀分団（デモ）", "しょうぼうだんうつがぶんだん", "消防団", True, "西村 大輔", "分団長"
    ),
    OrganisationDraft(
        "宇津賀地区社会福祉協議会（デモ）",
        "うつがちくしゃかいふくしきょうぎかい",
        "地区社会福祉協議会",
        True,
        "原田 恵子",
        "会長",
    ),
    OrganisationDraft(
        "山口県立大学 地域連携（デモ）",
        "やまぐちけんりつだいがく",
        "大学",
        False,
        "吉村 准教授",
        "担当教員",
        notes="竹炭づくりのコミュニティビジネスで連携",
    ),
    OrganisationDraft(
        "油谷の竹炭工房（デモ）", "ゆやのたけすみこうぼう", "企業・事業所", False, "村田 勝", "代表"
    ),
]


def _birth(rng: random.Random, today: date, age: int) -> date:
    """A birth date that makes the person exactly ``age`` on ``today``."""
    latest = date(today.year - age, today.month, min(today.day, 28))
    return latest - timedelta(days=rng.randrange(0, 364))


def _people(rng: random.Random, size: int, aged: int) -> list[int]:
    """Ages for one 自治会: exactly ``aged`` people 65 or older."""
    old = [
        rng.choice([66, 68, 70, 72, 74, 76, 78, 81, 84, 88, 92]) + rng.randrange(0, 2) for _ in range(aged)
    ]
    young = [
        rng.choice([3, 7, 11, 15, 19, 24, 29, 34, 38, 42, 47, 51, 55, 58, 61, 63]) for _ in range(size - aged)
    ]
    ages = old + young
    rng.shuffle(ages)
    return ages


def _households(rng: random.Random, ages: list[int], count: int) -> list[list[int]]:
    """Split the ages into exactly ``count`` households, each headed by an adult (oldest first)."""
    adults = [a for a in ages if a >= 20]
    others = [a for a in ages if a < 20] + adults[count:]
    groups = [[head] for head in adults[:count]]
    for age in others:
        groups[rng.randrange(count)].append(age)
    return [sorted(g, reverse=True) for g in groups]


def demo_members(session: Session, today: date) -> None:
    rng = random.Random(20170401)
    fy = fiscal_year_of(today)
    start = fiscal_year_start(fy)
    figures = {row.name: row for row in figures_table(session, fy).rows}
    serial = 0
    everyone: list[tuple[int, int, str, int]] = []  # (member id, age, gender, 自治会 id)
    for assoc in list_associations(session):
        fig = figures[assoc.name]
        assoc_blocks = [blocks.add_block(session, assoc.id, name) for name in BLOCK_NAMES]
        groups = _households(rng, _people(rng, fig.population, fig.aged_65_plus), fig.households)
        for number, group in enumerate(groups, start=1):
            surname, surname_reading = rng.choice(SURNAMES)
            block = assoc_blocks[number % len(assoc_blocks)]
            serial += 1
            address = f"山口県長門市油谷（架空）{assoc.name.removesuffix('自治会')}{number}番地"
            phone = f"0837-00-{serial:04d}"
            household = households.add_household(
                session,
                HouseholdDraft(
                    association_id=assoc.id,
                    block_id=block.id,
                    postal_code="759-0000",
                    address=address,
                    phone=phone,
                ),
            )
            for position, age in enumerate(group):
                gender = "F" if (position + number) % 2 else "M"
                given, given_reading = rng.choice(WOMEN if gender == "F" else MEN)
                member = members.add_member(
                    session,
                    MemberDraft(
                        name=f"{surname} {given}",
                        reading=f"{surname_reading} {given_reading}",
                        gender=gender,
                        birth_date=_birth(rng, today, age),
                        postal_code="759-0000",
                        address=address,
                        phone=phone,
                        association_id=assoc.id,
                        block_id=block.id,
                        household_id=household.id,
                        joined_on=fiscal_year_start(fy - 9) if age >= 9 else None,
                    ),
                )
                if position == 0:
                    households.set_head(session, household.id, member.id)
                if age >= 18 and rng.random() < 0.9:
                    members.add_consent(
                        session,
                        member.id,
                        "会員名簿の作成・管理",
                        start - timedelta(days=rng.randrange(0, 60)),
                    )
                everyone.append((member.id, age, gender, assoc.id))
    adults = [m for m in everyone if m[1] >= 20]
    rng.shuffle(adults)
    _officers(session, adults, today)
    _committees(session, adults, today)
    for draft in ORGANISATIONS:
        organisations.add_organisation(session, draft)
    # The council's representative is its current 会長.
    chair = next(row for row in officers.officers_as_of(session, today) if row.role == "会長")
    council = require_council(session)
    update_council(session, replace(draft_of(council), representative=chair.name))
    # A few who left during this fiscal year (after 1 April, so the 自治会 figures as of 1 April still
    # hold), with the date, so the history and the filters show something.
    statuses = ("withdrawn", "moved", "deceased", "withdrawn", "moved", "deceased")[: leavers_on(today)]
    days_so_far = (today - start).days
    for (member_id, *_rest), status in zip(adults[len(adults) - len(statuses) :], statuses, strict=True):
        members.record_leaving(
            session, member_id, status, start + timedelta(days=rng.randrange(1, days_so_far + 1))
        )


def leavers_on(today: date) -> int:
    """How many demo residents have left by ``today``: six, except on 1 April itself, when no day of
    the new fiscal year has passed yet for anyone to leave on (so the figures as of 1 April hold)."""
    return 0 if today == fiscal_year_start(fiscal_year_of(today)) else 6


def _officers(session: Session, adults: list[tuple[int, int, str, int]], today: date) -> None:
    """Two terms of officers: the previous one (ended) and the current one, elected at the 総会 in May."""
    roles = {r.name: r for r in officers.list_roles(session)}
    fy = fiscal_year_of(today)
    current_start = date(fy - 1 if today < date(fy, 5, 20) else fy, 5, 20)
    previous_start = date(current_start.year - 2, 5, 20)
    plan = ["会長", "副会長", "副会長", "事務局長", "会計", "監事", "監事", "顧問"] + ["役員"] * 5
    chairs = iter(adults[:60])
    for term_start, term_end in ((previous_start, current_start - timedelta(days=1)), (current_start, None)):
        for role_name in plan:
            member_id, _age, _gender, association_id = next(chairs)
            # 選出母体: 役員 and 副会長 are put forward by their 自治会, the others chosen at the 総会.
            from_association = role_name in ("役員", "副会長")
            officers.add_term(
                session,
                TermDraft(
                    member_id=member_id,
                    role_id=roles[role_name].id,
                    starts_on=term_start,
                    ends_on=term_end,
                    chosen_by_association_id=association_id if from_association else None,
                    chosen_by_text="" if from_association else "総会",
                ),
            )


def _committees(session: Session, adults: list[tuple[int, int, str, int]], today: date) -> None:
    roles = {r.name: r for r in officers.list_roles(session)}
    pool = iter(adults[60:])
    fy = fiscal_year_of(today)
    for name in COMMITTEES:
        committee = committees.add_committee(session, name)
        for position in range(8):
            member_id, _age, _gender, _association = next(pool)
            committees.join_committee(
                session, committee.id, member_id, joined_on=fiscal_year_start(fy - 1), is_head=position == 0
            )
            if position == 0:
                officers.add_term(
                    session,
                    TermDraft(
                        member_id=member_id,
                        role_id=roles["部会長"].id,
                        starts_on=fiscal_year_start(fy - 1),
                        committee_id=committee.id,
                    ),
                )
