"""Commendation models, one module per subject."""

from .archive import Award, Discipline, Initiative, YearlyRating
from .council import (
    BallotReceipt,
    ConflictDeclaration,
    Council,
    CouncilMember,
    CouncilSession,
    SessionAttendance,
    SessionItem,
)
from .decisions import Decision, DocumentSeries, Publication, PublicationComment
from .fund import FundEntry, FundYear
from .proposals import Proposal, ProposalAttachment, ProposalLine, ProposalTransition, Round
from .rule_parameters import RuleParameterOverride

__all__ = [
    "Award",
    "BallotReceipt",
    "ConflictDeclaration",
    "Council",
    "CouncilMember",
    "CouncilSession",
    "Decision",
    "Discipline",
    "DocumentSeries",
    "FundEntry",
    "FundYear",
    "Initiative",
    "Proposal",
    "ProposalAttachment",
    "ProposalLine",
    "ProposalTransition",
    "Publication",
    "PublicationComment",
    "Round",
    "RuleParameterOverride",
    "SessionAttendance",
    "SessionItem",
    "YearlyRating",
]
