"""OpenAPI helpers: the error body, documented error responses and component names.

Views describe themselves with ``extend_schema``; this module keeps the shared parts in one
place so that every endpoint documents its errors the same way.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_serializer
from rest_framework import serializers

T = TypeVar("T", bound=Callable[..., Any])


class AutoSchema(openapi.AutoSchema):
    """Map every serializer from a fresh copy, so the schema is in the language asked for.

    DRF decides a model field's label when a serializer instance first builds its fields, in
    the language active at that moment, and keeps them; the instances named in
    ``extend_schema`` live as long as the process. Without a copy, a schema generated first in
    English left every later Vietnamese one without its field titles.
    """

    def _map_serializer(
        self, serializer: Any, direction: Any, bypass_extensions: bool = False
    ) -> Any:
        if isinstance(serializer, serializers.BaseSerializer):
            fresh = copy.deepcopy(serializer)
            fresh.partial = serializer.partial  # set after creation for PATCH bodies
            serializer = fresh
        return super()._map_serializer(serializer, direction, bypass_extensions)


@extend_schema_serializer(component_name="Error")
class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    code = serializers.CharField(
        help_text="Stable machine-readable code: invalid, forbidden, not_found, conflict, "
        "precondition_failed (412: `If-Match` names an older version), "
        "not_authenticated, authentication_failed, method_not_allowed, throttled, locked_out, "
        "parse_error (malformed JSON, or nested deeper than 32 levels), bad_request, "
        "unsupported_media_type (415), payload_too_large (413), server_error (500)."
    )
    message = serializers.CharField(help_text="Human-readable message (Vietnamese by default).")
    # The serializer metaclass pops declared fields, so this does not replace `.fields`.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Messages per input field, e.g. {"citizen_id": ["Số CCCD phải gồm đúng 12 '
        'chữ số."]}; nested inputs use dotted names ("enterprise.zone").',
    )


_DESCRIPTIONS = {
    400: "Invalid input: `code` is `invalid` and `fields` names each wrong field.",
    401: "Not signed in: no session and no valid `Authorization: Token …` header.",
    403: "Forbidden: the caller may not do this, e.g. change what they may only read "
    "(`code` = `forbidden`).",
    404: "Not found, or outside the caller's scope: the two answer alike (`code` = `not_found`).",
    409: "Conflict with the current state (`code` = `conflict`).",
    412: "The record changed since the version named in `If-Match`; nothing was written "
    "(`code` = `precondition_failed`). Read it again, then send the change with the new ETag.",
    429: "Too many requests or too many failed sign-ins.",
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """Return documented error responses; 401 is added because every endpoint needs a login."""
    wanted = sorted({401, *statuses})
    return {
        code: OpenApiResponse(response=ErrorSerializer, description=_DESCRIPTIONS[code])
        for code in wanted
    }


def component(name: str) -> Callable[[T], T]:
    """Name a serializer's schema component (nested ``InputSerializer`` classes share names)."""
    return extend_schema_serializer(component_name=name)


def described(model: type[models.Model], name: str, **kwargs: Any) -> dict[str, Any]:
    """Return ``label``/``help_text`` of a model field, so API docs match the forms and admin."""
    field = model._meta.get_field(name)
    described_kwargs: dict[str, Any] = {"label": getattr(field, "verbose_name", name)}
    if help_text := getattr(field, "help_text", ""):
        described_kwargs["help_text"] = help_text
    return {**described_kwargs, **kwargs}


def versioned(*, write: bool) -> list[OpenApiParameter]:
    """Document the ``ETag`` of a versioned record's answer and, for a write, ``If-Match``
    (decision 0038: two editors never silently overwrite each other)."""
    etag = OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        response=[200, 201],
        description="The version of the record (a quoted fingerprint of its fields); send it "
        "back in `If-Match` with a change.",
    )
    if not write:
        return [etag]
    if_match = OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        required=False,
        description="The ETag of the version the change was drawn from: if the record has "
        "changed since, nothing is written and the answer is 412. Without it (or with `*`) "
        "the change applies to whatever version is current.",
    )
    return [if_match, etag]
