"""科目: the account heads of a fund, a tree (款・項・目) for income and for expense."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from nagato_desk.models.base import Audited, Base, Timestamped

HEAD_SIDES = {"in": "収入", "out": "支出"}
#: Heads with a meaning of their own: 前年度繰越金 (computed, never entered) and 予備費.
HEAD_ROLES = {"": "", "carry_over": "前年度繰越金", "reserve": "予備費"}


class AccountHead(Audited, Timestamped, Base):
    """One 款, 項 or 目 (level 1, 2, 3). ``valid_from``/``retired_from`` are fiscal years."""

    __tablename__ = "account_head"
    __table_args__ = {"info": {"label": "科目"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), index=True, info={"label": "会計"}
    )
    side: Mapped[str] = mapped_column(String(3), info={"label": "収支", "values": HEAD_SIDES})
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_head.id", ondelete="RESTRICT"), index=True, info={"label": "上位の科目"}
    )
    name: Mapped[str] = mapped_column(String(60), info={"label": "科目名"})
    reading: Mapped[str] = mapped_column(String(120), default="", info={"label": "よみ"})
    role: Mapped[str] = mapped_column(
        String(12), default="", info={"label": "特別な科目", "values": HEAD_ROLES}
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "並び順"})
    valid_from: Mapped[int | None] = mapped_column(Integer, info={"label": "使用開始年度"})
    retired_from: Mapped[int | None] = mapped_column(Integer, info={"label": "廃止年度"})
