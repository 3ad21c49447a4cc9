"""議事録 in the usual Japanese layout: 日時, 場所, 会員現在数, 出席者数 with its 内訳 (本人・委任状・書面表決),
成立の確認, 議長・記録者・署名人, each 議案 with its discussion and result, 報告事項, the actions agreed,
閉会時刻, and signature lines for the 議長 and each 署名人 with 印 boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.reports.meeting_parts import MeetingFacts, meeting_facts, meeting_of, seal_line
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.services.attendance import attendance_rows
from nagato_desk.services.elections import elected_rows
from nagato_desk.services.meeting_actions import meeting_actions
from nagato_desk.services.meetings import get_meeting, japanese_time, meeting_quorum
from nagato_desk.services.quorum import rule_text
from nagato_desk.services.votes import item_label, meeting_agenda, vote_text


@dataclass(frozen=True)
class MinutesItem:
    label: str  # 第1号議案 / 報告1
    title: str
    proposal: str
    discussion: str
    result: str  # 「賛成 12 名、反対 3 名、棄権 1 名（過半数）により可決」; "" for 報告事項
    elected: list[str] = field(default_factory=list)  # 「会長　山田 太郎」 for an election


@dataclass(frozen=True)
class MinutesReport:
    facts: MeetingFacts
    issued: date
    members_count: int  # 会員現在数 (those eligible on the day)
    attending: int  # 出席者数 (本人 + usable 委任状 + 書面表決, as the rule counts them)
    present: int
    proxies: int
    written: int
    void_proxies: int
    quorum_met: bool | None
    quorum_sentence: str  # 成立の確認
    chair: str
    recorder: str
    signers: list[str]
    guests: list[str]
    reports: list[MinutesItem]
    items: list[MinutesItem]
    actions: list[str]
    closed_at: str  # 「午後3時10分」
    notes: str
    attendee_names: list[str] = field(default_factory=list)  # 本人出席 in 50音 order (small meetings)


#: up to this many eligible people the minutes name those present; a 総会 refers to the 出席簿
NAMES_UP_TO = 40


def _quorum_sentence(st, rule) -> str:
    if st.met is None:
        return "この会議に定足数の定めはない。"
    if st.met:
        return (
            f"議長は、出席者数 {st.counted} 名が{rule_text(rule)}（{st.required} 名以上）に達しており、"
            "規約の定めにより本会が成立していることを確認した。"
        )
    return (
        f"出席者数 {st.counted} 名は{rule_text(rule)}（{st.required} 名以上）に達しておらず、"
        "本会は成立していない。"
    )


def build_minutes(
    session: Session, meeting_id: int, issued: date | None = None, date_style: str = "wareki"
) -> MinutesReport:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    st = meeting_quorum(session, m.id)
    t = st.tally
    agenda = meeting_agenda(session, m.id)

    def item(i) -> MinutesItem:
        elected = [
            f"{r.role}（{r.committee}）　{r.name}" if r.committee else f"{r.role}　{r.name}"
            for r in elected_rows(session, i.id)
        ]
        return MinutesItem(item_label(i), i.title, i.proposal, i.discussion, vote_text(i), elected)

    actions = []
    for a in meeting_actions(session, m.id):
        due = f"（期限：{format_date(a.due_on, date_style)}）" if a.due_on else ""
        actions.append(f"{a.what}　担当：{a.who or '未定'}{due}")
    names = (
        [r.name for r in attendance_rows(session, m.id) if r.status == "present"]
        if t.eligible <= NAMES_UP_TO
        else []
    )
    return MinutesReport(
        attendee_names=names,
        facts=meeting_facts(session, m, date_style),
        issued=issued or m.held_on,
        members_count=t.eligible,
        attending=st.counted,
        present=t.present,
        proxies=t.proxies,
        written=t.written,
        void_proxies=t.void_proxies,
        quorum_met=st.met,
        quorum_sentence=_quorum_sentence(st, st.rule),
        chair=m.chair.name if m.chair else "",
        recorder=m.recorder.name if m.recorder else m.recorder_name,
        signers=[s.member.name for s in m.signers],
        guests=[f"{g.name}（{g.affiliation}）" if g.affiliation else g.name for g in m.guests],
        reports=[item(i) for i in agenda if i.section == "report"],
        items=[item(i) for i in agenda if i.section == "deliberation"],
        actions=actions,
        closed_at=japanese_time(m.ends_at),
        notes=m.notes,
    )


def attendance_text(r: MinutesReport) -> str:
    """「57 名（内訳：本人出席 50 名、委任状 6 名、書面表決 1 名）」."""
    text = (
        f"{r.attending} 名（内訳：本人出席 {r.present} 名、委任状 {r.proxies} 名、書面表決 {r.written} 名）"
    )
    if r.void_proxies:
        text += f"\n※委任先が欠席のため無効とした委任状 {r.void_proxies} 名は含まない"
    return text


def write_minutes_pdf(r: MinutesReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    f = r.facts
    title = f"{f.title} 議事録"
    ctx = PdfContext(PageSpec(f.council_name, title, r.issued, date_style))
    pairs = [
        ("日時", f.when),
        ("場所", f.place),
        ("会員現在数", f"{r.members_count} 名"),
        ("出席者数", attendance_text(r)),
        ("出席者", "、".join(r.attendee_names) if r.attendee_names else "別紙出席簿のとおり"),
    ]
    if r.guests:
        pairs.append(("来賓・オブザーバー", "、".join(r.guests)))
    pairs += [
        ("議長", r.chair),
        ("記録者", r.recorder),
        ("議事録署名人", "、".join(r.signers)),
    ]
    story: list = [ctx.key_value_table(pairs, 0.22), ctx.spacer(6)]
    story += [ctx.heading("成立の確認"), ctx.para(r.quorum_sentence)]
    if r.reports:
        story.append(ctx.heading("報告事項"))
        for it in r.reports:
            story.append(ctx.para(f"{it.label}　{it.title}", "cell_bold"))
            if it.proposal:
                story.append(ctx.para(it.proposal))
            if it.discussion:
                story.append(ctx.para(f"質疑応答：\n{it.discussion}"))
    if r.items:
        story.append(ctx.heading("審議事項"))
        for it in r.items:
            story.append(ctx.para(f"{it.label}　{it.title}", "cell_bold"))
            story.append(
                ctx.para(f"提案の内容：{it.proposal}" if it.proposal else "提案の内容：議案書のとおり")
            )
            story.append(ctx.para(f"質疑応答：\n{it.discussion}" if it.discussion else "質疑応答：なし"))
            if it.elected:
                story.append(ctx.para("選任された役員：\n" + "\n".join(it.elected)))
            story.append(ctx.para(f"結果：{it.result}"))
            story.append(ctx.spacer(4))
    if r.actions:
        story.append(ctx.heading("決定した取組"))
        story += [ctx.para(f"・{a}") for a in r.actions]
    closing = f"{r.closed_at}、議長は閉会を宣言した。" if r.closed_at else "議長は閉会を宣言した。"
    story += [ctx.heading("閉会"), ctx.para(closing)]
    if r.notes:
        story.append(ctx.para(f"備考：{r.notes}", "small"))
    story += [
        ctx.spacer(8),
        ctx.para("以上の議事の経過及びその結果を明らかにするため、議長及び議事録署名人が署名押印する。"),
        ctx.para(f"{format_date(f.held_on, date_style)}", "body_right"),
        ctx.spacer(4),
        seal_line(ctx, "議長", r.chair),
    ]
    signers = r.signers or ["", ""]
    story += [seal_line(ctx, "議事録署名人", name) for name in signers]
    return ctx.build(Path(out_path), story)


def export_minutes(session: Session, request) -> list[str]:
    """``nagato-desk export minutes --meeting N|last`` (the latest 総会 without ``--meeting``)."""
    m = meeting_of(session, request)
    report = build_minutes(session, m.id, issued=request.today, date_style=request.date_style)
    return write_minutes_pdf(report, request.out, request.date_style).warnings
