"""SQLAlchemy mapped classes. Importing this package registers every table on ``Base.metadata``."""

from nagato_desk.models.base import Audited, Base, Trashable
from nagato_desk.models.committee import Committee, CommitteeMembership
from nagato_desk.models.council import AssociationFigure, Block, Council, NeighbourhoodAssociation
from nagato_desk.models.history import ChangeLog
from nagato_desk.models.household import Household
from nagato_desk.models.member import GENDERS, MEMBER_STATUSES, Consent, Member, MemberEvent
from nagato_desk.models.officer import OfficerTerm, Role
from nagato_desk.models.organisation import MemberOrganisation

__all__ = [
    "GENDERS",
    "MEMBER_STATUSES",
    "AssociationFigure",
    "Audited",
    "Base",
    "Block",
    "ChangeLog",
    "Committee",
    "CommitteeMembership",
    "Consent",
    "Council",
    "Household",
    "Member",
    "MemberEvent",
    "MemberOrganisation",
    "NeighbourhoodAssociation",
    "OfficerTerm",
    "Role",
    "Trashable",
]
