"""The API masks a person's CCCD and date of birth as the pages do (decision 0053)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people/"


def _anh(client, registry):
    detail = client.get(f"{PEOPLE}{registry.anh.uuid}/").json()
    listed = [
        p for p in client.get(PEOPLE).json()["results"] if p["uuid"] == str(registry.anh.uuid)
    ]
    return detail, listed[0]


@pytest.mark.parametrize("name", ["officer", "investment_head"])
def test_who_may_change_the_person_gets_the_full_values(registry, api_as, name):
    """An officer and Ánh's unit head read the full CCCD and date of birth."""
    detail, listed = _anh(api_as(getattr(registry, name)), registry)
    assert detail["citizen_id"] == "001085012345"
    assert detail["date_of_birth"] == listed["date_of_birth"] == "1985-05-17"
    assert detail["birth_year"] == 1985


@pytest.mark.parametrize("name", ["leader", "council", "viewer"])
def test_read_only_roles_get_the_masked_values(registry, api_as, name):
    """Leaders, council members and viewers get the last three digits and the year only,
    in the list and in the detail."""
    detail, listed = _anh(api_as(getattr(registry, name)), registry)
    assert detail["citizen_id"] == "•••••••••345"
    assert detail["date_of_birth"] is None and listed["date_of_birth"] is None
    assert detail["birth_year"] == listed["birth_year"] == 1985
    assert "001085012345" not in str(detail)
