"""``nagato-desk handover`` and ``takeover``: exit codes, messages, the target left alone when refused."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from nagato_desk.services.handover import CHECKLIST_MEMBER, MANIFEST


def council(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name FROM council").fetchall()
    finally:
        conn.close()


def test_handover_then_takeover_on_another_pc(cli, demo_db_path: Path, tmp_path: Path):
    out = tmp_path / "h.nagato-handover.zip"
    pdf = tmp_path / "print" / "checklist.pdf"
    code, stdout, err = cli("handover", "--db", demo_db_path, "--out", out, "--checklist", pdf)
    assert code == 0, err
    assert str(out) in stdout and "会員" in stdout
    with zipfile.ZipFile(out) as zf:
        assert zf.read(CHECKLIST_MEMBER) == pdf.read_bytes()
    target = tmp_path / "pc2" / "data.db"
    code, stdout, err = cli("takeover", out, "--db", target)
    assert code == 0, err
    assert council(target) == council(demo_db_path)
    # Again onto the same file: refused (exit 1), file untouched; with --force it is replaced after a backup.
    before = target.read_bytes()
    code, _, err = cli("takeover", out, "--db", target)
    assert code == 1 and "--force" in err
    assert target.read_bytes() == before
    code, stdout, err = cli("takeover", out, "--db", target, "--force")
    assert code == 0, err
    assert "元のデータは次に保存しました" in stdout
    assert len(list((tmp_path / "pc2" / "backups").glob("data-before-restore-*.db"))) == 1


def test_takeover_of_a_newer_or_broken_file_exits_2(cli, demo_db_path: Path, tmp_path: Path):
    out = tmp_path / "h.zip"
    assert cli("handover", "--db", demo_db_path, "--out", out)[0] == 0
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(newer, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == MANIFEST:
                manifest = json.loads(data)
                manifest["schema"] = "0999"
                data = json.dumps(manifest).encode()
            zout.writestr(name, data)
    target = tmp_path / "t.db"
    code, _, err = cli("takeover", newer, "--db", target)
    assert code == 2 and "新しいバージョン" in err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 truncated")
    code, _, err = cli("takeover", junk, "--db", target)
    assert code == 2 and "引継ぎファイルとして読めません" in err
    assert not target.exists()


def test_handover_of_a_missing_database_exits_2(cli, tmp_path: Path):
    code, _, err = cli("handover", "--db", tmp_path / "none.db", "--out", tmp_path / "h.zip")
    assert code == 2 and "見つかりません" in err
    assert not (tmp_path / "h.zip").exists()
