"""Malformed requests get the API's error shape with a 4xx, never a 500 or an HTML page."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tdkt.api.parsers import MAX_JSON_DEPTH, json_depth

from .helpers import assert_error

TOKEN = "/api/v1/auth/token/"


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 200, 1000, 100_000])
def test_deeply_nested_json_is_refused_on_the_anonymous_token_endpoint(db, depth):
    """JSON nested past the limit (up to far beyond Python's recursion limit) answers 400
    ``parse_error`` to anyone, signed in or not, instead of crashing the parser."""
    response = APIClient().post(TOKEN, _nested(depth), content_type="application/json")
    body = assert_error(response, 400, "parse_error")
    assert str(MAX_JSON_DEPTH) in body["message"]


def test_deep_json_inside_an_object_is_refused_too(registry, api_as):
    """Depth counts inside objects as well as arrays, on a signed-in endpoint."""
    value: object = "x"
    for _ in range(MAX_JSON_DEPTH + 5):
        value = {"a": value}
    response = api_as(registry.officer).post(
        "/api/v1/groups/", json.dumps(value), content_type="application/json"
    )
    assert_error(response, 400, "parse_error")


def test_reasonable_nesting_is_parsed_and_validated_as_usual(db):
    """A body within the limit reaches validation: wrong fields answer 400 ``invalid``."""
    value: object = "x"
    for _ in range(MAX_JSON_DEPTH - 1):
        value = [value]
    response = APIClient().post(
        TOKEN, json.dumps({"username": value, "password": "p"}), content_type="application/json"
    )
    body = assert_error(response, 400, "invalid")
    assert "username" in body["fields"]


def test_json_depth_counts_without_recursing():
    """The depth of 100 000 nested lists is measured iteratively, stopping past the limit."""
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert json_depth(deep) == MAX_JSON_DEPTH + 1
    assert json_depth({"a": [1, {"b": []}]}) == 4
    assert json_depth("text") == 0


@pytest.mark.parametrize(
    "body",
    [b"{", b'{"username": "a",}', b"\xff\xfe\x00garbage", b"NaN", b'{"a": Infinity}'],
)
def test_unreadable_json_is_a_parse_error(db, body):
    """Truncated, non-UTF-8 or non-standard (NaN, Infinity) JSON answers 400 ``parse_error``."""
    response = APIClient().post(TOKEN, body, content_type="application/json")
    assert_error(response, 400, "parse_error")


@pytest.mark.parametrize("body", ["[]", '"text"', "42", "null", '[{"username": "x"}]'])
def test_json_of_the_wrong_type_is_invalid_input(db, body):
    """A list, string, number or null where an object is expected answers 400 ``invalid``."""
    response = APIClient().post(TOKEN, body, content_type="application/json")
    assert_error(response, 400, "invalid")


def test_wrong_content_type_is_415_in_the_error_shape(db):
    """A body the API cannot read at all (XML) answers 415 ``unsupported_media_type``."""
    response = APIClient().post(TOKEN, "<a/>", content_type="application/xml")
    assert_error(response, 415, "unsupported_media_type")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_a_body_over_the_limit_is_413_before_it_is_parsed(db):
    """A JSON or form body larger than the limit answers 413 ``payload_too_large``."""
    big = json.dumps({"username": "a" * 2000, "password": "p"})
    assert_error(
        APIClient().post(TOKEN, big, content_type="application/json"), 413, "payload_too_large"
    )
    assert_error(
        APIClient().post(TOKEN, {"username": "a" * 2000, "password": "p"}, format="multipart"),
        413,
        "payload_too_large",
    )


@override_settings(TDKT_IMPORT_MAX_BYTES=1024)
def test_a_multipart_upload_over_the_limit_is_413(db):
    """A multipart body past the largest accepted file is refused from its declared length."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("big.xlsx", b"0" * (200 * 1024))
    response = APIClient().post(TOKEN, {"file": upload, "username": "a"}, format="multipart")
    assert_error(response, 413, "payload_too_large")


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=5)
def test_too_many_form_fields_is_400_in_the_error_shape(db):
    """Django's guard against form floods answers in the API's shape, not an HTML page."""
    fields = {f"f{i}": "x" for i in range(20)}
    response = APIClient().post(TOKEN, fields, format="multipart")
    assert_error(response, 400, "bad_request")


def test_the_rules_engine_endpoint_reports_deep_json_as_a_malformed_case(registry, api_as):
    """/rules/evaluate/ reads the body with the engine's own parser: deep nesting is a case
    problem on ``$`` (as ``tdkt rules evaluate`` reports it), not a crash."""
    response = api_as(registry.viewer).post(
        "/api/v1/rules/evaluate/", _nested(5000), content_type="application/json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["$"] == ["Dữ liệu JSON lồng nhau quá sâu."]


def _api_views():
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.callback

    for route, callback in walk(get_resolver().url_patterns):
        view_class = getattr(callback, "cls", None)
        if route.startswith("api/") and view_class is not None:
            yield route, view_class


def test_every_api_view_reads_bodies_with_the_bounded_parsers():
    """A view that names DRF's plain JSON or multipart parser would bring the crash back."""
    from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

    from tdkt.api.parsers import BoundedJSONParser, BoundedMultiPartParser

    views = list(_api_views())
    assert len(views) > 10
    for route, view_class in views:
        for parser in view_class.parser_classes:
            if issubclass(parser, JSONParser):
                assert issubclass(parser, BoundedJSONParser), route
            elif issubclass(parser, MultiPartParser):
                assert issubclass(parser, BoundedMultiPartParser), route
            else:
                assert issubclass(parser, FormParser), (route, parser)
