"""個人情報の取扱いへの同意: who agreed, to what purpose, from when — and withdrawing it.

Import these through ``services/members.py``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Consent, Member
from nagato_desk.services.member_rules import clean, date_problems, live_member

PURPOSE_MAX = 100


def add_consent(session: Session, member_id: int, purpose: str, given_on: date, note: str = "") -> Consent:
    """Record that the person agreed, on ``given_on``, to their data being used for ``purpose``."""
    member = live_member(session, member_id)
    purpose = clean(purpose)
    problems: list[Problem] = []
    if not purpose:
        problems.append(Problem("同意の目的を入力してください。", "Enter the purpose.", field="purpose"))
    elif len(purpose) > PURPOSE_MAX:
        problems.append(
            Problem(
                f"同意の目的は{PURPOSE_MAX}文字以内にしてください。",
                f"The purpose is longer than {PURPOSE_MAX} characters.",
                field="purpose",
            )
        )
    if given_on is None:
        problems.append(Problem("同意した日を入力してください。", "Enter the date.", field="given_on"))
    problems += date_problems(given_on, "同意した日", "The consent date", "given_on")
    if problems:
        raise ValidationError(problems)
    row = Consent(member_id=member.id, purpose=purpose, given_on=given_on, note=clean(note))
    member.consents.append(row)
    session.flush()
    return row


def withdraw_consent(session: Session, consent_id: int, on: date) -> Consent:
    """The person withdrew this consent on ``on`` (the row stays, as proof of both dates)."""
    row = session.get(Consent, consent_id)
    if row is None:
        raise problem("指定された同意の記録が見つかりません。", "That consent does not exist.")
    if row.withdrawn_on is not None:
        raise problem(
            f"この同意は{row.withdrawn_on.isoformat()}にすでに撤回されています。",
            f"This consent was already withdrawn on {row.withdrawn_on.isoformat()}.",
        )
    problems = date_problems(on, "撤回した日", "The withdrawal date", "withdrawn_on")
    if on is None:
        problems.append(Problem("撤回した日を入力してください。", "Enter the date.", field="withdrawn_on"))
    elif not problems and on < row.given_on:
        problems.append(
            Problem(
                "撤回した日が同意した日より前です。",
                "The withdrawal date is before the consent date.",
                field="withdrawn_on",
            )
        )
    if problems:
        raise ValidationError(problems)
    row.withdrawn_on = on
    session.flush()
    return row


def has_consent(member: Member, purpose: str | None = None, on: date | None = None) -> bool:
    """True when the person's consent (to ``purpose``, or to anything) holds on ``on`` (default today):
    given on or before that day and not withdrawn by then."""
    on = on or date.today()
    for c in member.consents:
        if purpose is not None and c.purpose != clean(purpose):
            continue
        if c.given_on <= on and (c.withdrawn_on is None or c.withdrawn_on > on):
            return True
    return False
