"""Organisations: the Board, its units, enterprises (with their profile) and other bodies."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ApiView, ListApiView
from tdkt.api.fields import OrganizationReferenceField, ZoneReferenceField
from tdkt.api.schema import component, described, error_responses, versioned
from tdkt.organizations.constants import Currency, InvestmentType, OrganizationKind
from tdkt.organizations.models import Enterprise, Organization
from tdkt.organizations.permissions import (
    ensure_can_add_records,
    ensure_can_change_organization,
)
from tdkt.organizations.selectors import organization_get, organization_list
from tdkt.organizations.services import organization_create, organization_update
from tdkt.organizations.versions import version_of

from .refs import OrganizationRefSerializer, ZoneRefSerializer

TAGS = ["organizations"]

PERMISSIONS = """
Who may do what (403, before the values are validated): officers and administrators add any
kind and change every field; a unit head adds departments, public service units and
representative offices inside their unit, changes the short name and address of their own
unit and everything but the kind of the units below it; an enterprise representative adds
nothing and changes the short name and address of their enterprise (its name, tax code,
FDI/DDI type, investor country, zone and capital are the Board's registration). Sending a
field with its current value is not a change.
"""

VALIDATIONS = """
Validations (messages in Vietnamese, per field):

* `name` is required; `parent` must be an organisation the caller may change (a root needs a
  board-wide writer), and an organisation cannot be moved under itself or its own subtree;
* `kind` must fit under the parent: a root is a `board` or an `external_body`; under a board
  come `department`, `public_service_unit`, `representative_office` and `enterprise`; under
  those three, the same three; under an enterprise, enterprises (branches); under an external
  body, external bodies. A kind changes only among the first three (officers only);
* an `enterprise` profile is required for kind `enterprise` and refused for other kinds;
* `enterprise.tax_code`: 10 digits, or 10 digits, a hyphen and 3 digits for a branch; unique;
* `enterprise.investment_type`: `fdi` or `ddi`; an FDI enterprise needs `investor_country`;
* `enterprise.investor_country`: ISO 3166-1 alpha-2 in capitals (JP, KR …);
* `enterprise.registered_capital` may not be negative.
"""


@component("Enterprise")
class EnterpriseOutputSerializer(serializers.ModelSerializer):
    """The enterprise profile of an organisation of kind ``enterprise``."""

    zone = ZoneRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Enterprise
        fields = [
            "tax_code",
            "investment_type",
            "investor_country",
            "zone",
            "registered_capital",
            "capital_currency",
        ]
        read_only_fields = fields


@component("Organization")
class OrganizationOutputSerializer(serializers.ModelSerializer):
    """An organisation with its parent and, for enterprises, the enterprise profile."""

    parent = OrganizationRefSerializer(read_only=True, allow_null=True)
    depth = serializers.IntegerField(read_only=True, help_text="0 for a root, 1 for its children…")
    enterprise = EnterpriseOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Organization
        fields = [
            "uuid",
            "name",
            "short_name",
            "kind",
            "parent",
            "depth",
            "address",
            "is_active",
            "enterprise",
        ]
        read_only_fields = fields


@component("Enterprise")
class EnterpriseInputSerializer(serializers.Serializer):
    """Enterprise profile fields; in a partial update only the given ones change."""

    tax_code = serializers.CharField(**described(Enterprise, "tax_code"))
    investment_type = serializers.ChoiceField(
        choices=InvestmentType.choices, **described(Enterprise, "investment_type")
    )
    investor_country = serializers.CharField(
        **described(Enterprise, "investor_country", required=False, allow_blank=True)
    )
    zone = ZoneReferenceField(
        **described(Enterprise, "zone", required=False, allow_null=True),
    )
    registered_capital = serializers.DecimalField(
        **described(
            Enterprise,
            "registered_capital",
            max_digits=20,
            decimal_places=2,
            required=False,
            allow_null=True,
        )
    )
    capital_currency = serializers.ChoiceField(
        choices=Currency.choices, **described(Enterprise, "capital_currency", required=False)
    )


@component("EnterpriseUpdate")
class EnterpriseUpdateInputSerializer(EnterpriseInputSerializer):
    """Enterprise profile fields for a partial update: every field is optional."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class OrganizationListApi(ListApiView):
    """List and create organisations."""

    class FilterSerializer(serializers.Serializer):
        search = serializers.CharField(
            required=False,
            allow_blank=True,
            help_text="Part of the name or short name, accent- and case-insensitive.",
        )
        kind = serializers.ChoiceField(
            choices=OrganizationKind.choices, required=False, help_text="Only this kind."
        )
        include_inactive = serializers.BooleanField(
            required=False, default=False, help_text="Also list inactive organisations."
        )

    @component("Organization")
    class InputSerializer(serializers.Serializer):
        name = serializers.CharField(**described(Organization, "name", max_length=300))
        kind = serializers.ChoiceField(
            choices=OrganizationKind.choices, **described(Organization, "kind")
        )
        # Declared fields are popped by the serializer metaclass; not `Field.parent`.
        parent = OrganizationReferenceField(  # type: ignore[assignment]
            **described(Organization, "parent", required=False, allow_null=True)
        )
        short_name = serializers.CharField(
            **described(
                Organization, "short_name", max_length=100, required=False, allow_blank=True
            )
        )
        address = serializers.CharField(
            **described(Organization, "address", max_length=300, required=False, allow_blank=True)
        )
        enterprise = EnterpriseInputSerializer(
            required=False, help_text="Required for kind `enterprise`, refused otherwise."
        )

    @extend_schema(
        tags=TAGS,
        summary="List organisations",
        description=(
            "Only organisations inside the caller's scope, in tree order: board-wide roles see "
            "all, unit heads and viewers their unit's subtree, enterprise representatives "
            "their enterprise."
        ),
        parameters=[FilterSerializer],
        responses={200: OrganizationOutputSerializer(many=True), **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        return self.paginate(
            organization_list(actor=self.actor, **filters), OrganizationOutputSerializer
        )

    @extend_schema(
        tags=TAGS,
        summary="Create an organisation",
        description="Adds an organisation under `parent` (audited)." + PERMISSIONS + VALIDATIONS,
        request=InputSerializer,
        responses={201: OrganizationOutputSerializer, **error_responses(400, 403)},
        examples=[
            OpenApiExample(
                "Enterprise",
                value={
                    "name": "Công ty TNHH Cơ khí Bắc Thăng Long",
                    "kind": "enterprise",
                    "parent": "6f1c2d3e-0000-4000-8000-000000000001",
                    "enterprise": {
                        "tax_code": "0107654321",
                        "investment_type": "ddi",
                        "registered_capital": "50000000000",
                        "capital_currency": "VND",
                    },
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        ensure_can_add_records(self.actor)
        data = self.parse(self.InputSerializer)
        org = organization_create(actor=self.actor, **data)
        org = organization_get(actor=self.actor, uuid=org.uuid)
        return self.render(OrganizationOutputSerializer, org, status=201)


class OrganizationDetailApi(ApiView):
    """Read and change one organisation."""

    @component("OrganizationUpdate")
    class InputSerializer(serializers.Serializer):
        name = serializers.CharField(**described(Organization, "name", max_length=300))
        kind = serializers.ChoiceField(
            choices=OrganizationKind.choices, **described(Organization, "kind")
        )
        short_name = serializers.CharField(
            **described(Organization, "short_name", max_length=100, allow_blank=True)
        )
        address = serializers.CharField(
            **described(Organization, "address", max_length=300, allow_blank=True)
        )
        is_active = serializers.BooleanField(**described(Organization, "is_active"))
        # Declared fields are popped by the serializer metaclass; not `Field.parent`.
        parent = OrganizationReferenceField(  # type: ignore[assignment]
            **described(Organization, "parent", allow_null=True),
        )
        enterprise = EnterpriseUpdateInputSerializer(
            help_text="Only for enterprises; only the given profile fields change."
        )

    @extend_schema(
        tags=TAGS,
        summary="Get an organisation",
        description="404 when it does not exist or is outside the caller's scope.",
        responses={200: OrganizationOutputSerializer, **error_responses(404)},
        parameters=versioned(write=False),
    )
    def get(self, request: Request, uuid: str) -> Response:
        org = organization_get(actor=self.actor, uuid=uuid)
        return self.render(OrganizationOutputSerializer, org, version=version_of(org))

    @extend_schema(
        tags=TAGS,
        summary="Change an organisation (partial), including the enterprise profile",
        description=(
            "Only the given fields change; moving to a new `parent` moves the whole subtree. "
            "The caller must be allowed to change the organisation (403, checked before the "
            "body is read) and the new parent." + PERMISSIONS + VALIDATIONS
        ),
        request=InputSerializer,
        responses={200: OrganizationOutputSerializer, **error_responses(400, 403, 404, 412)},
        parameters=versioned(write=True),
    )
    def patch(self, request: Request, uuid: str) -> Response:
        org = organization_get(actor=self.actor, uuid=uuid)
        ensure_can_change_organization(self.actor, org)
        data = self.parse(self.InputSerializer, partial=True)
        organization_update(
            actor=self.actor, organization=org, expected_version=self.if_match(), **data
        )
        org = organization_get(actor=self.actor, uuid=uuid)
        return self.render(OrganizationOutputSerializer, org, version=version_of(org))
