"""The optional password that opens the program, and the idle minutes before the window locks.

Stored in the data file (table ``access_password``) as a slow salted hash: argon2id through
``argon2-cffi``; where that package is missing, ``hashlib.scrypt`` with a random 16-byte salt per
hash (``$scrypt$n=…``), and both are verified. The plain password is never stored or logged.

Only the window asks for it (at start and after the idle lock); the command line asks nothing: it is
for the office PC's own user, who can read the file anyway (docs/PRIVACY.md). A data file made by a
version without the table simply has no password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from nagato_desk.errors import NagatoError, Problem, ValidationError
from nagato_desk.models import AccessPassword
from nagato_desk.services.history import record_event

MIN_LENGTH = 4
MAX_LENGTH = 200
IDLE_RANGE = (0, 240)  # minutes; 0: never lock
DEFAULT_IDLE = 10
MAX_TRIES = 3  # wrong passwords in a row before the prompt makes the user wait
WAIT_SECONDS = 30

_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def _argon2():  # type: ignore[no-untyped-def]
    try:
        from argon2 import PasswordHasher
    except ImportError:  # pragma: no cover - argon2-cffi is a dependency; scrypt is the fallback
        return None
    return PasswordHasher()


def hash_password(password: str) -> str:
    """A slow salted hash of ``password`` (argon2id, else scrypt)."""
    hasher = _argon2()
    if hasher is not None:
        return hasher.hash(password)
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, maxmem=64 * 1024 * 1024, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return f"$scrypt$n={_SCRYPT['n']},r={_SCRYPT['r']},p={_SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the hash ``stored`` (False for anything unreadable)."""
    if not stored or not isinstance(password, str):
        return False
    if stored.startswith("$scrypt$"):
        try:
            _, _, params, salt, digest = stored.split("$")
            values = dict(part.split("=") for part in params.split(","))
            got = hashlib.scrypt(
                password.encode(),
                salt=base64.b64decode(salt),
                n=int(values["n"]),
                r=int(values["r"]),
                p=int(values["p"]),
                maxmem=64 * 1024 * 1024,
                dklen=32,
            )
        except (ValueError, KeyError):
            return False
        return hmac.compare_digest(got, base64.b64decode(digest))
    hasher = _argon2()
    if hasher is None:  # pragma: no cover
        return False
    try:
        return hasher.verify(stored, password)
    except Exception:  # argon2.exceptions.VerifyMismatchError, InvalidHashError …
        return False


def _has_table(session: Session) -> bool:
    return inspect(session.connection()).has_table(AccessPassword.__tablename__)


def _row(session: Session) -> AccessPassword | None:
    if not _has_table(session):
        return None
    return session.scalars(select(AccessPassword).order_by(AccessPassword.id).limit(1)).first()


@dataclass(frozen=True)
class AccessSettings:
    password_set: bool
    idle_minutes: int  # 0: never lock (and never when no password is set)


def access_settings(session: Session) -> AccessSettings:
    row = _row(session)
    if row is None or not row.password_hash:
        return AccessSettings(False, row.idle_minutes if row is not None else DEFAULT_IDLE)
    return AccessSettings(True, row.idle_minutes)


def password_is_set(session: Session) -> bool:
    return access_settings(session).password_set


def check_password(session: Session, password: str) -> bool:
    """True when no password is set, or ``password`` is it."""
    row = _row(session)
    if row is None or not row.password_hash:
        return True
    return verify_password(row.password_hash, password)


def _require_table(session: Session) -> None:
    if not _has_table(session):
        raise NagatoError(
            "このデータファイルはまだパスワードに対応していません。新しいバージョンで開き直してください。",
            "This data file does not support a password yet. Open it with the new version first.",
        )


def _require_current(session: Session, current: str | None) -> AccessPassword | None:
    row = _row(session)
    if row is not None and row.password_hash and not verify_password(row.password_hash, current or ""):
        raise ValidationError(
            [Problem("今のパスワードが違います。", "The current password is wrong.", field="current")]
        )
    return row


def set_password(session: Session, new: str, *, current: str | None = None) -> None:
    """Set (or change) the password; when one is set, ``current`` must be it."""
    _require_table(session)
    row = _require_current(session, current)
    problems = []
    if len(new or "") < MIN_LENGTH:
        problems.append(
            Problem(
                f"パスワードは{MIN_LENGTH}文字以上にしてください。",
                f"Use at least {MIN_LENGTH} characters.",
                field="new",
            )
        )
    elif len(new) > MAX_LENGTH:
        problems.append(
            Problem(
                f"パスワードは{MAX_LENGTH}文字以内にしてください。",
                f"Use at most {MAX_LENGTH} characters.",
                field="new",
            )
        )
    if problems:
        raise ValidationError(problems)
    if row is None:
        row = AccessPassword(idle_minutes=DEFAULT_IDLE)
        session.add(row)
    changed = bool(row.password_hash)
    row.password_hash = hash_password(new)
    record_event(
        session,
        "password",
        "起動パスワードを変更しました" if changed else "起動パスワードを設定しました",
        AccessPassword.__tablename__,
    )
    session.flush()


def clear_password(session: Session, current: str) -> None:
    """Remove the password (``current`` must be it): the program opens without asking."""
    _require_table(session)
    row = _require_current(session, current)
    if row is None or not row.password_hash:
        return
    row.password_hash = ""
    record_event(session, "password", "起動パスワードを解除しました", AccessPassword.__tablename__)
    session.flush()


def set_idle_minutes(session: Session, minutes: int) -> None:
    """Minutes without a key press or mouse movement before the window locks (0: never)."""
    _require_table(session)
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not IDLE_RANGE[0] <= minutes <= IDLE_RANGE[1]
    ):
        raise ValidationError(
            [
                Problem(
                    f"自動ロックまでの時間は{IDLE_RANGE[0]}〜{IDLE_RANGE[1]}分で指定してください。",
                    f"Use {IDLE_RANGE[0]} to {IDLE_RANGE[1]} minutes.",
                    field="idle_minutes",
                )
            ]
        )
    row = _row(session)
    if row is None:
        row = AccessPassword(password_hash="", idle_minutes=minutes)
        session.add(row)
    row.idle_minutes = minutes
    session.flush()


class PasswordGate:
    """Counts wrong passwords: after ``max_tries`` in a row, the next try must wait ``wait_seconds``
    (each further wrong one waits again). ``clock`` is injectable for tests."""

    def __init__(
        self,
        check: Callable[[str], bool],
        *,
        max_tries: int = MAX_TRIES,
        wait_seconds: float = WAIT_SECONDS,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.check = check
        self.max_tries = max_tries
        self.wait_seconds = wait_seconds
        self.clock = clock or time.monotonic
        self.failures = 0
        self.blocked_until = 0.0

    def wait_left(self) -> float:
        """Seconds to wait before the next try is accepted (0: now)."""
        return max(0.0, self.blocked_until - self.clock())

    def attempt(self, password: str) -> bool | None:
        """True: right; False: wrong; None: not tried, the user must wait (see :meth:`wait_left`)."""
        if self.wait_left() > 0:
            return None
        if self.check(password):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= self.max_tries:
            self.blocked_until = self.clock() + self.wait_seconds
        return False
