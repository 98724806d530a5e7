"""Emulation blocks and clusters (khối/cụm thi đua): yearly members and elected leadership."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ApiView, ListApiView
from tdkt.api.fields import OrganizationReferenceField
from tdkt.api.schema import component, described, error_responses, versioned
from tdkt.organizations.constants import GroupKind
from tdkt.organizations.models import EmulationGroup
from tdkt.organizations.permissions import ensure_can_change_reference_data
from tdkt.organizations.selectors import group_get, group_list, group_years
from tdkt.organizations.services import (
    group_create,
    group_leadership_set,
    group_members_set,
    group_update,
)
from tdkt.organizations.versions import version_of

from .refs import OrganizationRefSerializer

TAGS = ["groups"]


@component("GroupYear")
class GroupYearSerializer(serializers.Serializer):
    """Members and the elected leader/deputy of a block or cluster in one year."""

    year = serializers.IntegerField()
    members = OrganizationRefSerializer(many=True)
    leader = OrganizationRefSerializer(allow_null=True, help_text="Khối trưởng.")
    deputy = OrganizationRefSerializer(allow_null=True, help_text="Khối phó.")


@component("EmulationGroup")
class GroupOutputSerializer(serializers.ModelSerializer):
    """A block or cluster with its members and leadership per year (newest year first)."""

    years = serializers.SerializerMethodField()

    class Meta:
        model = EmulationGroup
        fields = ["uuid", "name", "kind", "organizer", "description", "years"]
        read_only_fields = fields

    @extend_schema_field(GroupYearSerializer(many=True))
    def get_years(self, group: EmulationGroup) -> list[dict[str, Any]]:
        # many=True gives a ReturnList; the stubs type `.data` as a ReturnDict.
        return GroupYearSerializer(group_years(group), many=True).data  # type: ignore[return-value]


@component("EmulationGroupInput")
class GroupInputSerializer(serializers.Serializer):
    """Fields of a block or cluster; all optional in a partial update."""

    name = serializers.CharField(**described(EmulationGroup, "name", max_length=300))
    kind = serializers.ChoiceField(choices=GroupKind.choices, **described(EmulationGroup, "kind"))
    organizer = serializers.CharField(
        **described(EmulationGroup, "organizer", max_length=300, required=False, allow_blank=True)
    )
    description = serializers.CharField(
        **described(EmulationGroup, "description", required=False, allow_blank=True)
    )


class GroupListApi(ListApiView):
    """List and create blocks and clusters."""

    class FilterSerializer(serializers.Serializer):
        year = serializers.IntegerField(
            required=False,
            min_value=1990,
            max_value=2100,
            help_text="Only groups with members in this year.",
        )

    @extend_schema(
        tags=TAGS,
        summary="List blocks and clusters",
        description="Board-wide roles see all groups; others only groups their unit belongs to.",
        parameters=[FilterSerializer],
        responses={200: GroupOutputSerializer(many=True), **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        groups = group_list(actor=self.actor, with_years=True, **filters)
        return self.paginate(groups, GroupOutputSerializer)

    @extend_schema(
        tags=TAGS,
        summary="Create a block or cluster",
        description=(
            "Only board-wide writers (administrator, emulation officers). Validations: `name` "
            "is required and unique; `kind` is `block` (khối) or `cluster` (cụm). Members and "
            "leadership are set per year afterwards."
        ),
        request=GroupInputSerializer,
        responses={201: GroupOutputSerializer, **error_responses(400, 403)},
    )
    def post(self, request: Request) -> Response:
        ensure_can_change_reference_data(self.actor)
        data = self.parse(GroupInputSerializer)
        group = group_create(actor=self.actor, **data)
        group = group_get(actor=self.actor, uuid=group.uuid, with_years=True)
        return self.render(GroupOutputSerializer, group, status=201)


class GroupDetailApi(ApiView):
    """Read and change one block or cluster."""

    @extend_schema(
        tags=TAGS,
        summary="Get a block or cluster with members and leadership per year",
        description="404 when it does not exist, or when the caller's unit is not a member and "
        "the caller is not board-wide.",
        responses={200: GroupOutputSerializer, **error_responses(404)},
        parameters=versioned(write=False),
    )
    def get(self, request: Request, uuid: str) -> Response:
        group = group_get(actor=self.actor, uuid=uuid, with_years=True)
        return self.render(GroupOutputSerializer, group, version=version_of(group))

    @extend_schema(
        tags=TAGS,
        summary="Change a block or cluster",
        description=(
            "Partial update of name, kind, organiser or description; only board-wide writers. "
            "Validations as on create; the change is recorded in the group's history."
        ),
        request=GroupInputSerializer,
        responses={200: GroupOutputSerializer, **error_responses(400, 403, 404, 412)},
        parameters=versioned(write=True),
    )
    def patch(self, request: Request, uuid: str) -> Response:
        group = group_get(actor=self.actor, uuid=uuid)
        ensure_can_change_reference_data(self.actor)
        data = self.parse(GroupInputSerializer, partial=True)
        group_update(actor=self.actor, group=group, expected_version=self.if_match(), **data)
        group = group_get(actor=self.actor, uuid=uuid, with_years=True)
        return self.render(GroupOutputSerializer, group, version=version_of(group))


class GroupMembersApi(ApiView):
    """Replace the members of a group for one year."""

    @component("GroupMembers")
    class InputSerializer(serializers.Serializer):
        members = serializers.ListField(
            child=OrganizationReferenceField(),
            allow_empty=True,
            help_text="UUIDs of the member organisations for the year (replaces the list).",
        )

    @extend_schema(
        tags=TAGS,
        summary="Set the members of a block or cluster for a year",
        description=(
            "Replaces the member list of `year`; only board-wide writers. Validations: the "
            "year lies in 1990–2100; the elected leader and deputy of that year cannot be "
            "removed. Returns the whole group."
        ),
        request=InputSerializer,
        responses={200: GroupOutputSerializer, **error_responses(400, 403, 404)},
    )
    def put(self, request: Request, uuid: str, year: int) -> Response:
        group = group_get(actor=self.actor, uuid=uuid)
        ensure_can_change_reference_data(self.actor)
        data = self.parse(self.InputSerializer)
        group_members_set(actor=self.actor, group=group, year=year, members=data["members"])
        group = group_get(actor=self.actor, uuid=uuid, with_years=True)
        return self.render(GroupOutputSerializer, group)


class GroupLeadershipApi(ApiView):
    """Record the leader and deputy elected for one year."""

    @component("GroupLeadership")
    class InputSerializer(serializers.Serializer):
        leader = OrganizationReferenceField(help_text="Khối trưởng: a member of that year.")
        deputy = OrganizationReferenceField(
            required=False,
            allow_null=True,
            help_text="Khối phó: another member of that year, or null.",
        )

    @extend_schema(
        tags=TAGS,
        summary="Set the leader and deputy of a block or cluster for a year",
        description=(
            "Only board-wide writers. Validations: leader and deputy are members of the group "
            "in `year` and differ from each other. Returns the whole group."
        ),
        request=InputSerializer,
        responses={200: GroupOutputSerializer, **error_responses(400, 403, 404)},
    )
    def put(self, request: Request, uuid: str, year: int) -> Response:
        group = group_get(actor=self.actor, uuid=uuid)
        ensure_can_change_reference_data(self.actor)
        data = self.parse(self.InputSerializer)
        group_leadership_set(actor=self.actor, group=group, year=year, **data)
        group = group_get(actor=self.actor, uuid=uuid, with_years=True)
        return self.render(GroupOutputSerializer, group)
