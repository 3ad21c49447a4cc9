"""議事と採決: the agenda of a meeting (報告事項, 審議事項 第1号議案 …) and each item's vote and result.

The result (可決・否決・継続審議) is computed from the vote and the rule; the chair may decide otherwise
(an override) only with a reason, which the minutes print.

The base of every majority is the meeting's 出席者数: present people with the usable 委任状 and
書面表決 as the quorum counts them (``quorum.py``). An abstention (棄権) is in the base and not for
the item, so it works like a vote against. The rules:

- 過半数 (majority): ``賛成 × 2 > 出席者数`` — exactly half is not enough;
- 3分の2以上 (two_thirds, the usual rule for 規約改正): ``賛成 × 3 >= 出席者数 × 2``;
- 4分の3以上 (three_quarters): ``賛成 × 4 >= 出席者数 × 3``.

全会一致 passes. 賛成多数 by show of hands (no counts) proves a simple majority only: under a stricter
rule the counts must be entered. Without attendance taken (出席者数 0) the base is the votes cast.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import AgendaItem, Meeting
from nagato_desk.models.agenda import AGENDA_SECTIONS, RESULTS, SUBJECTS, VOTE_METHODS, VOTE_RULES
from nagato_desk.reading import fold
from nagato_desk.services.links import require_links
from nagato_desk.services.meetings import get_meeting

_FRACTIONS = {"majority": (1, 2, True), "two_thirds": (2, 3, False), "three_quarters": (3, 4, False)}


def passes(votes_for: int, base: int, rule: str) -> bool:
    """True when ``votes_for`` of ``base`` meets ``rule`` (see the module text)."""
    num, den, strict = _FRACTIONS[rule]
    return votes_for * den > base * num if strict else votes_for * den >= base * num


def compute_result(
    method: str,
    rule: str,
    votes_for: int | None,
    votes_against: int | None,
    votes_abstain: int | None,
    base: int,
) -> str:
    """'passed' / 'rejected' / 'continued' / '' (not voted). Raises ValidationError when the vote
    cannot decide under the rule (賛成多数 without counts under 3分の2) or the counts do not fit."""
    if method in ("none", ""):
        return ""
    if method == "continued":
        return "continued"
    if method == "unanimous":
        return "passed"
    if method == "hands_majority":
        if rule != "majority":
            raise problem(
                f"「{VOTE_RULES[rule]}」の議案は、賛成・反対・棄権の数を入力するか、全会一致としてください"
                "（賛成多数だけでは要件を満たしたか分かりません）。",
                "Under this rule enter the counts or record the vote as unanimous.",
                field="vote_method",
            )
        return "passed"
    counts = (votes_for, votes_against, votes_abstain)
    if any(c is None or c < 0 for c in counts):
        raise problem(
            "賛成・反対・棄権の数を0以上で入力してください。",
            "Enter the votes for, against and abstaining.",
            field="votes_for",
        )
    cast = sum(counts)  # type: ignore[arg-type]
    if base and cast > base:
        raise problem(
            f"賛成・反対・棄権の合計（{cast}）が出席者数（委任状・書面表決を含む {base} 名）を超えています。",
            f"The votes ({cast}) exceed the attendance ({base}).",
            field="votes_for",
        )
    return "passed" if passes(votes_for, base or cast, rule) else "rejected"  # type: ignore[arg-type]


@dataclass
class AgendaDraft:
    """What the agenda form collects for one item (a report item has no vote)."""

    title: str
    section: str = "deliberation"  # report (報告事項) / deliberation (審議事項)
    proposal: str = ""
    discussion: str = ""  # 質疑応答
    subject: str = ""  # "", election (役員選任), rules (規約改正), budget, plan
    vote_method: str = "none"  # none / count / unanimous / hands_majority / continued
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    vote_rule: str | None = None  # None: 3分の2以上 for 規約改正, else the kind's rule (quorum.py)
    override_result: str = ""  # the chair's decision: passed / rejected / continued
    override_reason: str = ""
    plan_action_id: int | None = None  # → plan_action.id (夢プランの取組)


def item_label(item: AgendaItem) -> str:
    """「第1号議案」 for 審議事項, 「報告1」 for 報告事項."""
    return f"第{item.number}号議案" if item.section == "deliberation" else f"報告{item.number}"


def result_label(code: str) -> str:
    return RESULTS.get(code, code)


def _base(session: Session, meeting_id: int) -> int:
    from nagato_desk.services.meetings import meeting_quorum

    return meeting_quorum(session, meeting_id).counted


def _rule(session: Session, m: Meeting, draft: AgendaDraft) -> str:
    from nagato_desk.services.quorum import rule_for

    if draft.vote_rule:
        return draft.vote_rule
    return "two_thirds" if draft.subject == "rules" else rule_for(session, m.kind).vote_rule


def _validate(draft: AgendaDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not (draft.title or "").strip():
        problems.append(Problem("議題を入力してください。", "Enter the title.", field="title"))
    elif len(draft.title.strip()) > 200:
        problems.append(Problem("議題は200文字以内にしてください。", "The title is too long.", field="title"))
    if draft.section not in AGENDA_SECTIONS:
        problems.append(
            Problem("報告事項か審議事項かを選んでください。", "Unknown section.", field="section")
        )
    if draft.subject not in SUBJECTS:
        problems.append(Problem("議案の種類が正しくありません。", "Unknown subject.", field="subject"))
    if draft.vote_method not in VOTE_METHODS:
        problems.append(
            Problem("採決の方法が正しくありません。", "Unknown vote method.", field="vote_method")
        )
    if draft.vote_rule is not None and draft.vote_rule not in VOTE_RULES:
        problems.append(
            Problem("議決の要件が正しくありません。", "Unknown majority rule.", field="vote_rule")
        )
    if draft.section == "report" and (draft.vote_method not in ("none", "") or draft.override_result):
        problems.append(
            Problem("報告事項は採決しません。", "Report items are not voted on.", field="vote_method")
        )
    if draft.override_result and draft.override_result not in RESULTS:
        problems.append(
            Problem("議長の判断による結果が正しくありません。", "Unknown result.", "override_result")
        )
    if draft.override_result and not (draft.override_reason or "").strip():
        problems.append(
            Problem(
                "議長の判断で結果を変えるときは、その理由を入力してください。",
                "An override of the result needs a reason.",
                field="override_reason",
            )
        )
    return problems


def _values(session: Session, m: Meeting, draft: AgendaDraft) -> dict:
    """The item's fields from the draft, checked and with the result computed (nothing changed yet)."""
    problems = _validate(draft)
    if problems:
        raise ValidationError(problems)
    rule = _rule(session, m, draft)
    counted = draft.vote_method == "count"
    computed = compute_result(
        draft.vote_method,
        rule,
        draft.votes_for,
        draft.votes_against,
        draft.votes_abstain,
        _base(session, m.id),
    )
    title, proposal, discussion = (
        draft.title.strip(),
        (draft.proposal or "").strip(),
        (draft.discussion or "").strip(),
    )
    override = draft.override_result or ""
    return {
        "section": draft.section,
        "subject": draft.subject,
        "title": title,
        "proposal": proposal,
        "discussion": discussion,
        "vote_method": draft.vote_method,
        "vote_rule": rule,
        "votes_for": draft.votes_for if counted else None,
        "votes_against": draft.votes_against if counted else None,
        "votes_abstain": draft.votes_abstain if counted else None,
        "computed_result": computed,
        "override_result": override,
        "override_reason": (draft.override_reason or "").strip() if override else "",
        "result": override or computed,
        "plan_action_id": draft.plan_action_id,
        "search_text": fold(" ".join((title, proposal, discussion))),
    }


