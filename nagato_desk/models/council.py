"""The council (協議会), its member neighbourhood associations (自治会) and their yearly figures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nagato_desk.models.base import Audited, Base, Timestamped


class Council(Audited, Timestamped, Base):
    """協議会: one per database file."""

    __tablename__ = "council"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    representative: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    founded_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    associations: Mapped[list[NeighbourhoodAssociation]] = relationship(
        back_populates="council",
        order_by="NeighbourhoodAssociation.sort_order, NeighbourhoodAssociation.id",
        cascade="all, delete-orphan",
    )


class NeighbourhoodAssociation(Audited, Timestamped, Base):
    """自治会: a member neighbourhood association of the council."""

    __tablename__ = "neighbourhood_association"
    __table_args__ = (UniqueConstraint("council_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("council.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    reading: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    council: Mapped[Council] = relationship(back_populates="associations")
    figures: Mapped[list[AssociationFigure]] = relationship(
        back_populates="association", cascade="all, delete-orphan", order_by="AssociationFigure.fiscal_year"
    )
    blocks: Mapped[list[Block]] = relationship(
        back_populates="association", cascade="all, delete-orphan", order_by="Block.sort_order, Block.id"
    )


class AssociationFigure(Audited, Timestamped, Base):
    """A 自治会's households, population and population aged 65+ for one fiscal year (as of a date)."""

    __tablename__ = "association_figure"
    __table_args__ = (
        UniqueConstraint("association_id", "fiscal_year"),
        CheckConstraint("households >= 0", name="households_non_negative"),
        CheckConstraint("population >= 0", name="population_non_negative"),
        CheckConstraint("aged_65_plus >= 0", name="aged_non_negative"),
        CheckConstraint("aged_65_plus <= population", name="aged_within_population"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("neighbourhood_association.id", ondelete="CASCADE"), index=True
    )
    fiscal_year: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    households: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    aged_65_plus: Mapped[int] = mapped_column(Integer)

    association: Mapped[NeighbourhoodAssociation] = relationship(back_populates="figures")


class Block(Audited, Timestamped, Base):
    """班: a subdivision of a 自治会 (fees and circulars go round by 班)."""

    __tablename__ = "block"
    __table_args__ = (UniqueConstraint("association_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("neighbourhood_association.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    association: Mapped[NeighbourhoodAssociation] = relationship(back_populates="blocks")
