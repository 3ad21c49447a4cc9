"""変更履歴 for the 監事: the rows of the range, as xlsx and PDF."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from sqlalchemy import select

from nagato_desk.database import open_database
from nagato_desk.models import Member
from nagato_desk.reports.change_history import (
    build_change_history,
    write_change_history_pdf,
    write_change_history_xlsx,
)
from nagato_desk.services.history import describe
from nagato_desk.services.history_labels import field_labels, table_label
from nagato_desk.services.members import draft_of, update_member


def test_the_report_of_today_holds_a_change(demo_db_path, tmp_path):
    with open_database(demo_db_path) as db:
        with db.session() as session:
            member = session.scalars(select(Member).order_by(Member.id)).first()
            draft = draft_of(member)
            draft.phone = "0837-00-0000"
            update_member(session, member.id, draft)
            member_id, name = member.id, member.name
        with db.Session() as session:
            today = build_change_history(session, date.today(), date.today())
            before = build_change_history(
                session, date.today() - timedelta(days=10), date.today() - timedelta(days=1)
            )
    row = today.rows[0]
    assert row.target == f"会員：{name}（{member_id}番）"
    assert row.content == describe(row.change)
    assert "電話" in row.content and "0837-00-0000" in row.content
    assert all(r.at.date() < date.today() for r in before.rows)
    xlsx = write_change_history_xlsx(today, tmp_path / "h.xlsx")
    cells = [c for r in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for c in r if c]
    assert row.content in cells and row.target in cells
    pdf = write_change_history_pdf(today, tmp_path / "h.pdf")
    assert pdf.pages >= 1


def test_every_audited_table_has_a_japanese_label():
    from nagato_desk.services.history import _audited_mappers

    unlabelled = [t.name for t in _audited_mappers() if table_label(t.name) == t.name]
    assert unlabelled == []


def test_every_audited_column_has_a_japanese_label():
    """Declared in the history lists or on the column (``info={"label": ...}``)."""
    from nagato_desk.services.history import _audited_mappers

    skip = {"id", "created_at", "updated_at"}
    missing = [
        f"{table.name}.{key}"
        for table, mapper in _audited_mappers().items()
        for key in (c.key for c in mapper.column_attrs)
        if key not in skip
        and key not in getattr(mapper.class_, "__audit_exclude__", ())
        and key not in field_labels(table.name)
    ]
    assert missing == []
