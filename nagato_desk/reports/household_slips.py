"""名簿確認票 (household slips): once a year every household gets a slip showing everything the
council holds about its members, corrects it and signs it. One slip per A4 page, or two per page
with a cut line between them. Every page is 取扱注意.

Members in the trash and members who are no longer active are left out; an active member without a
household gets a slip of their own. The 自治会 and 班 are the household's (else the member's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.errors import problem
from nagato_desk.models import Household, Member
from nagato_desk.reading import sort_key_text
from nagato_desk.reports.pdf_base import GOTHIC, GRID_COLOUR, LABEL_FILL, PageSpec, PdfContext, PdfResult
from nagato_desk.reports.roster import (
    association_order,
    birth_value,
    format_year,
    gender_label,
    group_key,
    join_phones,
    postal_address,
)
from nagato_desk.services.council import require_council

TITLE = "名簿確認票"
PURPOSE = (
    "協議会では、会員の皆さまへの連絡、会議や行事のご案内、会費の管理のために、下記の情報をお預かりして"
    "います。この目的以外には使わず、法令に基づく場合を除き、ご本人の同意なく第三者に提供することは"
    "ありません。内容をご確認のうえ、誤りや変更があれば訂正欄にご記入いただき、署名してお戻しください。"
)
MEMBER_HEADERS = ["氏名", "ふりがな", "性別", "生年月日", "電話", "メール"]
CORRECTION_LABEL = "訂正・変更（誤りや変更があればご記入ください）"
# the brief's wording, with room for a handwritten name (＿ × 10, about 37 mm)
SIGNATURE = "上記の内容を確認しました\u3000\u3000年\u3000\u3000月\u3000\u3000日\u3000氏名＿＿＿＿＿＿＿＿＿＿"
CUT_LINE = "切り取り線"
NO_HOUSEHOLD = "世帯未登録"
NO_SLIPS_TEXT = "確認票を作る会員がいません。"


@dataclass(frozen=True)
class SlipMember:
    name: str
    reading: str
    gender: str  # 女, 男, その他 or ""
    birth: date | int | None  # an int when only the year is known
    phone: str
    email: str
    address: str  # the member's own address when it differs from the household's, else ""


@dataclass(frozen=True)
class HouseholdSlip:
    household_id: int | None  # None: a member without a household
    association: str  # 自治会未設定 when unknown
    block: str
    head_name: str
    address: str  # 〒 and address of the household
    phone: str  # the household's phone
    members: list[SlipMember]

    @property
    def association_block(self) -> str:
        return f"{self.association}\u3000{self.block}" if self.block else self.association


@dataclass(frozen=True)
class HouseholdSlips:
    council_name: str
    issued: date
    slips: list[HouseholdSlip]
    purpose: str = PURPOSE
    contains_personal: bool = field(default=True, init=False)


def build_household_slips(
    session: Session, association_id: int | None = None, issued: date | None = None
) -> HouseholdSlips:
    """One slip per household with at least one active member (the head first, then the others
    from the oldest), ordered by 自治会, 班 and the head's reading; optionally one 自治会 only."""
    council = require_council(session)
    assocs, blocks = association_order(session)
    if association_id is not None and association_id not in assocs:
        raise problem(
            f"自治会（番号 {association_id}）が見つかりません。", f"No association {association_id}."
        )
    members = session.execute(
        select(Member, Household)
        .outerjoin(Household, (Household.id == Member.household_id) & Household.deleted_at.is_(None))
        .where(Member.deleted_at.is_(None), Member.status == "active")
        .order_by(Member.household_id, Member.id)
    ).all()
    by_household: dict[object, tuple[Household | None, list[Member]]] = {}
    for member, household in members:
        key = household.id if household is not None else ("member", member.id)
        by_household.setdefault(key, (household, []))[1].append(member)

    slips: list[tuple[tuple, HouseholdSlip]] = []
    for household, people in by_household.values():
        head = _head(household, people)
        people.sort(key=lambda m: (m is not head, _birth_order(m), _reading(m), m.id))
        if household is not None:
            assoc_id = household.association_id or head.association_id
            block_id = household.block_id or head.block_id
            address = postal_address(household.postal_code, household.address)
            phone = household.phone or ""
        else:
            assoc_id, block_id = head.association_id, head.block_id
            address = postal_address(head.postal_code, head.address)
            phone = ""
        if association_id is not None and assoc_id != association_id:
            continue
        group, assoc_name, block_name = group_key(assoc_id, block_id, assocs, blocks)
        if not address:  # no household address: the head's own
            address = postal_address(head.postal_code, head.address)
        slip = HouseholdSlip(
            household_id=household.id if household is not None else None,
            association=assoc_name,
            block=block_name,
            head_name=head.name if household is not None else f"{head.name}（{NO_HOUSEHOLD}）",
            address=address,
            phone=phone,
            members=[_slip_member(m, address) for m in people],
        )
        slips.append(((group, _reading(head), head.id), slip))
    slips.sort(key=lambda s: s[0])
    return HouseholdSlips(council.name, issued or date.today(), [s for _, s in slips])


def _head(household: Household | None, people: list[Member]) -> Member:
    if household is not None:
        for m in people:
            if m.id == household.head_member_id:
                return m
    # no head recorded (or the head has left): the oldest member stands in
    return min(people, key=lambda m: (_birth_order(m), _reading(m), m.id))


def _birth_order(m: Member) -> tuple:
    if m.birth_date is not None:
        return (0, m.birth_date)
    if m.birth_year is not None:
        return (0, date(m.birth_year, 12, 31))
    return (1, date.max)


