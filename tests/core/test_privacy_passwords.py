"""The optional start password: a slow salted hash in the data file, never the password itself;
three wrong tries, then a wait; the idle minutes."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from nagato_desk.errors import ValidationError
from nagato_desk.models import ChangeLog
from nagato_desk.services import passwords as pw


def test_hashes_are_argon2id_salted_and_verify(monkeypatch):
    a, b = pw.hash_password("ひみつ1234"), pw.hash_password("ひみつ1234")
    assert a.startswith("$argon2id$") and a != b  # a new salt each time
    assert pw.verify_password(a, "ひみつ1234") and pw.verify_password(b, "ひみつ1234")
    assert not pw.verify_password(a, "ひみつ123") and not pw.verify_password("", "")
    assert not pw.verify_password("$argon2id$broken", "x")


def test_the_scrypt_fallback_verifies_too(monkeypatch):
    monkeypatch.setattr(pw, "_SCRYPT", {"n": 2**10, "r": 8, "p": 1})  # fast in the test
    monkeypatch.setattr(pw, "_argon2", lambda: None)
    stored = pw.hash_password("secret")
    assert stored.startswith("$scrypt$n=1024,r=8,p=1$")
    assert pw.verify_password(stored, "secret") and not pw.verify_password(stored, "Secret")
    assert not pw.verify_password("$scrypt$garbage", "secret")


def test_set_change_and_remove_the_password(db):
    with db.Session() as s:
        assert not pw.password_is_set(s) and pw.check_password(s, "anything")  # no password: open
    with db.session() as s:
        pw.set_password(s, "first-pass")
    with db.Session() as s:
        assert pw.password_is_set(s)
        assert pw.check_password(s, "first-pass") and not pw.check_password(s, "first-pasS")
    with db.session() as s, pytest.raises(ValidationError) as err:
        pw.set_password(s, "second", current="wrong")
    assert "今のパスワードが違います" in str(err.value)
    with db.session() as s:
        pw.set_password(s, "second", current="first-pass")
    with db.session() as s, pytest.raises(ValidationError):
        pw.clear_password(s, "first-pass")  # the old one no longer counts
    with db.session() as s:
        pw.clear_password(s, "second")
    with db.Session() as s:
        assert not pw.password_is_set(s)
        notes = list(s.scalars(select(ChangeLog.note).where(ChangeLog.action == "password")))
    assert notes == [
        "起動パスワードを設定しました",
        "起動パスワードを変更しました",
        "起動パスワードを解除しました",
    ]


def test_the_plain_password_is_nowhere_in_the_file_nor_the_hash_in_the_history(db):
    with db.session() as s:
        pw.set_password(s, "PlainTextSecret")
    db.close()
    with sqlite3.connect(db.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (stored,) = conn.execute("SELECT password_hash FROM access_password").fetchone()
        history = " ".join(r[0] or "" for r in conn.execute("SELECT changes FROM change_log"))
    assert stored.startswith("$argon2id$")
    assert b"PlainTextSecret" not in db.path.read_bytes()
    assert "argon2" not in history  # the hash is not copied into the change history


def test_too_short_passwords_and_bad_idle_minutes_are_refused(db):
    with db.session() as s, pytest.raises(ValidationError) as err:
        pw.set_password(s, "abc")  # 3 < MIN_LENGTH 4
    assert "4文字以上" in str(err.value)
    for bad in (-1, 241, True, "5"):
        with db.session() as s, pytest.raises(ValidationError):
            pw.set_idle_minutes(s, bad)  # type: ignore[arg-type]
    with db.session() as s:
        pw.set_password(s, "abcd")
        pw.set_idle_minutes(s, 0)
    with db.Session() as s:
        assert pw.access_settings(s) == pw.AccessSettings(True, 0)


def test_a_file_without_the_table_has_no_password(db):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE access_password")
    with db.Session() as s:
        assert not pw.password_is_set(s) and pw.check_password(s, "")
    with db.session() as s, pytest.raises(Exception) as err:
        pw.set_password(s, "abcd")
    assert "新しいバージョン" in err.value.message("ja")


def test_three_wrong_tries_then_a_wait():
    now = [100.0]
    gate = pw.PasswordGate(lambda text: text == "right", max_tries=3, wait_seconds=30, clock=lambda: now[0])
    assert gate.attempt("a") is False and gate.attempt("b") is False
    assert gate.wait_left() == 0
    assert gate.attempt("c") is False  # the third wrong one
    assert gate.wait_left() == 30
    assert gate.attempt("right") is None  # not even tried while waiting
    now[0] += 29.5
    assert gate.attempt("right") is None
    now[0] += 0.5  # 30 s later
    assert gate.attempt("wrong") is False and gate.wait_left() == 30  # still counting: wait again
    now[0] += 30
    assert gate.attempt("right") is True and gate.failures == 0
