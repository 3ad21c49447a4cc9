"""Where things live: bundled data (fonts, forms, migrations) and the user's own folders.

Bundled data sits at the top of the checkout (``ui/``, ``resources/``, ``db/``) and is mapped into
``nagato_desk/_data/`` when the wheel or a frozen build is made; this module finds either.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from nagato_desk import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder that holds ``ui/``, ``resources/`` and ``db/``."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "nagato_desk" / "_data")
    candidates.append(_PACKAGE_DIR / "_data")
    candidates.append(_PACKAGE_DIR.parent)  # a source checkout
    for root in candidates:
        if (root / "resources").is_dir() and (root / "db").is_dir():
            return root
    raise FileNotFoundError(
        "bundled data (resources/, db/, ui/) not found next to the package: "
        + ", ".join(map(str, candidates))
    )


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, icons, translations, demo data)."""
    return data_root().joinpath("resources", *parts)


def ui_path(name: str) -> Path:
    """A Qt Designer form under ``ui/``."""
    return data_root() / "ui" / name


def migrations_path() -> Path:
    """The Alembic environment (``db/``)."""
    return data_root() / "db"


def guide_path() -> Path:
    """The user guide (``docs/guide/`` in a checkout, ``_data/guide/`` in the wheel or a frozen build)."""
    root = data_root()
    for folder in (root / "guide", root / "docs" / "guide"):
        if folder.is_dir():
            return folder
    return root / "docs" / "guide"


def _dirs():
    # platformdirs is imported lazily: it is small, but start-up time is measured.
    import platformdirs

    return platformdirs.PlatformDirs(appname=APP_NAME, appauthor=False, roaming=False)


def user_data_dir() -> Path:
    override = os.environ.get("NAGATO_DESK_DATA_DIR")
    return Path(override) if override else Path(_dirs().user_data_dir)


def user_config_dir() -> Path:
    override = os.environ.get("NAGATO_DESK_CONFIG_DIR")
    return Path(override) if override else Path(_dirs().user_config_dir)


def user_log_dir() -> Path:
    override = os.environ.get("NAGATO_DESK_LOG_DIR")
    return Path(override) if override else Path(_dirs().user_log_dir)


def default_database_path() -> Path:
    return user_data_dir() / "nagato-desk.db"


def default_backup_dir(database: Path) -> Path:
    """Backups sit beside the data by default, in a folder of their own."""
    return database.parent / "backups"


FONT_GOTHIC = "BIZUDGothic-Regular.ttf"
FONT_GOTHIC_BOLD = "BIZUDGothic-Bold.ttf"
FONT_MINCHO = "BIZUDMincho-Regular.ttf"
