"""``--smoke`` and ``screenshots``: the real window, offscreen, from the command line."""

from __future__ import annotations

from PySide6.QtGui import QImage


def test_smoke_opens_home_and_prints_seconds(run_cli, demo_db_path):
    code, out, err = run_cli("--smoke", "--db", demo_db_path)
    assert code == 0, err
    seconds = float(out.strip().splitlines()[-1])
    assert 0 < seconds < 60
    assert not (demo_db_path.parent / "backups").exists()  # smoke is timed: no daily backup


def test_smoke_without_data_shows_the_wizard_and_writes_nothing(run_cli, tmp_path):
    target = tmp_path / "not-yet.db"
    code, out, err = run_cli("--smoke", "--db", target)
    assert code == 0, err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_smoke_refuses_a_file_that_is_not_ours(run_cli, tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("これはデータベースではありません", encoding="utf-8")
    code, out, err = run_cli("--smoke", "--db", bogus)
    assert code == 2
    assert "Nagato Desk のデータファイルではありません" in err
    assert bogus.read_text(encoding="utf-8") == "これはデータベースではありません"


def test_window_without_display_says_so(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code, out, err = run_cli("--db", tmp_path / "x.db")
    assert code == 2
    assert "ディスプレイ" in err


def test_screenshots_writes_every_page(run_cli, demo_db_path, tmp_path):
    out_dir = tmp_path / "shots"
    code, out, err = run_cli("screenshots", "--db", demo_db_path, "--out", out_dir)
    assert code == 0, err
    names = sorted(p.stem for p in out_dir.glob("*.png"))
    assert names == sorted(
        [
            "wizard-start",
            "wizard-council",
            "wizard-associations",
            "home",
            "members",
            "settings",
            "council-dialog",
            "figures-dialog",
            "members-households",
            "members-officers",
            "members-committees",
            "members-organisations",
            "members-stats",
            "member-import",
            "member-import-preview",
            "member-export",
            # 会計: its tabs, a closed year, the dialogs
            "accounts",
            "accounts-budget",
            "accounts-settlement",
            "accounts-audit",
            "accounts-subsidies",
            "accounts-setup",
            "accounts-export",
            "accounts-import",
            "accounts-audit-dialog",
            "accounts-subsidy-dialog",
            "accounts-last-year",
            "accounts-settlement-last-year",
            "accounts-audit-last-year",
            "accounts-subsidies-last-year",
            # 会議・議事録: the list, one meeting (attendance, agenda, actions), the registers, dialogs
            "meetings",
            "meetings-meeting",
            "meetings-meeting-agenda",
            "meetings-meeting-actions",
            "meetings-actions",
            "meetings-resolutions",
            "meeting-dialog",
            "meeting-action-dialog",
            "meeting-election-dialog",
            "meeting-export",
            # 夢プラン
            "plan",
            "plan-roadmap",
            "plan-evaluation",
            "plan-indicators",
            "plan-progress",
            "plan-dialog",
            "plan-revision",
            "plan-indicator-dialog",
            "plan-export",
            # 事業
            "activities",
            "activities-calendar",
            "activity-dialog",
            # 書類: the list of documents, and one previewed
            "documents",
            "documents-preview",
        ]
    )
    home = QImage(str(out_dir / "home.png"))
    assert home.width() >= 1000 and home.height() >= 600
    # A real page has many colours (text, table, navigation), not a blank grab.
    colours = {home.pixel(x, y) for x in range(0, home.width(), 7) for y in range(0, home.height(), 7)}
    assert len(colours) > 20
