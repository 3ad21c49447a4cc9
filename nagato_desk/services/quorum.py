"""定足数 (quorum) and the council's rules for each kind of meeting.

How people count (decided here, shown on the minutes):

- 出席 counts. 書面表決 counts when the kind's rule says so (the model 規約: 出席者数に書面表決者を含む).
- A 委任状 counts when the rule counts proxies **and** the proxy can be used: its holder is an eligible
  person marked 出席, or it is given to the chair (no holder named: 議長一任) and the meeting has a
  chair. A proxy to someone who is absent (or who is not at the meeting) cannot be used: it counts
  as 欠席 and the status text says so (「委任先が欠席の委任状 n 名は欠席扱い」).
- Guests never count. Only the eligible people of the meeting (the roster on the meeting date) count.
- The quorum: ``counted × den > eligible × num`` when strict (「過半数」: exactly half is not enough),
  ``counted × den >= eligible × num`` otherwise (「3分の2以上」). A kind with ``quorum_den == 0`` has
  no quorum (研修会, ワークショップ).
- The base of every majority (votes.py) is the same ``counted`` number: 出席者 with the usable
  委任状 and 書面表決 — so an abstention (棄権) works like a vote against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.models import MEETING_KINDS, MeetingRule
from nagato_desk.models.agenda import VOTE_RULES


@dataclass(frozen=True)
class RuleDraft:
    quorum_num: int = 1
    quorum_den: int = 2
    quorum_strict: bool = True
    count_proxies: bool = True
    count_written: bool = True
    vote_rule: str = "majority"
    article: str = ""

    @property
    def has_quorum(self) -> bool:
        return self.quorum_den > 0


_MAJORITY = RuleDraft(article="")
#: What a council starts with (the usual model 規約); each council changes them in the settings.
DEFAULT_RULES: dict[str, RuleDraft] = {
    "general": replace(_MAJORITY, article="総会は会員の過半数の出席がなければ開くことができない（委任状・書面表決を含む）。"),
    "extraordinary": replace(_MAJORITY, article="総会は会員の過半数の出席がなければ開くことができない（委任状・書面表決を含む）。"),
    "board": replace(_MAJORITY, article="役員会は役員の過半数の出席がなければ開くことができない。"),
    "committee": replace(_MAJORITY, article="部会は部会員の過半数の出席がなければ開くことができない。"),
    "workshop": RuleDraft(quorum_num=0, quorum_den=0, article="定足数の定めなし"),
    "training": RuleDraft(quorum_num=0, quorum_den=0, article="定足数の定めなし"),
}  # fmt: skip


def _draft(row: MeetingRule) -> RuleDraft:
    return RuleDraft(
        row.quorum_num, row.quorum_den, row.quorum_strict, row.count_proxies, row.count_written,
        row.vote_rule, row.article,
    )  # fmt: skip


def rule_for(session: Session, kind: str) -> RuleDraft:
    """The rule of one kind of meeting: the council's own, else :data:`DEFAULT_RULES`."""
    row = session.scalar(select(MeetingRule).where(MeetingRule.kind == kind))
    return _draft(row) if row is not None else DEFAULT_RULES.get(kind, _MAJORITY)


def list_rules(session: Session) -> dict[str, RuleDraft]:
    """Every kind's rule, in the order of :data:`MEETING_KINDS`."""
    stored = {r.kind: _draft(r) for r in session.scalars(select(MeetingRule))}
    return {kind: stored.get(kind, DEFAULT_RULES[kind]) for kind in MEETING_KINDS}


def set_rule(session: Session, kind: str, draft: RuleDraft) -> MeetingRule:
    """Store the council's rule for ``kind`` (ValidationError on a nonsense fraction)."""
    problems: list[Problem] = []
    if kind not in MEETING_KINDS:
        problems.append(
            Problem("会議の種類が正しくありません。", f"Unknown meeting kind {kind!r}.", field="kind")
        )
    if (
        draft.quorum_den < 0
        or draft.quorum_num < 0
        or (draft.quorum_den and draft.quorum_num > draft.quorum_den)
    ):
        problems.append(
            Problem(
                "定足数の割合は「分母 分の 分子」で、分子は0以上・分母以下にしてください（定めがなければ分母を0に）。",
                "The quorum fraction must be num/den with 0 <= num <= den (den 0: no quorum).",
                field="quorum_num",
            )
        )
    if draft.vote_rule not in VOTE_RULES:
        problems.append(
            Problem("議決の要件が正しくありません。", "Unknown majority rule.", field="vote_rule")
        )
    if problems:
        raise ValidationError(problems)
    row = session.scalar(select(MeetingRule).where(MeetingRule.kind == kind))
    if row is None:
        row = MeetingRule(kind=kind)
        session.add(row)
    row.quorum_num, row.quorum_den, row.quorum_strict = (
        draft.quorum_num,
        draft.quorum_den,
        draft.quorum_strict,
    )
    row.count_proxies, row.count_written = draft.count_proxies, draft.count_written
    row.vote_rule, row.article = draft.vote_rule, (draft.article or "").strip()
    session.flush()
    return row


