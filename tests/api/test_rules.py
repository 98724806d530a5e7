"""The rule engine through the API: the same answers as `tdkt rules evaluate`, with parameters."""

from __future__ import annotations

import io
import json

import pytest

from tdkt.api.v1 import rules as rules_api
from tdkt.commendations.evaluation import MAX_CASES
from tdkt.commendations.services import rule_parameter_set
from tdkt.rules.cli import main as cli_main

from .helpers import assert_error

pytestmark = pytest.mark.django_db

EVALUATE = "/api/v1/rules/evaluate/"
SHARE = "advanced_collective.min_advanced_worker_percent"

# legal-rules.md §11, worked example 1: LĐTT 2025 decided 15/01/2026 → 0.3 × 2,340,000 → 710,000.
EXAMPLE_1 = {
    "as_of": "2026-01-15",
    "year": 2025,
    "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
    "ratings": {"2025": "good"},
    "candidates": ["advanced_worker"],
}
# legal-rules.md §11, worked example 6: a department of 20 with 13 LĐTT (65 %).
COLLECTIVE_65 = {
    "as_of": "2026-01-15",
    "year": 2025,
    "subject": {"kind": "collective"},
    "collective": {
        "rating": "good",
        "members": 20,
        "members_completing_tasks": 20,
        "members_advanced_worker": 13,
        "members_grassroots_fighter": 0,
        "members_disciplined_warning_or_above": 0,
    },
    "candidates": ["advanced_collective"],
}


def _post(client, body, **extra):
    text = body if isinstance(body, str) else json.dumps(body)
    return client.post(EVALUATE, text, content_type="application/json", **extra)


def _cli(case: dict, *args: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(
        ["evaluate", "-", *args], stdin=io.StringIO(json.dumps(case)), stdout=out, stderr=err
    )
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


def test_worked_example_1_pays_710000(registry, api_as):
    """A civil servant rated HTTNV for 2025 is eligible for LĐTT with 710,000 VND."""
    response = _post(api_as(registry.viewer), EXAMPLE_1)
    assert response.status_code == 200, response.json()
    (verdict,) = response.json()["results"]
    assert verdict["code"] == "advanced_worker"
    assert verdict["eligible"] is True
    assert verdict["prize_vnd"] == 710000


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_api_answers_exactly_what_the_command_prints(registry, api_as, lang):
    """For a case and for a unit batch the API body equals `tdkt rules evaluate` output."""
    batch = {
        "as_of": "2023-01-10",
        "year": 2022,
        "unit": {"name": "Phòng Quản lý Đầu tư"},
        "cases": [
            {"id": f"p{i}", "subject": {"kind": "individual"}, "ratings": {"2022": "excellent"}}
            for i in range(8)
        ],
    }
    for case in (EXAMPLE_1, batch):
        response = _post(api_as(registry.investment_head), case, QUERY_STRING=f"lang={lang}")
        assert response.status_code == 200, response.json()
        assert response.json() == _cli(case, "--lang", lang)


def test_malformed_case_names_each_problem_by_json_path(registry, api_as):
    """Every problem of the case comes back under its JSON path, in the one error shape."""
    case = {**EXAMPLE_1, "ratings": {"2024": "excelent"}, "awards": [{"year": 2023, "code": "x"}]}
    body = assert_error(_post(api_as(registry.viewer), case), 400, "invalid")
    assert body["fields"] == {
        "ratings.2024": ['Không có xếp loại "excelent".'],
        "awards[0].code": ['Không có danh hiệu, hình thức "x".'],
    }
    english = _post(api_as(registry.viewer), case, QUERY_STRING="lang=en").json()
    assert english["fields"]["ratings.2024"] == ['unknown rating "excelent"']


def test_invalid_json_is_reported_like_the_command_does(registry, api_as):
    """A body that is not JSON is a 400 on `$` with the line and column."""
    body = assert_error(_post(api_as(registry.viewer), '{"as_of": '), 400, "invalid")
    assert list(body["fields"]) == ["$"]
    assert body["fields"]["$"][0].startswith("Dữ liệu JSON không hợp lệ ở dòng 1")


def test_anonymous_caller_gets_401(db, api_as):
    """Evaluating needs a signed-in user or a token."""
    assert_error(_post(api_as(None), EXAMPLE_1), 401, "not_authenticated")


def test_officer_set_parameter_changes_the_api_answer(registry, api_as):
    """13 of 20 LĐTT fails the default 70 % and passes once an officer sets 65 %."""
    client = api_as(registry.viewer)

    def eligible() -> bool:
        return _post(client, COLLECTIVE_65).json()["results"][0]["eligible"]

    assert eligible() is False
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="QĐ thành phố")
    assert eligible() is True


