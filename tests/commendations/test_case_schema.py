"""One case schema: the command line, the API and the page accept and refuse the same cases.

The form's fields and the API's serializers are derived from `tdkt.rules.schema.CASE`; these
tests compare them with it field by field, and send the same malformed cases through the
three interfaces: same path, same problem, in each one's language.
"""

from __future__ import annotations

import html
import io
import json

import pytest
from rest_framework import serializers
from rest_framework.test import APIClient

from tdkt.api.v1 import rules_serializers as s
from tdkt.commendations.forms.rules import EvaluateForm
from tdkt.rules import REGISTRY
from tdkt.rules.cli import main
from tdkt.rules.schema import CASE, UNIT, CaseError, Field, Problem, parse_document
from tdkt.rules.schema.fields import leaves

pytestmark = pytest.mark.django_db

URL = "/rules/evaluate/"


def _form() -> EvaluateForm:
    return EvaluateForm(lang="vi", rule_sets=[(n, n) for n in REGISTRY.names()])


def test_every_form_field_is_a_schema_field_with_its_label_and_limits():
    """Each input of the page comes from the schema: same label, same minimum and maximum."""
    form = _form()
    assert set(form.schema_paths) == set(form.fields)
    for name, path in form.schema_paths.items():
        spec = CASE.at(path)
        field = form.fields[name]
        assert field.label == spec.label.vi, name
        if spec.kind in ("year", "count"):
            attrs = field.widget.attrs
            assert (attrs["min"], attrs["max"]) == (spec.minimum, spec.maximum), name
        if spec.kind == "choice" and name != "rule_set":
            assert {v for v, _ in field.choices if v} == set(spec.choices), name
    covered = set(form.schema_paths.values())
    # The form asks for every fact of a case except the identifiers of a batch and the rare
    # ones the advanced JSON box carries (the dossier date, a collective's own rating).
    expected = {p.removeprefix("$.") for p, _ in leaves(CASE)}
    assert expected - covered == {"dossier_lodged_on", "collective.rating", "id"}


def _serializer_fields(serializer: serializers.Field) -> dict[str, serializers.Field]:
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    return dict(serializer.fields) if isinstance(serializer, serializers.Serializer) else {}


def _compare(spec: Field, field: serializers.Field, path: str) -> None:
    assert field.required is spec.required, path
    if spec.kind in ("year", "count"):
        assert (field.min_value, field.max_value) == (spec.minimum, spec.maximum), path
    if spec.kind == "choice":
        assert list(field.choices) == list(spec.choices), path
    if spec.kind == "text":
        assert field.max_length == spec.max_length, path
    if spec.kind == "list":
        assert field.max_length == spec.max_items, path
    if spec.kind in ("object", "list") and (spec.fields or (spec.item and spec.item.fields)):
        children = spec.fields or spec.item.fields
        got = _serializer_fields(field)
        assert list(got) == [c.name for c in children], path
        for child in children:
            _compare(child, got[child.name], f"{path}.{child.name}")


@pytest.mark.parametrize(
    ("spec", "serializer"), [(CASE, s.CaseSerializer), (UNIT, s.UnitBatchSerializer)]
)
def test_api_serializers_are_the_schema(spec, serializer):
    """The OpenAPI shapes of a case and a batch have the schema's fields, limits and choices."""
    fields = serializer().fields
    assert list(fields) == [f.name for f in spec.fields]
    for child in spec.fields:
        _compare(child, fields[child.name], child.name)


BASE = {
    "as_of": "2026-01-15",
    "year": 2025,
    "subject": {"kind": "individual"},
    "ratings": {"2025": "excellent"},
    "candidates": ["grassroots_emulation_fighter"],
}
FORM = {
    "mode": "form",
    "kind": "individual",
    "year": "2025",
    "as_of": "2026-01-15",
    "rule_set": "auto",
    "rating_0": "excellent",
    "candidates": "grassroots_emulation_fighter",
}
COLLECTIVE = {"members": 10, "members_completing_tasks": 10, "members_advanced_worker": 12}

# (JSON change, form change, JSON path, form field)
MALFORMED = [
    (
        {"ballot": {"yes": 16, "members": 15}},
        {"ballot_yes": "16", "ballot_members": "15"},
        "ballot.yes",
        "ballot_yes",
    ),
    (
        {"ballot": {"yes": 3, "members": 0}},
        {"ballot_yes": "3", "ballot_members": "0"},
        "ballot.members",
        "ballot_members",
    ),
    ({"year": 1800}, {"year": "1800"}, "year", "year"),
    ({"year": 2027}, {"year": "2027"}, "year", "year"),
    (
        {"awards": [{"year": 3000, "code": "advanced_worker"}]},
        {"award_year_0": "3000", "award_code_0": "advanced_worker"},
        "awards[0].year",
        "award_year_0",
    ),
    (
        {"subject": {"kind": "collective"}, "collective": COLLECTIVE, "candidates": None},
        {
            "kind": "collective",
            "members": "10",
            "members_completing_tasks": "10",
            "members_advanced_worker": "12",
            "candidates": None,
        },
        "collective.members_advanced_worker",
        "members_advanced_worker",
    ),
    (
        {"subject": {"kind": "collective"}, "candidates": None},
        {"kind": "collective", "candidates": None},
        "collective",
        "members",
    ),
    (
        {"candidates": ["advanced_collective"]},
        {"candidates": "advanced_collective"},
        "candidates[0]",
        "candidates",
    ),
    (
        {"initiatives": [{"id": "x" * 101, "year": 2025, "scope": "grassroots"}]},
        {"init_id_0": "x" * 101, "init_year_0": "2025", "init_scope_0": "grassroots"},
        "initiatives[0].id",
        "init_id_0",
    ),
]


def _problem(doc: dict) -> Problem:
    with pytest.raises(CaseError) as exc:
        parse_document(json.dumps(doc), REGISTRY.names())
    (problem,) = exc.value.problems
    return problem


@pytest.mark.parametrize(("change", "form_change", "path", "field"), MALFORMED)
def test_the_same_malformed_case_is_refused_alike_everywhere(
    client, registry, change, form_change, path, field
):
    """CLI (exit 2, English), API (400, its language) and page (Vietnamese under the input)
    name the same problem at the same place."""
    doc = {**BASE, **change}
    problem = _problem(doc)
    assert problem.path == path

    err = io.StringIO()
    code = main(["evaluate", "-"], stdin=io.StringIO(json.dumps(doc)), stderr=err)
    assert (code, err.getvalue()) == (2, problem.line("en") + "\n")

    api = APIClient()
    api.force_authenticate(registry.viewer)
    for lang in ("vi", "en"):
        body = api.post(
            f"/api/v1/rules/evaluate/?lang={lang}", json.dumps(doc), content_type="application/json"
        ).json()
        assert body["fields"] == {path: [problem.message(lang)]}

    client.force_login(registry.viewer)
    data = {k: v for k, v in {**FORM, **form_change}.items() if v is not None}
    response = client.post(URL, data)
    assert problem.message("vi") in html.unescape(response.content.decode())
    assert response.context["form"].errors[field] == [problem.message("vi")]
