"""Request body parsers that bound what a client can make the server do.

DRF's JSON parser hands the body to ``json.load``, whose recursion on a document nested a
thousand levels deep ends in ``RecursionError`` and a 500, even on the anonymous token endpoint
(issue #7); a document a few hundred levels deep parses, then recurses again in validation and
error flattening. :class:`BoundedJSONParser` refuses both with 400 ``parse_error``. Sizes are
bounded too: JSON and form bodies by ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (Django refuses larger ones
before parsing; the API answers 413 ``payload_too_large``), multipart bodies by
:attr:`BoundedMultiPartParser.max_body_bytes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from rest_framework import parsers

from .exceptions import JsonTooDeepError, RequestTooLargeError

#: Deepest nesting of arrays and objects a request may send; tdkt's inputs need about five.
MAX_JSON_DEPTH = 32


def json_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """Return how deeply ``value`` nests lists and dicts, counting up to ``limit + 1`` at most.

    Iterative, so it never recurses however deep the value is.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


class BoundedJSONParser(parsers.JSONParser):
    """JSON with a depth limit; NaN and Infinity refused (DRF's strict mode)."""

    max_depth = MAX_JSON_DEPTH

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise JsonTooDeepError(self.max_depth) from exc
        if json_depth(data, self.max_depth) > self.max_depth:
            raise JsonTooDeepError(self.max_depth)
        return data


class BoundedMultiPartParser(parsers.MultiPartParser):
    """Multipart forms (file uploads) no larger than the largest file tdkt accepts."""

    @property
    def max_body_bytes(self) -> int:
        """The import limit plus room for the other form fields."""
        return int(settings.TDKT_IMPORT_MAX_BYTES) + 64 * 1024

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        request = (parser_context or {}).get("request")
        meta = getattr(request, "META", {})
        try:
            declared = int(meta.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > self.max_body_bytes:
            raise RequestTooLargeError()
        return super().parse(stream, media_type, parser_context)
