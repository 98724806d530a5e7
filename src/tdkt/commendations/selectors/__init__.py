"""Reads of the commendation app, one module per subject, scoped to the actor.

Lists filter with ``accounts.scopes.scoped``; single objects go through ``get_visible``, so
an object outside the actor's scope answers exactly like a missing one (404).
"""

from .archive import ArchiveHistory, award_list, organization_archive, person_archive
from .eligibility import Eligibility, eligibility, eligibility_picks
from .proposals import (
    attachment_get,
    proposal_for_unit,
    proposal_get,
    proposal_line_get,
    proposal_list,
    round_lines,
)
from .rounds import Deadline, round_deadline, round_get, round_list
from .rules import rule_overrides, rule_parameter_get, rule_parameter_records

__all__ = [
    "ArchiveHistory",
    "Deadline",
    "Eligibility",
    "attachment_get",
    "award_list",
    "eligibility",
    "eligibility_picks",
    "organization_archive",
    "person_archive",
    "proposal_for_unit",
    "proposal_get",
    "proposal_line_get",
    "proposal_list",
    "round_deadline",
    "round_get",
    "round_lines",
    "round_list",
    "rule_overrides",
    "rule_parameter_get",
    "rule_parameter_records",
]
