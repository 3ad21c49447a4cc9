"""The 総会資料, the 事業計画書 and the city package through ``nagato-desk export``."""

from __future__ import annotations

import json
import zipfile


def test_export_the_pack_the_plan_and_the_city_package(cli, demo_db_path, tmp_path):
    demo = demo_db_path
    pack = tmp_path / "総会資料.pdf"
    code, out, err = cli("export", "assembly-pack", "--db", demo, "--out", pack)
    assert code == 0, err
    assert pack.read_bytes().startswith(b"%PDF")
    code, _out, err = cli(
        "export", "activity-plan", "--db", demo, "--out", tmp_path / "p.xlsx", "--year", "R8"
    )
    assert code == 0, err
    assert (tmp_path / "p.xlsx").stat().st_size > 0
    folder = tmp_path / "city" / "R7"
    code, _out, err = cli("export", "city-package", "--db", demo, "--out", folder, "--year", "2025")
    assert code == 0, err
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fiscal_year"] == 2025 and len(manifest["files"]) == 11
    code, _out, err = cli(
        "export", "city-package", "--db", demo, "--out", tmp_path / "R7.zip", "--year", "R7"
    )
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "R7.zip") as z:
        assert "R7/summary.json" in z.namelist()


def test_a_pack_of_an_unknown_meeting_is_refused(cli, demo_db_path, tmp_path):
    code, _out, err = cli(
        "export", "assembly-pack", "--db", demo_db_path, "--meeting", "999", "--out", tmp_path / "x.pdf"
    )
    assert code == 1
    assert "999" in err
    assert not (tmp_path / "x.pdf").exists()
