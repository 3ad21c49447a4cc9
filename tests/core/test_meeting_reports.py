"""The meeting documents, read back: every required item of the minutes by extracting its text, the
出席簿 in 50音 order, the forms pre-filled with the 議案, the notice, and the resolutions register."""

from __future__ import annotations

import re
import subprocess
from datetime import date, time
from pathlib import Path

from meeting_helpers import PEOPLE, council_of_ten, general_meeting, session  # noqa: F401 - fixture
from openpyxl import load_workbook

from nagato_desk.reports.attendance_sheet import build_attendance_sheet, write_attendance_sheet_pdf
from nagato_desk.reports.meeting_forms import build_meeting_form, write_proxy_form_pdf, write_written_vote_pdf
from nagato_desk.reports.minutes import build_minutes, write_minutes_pdf
from nagato_desk.reports.notice import build_notice, write_notice_pdf
from nagato_desk.reports.resolutions import build_resolutions_report, write_resolutions_xlsx
from nagato_desk.services import attendance as att
from nagato_desk.services import meeting_actions, votes
from nagato_desk.services.meeting_actions import ActionDraft
from nagato_desk.services.votes import AgendaDraft

ISSUED = date(2026, 11, 29)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    """The text without the spaces and line breaks the layout adds."""
    return re.sub(r"\s+", "", text)


def _meeting(s):
    ids = council_of_ten(s)
    m = general_meeting(s, ids, starts_at=time(13, 30), ends_at=time(15, 5), recorder_name="事務局 佐々木")
    att.add_guest(s, m.id, "長門 一郎", "長門市 地域づくり支援員")
    for name in ("青木", "加藤", "佐藤", "山田", "林"):
        att.set_attendance(s, m.id, ids[name], "present")
    att.set_attendance(s, m.id, ids["中村"], "proxy", ids["山田"])  # usable: 山田 is present
    att.set_attendance(s, m.id, ids["田中"], "written")
    att.set_attendance(s, m.id, ids["松本"], "proxy", ids["渡辺"])  # void: 渡辺 is absent
    votes.add_agenda_item(
        s, m.id, AgendaDraft("令和7年度事業報告", section="report", proposal="敬老会などを実施した。")
    )
    votes.add_agenda_item(
        s,
        m.id,
        AgendaDraft(
            "令和8年度予算（案）", proposal="会費を財源とする。", discussion="質問：繰越金は。\n回答：5万円です。",
            vote_method="count", votes_for=5, votes_against=1, votes_abstain=1,
        ),
    )  # fmt: skip
    votes.add_agenda_item(
        s,
        m.id,
        AgendaDraft(
            "規約の一部改正",
            subject="rules",
            vote_method="count",
            votes_for=4,
            votes_against=2,
            votes_abstain=1,
        ),
    )
    meeting_actions.add_action(
        s, m.id, ActionDraft("防災マップを作る", who_text="防災部会", due_on=date(2026, 10, 31))
    )
    return ids, m


def test_minutes_hold_every_required_item(session, tmp_path):  # noqa: F811
    _ids, m = _meeting(session)
    report = build_minutes(session, m.id, issued=ISSUED)
    pdf = tmp_path / "minutes.pdf"
    result = write_minutes_pdf(report, pdf)
    assert result.warnings == []
    text = pdf_text(pdf)
    f = flat(text)
    assert "令和8年度定期総会議事録" in f
    # 日時: 2026-05-17 is a Sunday (1 Jan 2026 is a Thursday; 136 days later, 136 % 7 = 3 → Sunday)
    assert "日時令和8年5月17日（日）午後1時30分〜午後3時5分" in f
    assert "場所地区公民館大会議室" in f
    assert "会員現在数10名" in f
    # 出席者数: 5 present + 中村's proxy (to 山田, present) + 田中's written vote = 7; 松本's proxy to the
    # absent 渡辺 is void and not counted
    # (a value on two lines is printed beside its label's middle: check the label and the value)
    assert "出席者数" in f and "7名（内訳：本人出席5名、委任状1名、書面表決1名）" in f
    assert "委任先が欠席のため無効とした委任状1名は含まない" in f
    assert "長門一郎（長門市地域づくり支援員）" in f
    # the five present by name, in 50音 order (10 eligible: few enough to name)
    assert "出席者青木一郎、加藤花子、佐藤次郎、林四郎、山田太郎" in f
    # 成立の確認: more than half of 10 is at least 6; 7 ≥ 6
    assert (
        "成立の確認" in f
        and "出席者数7名が在籍者の過半数（委任状・書面表決を含む）（6名以上）に達しており" in f
    )
    assert "議長山田太郎" in f and "記録者事務局佐々木" in f and "議事録署名人青木一郎、加藤花子" in f
    assert "報告事項" in f and "報告1令和7年度事業報告" in f and "敬老会などを実施した。" in f
    # 第1号議案: 5 × 2 = 10 > 7 → 可決; 第2号議案 (規約改正, 3分の2以上): 4 × 3 = 12 < 7 × 2 = 14 → 否決
    assert "第1号議案令和8年度予算（案）" in f and "提案の内容：会費を財源とする。" in f
    assert "質疑応答：質問：繰越金は。回答：5万円です。" in f
    assert "結果：賛成5名、反対1名、棄権1名（過半数）により可決" in f
    assert "結果：賛成4名、反対2名、棄権1名（3分の2以上）により否決" in f
    assert "防災マップを作る担当：防災部会（期限：令和8年10月31日）" in f
    assert "閉会" in f and "午後3時5分、議長は閉会を宣言した。" in f
    # signature lines for the 議長 and each of the two 署名人, each with a 印 box
    seal_lines = [ln.strip() for ln in text.splitlines() if ln.strip() == "印"]
    assert len(seal_lines) == 3
    signing = f[f.index("署名押印する。") :]
    assert (
        signing.index("議長山田太郎")
        < signing.index("議事録署名人青木一郎")
        < signing.index("議事録署名人加藤花子")
    )


