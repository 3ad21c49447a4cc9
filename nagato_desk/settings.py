"""The user's settings (language, date style, font size, where data and backups live, how many to keep).

Kept as a small JSON file in the user's config folder so the window and the command line share them;
a damaged file never stops the program (defaults are used and the file is rewritten on next save).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from nagato_desk.atomic import atomic_path
from nagato_desk.paths import default_backup_dir, default_database_path, user_config_dir

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
DATE_STYLES = ("wareki", "seireki")
FONT_SIZES = (11, 12, 14, 16, 18)
#: How many automatic backups are kept: one a day for this many days, one a month for this many months.
KEEP_DAILY_RANGE = (1, 365)
KEEP_MONTHLY_RANGE = (0, 120)


def _clamped(value: object, default: int, bounds: tuple[int, int]) -> int:
    """A number out of range becomes the nearest allowed one; anything that is not a number, the default."""
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return min(max(value, bounds[0]), bounds[1])


@dataclass
class Settings:
    language: str = "ja"
    date_style: str = "wareki"
    font_size: int = 12
    database_path: str = ""
    backup_dir: str = ""
    keep_daily: int = 10
    keep_monthly: int = 12

    def database(self) -> Path:
        return Path(self.database_path) if self.database_path else default_database_path()

    def backups(self, database: Path | None = None) -> Path:
        if self.backup_dir:
            return Path(self.backup_dir)
        return default_backup_dir(database or self.database())

    def normalised(self) -> Settings:
        if self.language not in LANGUAGES:
            self.language = "ja"
        if self.date_style not in DATE_STYLES:
            self.date_style = "wareki"
        if (
            isinstance(self.font_size, bool)
            or not isinstance(self.font_size, int)
            or not 9 <= self.font_size <= 28
        ):
            self.font_size = 12
        # A hand-edited file may hold anything: a folder that is not text means "the default".
        if not isinstance(self.database_path, str):
            self.database_path = ""
        if not isinstance(self.backup_dir, str):
            self.backup_dir = ""
        self.keep_daily = _clamped(self.keep_daily, 10, KEEP_DAILY_RANGE)
        self.keep_monthly = _clamped(self.keep_monthly, 12, KEEP_MONTHLY_RANGE)
        return self


def settings_file() -> Path:
    return user_config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known}
    try:
        return Settings(**values).normalised()
    except TypeError:
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    with atomic_path(path) as tmp:
        tmp.write_text(
            json.dumps(asdict(settings.normalised()), ensure_ascii=False, indent=2), encoding="utf-8"
        )