def test_english_texts_with_lang_or_accept_language(registry, api_as):
    """`?lang=en` and `Accept-Language: en` give English condition texts; default Vietnamese."""
    client = api_as(registry.viewer)

    def first_text(**extra) -> str:
        return _post(client, EXAMPLE_1, **extra).json()["results"][0]["conditions"][0]["text"]

    assert "Hoàn thành tốt nhiệm vụ" in first_text()
    english = first_text(QUERY_STRING="lang=en")
    assert english.isascii() and "2025" in english
    assert first_text(HTTP_ACCEPT_LANGUAGE="en") == english


def test_oversized_body_and_batch_are_refused(registry, api_as, monkeypatch):
    """A body over the byte limit is 413; a batch over MAX_CASES is 400 on `cases`."""
    client = api_as(registry.viewer)
    monkeypatch.setattr(rules_api, "MAX_BODY_BYTES", 100)
    assert_error(_post(client, EXAMPLE_1 | {"id": "x" * 200}), 413, "payload_too_large")
    monkeypatch.undo()
    batch = {
        "as_of": "2023-01-10",
        "year": 2022,
        "cases": [{"id": str(i), "subject": {"kind": "individual"}} for i in range(MAX_CASES + 1)],
    }
    body = assert_error(_post(client, batch), 400, "invalid")
    assert str(MAX_CASES) in body["fields"]["cases"][0]


def test_non_json_body_is_415(registry, api_as):
    """A form-encoded body is refused as an unsupported media type."""
    response = api_as(registry.viewer).post(EVALUATE, {"as_of": "2026-01-15"})
    assert_error(response, 415, "unsupported_media_type")


def test_codes_list_labels_and_kinds(registry, api_as):
    """The code list gives both labels and the subject kinds of each code."""
    response = api_as(registry.viewer).get("/api/v1/rules/codes/")
    codes = {item["code"]: item for item in response.json()}
    assert codes["advanced_worker"]["label_vi"] == "Lao động tiên tiến"
    assert codes["advanced_worker"]["subject_kinds"] == ["individual"]
    assert codes["certificate_of_merit"]["subject_kinds"] == ["individual", "collective"]
    assert codes["certificate_of_merit"]["category"] == "form"


def test_explain_gives_structured_conditions_and_text(registry, api_as):
    """Explaining CSTĐCS under R2022b lists conditions with citations and the CLI's text."""
    client = api_as(registry.viewer)
    url = "/api/v1/rules/codes/grassroots_emulation_fighter/explain/"
    body = client.get(url, {"rule_set": "R2022b"}).json()
    assert body["rule_set"] == "R2022b"
    (rule,) = body["rules"]
    assert rule["subject_kind"] == "individual"
    assert all(line["citation"] for line in rule["conditions"])
    assert any("Điều 23" in line["citation"] for line in rule["conditions"])
    assert body["text"].startswith("Chiến sĩ thi đua cơ sở (grassroots_emulation_fighter)")
    assert_error(client.get("/api/v1/rules/codes/nope/explain/"), 404, "not_found")
    bad = assert_error(client.get(url, {"rule_set": "R1999"}), 400, "invalid")
    assert "rule_set" in bad["fields"]


def test_parameters_show_overrides(registry, api_as):
    """The parameter list flags an officer-set value and keeps the default beside it."""
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="x")
    body = api_as(registry.viewer).get("/api/v1/rules/parameters/", {"rule_set": "R2022b"}).json()
    share = next(p for p in body["parameters"] if p["name"] == SHARE)
    assert share["value"] == 65
    assert share["default"] == 70
    assert share["overridden"] is True
    assert {"unit", "citation", "unverified", "description"} <= set(share)


