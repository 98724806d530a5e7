"""The dashboard's "Việc cần làm" of the workflow: each role is told only of its own work."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.commendations.selectors.work import work_for
from tdkt.commendations.services import decision_draft_create

from .voted import voted_round

pytestmark = pytest.mark.django_db


def test_only_the_leader_is_told_of_a_draft_to_sign(registry):
    """A draft decision is the leader's work (with the page to sign it), not the officer's."""
    voted = voted_round(registry)
    decision_draft_create(actor=registry.officer, round=voted.round)
    leader = [(w.label, w.url) for w in work_for(actor=registry.leader)]
    assert ("Dự thảo quyết định chờ ký", reverse("commendations:decision-list")) in leader
    assert "Dự thảo quyết định chờ ký" not in [w.label for w in work_for(actor=registry.officer)]
