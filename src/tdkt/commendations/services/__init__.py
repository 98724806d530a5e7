"""Writes of the commendation app, one module per subject."""

from .archive import (
    AwardEntry,
    DisciplineEntry,
    InitiativeEntry,
    RatingEntry,
    RecordResult,
    awards_record,
    disciplines_record,
    initiatives_record,
    ratings_record,
)
from .dossier import Appraisal, attachment_add, attachment_remove, proposal_appraise
from .proposals import (
    LineInput,
    proposal_line_remove,
    proposal_line_update,
    proposal_lines_add,
    proposal_move,
    proposal_update,
)
from .rounds import round_create, round_set_state, round_update
from .rule_parameters import rule_parameter_clear, rule_parameter_set

__all__ = [
    "Appraisal",
    "AwardEntry",
    "DisciplineEntry",
    "InitiativeEntry",
    "LineInput",
    "RatingEntry",
    "RecordResult",
    "attachment_add",
    "attachment_remove",
    "awards_record",
    "disciplines_record",
    "initiatives_record",
    "proposal_appraise",
    "proposal_line_remove",
    "proposal_line_update",
    "proposal_lines_add",
    "proposal_move",
    "proposal_update",
    "ratings_record",
    "round_create",
    "round_set_state",
    "round_update",
    "rule_parameter_clear",
    "rule_parameter_set",
]
