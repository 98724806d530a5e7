"""Pages never answer 500 for data the application itself writes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.commendations.constants import ProposalState
from tdkt.commendations.workflow import proposal_transition

pytestmark = pytest.mark.django_db


def test_proposal_page_shows_a_step_taken_by_the_system(registry, proposal, client_of):
    """A step with no actor (a command run on the server, decision 0021) is shown as taken by
    "hệ thống"; the page used to fail with a template error."""
    proposal_transition(
        actor=None, proposal=proposal, to_state=ProposalState.SUBMITTED, system=True
    )
    url = reverse("commendations:proposal-detail", kwargs={"uuid": proposal.uuid})
    response = client_of(registry.officer).get(url)
    assert response.status_code == 200
    assert "bởi hệ thống" in " ".join(response.content.decode().split())
