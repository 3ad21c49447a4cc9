"""SQLAlchemy mapped classes. Importing this package registers every table on ``Base.metadata``."""

from nagato_desk.models.access import AccessPassword
from nagato_desk.models.account_head import AccountHead
from nagato_desk.models.activity import ACTIVITY_STATUSES, Activity, ActivityCost, ActivityPhoto
from nagato_desk.models.agenda import AgendaItem, ElectedTerm
from nagato_desk.models.attendance import ATTENDANCE_STATUSES, Attendance
from nagato_desk.models.audit import Audit, AuditAuditor
from nagato_desk.models.base import Audited, Base, Trashable
from nagato_desk.models.budget import BudgetLine, BudgetRevision
from nagato_desk.models.cash_entry import CashEntry
from nagato_desk.models.committee import Committee, CommitteeMembership
from nagato_desk.models.council import AssociationFigure, Block, Council, NeighbourhoodAssociation
from nagato_desk.models.evaluation import EVALUATION_STATUSES, RATINGS, Evaluation, EvaluationLock
from nagato_desk.models.fund import Fund, MoneyAccount
from nagato_desk.models.history import ChangeLog
from nagato_desk.models.household import Household
from nagato_desk.models.indicator import DIRECTIONS, Indicator, IndicatorValue
from nagato_desk.models.meeting import MEETING_KINDS, Meeting, MeetingGuest, MeetingRule, MeetingSigner
from nagato_desk.models.meeting_action import MeetingAction
from nagato_desk.models.member import GENDERS, MEMBER_STATUSES, Consent, Member, MemberEvent
from nagato_desk.models.officer import OfficerTerm, Role
from nagato_desk.models.organisation import MemberOrganisation
from nagato_desk.models.plan import PLAN_FIELDS, DreamPlan, DreamPlanVersion, Goal, SurveyItem
from nagato_desk.models.plan_action import PlanAction, PlanActionYear
from nagato_desk.models.subsidy import Subsidy, SubsidyHead
from nagato_desk.models.year_close import YearClose, YearCloseBalance

__all__ = [
    "AccessPassword",
    "ACTIVITY_STATUSES",
    "Activity",
    "ActivityCost",
    "ActivityPhoto",
    "ATTENDANCE_STATUSES",
    "MEETING_KINDS",
    "AgendaItem",
    "Attendance",
    "ElectedTerm",
    "Meeting",
    "MeetingAction",
    "MeetingGuest",
    "MeetingRule",
    "MeetingSigner",
    "DIRECTIONS",
    "EVALUATION_STATUSES",
    "GENDERS",
    "MEMBER_STATUSES",
    "PLAN_FIELDS",
    "RATINGS",
    "AccountHead",
    "AssociationFigure",
    "Audit",
    "AuditAuditor",
    "Audited",
    "Base",
    "Block",
    "BudgetLine",
    "BudgetRevision",
    "CashEntry",
    "ChangeLog",
    "Committee",
    "CommitteeMembership",
    "Consent",
    "Council",
    "DreamPlan",
    "DreamPlanVersion",
    "Evaluation",
    "EvaluationLock",
    "Fund",
    "Goal",
    "Household",
    "Indicator",
    "IndicatorValue",
    "Member",
    "MemberEvent",
    "MemberOrganisation",
    "MoneyAccount",
    "NeighbourhoodAssociation",
    "OfficerTerm",
    "PlanAction",
    "PlanActionYear",
    "Role",
    "Subsidy",
    "SubsidyHead",
    "SurveyItem",
    "Trashable",
    "YearClose",
    "YearCloseBalance",
]
