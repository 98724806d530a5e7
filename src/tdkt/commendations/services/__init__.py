"""Writes of the commendation app."""

from .decisions import decision_discard, decision_draft_create, decision_update
from .fund import fund_entry_add, fund_year_set
from .publication import (
    proposal_line_withdraw,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from .revocation import award_revoke
from .rule_parameters import (
    ParameterChangedError,
    ensure_can_change_parameters,
    rule_parameter_clear,
    rule_parameter_set,
    version_of,
)
from .signing import decision_sign, document_series_align

__all__ = [
    "ParameterChangedError",
    "award_revoke",
    "decision_discard",
    "decision_draft_create",
    "decision_sign",
    "decision_update",
    "document_series_align",
    "ensure_can_change_parameters",
    "fund_entry_add",
    "fund_year_set",
    "proposal_line_withdraw",
    "publication_comment_add",
    "publication_comment_resolve",
    "publication_open",
    "rule_parameter_clear",
    "rule_parameter_set",
    "version_of",
]
