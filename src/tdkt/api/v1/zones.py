"""Industrial zones (KCN/KCX): shared reference data; only board-wide writers change it."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ApiView, ListApiView
from tdkt.api.schema import component, described, error_responses, versioned
from tdkt.organizations.constants import ZoneKind, ZoneStatus
from tdkt.organizations.models import IndustrialZone
from tdkt.organizations.permissions import ensure_can_change_reference_data
from tdkt.organizations.selectors import zone_get, zone_list
from tdkt.organizations.services import zone_create, zone_update
from tdkt.organizations.versions import version_of

TAGS = ["zones"]


@component("IndustrialZone")
class ZoneOutputSerializer(serializers.ModelSerializer):
    """An industrial or export processing zone."""

    class Meta:
        model = IndustrialZone
        fields = ["uuid", "name", "kind", "district", "area_ha", "status"]
        read_only_fields = fields


@component("IndustrialZone")
class ZoneInputSerializer(serializers.Serializer):
    """Fields of a zone; all optional in a partial update."""

    name = serializers.CharField(**described(IndustrialZone, "name", max_length=200))
    kind = serializers.ChoiceField(
        choices=ZoneKind.choices, **described(IndustrialZone, "kind", required=False)
    )
    district = serializers.CharField(
        **described(IndustrialZone, "district", max_length=120, required=False, allow_blank=True)
    )
    area_ha = serializers.DecimalField(
        **described(
            IndustrialZone,
            "area_ha",
            max_digits=10,
            decimal_places=2,
            required=False,
            allow_null=True,
            min_value=Decimal("0.01"),
            error_messages={"min_value": _("Diện tích phải lớn hơn 0.")},
        )
    )
    status = serializers.ChoiceField(
        choices=ZoneStatus.choices, **described(IndustrialZone, "status", required=False)
    )


class ZoneListApi(ListApiView):
    """List and create industrial zones."""

    class FilterSerializer(serializers.Serializer):
        search = serializers.CharField(
            required=False,
            allow_blank=True,
            help_text="Part of the name, accent- and case-insensitive ('thang long').",
        )

    @extend_schema(
        tags=TAGS,
        summary="List industrial zones",
        description="Every signed-in user with an organisation sees all zones, ordered by name.",
        parameters=[FilterSerializer],
        responses={200: ZoneOutputSerializer(many=True), **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        return self.paginate(zone_list(actor=self.actor, **filters), ZoneOutputSerializer)

    @extend_schema(
        tags=TAGS,
        summary="Create an industrial zone",
        description=(
            "Only the administrator and emulation officers (board-wide writers) may add zones.\n\n"
            "Validations: `name` is required and unique; `area_ha` must be positive."
        ),
        request=ZoneInputSerializer,
        responses={201: ZoneOutputSerializer, **error_responses(400, 403)},
        examples=[
            OpenApiExample(
                "New zone",
                value={"name": "KCN Quang Minh", "district": "Mê Linh", "area_ha": "407.00"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        ensure_can_change_reference_data(self.actor)
        data = self.parse(ZoneInputSerializer)
        zone = zone_create(actor=self.actor, **data)
        return self.render(ZoneOutputSerializer, zone, status=201)


class ZoneDetailApi(ApiView):
    """Read and change one industrial zone."""

    @extend_schema(
        tags=TAGS,
        summary="Get an industrial zone",
        responses={200: ZoneOutputSerializer, **error_responses(404)},
        parameters=versioned(write=False),
    )
    def get(self, request: Request, uuid: str) -> Response:
        zone = zone_get(actor=self.actor, uuid=uuid)
        return self.render(ZoneOutputSerializer, zone, version=version_of(zone))

    @extend_schema(
        tags=TAGS,
        summary="Change an industrial zone",
        description=(
            "Partial update; only board-wide writers (403 for others, before the body is "
            "read). Validations as on create; the change is recorded in the zone's history."
        ),
        request=ZoneInputSerializer,
        responses={200: ZoneOutputSerializer, **error_responses(400, 403, 404, 412)},
        parameters=versioned(write=True),
    )
    def patch(self, request: Request, uuid: str) -> Response:
        zone = zone_get(actor=self.actor, uuid=uuid)
        ensure_can_change_reference_data(self.actor)
        data = self.parse(ZoneInputSerializer, partial=True)
        zone = zone_update(actor=self.actor, zone=zone, expected_version=self.if_match(), **data)
        return self.render(ZoneOutputSerializer, zone, version=version_of(zone))
