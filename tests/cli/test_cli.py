"""The ``nagato-desk`` command end to end: every verb of CLI.md that exists, exit codes, messages."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from support import run_unprivileged, snapshot, write_demo_file

from nagato_desk import __version__
from nagato_desk.services.demo import DEMO_COUNCIL_NAME

GOOD_CSV = "自治会,世帯数,人口,65歳以上,年度\r\n東浜自治会,93,186,99,R8\r\n新町自治会,10,20,5,R8\r\n"
BAD_CSV = "自治会,世帯数,人口,65歳以上,年度\r\n東浜自治会,93,186,99,R8\r\n新町自治会,10,二十,5,R8\r\n"


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def association_names(path: Path) -> list[str]:
    return [r[0] for r in query(path, "SELECT name FROM neighbourhood_association ORDER BY sort_order")]


def rename_first_association(path: Path, name: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE neighbourhood_association SET name=? WHERE sort_order=1", (name,))
    conn.commit()
    conn.close()


DEMO_NAMES = ["東浜自治会", "西浜自治会", "中山自治会", "北原自治会", "南ヶ丘自治会"]


def test_version(cli):
    assert cli("--version") == (0, f"nagato-desk {__version__}\n", "")


def test_version_in_a_subprocess(run_cli):
    code, out, _ = run_cli("--version")
    assert (code, out.strip()) == (0, f"nagato-desk {__version__}")


def test_init_creates_a_council_and_refuses_a_second_time(cli, tmp_path):
    path = tmp_path / "new" / "council.db"
    code, out, err = cli(
        "init", "--db", path, "--council", "向津具地区まちづくり協議会", "--representative", "山本 一郎"
    )
    assert code == 0, err
    assert "向津具地区まちづくり協議会" in out
    assert query(path, "SELECT name, representative FROM council") == [
        ("向津具地区まちづくり協議会", "山本 一郎")
    ]
    code, _, err = cli("init", "--db", path, "--council", "別の協議会")
    assert code == 1
    assert "すでに協議会が登録" in err
    assert query(path, "SELECT count(*) FROM council") == [(1,)]


def test_demo_then_demo_again_refuses_and_force_backs_up_first(cli, tmp_path):
    path = tmp_path / "demo.db"
    code, out, err = cli("demo", "--db", path)
    assert code == 0, err
    assert association_names(path) == DEMO_NAMES
    assert query(path, "SELECT name FROM council") == [(DEMO_COUNCIL_NAME,)]

    rename_first_association(path, "書き換えた自治会")
    before = snapshot(tmp_path)
    code, _, err = cli("demo", "--db", path)
    assert code == 1
    assert "--force" in err
    assert snapshot(tmp_path) == before

    code, out, err = cli("demo", "--db", path, "--force")
    assert code == 0, err
    (saved,) = (tmp_path / "backups").glob("*.db")
    assert str(saved) in out
    assert association_names(saved)[0] == "書き換えた自治会"  # the data as it was before --force
    assert association_names(path) == DEMO_NAMES


def test_check_passes_on_the_demo_and_fails_on_a_problem(cli, demo_db_path):
    code, out, _ = cli("check", "--db", demo_db_path)
    assert code == 0
    assert "問題は見つかりませんでした" in out
    conn = sqlite3.connect(demo_db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO association_figure (association_id, fiscal_year, as_of, households, population, aged_65_plus,"
        " created_at, updated_at) VALUES (999, 2026, '2026-04-01', 1, 2, 1, '2026-04-01', '2026-04-01')"
    )
    conn.commit()
    conn.close()
    code, out, _ = cli("check", "--db", demo_db_path)
    assert code == 1
    assert "association_figure" in out and "エラー" in out
    code, out, _ = cli("--lang", "en", "check", "--db", demo_db_path)
    assert code == 1 and "1 error(s) found." in out


def test_backup_then_restore(cli, demo_db_path, tmp_path):
    out_file = tmp_path / "saved" / "monday.db"
    code, out, err = cli("backup", "--db", demo_db_path, "--out", out_file)
    assert code == 0, err
    assert out_file.is_file() and str(out_file) in out
    assert "自治会 5件" in out

    rename_first_association(demo_db_path, "書き換えた自治会")
    code, out, err = cli("restore", out_file, "--db", demo_db_path)
    assert code == 0, err
    (previous,) = (tmp_path / "backups").glob("*before-restore*.db")
    assert str(previous) in out
    assert association_names(previous)[0] == "書き換えた自治会"
    assert association_names(demo_db_path) == DEMO_NAMES


def test_backup_of_a_missing_file(cli, tmp_path):
    code, _, err = cli("backup", "--db", tmp_path / "none.db", "--out", tmp_path / "b.db")
    assert code == 2 and "見つかりません" in err
    assert list(tmp_path.iterdir()) == []


def test_import_good_bad_and_dry_run(cli, demo_db_path, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="cp932")
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    count_sql = "SELECT count(*) FROM neighbourhood_association"

    before = demo_db_path.read_bytes()
    code, out, err = cli("import", "associations", good, "--db", demo_db_path, "--dry-run")
    assert code == 0, err
    assert "書き込んでいません" in out
    assert demo_db_path.read_bytes() == before

    code, _, err = cli("import", "associations", bad, "--db", demo_db_path)
    assert code == 1
    assert "3行目" in err and "C列「人口」" in err
    assert demo_db_path.read_bytes() == before

    code, out, err = cli("import", "associations", good, "--db", demo_db_path)
    assert code == 0, err
    assert "2行を読み込みました" in out
    assert query(demo_db_path, count_sql) == [(6,)]
    fy2026 = query(
        demo_db_path,
        "SELECT a.name, f.population FROM association_figure f JOIN neighbourhood_association a"
        " ON a.id = f.association_id WHERE f.fiscal_year = 2026 AND a.name IN ('東浜自治会', '新町自治会')"
        " ORDER BY a.sort_order",
    )
    assert fy2026 == [("東浜自治会", 186), ("新町自治会", 20)]


def test_import_with_year_option(cli, demo_db_path, tmp_path):
    path = tmp_path / "noyear.csv"
    path.write_text("自治会,世帯数,人口,65歳以上\n東浜自治会,50,100,40\n", encoding="utf-8")
    code, _, err = cli("import", "associations", path, "--db", demo_db_path, "--year", "令和12年度")
    assert code == 0, err
    rows = query(
        demo_db_path,
        "SELECT households, population, aged_65_plus FROM association_figure WHERE fiscal_year=2030",
    )
    assert rows == [(50, 100, 40)]


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_council(cli, demo_db_path, tmp_path, fmt):
    # Only that the file is written and is what it says; the report's content is tested with the report.
    out_file = tmp_path / f"council.{fmt}"
    code, out, err = cli("export", "council", "--db", demo_db_path, "--format", fmt, "--out", out_file)
    assert code == 0, err
    if fmt == "pdf":
        assert out_file.read_bytes().startswith(b"%PDF-")
    else:
        with zipfile.ZipFile(out_file) as zf:
            assert "xl/workbook.xml" in zf.namelist()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("council.")] == [out_file.name]


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["export", "council", "--out", "x.pdf", "--year", "R0"],
        ["import", "associations", "x.csv", "--year", "R0"],
        ["import", "members-of-the-moon", "x.csv"],
        ["backup"],
    ],
    ids=["unknown-verb", "export-bad-year", "import-bad-year", "unknown-kind", "missing-out"],
)
def test_wrong_usage_exits_2(cli, demo_db_path, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.csv").write_text(GOOD_CSV, encoding="utf-8")
    before = demo_db_path.read_bytes()
    code, _, err = cli(*args, "--db", demo_db_path)
    assert code == 2
    if "R0" in args:
        assert "R0" in err
    assert demo_db_path.read_bytes() == before
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "verb", [["check"], ["demo"], ["import", "associations", "good.csv"], ["init", "--council", "X"]]
)
def test_a_file_that_is_not_a_database_exits_2_unchanged(cli, tmp_path, monkeypatch, verb):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    path = tmp_path / "会員名簿.db"
    path.write_text("氏名,住所\n山田 太郎,油谷\n", encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = cli(*verb, "--db", path)
    assert code == 2
    assert str(path) in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("verb", [["check"], ["demo", "--force"], ["import", "associations", "good.csv"]])
def test_a_file_from_a_newer_version_exits_2_unchanged(cli, tmp_path, monkeypatch, verb):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    path = write_demo_file(tmp_path / "future.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num='zzzz9999'")
    conn.commit()
    conn.close()
    before = snapshot(tmp_path)
    code, _, err = cli(*verb, "--db", path)
    assert code == 2
    assert "新しいバージョン" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "verb", [["import", "associations", "good.csv"], ["demo", "--force"], ["init", "--council", "X"]]
)
def test_a_second_instance_is_told_and_writes_nothing(
    run_cli, demo_db_path, lock_holder, tmp_path, monkeypatch, verb
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    with lock_holder(demo_db_path) as pid:
        code, _, err = run_cli(
            *[str(tmp_path / v) if v.endswith(".csv") else v for v in verb], "--db", demo_db_path
        )
        assert code == 1
        assert "別の Nagato Desk" in err and f"pid {pid}" in err
        code, out, _ = run_cli("check", "--db", demo_db_path)  # reading needs no lock
        assert code == 0, out
    assert association_names(demo_db_path) == DEMO_NAMES
    assert not (tmp_path / "backups").exists()


_CLI_AS_USER = "import sys\nfrom nagato_desk.cli import main\nsys.exit(main(sys.argv[1:]))"


def test_a_read_only_folder_gets_a_clear_message(readonly_dir):
    existing = write_demo_file(readonly_dir / "existing.db")
    before = snapshot(readonly_dir)
    for args in (["demo", "--db", readonly_dir / "new.db"], ["init", "--db", existing, "--council", "X"]):
        result = run_unprivileged(_CLI_AS_USER, *args, lock_down=readonly_dir)
        assert result.returncode == 2, result.stderr
        assert "書き込" in result.stderr
        assert "Traceback" not in result.stderr
    assert snapshot(readonly_dir) == before


def test_init_with_an_empty_name_leaves_no_file(cli, tmp_path):
    target = tmp_path / "new.db"
    code, _, err = cli("init", "--db", target, "--council", "  ")
    assert code == 1
    assert "協議会の名称を入力してください" in err
    assert list(tmp_path.iterdir()) == []


def test_dry_run_needs_no_lock_and_writes_nothing(run_cli, demo_db_path, lock_holder, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    before = query(demo_db_path, "SELECT count(*) FROM association_figure")
    with lock_holder(demo_db_path):
        code, out, err = run_cli("import", "associations", good, "--db", demo_db_path, "--dry-run")
    assert code == 0, err
    assert "書き込んでいません" in out and "2行" in out
    assert query(demo_db_path, "SELECT count(*) FROM association_figure") == before
    assert association_names(demo_db_path) == DEMO_NAMES


def test_unexpected_error_is_logged_and_explained(cli, demo_db_path, tmp_path, monkeypatch):
    from nagato_desk.reports import exports

    def broken(session, request):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(exports.REPORTS, "council", exports.ReportKind("x", "x", ("pdf",), broken))
    code, _, err = cli("export", "council", "--db", demo_db_path, "--out", tmp_path / "x.pdf")
    assert code == 1
    assert "予期しないエラーが発生しました" in err and "Traceback" not in err
    # The message names the log file (set up once per process), and the log holds the traceback.
    log = Path(err.strip().splitlines()[-1].split("：", 1)[1])
    assert log.name == "nagato-desk.log"
    assert "ZeroDivisionError: a bug" in log.read_text(encoding="utf-8")


def test_exported_pdf_embeds_fonts_and_keeps_japanese_text(cli, demo_db_path, tmp_path):
    import shutil
    import subprocess

    out_file = tmp_path / "概要.pdf"
    code, _, err = cli("export", "council", "--db", demo_db_path, "--out", out_file)
    assert code == 0, err
    assert shutil.which("pdffonts") and shutil.which("pdftotext"), (
        "poppler-utils is needed (README setup installs it)"
    )
    fonts = subprocess.run(["pdffonts", out_file], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("BIZUD" in r[0] for r in rows)
    assert all(r[-5] == "yes" for r in rows), fonts  # the "emb" column
    text = subprocess.run(
        ["pdftotext", "-layout", out_file, "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        DEMO_COUNCIL_NAME,
        "協議会の概要",
        "自治会別の世帯数・人口",
        "南ヶ丘自治会",
        "761",
        "55.72%",
        "- 1 -",
    ):
        assert expected in text


def test_import_backs_up_first(cli, demo_db_path, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    code, _, err = cli("import", "associations", good, "--db", demo_db_path)
    assert code == 0, err
    (saved,) = (tmp_path / "backups").glob("demo-before-import-*.db")
    assert association_names(saved) == DEMO_NAMES  # the data as it was before the import
    assert len(association_names(demo_db_path)) == 6


def test_import_without_a_backup_is_not_done(cli, demo_db_path, tmp_path):
    from nagato_desk.settings import Settings, save_settings

    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backup folder should be", encoding="utf-8")
    save_settings(Settings(backup_dir=str(blocker)))
    before = snapshot(tmp_path)
    code, _, err = cli("import", "associations", good, "--db", demo_db_path)
    assert code == 1
    assert "取り込みの前にバックアップを作れなかったため、取り込みを中止しました" in err
    assert str(blocker) in err and "Traceback" not in err
    assert snapshot(tmp_path) == before  # the database unchanged, no backup, no partial file
    assert association_names(demo_db_path) == DEMO_NAMES


def test_demo_force_rotates_the_old_backups(cli, demo_db_path, tmp_path):
    from nagato_desk.settings import Settings, save_settings

    folder = tmp_path / "backups"
    folder.mkdir()
    old = [folder / f"demo-daily-202001{d:02d}-080000.db" for d in range(1, 4)]
    for path in old:
        path.write_bytes(demo_db_path.read_bytes())
    (folder / "メモ.txt").write_text("残す", encoding="utf-8")
    save_settings(Settings(keep_daily=1, keep_monthly=0))
    code, out, err = cli("demo", "--db", demo_db_path, "--force")
    assert code == 0, err
    (saved,) = folder.glob("demo-before-demo-*.db")
    assert str(saved) in out
    assert sorted(p.name for p in folder.iterdir()) == sorted([saved.name, "メモ.txt"])
