"""Sign-in for API clients (token) and the current user."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.policy import can_manage_accounts
from tdkt.accounts.scopes import scope_for
from tdkt.accounts.services import api_token_create
from tdkt.api.base import ApiView
from tdkt.api.errors import LockedOutError
from tdkt.api.schema import component, error_responses
from tdkt.core.errors import ApplicationError

from .refs import OrganizationRefSerializer


@component("Me")
class MeOutputSerializer(serializers.ModelSerializer):
    """The signed-in user, their role and the organisation they act for."""

    full_name = serializers.CharField(source="get_full_name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    organization = OrganizationRefSerializer(read_only=True, allow_null=True)
    person = serializers.UUIDField(source="person.uuid", read_only=True, allow_null=True)
    board_wide = serializers.SerializerMethodField(
        help_text="True when the user sees the whole registry."
    )
    can_write = serializers.SerializerMethodField(
        help_text="True when the user may change records in their scope."
    )
    can_manage_accounts = serializers.SerializerMethodField(
        help_text="True when the user may list, create and change accounts (on the web pages)."
    )

    class Meta:
        model = User
        fields = [
            "username",
            "full_name",
            "email",
            "role",
            "role_label",
            "organization",
            "person",
            "board_wide",
            "can_write",
            "can_manage_accounts",
        ]
        read_only_fields = fields

    def get_board_wide(self, user: User) -> bool:
        return scope_for(user).everything

    def get_can_write(self, user: User) -> bool:
        return scope_for(user).can_write

    def get_can_manage_accounts(self, user: User) -> bool:
        return can_manage_accounts(user)


class MeApi(ApiView):
    """The current user."""

    @extend_schema(
        tags=["auth"],
        summary="The current user",
        description="Role, organisation and scope of the caller (session or token).",
        responses={200: MeOutputSerializer, **error_responses()},
    )
    def get(self, request: Request) -> Response:
        return self.render(MeOutputSerializer, self.actor)


class TokenCreateApi(ApiView):
    """Exchange a username and password for an API token."""

    authentication_classes = []
    permission_classes = [AllowAny]

    DEFAULT_NAME = "API"

    @component("TokenCredentials")
    class InputSerializer(serializers.Serializer):
        username = serializers.CharField()
        password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)
        name = serializers.CharField(
            required=False,
            max_length=100,
            help_text="Name of the token, to tell it apart on the account page (default `API`). "
            "A new token replaces the caller's token of the same name.",
        )

    @component("Token")
    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField(
            help_text="Send as `Authorization: Token <token>`. Shown only this once: the "
            "server keeps only its hash."
        )
        name = serializers.CharField(help_text="The token's name.")
        expires_at = serializers.DateTimeField(
            help_text="After this moment the token is refused (401); sign in again for a new one."
        )
        user = MeOutputSerializer()

    @extend_schema(
        tags=["auth"],
        summary="Get an API token",
        description=(
            "Checks the username and password with the same lockout as the web sign-in: after "
            "repeated failures (5 by default) for one username and address, sign-in is refused "
            "for a while with 429 `locked_out`, even with the right password. The token "
            "expires after `TDKT_API_TOKEN_DAYS` days (30 by default) and dies at once when "
            "the password changes or the account is disabled. A new token replaces the "
            "caller's token of the same `name`; tokens with other names (made on the account "
            "page) stay valid. Keys issued before tokens expired no longer work: sign in again."
        ),
        auth=[],
        request=InputSerializer,
        responses={200: OutputSerializer, **error_responses(400, 429)},
    )
    def post(self, request: Request) -> Response:
        data = self.parse(self.InputSerializer)
        # The DRF request is passed on purpose: django-axes records the attempt and flags a
        # lockout on it, and the flag stays here instead of triggering axes' HTML response.
        user = authenticate(request=request, username=data["username"], password=data["password"])
        if getattr(request, "axes_locked_out", False):
            raise LockedOutError()
        if user is None:
            raise ApplicationError(
                _("Tên đăng nhập hoặc mật khẩu không đúng."),
                fields={"password": [_("Tên đăng nhập hoặc mật khẩu không đúng.")]},
            )
        token, key = api_token_create(
            actor=user,
            user=user,
            name=data.get("name") or self.DEFAULT_NAME,
            replace=True,
        )
        return self.render(
            self.OutputSerializer,
            {"token": key, "name": token.name, "expires_at": token.expires_at, "user": user},
        )