def _reading(m: Member) -> str:
    return m.reading_key or sort_key_text(m.reading)


def _slip_member(m: Member, household_address: str) -> SlipMember:
    own = postal_address(m.postal_code, m.address)
    return SlipMember(
        name=m.name,
        reading=m.reading,
        gender=gender_label(m.gender),
        birth=birth_value(m.birth_date, m.birth_year),
        phone=join_phones(m.phone, m.mobile),
        email=m.email,
        address=own if own and own != household_address else "",
    )


# -- the PDF --------------------------------------------------------------------------------


def _birth_text(birth: date | int | None, date_style: str) -> str:
    if birth is None:
        return ""
    if isinstance(birth, int):
        return format_year(birth, date_style)
    return format_date(birth, date_style)


def write_household_slips_pdf(
    slips: HouseholdSlips, out: Path, date_style: str = "wareki", per_page: int = 1
) -> PdfResult:
    """Write the slips, ``per_page`` (1 or 2) to an A4 page; returns the ``PdfResult``.

    Each slip keeps to its half (or whole) page: a household too large for it is printed smaller.
    """
    if per_page not in (1, 2):
        raise problem("1ページに印刷する枚数は1か2にしてください。", "per_page must be 1 or 2.")
    ctx = PdfContext(PageSpec(slips.council_name, TITLE, slips.issued, date_style, confidential=True))
    cut_gap = 14 * mm
    slot_h = ctx.frame_height - 1 if per_page == 1 else (ctx.frame_height - cut_gap) / 2 - 1
    issued_text = format_date(slips.issued, date_style)

    def slip_flowables(slip: HouseholdSlip) -> list:
        pairs = [
            ("自治会・班", slip.association_block),
            ("世帯主", f"{slip.head_name} 様"),
            ("住所", slip.address),
            ("電話（世帯）", slip.phone),
        ]
        pairs += [(f"住所（{m.name}）", m.address) for m in slip.members if m.address]
        rows = [MEMBER_HEADERS] + [
            [
                m.name,
                m.reading,
                m.gender,
                _birth_text(m.birth, date_style),
                m.phone.replace(" / ", "\n"),
                m.email,
            ]
            for m in slip.members
        ]
        correction = Table(
            [[ctx.para(CORRECTION_LABEL, "cell_bold")], [""], [""]],
            colWidths=[ctx.frame_width],
            rowHeights=[None, 8 * mm, 8 * mm],
            style=[
                ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),  # else reportlab sets (unembedded) Helvetica
                ("BOX", (0, 0), (-1, -1), 0.6, GRID_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, GRID_COLOUR, 1, (2, 2)),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ],
            hAlign="LEFT",
        )
        quarter = ctx.frame_width / 4
        title_row = Table(
            [["", ctx.para(TITLE, "title"), ctx.para(issued_text, "body_right")]],
            colWidths=[quarter, 2 * quarter, quarter],
            style=[("FONT", (0, 0), (-1, -1), GOTHIC, 9.5), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)],
        )  # fmt: skip
        return [
            title_row,
            ctx.para(slips.purpose, "small"),
            ctx.spacer(5),
            ctx.key_value_table(pairs, label_fraction=0.2),
            ctx.spacer(5),
            ctx.table(rows, [0.16, 0.18, 0.07, 0.21, 0.17, 0.21], plain_cells=True),
            ctx.spacer(6),
            correction,
            ctx.spacer(8),
            ctx.para(SIGNATURE, "body_right"),
        ]

    story: list = []
    for i, slip in enumerate(slips.slips):
        if i and i % per_page == 0:
            story.append(PageBreak())
        elif i:
            story.append(_CutLine(cut_gap))
        story.append(_Slot(KeepInFrame(ctx.frame_width, slot_h, slip_flowables(slip), mode="shrink"), slot_h))
    if not slips.slips:
        story.append(ctx.para(NO_SLIPS_TEXT))
    return ctx.build(Path(out), story, title_block=False)


class _Slot(Flowable):
    """A slip in a box of fixed height (so that the cut line is always in the middle of the page)."""

    def __init__(self, content, height: float):
        super().__init__()
        self.content, self.height = content, height

    def wrap(self, aw, ah):
        self.width = aw
        self._content_h = self.content.wrapOn(self.canv, aw, self.height)[1]
        return aw, self.height

    def draw(self):
        self.content.drawOn(self.canv, 0, self.height - self._content_h)


class _CutLine(Flowable):
    """A dashed line across the page with 「切り取り線」 in the middle."""

    def __init__(self, height: float):
        super().__init__()
        self.height = height

    def wrap(self, aw, ah):
        self.width = aw
        return aw, self.height

    def draw(self):
        c, y, size = self.canv, self.height / 2, 8
        label_w = c.stringWidth(CUT_LINE, GOTHIC, size) + 12
        c.saveState()
        c.setDash(4, 3)
        c.setLineWidth(0.6)
        c.line(0, y, (self.width - label_w) / 2, y)
        c.line((self.width + label_w) / 2, y, self.width, y)
        c.setFont(GOTHIC, size)
        c.drawCentredString(self.width / 2, y - size * 0.35, CUT_LINE)
        c.restoreState()


def export_household_slips(session: Session, request) -> list[str]:
    """``nagato-desk export household-slips`` (PDF only); ``request.per_page`` 1 (default) or 2."""
    if request.format != "pdf":
        raise problem("名簿確認票は PDF でのみ書き出せます。", "Household slips can only be written as PDF.")
    slips = build_household_slips(session, issued=request.today)
    per_page = int(getattr(request, "per_page", 1) or 1)
    return write_household_slips_pdf(slips, request.out, request.date_style, per_page).warnings
