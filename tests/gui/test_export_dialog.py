"""The export dialog: the roster leaves personal columns out unless chosen and says so in a sentence;
each document is written in the background to the file given."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from nagato_desk.gui.export_dialog import ExportDialog
from nagato_desk.services.associations import list_associations
from nagato_desk.services.members import MemberDraft, add_member


def with_member(db) -> None:
    with db.session() as session:
        east = list_associations(session)[0]
        add_member(
            session,
            MemberDraft(
                name="試験 花子",
                reading="しけん はなこ",
                address="長門市油谷（試験）1番地",
                phone="0837-00-1111",
                association_id=east.id,
            ),
        )


def make_dialog(qtbot, demo) -> ExportDialog:
    dialog = ExportDialog(demo, "wareki", "ja")
    qtbot.addWidget(dialog)
    return dialog


def test_documents_and_roster_defaults_leave_personal_data_out(app, demo, qtbot):
    dialog = make_dialog(qtbot, demo)
    documents = [dialog.document.itemText(i) for i in range(dialog.document.count())]
    assert documents == ["会員名簿", "役員名簿", "名簿確認票", "会員の状況"]
    assert dialog.key() == "roster"
    for key in ("address", "phone", "birth_date", "email"):
        assert not dialog.column_checks[key].isChecked(), key
    assert dialog.column_checks["name"].isChecked() and dialog.column_checks["reading"].isChecked()
    assert dialog.privacy.text() == "個人情報（住所・電話・生年月日）は含まれません。"
    dialog.column_checks["address"].setChecked(True)
    dialog.column_checks["phone"].setChecked(True)
    assert dialog.privacy.text().startswith("この名簿には住所・電話番号が含まれます（個人情報）。")
    dialog.set_columns([])
    assert not dialog.save_button.isEnabled()  # a roster needs at least one column


def test_formats_follow_the_document(app, demo, qtbot):
    dialog = make_dialog(qtbot, demo)
    dialog.show()
    assert {f for f, b in dialog.format_buttons.items() if b.isVisible()} == {"pdf", "xlsx", "csv"}
    dialog.set_format("csv")
    dialog.set_document("household-slips")
    assert {f for f, b in dialog.format_buttons.items() if b.isVisible()} == {"pdf"}
    assert dialog.fmt() == "pdf"
    assert dialog.per_page.isVisible() and not dialog.as_of.isVisible()
    assert not dialog.columns_box.isVisible() and not dialog.privacy.isVisible()


def _export(qtbot, dialog: ExportDialog, out: Path) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export(out)
    assert blocker.args == [str(out)]
    assert out.exists() and out.stat().st_size > 0


def test_roster_csv_by_default_has_no_address(app, demo, qtbot, tmp_path, no_dialogs):
    with_member(demo)
    dialog = make_dialog(qtbot, demo)
    dialog.set_format("csv")
    out = tmp_path / "名簿.csv"
    _export(qtbot, dialog, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "試験 花子" in text
    assert "長門市油谷（試験）1番地" not in text and "0837-00-1111" not in text
    assert no_dialogs[-1][0] == "information" and str(out) in no_dialogs[-1][1]


def test_roster_with_address_chosen_includes_it(app, demo, qtbot, tmp_path, no_dialogs):
    with_member(demo)
    dialog = make_dialog(qtbot, demo)
    dialog.set_format("csv")
    dialog.column_checks["address"].setChecked(True)
    out = tmp_path / "住所つき.csv"
    _export(qtbot, dialog, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert any("長門市油谷（試験）1番地" in row for row in rows)


def test_officer_list_as_excel(app, demo, qtbot, tmp_path, no_dialogs):
    dialog = make_dialog(qtbot, demo)
    dialog.set_document("officers")
    dialog.set_format("xlsx")
    dialog.as_of.setCurrentIndex(1)  # this fiscal year, as of 1 April
    out = tmp_path / "役員名簿.xlsx"
    _export(qtbot, dialog, out)
    assert load_workbook(out).worksheets


def test_household_slips_pdf(app, demo, qtbot, tmp_path, no_dialogs):
    with_member(demo)
    dialog = make_dialog(qtbot, demo)
    dialog.set_document("household-slips")
    dialog.per_page.setCurrentIndex(1)
    out = tmp_path / "確認票.pdf"
    _export(qtbot, dialog, out)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_roster_with_addresses_is_recorded_in_the_change_history(app, demo, qtbot, tmp_path, no_dialogs):
    from sqlalchemy import select

    from nagato_desk.models import ChangeLog

    dialog = make_dialog(qtbot, demo)
    dialog.set_format("csv")
    _export(qtbot, dialog, tmp_path / "plain.csv")  # no personal column: nothing to record
    with demo.Session() as session:
        assert session.scalars(select(ChangeLog).where(ChangeLog.action == "export")).all() == []
    dialog = make_dialog(qtbot, demo)
    dialog.set_format("csv")
    dialog.column_checks["address"].setChecked(True)
    _export(qtbot, dialog, tmp_path / "with-address.csv")
    with demo.Session() as session:
        notes = [c.note for c in session.scalars(select(ChangeLog).where(ChangeLog.action == "export"))]
    assert len(notes) == 1 and "住所" in notes[0]
