"""「変更履歴」 in the window: a change made through a service is listed, the dates filter it, and
the Excel export for the 監事 holds the rows and is itself recorded."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy import select

from nagato_desk.gui.history_dialog import HistoryDialog
from nagato_desk.models import ChangeLog, Member
from nagato_desk.services.members import draft_of, update_member


def _change_address(db) -> tuple[int, str, str]:
    with db.session() as session:
        member = session.scalars(
            select(Member).where(Member.deleted_at.is_(None)).order_by(Member.id)
        ).first()
        old = member.address
        draft = draft_of(member)
        draft.address = "山口県長門市東深川1番地 試験"
        update_member(session, member.id, draft)
        return member.id, member.name, old


def test_a_change_is_listed_and_filtered_by_date(app, qtbot, demo, tmp_path):
    member_id, name, old = _change_address(demo)
    dialog = HistoryDialog(demo, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if os.environ.get("NAGATO_SHOTS"):
        dialog.grab().save(str(Path(os.environ["NAGATO_SHOTS"]) / "history.png"))
    rows = dialog.visible_rows()
    assert rows, "the change is listed"
    newest = rows[0]
    assert newest.target == f"会員：{name}（{member_id}番）"
    assert newest.content == f"変更：住所（{old or '空'} → 山口県長門市東深川1番地 試験）"
    assert dialog.proxy.index(0, 3).data() == newest.content
    # the text filter
    dialog.search.setText("東深川1番地 試験")
    assert [r.target for r in dialog.visible_rows()] == [newest.target]
    dialog.search.setText("")
    # up to yesterday: the change made today is not in the list
    yesterday = date.today() - timedelta(days=1)
    dialog.set_range(yesterday - timedelta(days=30), yesterday)
    assert all(r.content != newest.content for r in dialog.visible_rows())


def test_the_excel_export_holds_the_rows_and_is_recorded(app, qtbot, demo, tmp_path, no_dialogs):
    _member_id, _name, _old = _change_address(demo)
    dialog = HistoryDialog(demo, "ja")
    qtbot.addWidget(dialog)
    shown = [(r.target, r.content) for r in dialog.visible_rows()]
    out = tmp_path / "history.xlsx"
    job = dialog.export("xlsx", out)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert no_dialogs and no_dialogs[-1][0] == "information"
    ws = openpyxl.load_workbook(out).active
    values = [tuple(row) for row in ws.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if row[:4] == ("日時", "操作者", "対象", "内容"))
    body = [(row[2], row[3]) for row in values[header + 1 :] if row[0]]
    # the window lists the newest rows (up to LIST_LIMIT); the export holds them and everything older
    assert body[: len(shown)] == shown and len(body) >= len(shown)
    with demo.Session() as session:
        exports = session.scalars(select(ChangeLog).where(ChangeLog.action == "export")).all()
    assert len(exports) == 1 and exports[0].note.startswith("変更履歴 ")
    # the export is in the list now
    assert dialog.visible_rows()[0].content.startswith("書き出し：変更履歴 ")


def test_the_pdf_export(app, qtbot, demo, tmp_path, no_dialogs):
    _change_address(demo)
    dialog = HistoryDialog(demo, "ja")
    qtbot.addWidget(dialog)
    out = tmp_path / "history.pdf"
    job = dialog.export("pdf", out)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