def rule_text(rule: RuleDraft) -> str:
    """「在籍者の過半数（委任状・書面表決を含む）」 / 「在籍者の3分の2以上」 / 「定足数の定めなし」."""
    if not rule.has_quorum:
        return "定足数の定めなし"
    if (rule.quorum_num, rule.quorum_den, rule.quorum_strict) == (1, 2, True):
        share = "過半数"
    else:
        share = f"{rule.quorum_den}分の{rule.quorum_num}{'を超える数' if rule.quorum_strict else '以上'}"
    counted = [w for w, on in (("委任状", rule.count_proxies), ("書面表決", rule.count_written)) if on]
    return f"在籍者の{share}" + (f"（{'・'.join(counted)}を含む）" if counted else "")


# -- counting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How the eligible people took part; ``void_proxies`` are 委任状 that cannot be used."""

    eligible: int
    present: int
    proxies: int  # usable 委任状
    written: int
    void_proxies: int

    @property
    def absent(self) -> int:
        return self.eligible - self.present - self.proxies - self.written


def tally(entries: Iterable[tuple[int, str, int | None]], chair_member_id: int | None) -> Tally:
    """Count ``(member_id, status, proxy_to_member_id)`` rows of one meeting (see the module text)."""
    rows = list(entries)
    present = {m for m, s, _ in rows if s == "present"}
    proxies = void = written = 0
    for member_id, status, holder in rows:
        if status == "written":
            written += 1
        elif status == "proxy":
            usable = (holder is None and chair_member_id is not None) or (
                holder is not None and holder != member_id and holder in present
            )
            if usable:
                proxies += 1
            else:
                void += 1
    return Tally(len(rows), len(present), proxies, written, void)


@dataclass(frozen=True)
class QuorumStatus:
    tally: Tally
    rule: RuleDraft
    counted: int  # 出席者数 for the quorum and the base of majorities
    required: int | None  # the smallest number that makes the quorum (None: no quorum rule)
    met: bool | None
    text: str


def required_for(eligible: int, rule: RuleDraft) -> int | None:
    """The fewest people that make the quorum: more than half of 10 is 6; of 9, 5; 3分の2以上 of 10, 7."""
    if not rule.has_quorum:
        return None
    if rule.quorum_strict:
        return eligible * rule.quorum_num // rule.quorum_den + 1
    return -(-eligible * rule.quorum_num // rule.quorum_den)


def counted_of(t: Tally, rule: RuleDraft) -> int:
    return t.present + (t.proxies if rule.count_proxies else 0) + (t.written if rule.count_written else 0)


def quorum_status(t: Tally, rule: RuleDraft) -> QuorumStatus:
    """The live status: 「在籍 N 名中 出席 a 名、委任状 b 名、書面表決 c 名 — 成立」 or why not."""
    counted = counted_of(t, rule)
    required = required_for(t.eligible, rule)
    head = f"在籍 {t.eligible} 名中 出席 {t.present} 名、委任状 {t.proxies} 名、書面表決 {t.written} 名"
    notes = []
    if t.void_proxies:
        notes.append(f"委任先が欠席の委任状 {t.void_proxies} 名は欠席扱い")
    if not rule.count_proxies and t.proxies:
        notes.append("委任状は出席に数えない")
    if not rule.count_written and t.written:
        notes.append("書面表決は出席に数えない")
    extra = f"（{'、'.join(notes)}）" if notes else ""
    if required is None:
        return QuorumStatus(t, rule, counted, None, None, f"{head}{extra} — 定足数の定めなし")
    met = t.eligible > 0 and counted >= required
    if met:
        text = f"{head}{extra} — 成立（計 {counted} 名、定足数 {required} 名）"
    else:
        text = (
            f"{head}{extra} — 不成立（計 {counted} 名、{rule_text(rule)}の {required} 名以上が必要、"
            f"あと {max(required - counted, 0)} 名）"
        )
    return QuorumStatus(t, rule, counted, required, met, text)
