"""委任状 and 書面表決書: blank forms pre-filled with the meeting and its 議案, for members who cannot
attend (sent with the 開催通知). One A4 page each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.reports.meeting_parts import MeetingFacts, meeting_facts, meeting_of, seal_line
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.services.meetings import get_meeting

ALL_ITEMS = "本会に付議される全ての議案"


@dataclass(frozen=True)
class MeetingForm:
    facts: MeetingFacts
    issued: date


def build_meeting_form(
    session: Session, meeting_id: int, issued: date | None = None, date_style: str = "wareki"
) -> MeetingForm:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    return MeetingForm(meeting_facts(session, m, date_style), issued or date.today())


def _addressee(f: MeetingFacts) -> str:
    head = f"会長　{f.representative}" if f.representative else "会長"
    return f"{f.council_name}\n{head}　様"


def _signature(ctx: PdfContext, date_style: str) -> list:
    blank_date = "令和　　年　　月　　日" if date_style == "wareki" else "　　　　年　　月　　日"
    return [
        ctx.spacer(10),
        ctx.para(blank_date, "body_right"),
        ctx.spacer(6),
        seal_line(ctx, "自治会名", seal=False),
        seal_line(ctx, "住所", seal=False),
        seal_line(ctx, "氏名"),
    ]


def write_proxy_form_pdf(form: MeetingForm, out_path: Path, date_style: str = "wareki") -> PdfResult:
    f = form.facts
    ctx = PdfContext(PageSpec(f.council_name, "委任状", form.issued, date_style))
    story: list = [ctx.para(_addressee(f)), ctx.spacer(10)]
    story.append(
        ctx.para(
            f"私は、{f.when_start}{f.place}において開催される{f.title}に出席できないため、"
            "下記の者を代理人と定め（記入がない場合は議長に一任し）、次の議案に関する議決権の行使を委任します。"
        )
    )
    story += [ctx.spacer(6), ctx.para("記", "cell_center"), ctx.spacer(4)]
    items = [f"{label}　{title}" for label, title in f.items] or [ALL_ITEMS]
    story += [ctx.para(line) for line in items]
    story += [
        ctx.spacer(8),
        seal_line(ctx, "代理人（受任者）氏名", seal=False),
        ctx.para("※議長に一任する場合は空欄のままご提出ください。", "small"),
    ]
    story += _signature(ctx, date_style)
    story.append(ctx.para(f"※{f.title}の前日までに、自治会長または事務局へご提出ください。", "small"))
    return ctx.build(Path(out_path), story)


def write_written_vote_pdf(form: MeetingForm, out_path: Path, date_style: str = "wareki") -> PdfResult:
    f = form.facts
    ctx = PdfContext(PageSpec(f.council_name, "書面表決書", form.issued, date_style))
    story: list = [ctx.para(_addressee(f)), ctx.spacer(10)]
    story.append(
        ctx.para(
            f"私は、{f.when_start}{f.place}において開催される{f.title}に出席できないため、"
            "次の議案について、書面により表決します。"
        )
    )
    story += [
        ctx.spacer(4),
        ctx.para("（賛成または反対のどちらかに○をつけてください）", "small"),
        ctx.spacer(4),
    ]
    rows = [["議案", "議題", "賛成", "反対"]]
    rows += [[label, title, "賛成", "反対"] for label, title in f.items] or [["", ALL_ITEMS, "賛成", "反対"]]
    story.append(ctx.table(rows, [0.17, 0.53, 0.15, 0.15], zebra=False))
    story += _signature(ctx, date_style)
    story.append(ctx.para(f"※{f.title}の前日までに、自治会長または事務局へご提出ください。", "small"))
    return ctx.build(Path(out_path), story)


def export_proxy_form(session: Session, request) -> list[str]:
    m = meeting_of(session, request)
    form = build_meeting_form(session, m.id, issued=request.today, date_style=request.date_style)
    return write_proxy_form_pdf(form, request.out, request.date_style).warnings


def export_written_vote(session: Session, request) -> list[str]:
    m = meeting_of(session, request)
    form = build_meeting_form(session, m.id, issued=request.today, date_style=request.date_style)
    return write_written_vote_pdf(form, request.out, request.date_style).warnings
