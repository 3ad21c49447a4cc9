"""「データの点検」 in the window: the demo passes, an injected problem is shown as an error."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from nagato_desk.database import open_database
from nagato_desk.gui.check_dialog import CheckDialog


def _run(qtbot, db, tmp_path: Path) -> CheckDialog:
    dialog = CheckDialog(db, "ja")
    qtbot.addWidget(dialog)
    job = dialog.start()
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    dialog.show()
    qtbot.waitExposed(dialog)
    if os.environ.get("NAGATO_SHOTS"):
        dialog.grab().save(str(Path(os.environ["NAGATO_SHOTS"]) / f"check_{tmp_path.name}.png"))
    return dialog


def test_the_demo_has_no_problems(app, qtbot, demo, tmp_path):
    dialog = _run(qtbot, demo, tmp_path)
    assert dialog.summary.text() == "問題は見つかりませんでした。"
    assert "点検済み" not in dialog.text.toPlainText()  # the list of checks is written for people
    assert "・ファイルの整合性（integrity_check）" in dialog.text.toPlainText()
    assert "エラー" not in dialog.text.toPlainText()
    out = dialog.save(tmp_path / "result.txt")
    assert out is not None
    assert out.read_text(encoding="utf-8").startswith("問題は見つかりませんでした。")


def test_an_injected_problem_is_shown_as_an_error(app, qtbot, demo_db_path, tmp_path):
    conn = sqlite3.connect(demo_db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA ignore_check_constraints=ON")
    conn.execute(
        "INSERT INTO association_figure (association_id, fiscal_year, as_of, households, population,"
        " aged_65_plus, created_at, updated_at)"
        " VALUES (999, 2026, '2026-04-01', 1, 2, 1, '2026-04-01', '2026-04-01')"
    )
    conn.close()
    db = open_database(demo_db_path)
    try:
        dialog = _run(qtbot, db, tmp_path)
        assert dialog.summary.text() == "1件のエラーが見つかりました。"
        text = dialog.text.toPlainText()
        assert "■ エラー" in text
        error_line = next(line for line in text.splitlines() if line.startswith("[エラー]"))
        assert "association_figure" in error_line and "neighbourhood_association" in error_line
        # errors come before what was checked
        assert text.index("[エラー]") < text.index("■ 点検した項目")
    finally:
        db.close()
