"""The settings file: shared by the window and the command line; a damaged file never stops the program."""

from __future__ import annotations

import json

import pytest

from nagato_desk.settings import Settings, load_settings, save_settings, settings_file


def test_defaults_live_in_the_user_folders(user_dirs):
    settings = load_settings()
    assert settings == Settings()
    assert settings_file() == user_dirs["config"] / "settings.json"
    assert settings.database() == user_dirs["data"] / "nagato-desk.db"
    assert settings.backups() == user_dirs["data"] / "backups"


def test_save_then_load(tmp_path, user_dirs):
    save_settings(Settings(language="en", date_style="seireki", font_size=16, backup_dir=str(tmp_path / "b")))
    loaded = load_settings()
    assert (loaded.language, loaded.date_style, loaded.font_size) == ("en", "seireki", 16)
    assert loaded.backups() == tmp_path / "b"
    assert [p.name for p in user_dirs["config"].iterdir()] == ["settings.json"]  # no .tmp left


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", '"ja"', "", '{"font_size": "big"}', "\udcff"],
    ids=["broken", "list", "string", "empty", "bad-font", "bad-bytes"],
)
def test_a_damaged_file_gives_the_defaults(user_dirs, content):
    user_dirs["config"].mkdir(parents=True)
    settings_file().write_bytes(content.encode("utf-8", "surrogateescape"))
    assert load_settings() == Settings()


def test_unknown_and_wrong_values_are_replaced(user_dirs):
    user_dirs["config"].mkdir(parents=True)
    settings_file().write_text(
        json.dumps(
            {
                "language": "fr",
                "date_style": 3,
                "font_size": True,
                "backup_dir": 5,
                "database_path": None,
                "x": 1,
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings == Settings()
    assert settings.backups() == user_dirs["data"] / "backups"
