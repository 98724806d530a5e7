"""Fuzz every operation of docs/api/openapi.yaml: whatever arrives, the answer is never a 500.

For each documented operation hypothesis sends requests built from the schema, then bent:
bodies shaped like the request schema with values of any type (or near-valid ones: enum members,
dates, UUIDs of real objects, huge numbers, NUL characters), arbitrary JSON, raw bytes, deep
nesting, other content types; path parameters that exist, do not, or are malformed; query
parameters of every kind. The answer must be below 500, and every 4xx must be the API's one
error shape. ``TDKT_FUZZ_EXAMPLES`` raises the number of requests per operation (default 25,
which keeps CI short; the schema keeps the cases reproducible through ``derandomize``).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tdkt.organizations.services import group_create

SCHEMA = yaml.safe_load(
    (Path(django_settings.BASE_DIR) / "docs" / "api" / "openapi.yaml").read_text("utf-8")
)
COMPONENTS = SCHEMA["components"]["schemas"]
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = [
    (method, path, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
    if method in METHODS
]
EXAMPLES = int(os.environ.get("TDKT_FUZZ_EXAMPLES", "25"))

text = st.text(max_size=40)
nasty_text = st.sampled_from(
    ["", " ", "\x00", "a\x00b", "'; DROP TABLE x; --", "=1+1", "ñ" * 300, "\ud7ff", "🙂", "%00"]
)
numbers = st.integers(min_value=-(2**70), max_value=2**70) | st.floats(
    allow_nan=False, allow_infinity=False
)
scalars = st.none() | st.booleans() | numbers | text | nasty_text
any_json = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(text | nasty_text, children, max_size=4)
    ),
    max_leaves=10,
)


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and single-member ``allOf``/``oneOf`` to the schema itself."""
    while True:
        if "$ref" in schema:
            schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
        elif len(schema.get("allOf", [])) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def near_valid(schema: dict[str, Any], known_ids: list[str], depth: int = 0) -> st.SearchStrategy:
    """Values of the right type most of the time, with the edges a validator must catch."""
    schema = resolve(schema)
    choices = [s for s in schema.get("oneOf", []) + schema.get("anyOf", [])]
    if choices:
        return st.one_of(*(near_valid(c, known_ids, depth) for c in choices))
    if "enum" in schema:
        return st.sampled_from([v for v in schema["enum"] if v is not None] or [""]) | text
    kind = schema.get("type")
    fmt = schema.get("format")
    if kind == "object" and depth < 3:
        properties = schema.get("properties", {})
        return st.fixed_dictionaries(
            {},
            optional={
                name: near_valid(prop, known_ids, depth + 1) | any_json
                for name, prop in properties.items()
                if not prop.get("readOnly")
            },
        )
    if kind == "array" and depth < 3:
        return st.lists(near_valid(schema.get("items", {}), known_ids, depth + 1), max_size=4)
    if kind == "string" and fmt == "uuid":
        return st.sampled_from(known_ids) | st.uuids().map(str) | text
    if kind == "string" and fmt in {"date", "date-time"}:
        return st.dates().map(str) | st.sampled_from(["2024-02-30", "0000-01-01", "31/12/2024"])
    if kind == "string":
        return text | nasty_text | st.text(min_size=250, max_size=400)
    if kind in {"integer", "number"}:
        return numbers
    if kind == "boolean":
        return st.booleans() | st.sampled_from(["yes", "0", ""])
    return any_json


def request_body(operation: dict[str, Any], known_ids: list[str]) -> st.SearchStrategy:
    """(content type, bytes) pairs: JSON shaped like the schema, or anything else."""
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema", {})
    as_json = st.one_of(near_valid(schema, known_ids), any_json).map(
        lambda value: json.dumps(value).encode()
    )
    deep = st.integers(min_value=20, max_value=5000).map(lambda n: b"[" * n + b"]" * n)
    garbage = st.binary(max_size=200)
    form = st.dictionaries(text, text, max_size=5).map(lambda d: urlencode(d).encode())
    return st.one_of(
        st.tuples(st.just("application/json"), as_json),
        st.tuples(st.just("application/json"), deep | garbage),
        st.tuples(st.just("application/x-www-form-urlencoded"), form),
        st.tuples(
            st.sampled_from(
                ["text/plain", "application/xml", "application/octet-stream", "multipart/form-data"]
            ),
            garbage,
        ),
    )


def path_value(name: str, known_ids: list[str]) -> st.SearchStrategy:
    if name == "uuid":
        return st.sampled_from(known_ids) | st.uuids().map(str) | st.just("not-a-uuid")
    if name == "year":
        return st.integers(min_value=0, max_value=10**12).map(str)
    return st.sampled_from(["provincial_emulation_fighter", "certificate_of_merit"]) | text.filter(
        lambda s: "/" not in s and "?" not in s and "#" not in s
    )


def query(operation: dict[str, Any]) -> st.SearchStrategy:
    names = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
    value = (text | nasty_text | numbers.map(str) | st.sampled_from(["R2022b", "en", "true"])).map(
        str
    )
    return st.dictionaries(st.sampled_from(names) if names else text, value, max_size=4)


def assert_api_answer(response: Any, label: str) -> None:
    """Below 500; a 4xx is ``{"code", "message", "fields"}`` in JSON."""
    assert response.status_code < 500, f"{label} -> {response.status_code}"
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), label
        body = response.json()
        assert set(body) == {"code", "message", "fields"}, (label, body)
        assert isinstance(body["code"], str)
        assert body["message"], (label, body)


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _ in OPERATIONS],
)
def test_no_request_makes_an_endpoint_fail(registry, method, path, operation):
    """Hypothesis-generated requests to one operation, signed in as the officer (who may write
    nearly everything) or anonymous, always get a 2xx/3xx/4xx answer in the API's shape."""
    block = group_create(actor=registry.officer, name="Khối thử", kind="block", organizer="BQL")
    known_ids = [
        str(registry.zone.uuid),
        str(registry.board.uuid),
        str(registry.investment.uuid),
        str(registry.anh.uuid),
        str(block.uuid),
        str(uuid.UUID(int=0)),
    ]
    officer = APIClient()
    officer.force_authenticate(registry.officer)
    anonymous = APIClient()
    names = re.findall(r"{(\w+)}", path)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        params=st.fixed_dictionaries({name: path_value(name, known_ids) for name in names}),
        query_params=query(operation),
        body=request_body(operation, known_ids),
        signed_in=st.booleans() | st.just(True),
    )
    def run(params, query_params, body, signed_in):
        url = path
        for name, value in params.items():
            url = url.replace("{" + name + "}", value)
        if query_params:
            url += "?" + urlencode(query_params)
        client = officer if signed_in else anonymous
        content_type, data = body
        if method in {"get", "delete"}:
            response = getattr(client, method)(url)
        else:
            response = getattr(client, method)(url, data=data, content_type=content_type)
        assert_api_answer(response, f"{method.upper()} {url} {content_type} {data[:80]!r}")

    run()
