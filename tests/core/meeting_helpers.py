"""Shared by the meeting tests: a small council with named people, and a meeting of them."""

from __future__ import annotations

from datetime import date

import pytest

from nagato_desk.services import members as ms
from nagato_desk.services.associations import AssociationDraft
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.meetings import MeetingDraft, add_meeting
from nagato_desk.services.members import MemberDraft

HELD_ON = date(2026, 5, 17)
#: ten people in 50音 order of reading (あ か さ た な は ま や ら わ)
PEOPLE = [
    ("青木 一郎", "あおき いちろう"),
    ("加藤 花子", "かとう はなこ"),
    ("佐藤 次郎", "さとう じろう"),
    ("田中 三郎", "たなか さぶろう"),
    ("中村 恵子", "なかむら けいこ"),
    ("林 四郎", "はやし しろう"),
    ("松本 五郎", "まつもと ごろう"),
    ("山田 太郎", "やまだ たろう"),
    ("吉村 和子", "よしむら かずこ"),
    ("渡辺 六郎", "わたなべ ろくろう"),
]


def council_of_ten(session) -> dict[str, int]:
    """A council with the ten people of :data:`PEOPLE` (joined 2020): {family name: member id}."""
    council = create_council(session, CouncilDraft(name="試験協議会"), [AssociationDraft("東区自治会")])
    assoc = council.associations[0].id
    ids = {}
    for name, reading in PEOPLE:
        m = ms.add_member(
            session, MemberDraft(name=name, reading=reading, association_id=assoc, joined_on=date(2020, 4, 1))
        )
        ids[name.split()[0]] = m.id
    return ids


def general_meeting(session, ids: dict[str, int], **kw):
    """A 定期総会 of all members on :data:`HELD_ON`, chaired by 山田."""
    draft = MeetingDraft(
        kind="general",
        held_on=HELD_ON,
        place="地区公民館 大会議室",
        chair_member_id=ids["山田"],
        signer_ids=[ids["青木"], ids["加藤"]],
        **kw,
    )
    return add_meeting(session, draft)


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()