# --- PUT /rules/parameters/{name}/ -----------------------------------------------------------

PARAM = f"/api/v1/rules/parameters/{SHARE}/"


def _put(client, url, body):
    return client.put(url, json.dumps(body), content_type="application/json")


def test_officer_sets_a_parameter_through_the_api_and_it_is_audited(registry, api_as):
    """The same service as the page: stored with its basis, audited, used by evaluations."""
    from tdkt.audit.constants import AuditEventType
    from tdkt.audit.models import AuditEvent

    client = api_as(registry.officer)
    response = _put(client, PARAM, {"value": 65, "basis": "QĐ 32/2024", "rule_set": "R2022b"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["key"], body["rule_set"], body["value"]) == (f"R2022b:{SHARE}", "R2022b", "65")
    assert body["parameter"]["value"] == 65 and body["parameter"]["overridden"] is True
    assert body["parameter"]["local"]["basis"] == "QĐ 32/2024"
    event = AuditEvent.objects.get(event_type=AuditEventType.RULE_PARAMETER_SET)
    assert event.actor == registry.officer
    assert _post(api_as(registry.viewer), COLLECTIVE_65).json()["results"][0]["eligible"]


def test_a_value_outside_the_legal_range_is_400_on_value(registry, api_as):
    """`prize.advanced_worker = 1e30` is refused where it is typed, not at evaluation time."""
    client = api_as(registry.officer)
    url = "/api/v1/rules/parameters/prize.advanced_worker/"
    body = assert_error(_put(client, url, {"value": 1e30, "basis": "x"}), 400, "invalid")
    assert body["fields"] == {"value": ["Không được lớn hơn 50."]}
    english = client.put(
        url + "?lang=en",
        json.dumps({"value": "abc", "basis": "x"}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    ).json()
    assert english["fields"]["value"] == ['Expected a number, got "abc".']
    assert _post(client, EXAMPLE_1).status_code == 200


def test_read_only_roles_get_403_before_their_input_is_validated(registry, api_as):
    """A council member, a leader or a viewer: 403 even for a malformed body."""
    for user in (registry.council, registry.leader, registry.viewer, registry.investment_head):
        assert_error(_put(api_as(user), PARAM, {"nonsense": True}), 403, "forbidden")
        assert_error(_put(api_as(user), PARAM, {"value": 1, "basis": "x"}), 403, "forbidden")


def test_an_unknown_parameter_is_404_for_everyone(registry, api_as):
    """No existence oracle: an unknown name answers 404, whoever asks."""
    for user in (registry.viewer, registry.officer):
        url = "/api/v1/rules/parameters/no.such.thing/"
        assert_error(_put(api_as(user), url, {"value": 1, "basis": "x"}), 404, "not_found")
        assert_error(api_as(user).get(url), 404, "not_found")


def test_a_change_made_since_it_was_read_is_409(registry, api_as):
    """Two clients: the second, holding the old version, is refused and nothing is written."""
    client = api_as(registry.officer)
    listed = client.get("/api/v1/rules/parameters/", {"rule_set": "R2022b"}).json()
    share = next(p for p in listed["parameters"] if p["name"] == SHARE)
    seen = "" if share["local"] is None else share["local"]["version"]
    first = _put(client, PARAM, {"value": 60, "basis": "A", "version": seen})
    assert first.status_code == 200
    second = _put(api_as(registry.admin), PARAM, {"value": 55, "basis": "B", "version": seen})
    assert_error(second, 409, "conflict")
    current = client.get(PARAM, {"rule_set": "R2022b"}).json()
    assert current["value"] == 60 and current["local"]["basis"] == "A"


def test_missing_basis_and_unknown_rule_set_are_400(registry, api_as):
    """The legal basis is mandatory; a rule set must exist."""
    client = api_as(registry.officer)
    assert "basis" in assert_error(_put(client, PARAM, {"value": 60}), 400, "invalid")["fields"]
    bad = _put(client, PARAM, {"value": 60, "basis": "x", "rule_set": "R1999"})
    assert "rule_set" in assert_error(bad, 400, "invalid")["fields"]
