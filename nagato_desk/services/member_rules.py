"""会員の入力チェック: what a member's data must look like, and the search keys derived from it.

Import these through ``services/members.py``; this module depends only on the models, so the
other member modules can use it without importing each other.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, problem
from nagato_desk.models import GENDERS, MEMBER_STATUSES, Member
from nagato_desk.reading import fold, fold_phone, sort_key_text

if TYPE_CHECKING:
    from nagato_desk.services.members import MemberDraft

EARLIEST_YEAR = 1900
NAME_MAX = 100

#: field: (max length, Japanese label, English label) for the free-text fields checked for length
TEXT_LIMITS: dict[str, tuple[int, str, str]] = {
    "reading": (200, "ふりがな", "The reading"),
    "postal_code": (10, "郵便番号", "The postal code"),
    "address": (300, "住所", "The address"),
    "phone": (40, "電話番号", "The phone number"),
    "mobile": (40, "携帯電話番号", "The mobile number"),
    "email": (200, "メールアドレス", "The e-mail address"),
}

# Characters a reading may hold once folded: hiragana (katakana and half-width katakana fold to
# it), ゝゞ, the long-vowel mark, ヷヸヹヺ (no hiragana twin) and the middle dot of foreign names.
_KANA = {chr(cp) for cp in range(0x3041, 0x3097)} | set("ゝゞーヷヸヹヺ・")


def clean(text: str | None) -> str:
    return (text or "").strip()


def is_kana_reading(text: str | None) -> bool:
    """True when ``text`` is written only in kana (any width) and spaces; empty is fine."""
    return all(ch in _KANA for ch in fold(text))


def reading_key_of(reading: str | None) -> str:
    return sort_key_text(clean(reading))


def search_text_of(name: str, reading: str, phone: str, mobile: str) -> str:
    """What the member list's search box looks in: folded name, folded reading, phone digits.

    The parts are kept apart by a newline and a space, which a folded query never holds, so a
    query cannot match across two fields.
    """
    return f"{fold(name)}\n{fold(reading)}\n{fold_phone(phone)} {fold_phone(mobile)}"


def date_problems(
    value: date | None, ja: str, en: str, field: str, *, future_ok: bool = False, today: date | None = None
) -> list[Problem]:
    """A date must be a real date, not before 1900 and (unless ``future_ok``) not after today."""
    if value is None:
        return []
    today = today or date.today()
    if not isinstance(value, date):
        return [Problem(f"{ja}が日付ではありません。", f"{en} is not a date.", field=field)]
    if value.year < EARLIEST_YEAR:
        return [
            Problem(f"{ja}が{EARLIEST_YEAR}年より前です。", f"{en} is before {EARLIEST_YEAR}.", field=field)
        ]
    if not future_ok and value > today:
        return [Problem(f"{ja}が未来の日付です。", f"{en} is in the future.", field=field)]
    return []


def required_date_problems(on: date | None, ja: str, en: str, field: str) -> list[Problem]:
    """A date that must be given, from 1900 on (future dates allowed: recorded ahead of the day)."""
    if on is None:
        return [Problem(f"{ja}を入力してください。", f"Enter {en}.", field=field)]
    return date_problems(on, ja, en.capitalize(), field, future_ok=True)


def validate_member(draft: MemberDraft, *, today: date | None = None) -> list[Problem]:
    """Everything wrong with one person's data, each naming its field; empty when it can be saved."""
    today = today or date.today()
    problems: list[Problem] = []
    name = clean(draft.name)
    if not name:
        problems.append(Problem("氏名を入力してください。", "Enter the name.", field="name"))
    elif len(name) > NAME_MAX:
        problems.append(
            Problem(
                f"氏名は{NAME_MAX}文字以内にしてください。",
                f"The name is longer than {NAME_MAX} characters.",
                field="name",
            )
        )
    for attr, (limit, ja, en) in TEXT_LIMITS.items():
        if len(clean(getattr(draft, attr))) > limit:
            problems.append(
                Problem(
                    f"{ja}は{limit}文字以内にしてください。",
                    f"{en} is longer than {limit} characters.",
                    field=attr,
                )
            )
    if not is_kana_reading(draft.reading):
        problems.append(
            Problem(
                "ふりがなは、ひらがなかカタカナで入力してください。",
                "Write the reading (furigana) in hiragana or katakana.",
                field="reading",
            )
        )
    if (draft.gender or "") not in GENDERS + ("",):
        problems.append(
            Problem(
                f"性別「{draft.gender}」は選べません。", f"Unknown gender '{draft.gender}'.", field="gender"
            )
        )
    if draft.status not in MEMBER_STATUSES:
        problems.append(
            Problem(
                f"在籍状況「{draft.status}」は選べません。",
                f"Unknown status '{draft.status}'.",
                field="status",
            )
        )
    problems += date_problems(draft.birth_date, "生年月日", "The birth date", "birth_date", today=today)
    year = draft.birth_year
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not EARLIEST_YEAR <= year <= today.year
    ):
        problems.append(
            Problem(
                f"生まれ年は{EARLIEST_YEAR}年から{today.year}年までで入力してください。",
                f"The birth year must be between {EARLIEST_YEAR} and {today.year}.",
                field="birth_year",
            )
        )
    # Joining and leaving may be entered ahead of the day (a move at the end of the month).
    problems += date_problems(draft.joined_on, "入会日", "The joining date", "joined_on", future_ok=True)
    problems += date_problems(draft.left_on, "退会日", "The leaving date", "left_on", future_ok=True)
    if (
        isinstance(draft.joined_on, date)
        and isinstance(draft.left_on, date)
        and draft.left_on < draft.joined_on
    ):
        problems.append(
            Problem(
                "退会日が入会日より前です。", "The leaving date is before the joining date.", field="left_on"
            )
        )
    email = clean(draft.email)
    if email and "@" not in email:
        problems.append(
            Problem("メールアドレスに「@」がありません。", "The e-mail address has no '@'.", field="email")
        )
    for attr, ja, en in (("phone", "電話番号", "phone number"), ("mobile", "携帯電話番号", "mobile number")):
        value = clean(getattr(draft, attr))
        if value and not fold_phone(value):
            problems.append(Problem(f"{ja}に数字がありません。", f"The {en} has no digits.", field=attr))
    return problems


def get_member(session: Session, member_id: int | None) -> Member:
    """The member with this id, in the trash or not."""
    member = session.get(Member, member_id) if member_id is not None else None
    if member is None:
        raise problem("指定された会員が見つかりません。", "That member does not exist.")
    return member


def live_member(session: Session, member_id: int | None) -> Member:
    """The member with this id, refused when in the trash (restore first)."""
    member = get_member(session, member_id)
    if member.deleted_at is not None:
        raise problem(
            f"「{member.name}」さんはごみ箱にあります。元に戻してから操作してください。",
            f"{member.name} is in the trash; restore them first.",
        )
    return member
