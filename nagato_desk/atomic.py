"""Files written whole or not at all: write to a temporary name in the same folder, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nagato_desk.errors import storage_error


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(out_path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out_path``; on success it replaces ``out_path``, on failure it
    is removed and whatever was at ``out_path`` before stays as it was."""
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        mapped = storage_error(exc, read_only=True)
        if mapped is None:
            raise
        raise mapped from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); a document is an ordinary file for its owner's group.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out_path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        # Disk full (ENOSPC, EFBIG) or a read-only place: the plain message, whoever wrote the file.
        mapped = storage_error(exc, read_only=True) if isinstance(exc, Exception) else None
        if mapped is not None and mapped is not exc:
            raise mapped from exc
        raise
