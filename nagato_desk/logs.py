"""A rotating log file in the user's log folder; where the error dialog tells people to look."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from nagato_desk.paths import user_log_dir

LOG_NAME = "nagato-desk.log"
_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``<log dir>/nagato-desk.log`` (5 files of 1 MB); returns the file, or None if unwritable."""
    global _configured
    if _configured is not None:
        return _configured
    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        path = None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _configured = path
    return path


def log_file() -> Path | None:
    return _configured
