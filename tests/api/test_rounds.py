"""Rounds and eligibility through the API: the pages' selectors, the same verdicts."""

from __future__ import annotations

import pytest

from tests.api.helpers import MISSING, assert_error, results
from tests.commendations.conftest import give_history, give_initiative, open_round_2019

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_2019(registry):
    return open_round_2019(registry)


def test_rounds_are_listed_with_their_working_days(api_as, registry, round_2019):
    """A viewer lists the round; the deadline of 2019 is long past (negative days)."""
    (item,) = results(api_as(registry.viewer).get("/api/v1/rounds/"))
    assert item["uuid"] == str(round_2019.uuid) and item["state"] == "open"
    assert item["working_days_left"] < 0
    assert_error(api_as(registry.viewer).get(f"/api/v1/rounds/{MISSING}/"), 404, "not_found")


def test_eligibility_of_the_callers_unit_with_reasons(api_as, registry, round_2019):
    """The unit head gets their unit: Ánh eligible for LĐTT and CSTĐCS, explained."""
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    response = api_as(registry.investment_head).get(
        f"/api/v1/rounds/{round_2019.uuid}/eligibility/"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["rule_set"] == "R2013" and body["total"] == 2
    anh = next(r for r in body["results"] if r["name"] == "Nguyễn Văn Ánh")
    verdicts = {v["code"]: v for v in anh["verdicts"]}
    assert verdicts["advanced_worker"]["eligible"] is True
    assert verdicts["grassroots_emulation_fighter"]["eligible"] is True
    assert any("NĐ 91/2017" in r["citation"] for r in verdicts["advanced_worker"]["reasons"])


def test_another_units_eligibility_is_not_found(api_as, registry, round_2019):
    """A unit outside the caller's scope answers like a missing one."""
    client = api_as(registry.investment_head)
    url = f"/api/v1/rounds/{round_2019.uuid}/eligibility/"
    hidden = assert_error(client.get(url, {"unit": str(registry.planning.uuid)}), 404, "not_found")
    missing = assert_error(client.get(url, {"unit": MISSING}), 404, "not_found")
    assert hidden == missing


def test_board_wide_users_name_the_unit(api_as, registry, round_2019):
    """An account without an organisation must say which unit; with it, any unit works."""
    url = f"/api/v1/rounds/{round_2019.uuid}/eligibility/"
    assert_error(api_as(registry.officer).get(url), 400, "invalid")
    response = api_as(registry.officer).get(url, {"unit": str(registry.planning.uuid)})
    assert {r["name"] for r in response.json()["results"]} == {
        "Trần Minh Đức",
        "Phòng Quy hoạch và Xây dựng",
    }
