"""The save-a-document dialog every section uses: documents offered, formats per document, the
fiscal year passed to the report, the file written in the background."""

from __future__ import annotations

import subprocess

from openpyxl import load_workbook

from nagato_desk.gui.document_export import SaveDocumentDialog


def make_dialog(qtbot, demo, **kwargs) -> SaveDocumentDialog:
    documents = [("council", "協議会の概要"), ("officers", "役員名簿"), ("no-such-report", "ないもの")]
    dialog = SaveDocumentDialog(demo, "wareki", "ja", documents, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_only_existing_reports_are_offered_and_formats_follow(app, demo, qtbot):
    dialog = make_dialog(qtbot, demo)
    dialog.show()
    names = [dialog.document.itemText(i) for i in range(dialog.document.count())]
    assert names == ["協議会の概要", "役員名簿"]  # an unknown key is not offered
    assert {f for f, b in dialog.format_buttons.items() if b.isVisible()} == {"pdf", "xlsx"}
    dialog.set_format("csv")  # hidden for this document: the first allowed format is used
    assert dialog.fmt() == "pdf"
    assert not dialog.year.isVisible()  # no choice of year was given


def test_chosen_fiscal_year_reaches_the_report(app, demo, qtbot, tmp_path, no_dialogs):
    dialog = make_dialog(qtbot, demo, years=[2026, 2025, 2024])
    dialog.show()
    assert dialog.year.isVisible()
    assert [dialog.year.itemText(i) for i in range(3)] == ["令和8年度", "令和7年度", "令和6年度"]
    dialog.year.setCurrentIndex(1)
    dialog.set_format("xlsx")
    out = tmp_path / "概要.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export(out)
    assert blocker.args == [str(out)]
    rows = [row for row in load_workbook(out).active.iter_rows(values_only=True)]
    west = next(row for row in rows if "西浜自治会" in row)
    # services/demo.py: 西浜自治会 has 79 households, 164 people, 92 aged 65+ in FY2025
    # (78 / 160 / 92 in FY2026): the year chosen was used
    assert west[1:4] == (79, 164, 92)


def test_pdf_written_in_the_background(app, demo, qtbot, tmp_path, no_dialogs):
    dialog = make_dialog(qtbot, demo, fiscal_year=2026)
    dialog.set_document("officers")
    out = tmp_path / "役員名簿"
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export(out.with_suffix(".pdf"))
    text = subprocess.run(
        ["pdftotext", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "役員名簿" in text
