"""Redirects after a form only go to a page of this site (no open redirect through ``next``)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tdkt.commendations.services import publication_open
from tests.commendations.voted import voted_round

pytestmark = pytest.mark.django_db

OFFSITE = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example/"]


@pytest.mark.parametrize("target", OFFSITE)
def test_withdraw_next_never_leaves_the_site(registry, client_of, target):
    """An officer lured to a withdraw link with ``next=`` pointing elsewhere lands on the
    decision list after submitting, and the cancel link does not point elsewhere either."""
    voted = voted_round(registry)
    publication_open(actor=registry.officer, round=voted.round)
    line = voted.line_of(registry.duc)
    url = reverse("commendations:line-withdraw", kwargs={"line_uuid": line.uuid})
    client = client_of(registry.officer)
    page = client.get(url, {"next": target}).content.decode()
    links = re.findall(r'href="([^"]*)"', page)
    assert not [link for link in links if "evil.example" in link]
    response = client.post(f"{url}?next={target}", {"reason": "Chuyển công tác"})
    assert response.status_code == 302
    assert response["Location"] == reverse("commendations:decision-list")


def test_withdraw_next_on_the_site_is_kept(registry, client_of):
    """A local ``next`` (the page the officer came from) is still followed."""
    voted = voted_round(registry)
    publication_open(actor=registry.officer, round=voted.round)
    line = voted.line_of(registry.duc)
    url = reverse("commendations:line-withdraw", kwargs={"line_uuid": line.uuid})
    back = reverse("commendations:publication-list")
    response = client_of(registry.officer).post(f"{url}?next={back}", {"reason": "Chuyển"})
    assert response["Location"] == back
