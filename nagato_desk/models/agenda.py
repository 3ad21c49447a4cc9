"""議事: the items of a meeting (報告事項 and 審議事項 第1号議案 …), their votes and results, and the
officer terms an election item (役員選任) made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped

if TYPE_CHECKING:
    from nagato_desk.models.meeting import Meeting
    from nagato_desk.models.officer import OfficerTerm

AGENDA_SECTIONS: dict[str, str] = {"report": "報告事項", "deliberation": "審議事項"}
#: 採決の方法
VOTE_METHODS: dict[str, str] = {
    "none": "未採決",
    "count": "賛成・反対・棄権の数",
    "unanimous": "全会一致",
    "hands_majority": "賛成多数（挙手）",
    "continued": "継続審議（採決せず）",
}
#: 議決の要件
VOTE_RULES: dict[str, str] = {
    "majority": "過半数",
    "two_thirds": "3分の2以上",
    "three_quarters": "4分の3以上",
}
RESULTS: dict[str, str] = {"": "", "passed": "可決", "rejected": "否決", "continued": "継続審議"}
#: what an item is about, where it matters: an election, an amendment of the 規約
SUBJECTS: dict[str, str] = {
    "": "",
    "election": "役員選任",
    "rules": "規約改正",
    "budget": "予算",
    "plan": "事業計画",
}


class AgendaItem(Audited, Timestamped, Base):
    __tablename__ = "agenda_item"
    __table_args__ = {"info": {"label": "議案"}}
    __audit_exclude__ = ("created_at", "updated_at", "search_text")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会議"}
    )
    section: Mapped[str] = mapped_column(
        String(20), default="deliberation", info={"label": "区分", "values": dict(AGENDA_SECTIONS)}
    )
    number: Mapped[int] = mapped_column(Integer, default=1, info={"label": "番号"})  # 第n号議案 / 報告n
    position: Mapped[int] = mapped_column(Integer, default=0, info={"label": "順番"})
    subject: Mapped[str] = mapped_column(
        String(20), default="", info={"label": "内容の種類", "values": dict(SUBJECTS)}
    )
    title: Mapped[str] = mapped_column(String(200), info={"label": "議題"})
    proposal: Mapped[str] = mapped_column(Text, default="", info={"label": "提案の内容"})
    discussion: Mapped[str] = mapped_column(Text, default="", info={"label": "質疑応答"})
    vote_method: Mapped[str] = mapped_column(
        String(20), default="none", info={"label": "採決の方法", "values": dict(VOTE_METHODS)}
    )
    votes_for: Mapped[int | None] = mapped_column(Integer, info={"label": "賛成"})
    votes_against: Mapped[int | None] = mapped_column(Integer, info={"label": "反対"})
    votes_abstain: Mapped[int | None] = mapped_column(Integer, info={"label": "棄権"})
    vote_rule: Mapped[str] = mapped_column(
        String(20), default="majority", info={"label": "議決の要件", "values": dict(VOTE_RULES)}
    )
    # the result computed from the counts and the rule (stored for the register; recomputed on change)
    computed_result: Mapped[str] = mapped_column(
        String(20), default="", info={"label": "結果（計算）", "values": dict(RESULTS)}
    )
    override_result: Mapped[str] = mapped_column(
        String(20), default="", info={"label": "議長の判断による結果", "values": dict(RESULTS)}
    )
    override_reason: Mapped[str] = mapped_column(Text, default="", info={"label": "議長の判断の理由"})
    result: Mapped[str] = mapped_column(
        String(20), default="", index=True, info={"label": "結果", "values": dict(RESULTS)}
    )
    # the dream-plan action this decision is about
    plan_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), index=True, info={"label": "夢プランの取組"}
    )
    search_text: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    elected_terms: Mapped[list[ElectedTerm]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="ElectedTerm.id"
    )


class ElectedTerm(Audited, Timestamped, Base):
    """An officer term (役員の任期) made or confirmed by an election item: the link that lets the
    meeting show who was elected and the roster show where a term came from."""

    __tablename__ = "elected_term"
    __table_args__ = {"info": {"label": "選任された役員"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True, info={"label": "議案"}
    )
    officer_term_id: Mapped[int] = mapped_column(
        ForeignKey("officer_term.id", ondelete="CASCADE"), unique=True, info={"label": "役員の任期"}
    )

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="elected_terms")
    officer_term: Mapped[OfficerTerm] = relationship()
