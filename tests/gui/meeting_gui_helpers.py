"""Set-up shared by the 会議 GUI tests: nine members in a known 50音 order and a meeting of them."""

from __future__ import annotations

from datetime import date, time

from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.meetings import MeetingDraft, add_meeting
from nagato_desk.services.members import MemberDraft, add_member

#: (name, reading) in 50音 order of the reading: the attendance list shows them in this order
PEOPLE = [
    ("相田 一郎", "あいだ いちろう"),
    ("石田 二郎", "いしだ じろう"),
    ("上田 三郎", "うえだ さぶろう"),
    ("江田 四郎", "えだ しろう"),
    ("小田 五郎", "おだ ごろう"),
    ("加田 六郎", "かだ ろくろう"),
    ("木田 七郎", "きだ しちろう"),
    ("工藤 八郎", "くどう はちろう"),
    ("毛田 九郎", "けだ くろう"),
]
HELD_ON = date(2026, 5, 20)


def nine_members(db) -> list[int]:
    with db.session() as session:
        create_council(session, CouncilDraft(name="試験地区まちづくり協議会"))  # with the usual roles
        return [add_member(session, MemberDraft(name=n, reading=r)).id for n, r in PEOPLE]


def general_meeting(db, ids: list[int], kind: str = "general") -> int:
    """A 定期総会 of the nine (all members may attend), 相田 in the chair."""
    with db.session() as session:
        draft = MeetingDraft(
            kind=kind,
            held_on=HELD_ON,
            starts_at=time(13, 30),
            place="公民館",
            chair_member_id=ids[0],
            signer_ids=[ids[1], ids[2]],
        )
        return add_meeting(session, draft).id


def make_page(qtbot, db):
    from nagato_desk.gui.pages.meetings import MeetingsPage
    from nagato_desk.settings import Settings

    page = MeetingsPage(db, Settings(), "ja")
    qtbot.addWidget(page)
    page.resize(1000, 700)
    return page
