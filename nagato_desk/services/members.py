"""会員: persons — adding, editing, searching (lazy, 50音 order), leaving, trash, consent.

Every user intent is one function here; the window, the command line, the importer and the tests all
call these. Search keys (``reading_key``, ``search_text``) are derived here on every write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: 在籍・退会・転出・死亡 — (Japanese, English) labels of Member.status
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "active": ("在籍", "active"),
    "withdrawn": ("退会", "withdrawn"),
    "moved": ("転出", "moved away"),
    "deceased": ("死亡", "deceased"),
}

#: Member.gender: "" when not recorded
GENDER_LABELS: dict[str, tuple[str, str]] = {
    "F": ("女性", "female"),
    "M": ("男性", "male"),
    "X": ("その他", "other"),
    "": ("", ""),
}

#: Purposes a person can consent to (the list is open; these are offered first).
CONSENT_PURPOSES = ("会員名簿の作成・管理", "協議会からの連絡", "市への名簿の提出", "広報誌・ホームページへの掲載")


@dataclass
class MemberDraft:
    """What the member form and the importer collect for one person."""

    name: str
    reading: str = ""
    gender: str = ""  # "", "F", "M", "X"
    birth_date: date | None = None
    birth_year: int | None = None  # when only the year is known (birth_date wins when both)
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    association_id: int | None = None
    block_id: int | None = None
    household_id: int | None = None
    status: str = "active"
    joined_on: date | None = None
    left_on: date | None = None
    notes: str = ""


@dataclass
class MemberFilter:
    """The member list's filters; empty fields do not filter."""

    text: str = ""  # name or reading (hiragana, katakana, half-width all match) or phone digits
    association_id: int | None = None
    block_id: int | None = None
    committee_id: int | None = None
    role_id: int | None = None  # holds this role on ``on`` (default today)
    statuses: tuple[str, ...] = ("active",)  # empty tuple: every status
    on: date | None = None
    without_consent: bool = False  # only people with no consent recorded
    trash: bool = False  # the trash instead of the list


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list (plain values, ready to show)."""

    id: int
    name: str
    reading: str
    gender: str
    birth_date: date | None
    birth_year: int | None
    address: str
    phone: str
    association: str
    block: str
    status: str
    household_id: int | None
    extra: dict[str, str] = field(default_factory=dict)
