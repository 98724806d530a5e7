"""``Authorization: Token <key>`` with tdkt's own expiring, hashed API tokens."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from tdkt.accounts.services import api_token_authenticate

KEYWORD = "Token"


class ApiTokenAuthentication(BaseAuthentication):
    """Authenticate a request by an ``ApiToken`` key (decision 0023).

    A missing header leaves the request to the next class; a malformed, unknown, expired or
    revoked key, or one of a disabled account, is refused with 401.
    """

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed()
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed() from exc
        found = api_token_authenticate(key)
        if found is None:
            raise exceptions.AuthenticationFailed()
        return found

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describe ``ApiTokenAuthentication`` in the OpenAPI schema (as DRF's token scheme was)."""

    target_class = "tdkt.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        scheme: dict[str, Any] = build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=KEYWORD
        )
        scheme["description"] = (
            "`Authorization: Token <key>`. Keys come from `POST /api/v1/auth/token/` or the "
            "account page, expire (30 days by default) and die with a password change or when "
            "the account is disabled."
        )
        return scheme