def test_attendance_sheet_lists_people_in_50on_order(session, tmp_path):  # noqa: F811
    _ids, m = _meeting(session)
    sheet = build_attendance_sheet(session, m.id, issued=ISSUED)
    pdf = tmp_path / "sheet.pdf"
    write_attendance_sheet_pdf(sheet, pdf)
    text = flat(pdf_text(pdf))
    positions = [text.index(flat(name)) for name, _reading in PEOPLE]
    assert positions == sorted(positions)  # あおき, かとう, さとう … わたなべ
    assert "署名" in text and "来賓・オブザーバー" in text and "長門一郎（長門市地域づくり支援員）" in text


def test_forms_are_prefilled_with_the_meeting_and_its_items(session, tmp_path):  # noqa: F811
    _ids, m = _meeting(session)
    form = build_meeting_form(session, m.id, issued=ISSUED)
    proxy, vote = tmp_path / "proxy.pdf", tmp_path / "vote.pdf"
    write_proxy_form_pdf(form, proxy)
    write_written_vote_pdf(form, vote)
    p, v = flat(pdf_text(proxy)), flat(pdf_text(vote))
    assert (
        "委任状" in p
        and "令和8年5月17日（日）午後1時30分から地区公民館大会議室において開催される令和8年度定期総会" in p
    )
    assert (
        "第1号議案令和8年度予算（案）" in p and "第2号議案規約の一部改正" in p and "代理人（受任者）氏名" in p
    )
    assert "書面表決書" in v and "第2号議案規約の一部改正賛成反対" in v
    assert "報告1" not in v  # report items are not voted on


def test_notice_is_a_letter_with_a_reply_slip(session, tmp_path):  # noqa: F811
    _ids, m = _meeting(session)
    pdf = tmp_path / "notice.pdf"
    write_notice_pdf(build_notice(session, m.id, issued=date(2026, 4, 20)), pdf)
    f = flat(pdf_text(pdf))
    assert "令和8年4月20日" in f and "会員各位" in f and "令和8年度定期総会の開催について（通知）" in f
    assert "1日時令和8年5月17日（日）午後1時30分" in f and "2場所地区公民館大会議室" in f
    assert "3議題" in f
    agenda = [
        f.index(x)
        for x in ("報告1令和7年度事業報告", "第1号議案令和8年度予算（案）", "第2号議案規約の一部改正")
    ]
    assert agenda == sorted(agenda)
    assert (
        "委任状または書面表決書" in f
        and "切り取り線" in f
        and "出欠回答票" in f
        and "出席します・欠席します" in f
    )


def test_resolutions_register_as_xlsx(session, tmp_path):  # noqa: F811
    _ids, _m = _meeting(session)
    report = build_resolutions_report(session, 2026, issued=ISSUED)
    path = write_resolutions_xlsx(report, tmp_path / "r.xlsx")
    cells = [
        [c for c in row if c is not None] for row in load_workbook(path).active.iter_rows(values_only=True)
    ]
    body = [row for row in cells if row and row[0] == "令和8年5月17日"]
    assert [row[2:5] for row in body] == [
        ["第1号議案", "令和8年度予算（案）", "可決"],
        ["第2号議案", "規約の一部改正", "否決"],
    ]
    assert body[1][5] == "賛成 4 名、反対 2 名、棄権 1 名（3分の2以上）"
    assert build_resolutions_report(session, 2025).rows == []
