"""開催通知: a letter announcing a meeting (date, place, agenda) with a reply slip (出欠回答票) to cut off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.reports.meeting_parts import ADDRESSEES, MeetingFacts, meeting_facts, meeting_of, seal_line
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.services.meetings import get_meeting


@dataclass(frozen=True)
class Notice:
    facts: MeetingFacts
    issued: date
    addressee: str  # 会員各位 / 役員各位 …
    general: bool  # a 総会: proxies and written votes are explained


def build_notice(
    session: Session, meeting_id: int, issued: date | None = None, date_style: str = "wareki"
) -> Notice:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    facts = meeting_facts(session, m, date_style)
    return Notice(
        facts,
        issued or date.today(),
        ADDRESSEES.get(m.eligibility, "各位"),
        m.kind in ("general", "extraordinary"),
    )


def write_notice_pdf(n: Notice, out_path: Path, date_style: str = "wareki") -> PdfResult:
    f = n.facts
    subject = f"{f.title}の開催について（通知）"
    ctx = PdfContext(PageSpec(f.council_name, "開催通知", n.issued, date_style))
    sender = f"{f.council_name}\n会長　{f.representative}" if f.representative else f.council_name
    story: list = [
        ctx.para(format_date(n.issued, date_style), "body_right"),
        ctx.para(n.addressee),
        ctx.para(sender, "body_right"),
        ctx.spacer(6),
        ctx.para(subject, "title"),
        ctx.para("日頃より当協議会の活動にご協力いただき、ありがとうございます。"
                 "標記について、下記のとおり開催しますので、ご出席くださいますようご案内します。"),
    ]  # fmt: skip
    if n.general:
        story.append(
            ctx.para("なお、ご欠席の場合は、同封の委任状または書面表決書を開催日の前日までに"
                     "自治会長または事務局へご提出ください。")
        )  # fmt: skip
    story += [ctx.spacer(4), ctx.para("記", "cell_center"), ctx.spacer(4)]
    agenda = [f"{label}　{title}" for label, title in f.reports + f.items] or ["（議題は当日お知らせします）"]
    pairs = [
        ("1　日時", f.when_start.removesuffix("から")),
        ("2　場所", f.place),
        ("3　議題", "\n".join(agenda)),
    ]
    story += [ctx.key_value_table(pairs, 0.18), ctx.para("以上", "body_right")]
    story += [
        ctx.spacer(8),
        ctx.para("- - - - - - - - - - - - - - - - 切り取り線 - - - - - - - - - - - - - - - -", "cell_center"),
        ctx.spacer(4),
        ctx.para("出欠回答票", "heading"),
        ctx.para(f"{f.title}（{f.when_start.removesuffix('から')}）に"),
        ctx.para("出席します　・　欠席します（委任状・書面表決書を提出します）", "cell_center"),
        ctx.para("（どちらかに○をつけてください）", "small"),
        seal_line(ctx, "自治会名", seal=False),
        seal_line(ctx, "氏名"),
    ]
    return ctx.build(Path(out_path), story, title_block=False)


def export_notice(session: Session, request) -> list[str]:
    m = meeting_of(session, request)
    notice = build_notice(session, m.id, issued=request.today, date_style=request.date_style)
    return write_notice_pdf(notice, request.out, request.date_style).warnings
