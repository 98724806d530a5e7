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
from .decisions import decision_discard, decision_draft_create, decision_update
from .document_jobs import (
    certificate_batch_job_start,
    city_letter_job_start,
    decision_file_job_start,
)
from .dossier import Appraisal, attachment_add, attachment_remove, proposal_appraise
from .fund import fund_entry_add, fund_year_set
from .proposals import (
    LineInput,
    proposal_line_remove,
    proposal_line_update,
    proposal_lines_add,
    proposal_move,
    proposal_update,
)
from .publication import (
    proposal_line_withdraw,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from .revocation import award_revoke
from .rounds import round_create, round_set_state, round_update
from .rule_parameters import (
    ParameterChangedError,
    ensure_can_change_parameters,
    rule_parameter_clear,
    rule_parameter_set,
    version_of,
)
from .signing import decision_sign, document_series_align

__all__ = [
    "Appraisal",
    "AwardEntry",
    "DisciplineEntry",
    "InitiativeEntry",
    "LineInput",
    "ParameterChangedError",
    "RatingEntry",
    "RecordResult",
    "attachment_add",
    "attachment_remove",
    "award_revoke",
    "awards_record",
    "certificate_batch_job_start",
    "city_letter_job_start",
    "decision_discard",
    "decision_draft_create",
    "decision_file_job_start",
    "decision_sign",
    "decision_update",
    "disciplines_record",
    "document_series_align",
    "ensure_can_change_parameters",
    "fund_entry_add",
    "fund_year_set",
    "initiatives_record",
    "proposal_appraise",
    "proposal_line_remove",
    "proposal_line_update",
    "proposal_line_withdraw",
    "proposal_lines_add",
    "proposal_move",
    "proposal_update",
    "publication_comment_add",
    "publication_comment_resolve",
    "publication_open",
    "ratings_record",
    "round_create",
    "round_set_state",
    "round_update",
    "rule_parameter_clear",
    "rule_parameter_set",
    "version_of",
]
