"""The petitions app's part in the commendation workflow: the "under verification" flag.

The commendations app knows nothing of petitions; this module installs the check into its
flags at start-up (``PetitionsConfig.ready``), as the movements app installs the check of
registrations.
"""

from __future__ import annotations

from collections.abc import Sequence

from tdkt.commendations.flags import set_verification_check
from tdkt.commendations.models import ProposalLine

from .permissions import may_read
from .selectors import under_verification


def lines_under_verification(lines: Sequence[ProposalLine]) -> set[int]:
    """The ids of the lines whose person or organisation an accepted petition concerns."""
    people, orgs = under_verification(
        (line.person_id for line in lines if line.person_id),
        (line.organization_id for line in lines if line.organization_id),
    )
    return {
        line.pk
        for line in lines
        if (line.person_id and line.person_id in people)
        or (line.organization_id and line.organization_id in orgs)
    }


def install() -> None:
    set_verification_check(lines_under_verification, readers=may_read)
