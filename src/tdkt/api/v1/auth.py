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
        ]
        read_only_fields = fields

    def get_board_wide(self, user: User) -> bool:
        return scope_for(user).everything

    def get_can_write(self, user: User) -> bool:
        return scope_for(user).can_write


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

    @component("TokenCredentials")
    class InputSerializer(serializers.Serializer):
        username = serializers.CharField()
        password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)

    @component("Token")
    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField(
            help_text="Send as `Authorization: Token <token>`; issuing a new one revokes it."
        )
        user = MeOutputSerializer()

    @extend_schema(
        tags=["auth"],
        summary="Get an API token",
        description=(
            "Checks the username and password with the same lockout as the web sign-in: after "
            "repeated failures (5 by default) for one username and address, sign-in is refused "
            "for a while with 429 `locked_out`, even with the right password. A new token "
            "replaces the user's previous one."
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
        token = api_token_create(actor=user, user=user)
        return self.render(self.OutputSerializer, {"token": token.key, "user": user})
