"""The base API view and the small helpers every endpoint uses.

Views stay thin: parse input with a serializer, call one selector or service, render with an
output serializer. Nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.access import record_access_denied
from tdkt.core.errors import OutOfScopeError

from .authentication import ApiTokenAuthentication
from .pagination import PagePagination


class ApiView(APIView):
    """Authenticated JSON endpoint.

    Token authentication comes first so that an anonymous call gets 401 with a
    ``WWW-Authenticate: Token`` header instead of DRF's 403 for session-only views.
    """

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    pagination_class: type[PagePagination] | None = None

    def parse(
        self,
        serializer_class: type[serializers.Serializer],
        data: Any = None,
        *,
        partial: bool = False,
    ) -> dict[str, Any]:
        """Validate ``data`` (the request body by default) and return the validated dict."""
        serializer = serializer_class(
            data=self.request.data if data is None else data,
            partial=partial,
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def parse_query(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        """Validate the query string; absent filters are left out of the result."""
        return self.parse(serializer_class, self.request.query_params)

    def render(
        self,
        serializer_class: type[serializers.Serializer],
        instance: Any,
        *,
        status: int = 200,
        many: bool = False,
        version: str | None = None,
    ) -> Response:
        """Serialise ``instance`` and return it with ``status`` (and its ``version`` as the
        ``ETag``, for a record a client may change: decision 0038)."""
        serializer = serializer_class(instance, many=many, context=self.get_serializer_context())
        response = Response(serializer.data, status=status)
        if version is not None:
            response["ETag"] = f'"{version}"'
        return response

    def if_match(self) -> str | None:
        """Return the version named by the request's ``If-Match`` (None when absent or ``*``).

        One entity tag is expected; a weak one (``W/"…"``) never matches, as RFC 9110 asks.
        """
        header = self.request.headers.get("If-Match", "").strip()
        if not header or header == "*":
            return None
        tag = header.split(",")[0].strip()
        return tag[1:-1] if len(tag) >= 2 and tag[0] == tag[-1] == '"' else tag

    def get_serializer_context(self) -> dict[str, Any]:
        """Give serializers the request, so reference fields resolve through the actor's scope."""
        return {"request": self.request, "view": self}

    def handle_exception(self, exc: Exception) -> Response:
        """Answer as usual; also audit a lookup refused as out of scope (it answers 404)."""
        if isinstance(exc, OutOfScopeError):
            record_access_denied(self.request)
        return super().handle_exception(exc)

    @property
    def actor(self) -> Any:
        """The signed-in user, passed to every selector and service as ``actor``."""
        return self.request.user


class ListApiView(ApiView):
    """A list endpoint with page-number pagination."""

    pagination_class: type[PagePagination] | None = PagePagination

    def paginate(
        self,
        queryset: QuerySet | Iterable[Any],
        serializer_class: type[serializers.Serializer],
    ) -> Response:
        """Return one page of ``queryset`` as ``{count, next, previous, results}``."""
        paginator = (self.pagination_class or PagePagination)()
        # Django's paginator takes any sliceable sequence; the stubs accept only a queryset.
        page: list[Any] | None = paginator.paginate_queryset(
            queryset,  # type: ignore[arg-type]
            self.request,
            view=self,
        )
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return paginator.get_paginated_response(data)