def _renumber(m: Meeting) -> None:
    counters = {"report": 0, "deliberation": 0}
    for position, item in enumerate(sorted(m.agenda, key=lambda i: (i.position, i.id or 0)), start=1):
        item.position = position
        counters[item.section] += 1
        item.number = counters[item.section]


def add_agenda_item(session: Session, meeting_id: int, draft: AgendaDraft) -> AgendaItem:
    """Add an item at the end; 審議事項 are numbered 第1号議案, 第2号議案 … in order, 報告事項 報告1 …"""
    m = get_meeting(session, meeting_id)
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    item = AgendaItem(position=len(m.agenda) + 1, **_values(session, m, draft))
    m.agenda.append(item)
    _renumber(m)
    session.flush()
    return item


def get_agenda_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise problem("指定された議案が見つかりません。", "That agenda item does not exist.")
    return item


def agenda_draft_of(item: AgendaItem) -> AgendaDraft:
    return AgendaDraft(
        title=item.title, section=item.section, proposal=item.proposal, discussion=item.discussion,
        subject=item.subject, vote_method=item.vote_method, votes_for=item.votes_for,
        votes_against=item.votes_against, votes_abstain=item.votes_abstain, vote_rule=item.vote_rule,
        override_result=item.override_result, override_reason=item.override_reason,
        plan_action_id=item.plan_action_id,
    )  # fmt: skip


def update_agenda_item(session: Session, item_id: int, draft: AgendaDraft) -> AgendaItem:
    item = get_agenda_item(session, item_id)
    m = get_meeting(session, item.meeting_id)
    section_before = item.section
    require_links(session, ("plan_action", draft.plan_action_id, "plan_action_id"))
    for key, value in _values(session, m, draft).items():
        setattr(item, key, value)
    if item.section != section_before:
        _renumber(m)
    session.flush()
    return item


def record_vote(
    session: Session,
    item_id: int,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstain: int | None = None,
    rule: str | None = None,
) -> AgendaItem:
    """Record the vote on one item (keeps its text); the result is computed."""
    item = get_agenda_item(session, item_id)
    draft = agenda_draft_of(item)
    draft.vote_method, draft.votes_for, draft.votes_against, draft.votes_abstain = (
        method, votes_for, votes_against, votes_abstain,
    )  # fmt: skip
    draft.vote_rule = rule or item.vote_rule
    return update_agenda_item(session, item_id, draft)


def override_result(session: Session, item_id: int, result: str, reason: str) -> AgendaItem:
    """The chair decides the result (``result`` '' removes the override); a reason is required."""
    item = get_agenda_item(session, item_id)
    draft = agenda_draft_of(item)
    draft.override_result, draft.override_reason = result, reason
    return update_agenda_item(session, item_id, draft)


def delete_agenda_item(session: Session, item_id: int) -> None:
    item = get_agenda_item(session, item_id)
    m = get_meeting(session, item.meeting_id)
    m.agenda.remove(item)  # delete-orphan: the row goes at the flush
    _renumber(m)
    session.flush()


def move_agenda_item(session: Session, item_id: int, delta: int) -> None:
    """Move an item up (-1) or down (+1); the numbers follow the new order."""
    item = get_agenda_item(session, item_id)
    m = get_meeting(session, item.meeting_id)
    items = sorted(m.agenda, key=lambda i: i.position)
    index = items.index(item)
    target = max(0, min(len(items) - 1, index + delta))
    items.insert(target, items.pop(index))
    for position, it in enumerate(items, start=1):
        it.position = position
    _renumber(m)
    session.flush()


def refresh_results(session: Session, meeting_id: int) -> None:
    """Recompute the results after the attendance changed. A count that no longer fits the
    attendance leaves the stored result as it was (the data check reports it)."""
    m = session.get(Meeting, meeting_id)
    if m is None or not m.agenda:
        return
    base = _base(session, meeting_id)
    for item in m.agenda:
        try:
            computed = compute_result(
                item.vote_method, item.vote_rule, item.votes_for, item.votes_against, item.votes_abstain, base
            )
        except ValidationError:
            continue
        if computed != item.computed_result:
            item.computed_result = computed
            item.result = item.override_result or computed
    session.flush()


def vote_text(item: AgendaItem) -> str:
    """「賛成 12 名、反対 3 名、棄権 1 名（過半数）により可決」 / 「全会一致により可決」 / 「継続審議」."""
    result = result_label(item.result)
    if item.section == "report":
        return ""
    if item.vote_method == "count":
        text = (
            f"賛成 {item.votes_for} 名、反対 {item.votes_against} 名、棄権 {item.votes_abstain} 名"
            f"（{VOTE_RULES.get(item.vote_rule, '')}）により{result_label(item.computed_result)}"
        )
    elif item.vote_method == "unanimous":
        text = "全会一致により可決"
    elif item.vote_method == "hands_majority":
        text = "挙手による賛成多数により可決"
    elif item.vote_method == "continued":
        text = "継続審議"
    else:
        text = "未採決"
    if item.override_result:
        text += f"。ただし議長の判断により{result}（理由：{item.override_reason}）"
    return text


def meeting_agenda(session: Session, meeting_id: int) -> list[AgendaItem]:
    m = get_meeting(session, meeting_id, in_trash_ok=True)
    return sorted(m.agenda, key=lambda i: i.position)
