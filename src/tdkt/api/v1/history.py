"""``/<resource>/<uuid>/history/``: the audit events of one object the caller may see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ListApiView
from tdkt.api.schema import component, error_responses
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import history_for
from tdkt.organizations.selectors import (
    group_get,
    history_references,
    organization_get,
    person_get,
    zone_get,
)

Getter = Callable[..., models.Model]


class AuditEventListSerializer(serializers.ListSerializer):
    """Look up, once per page, the public ids and names the page's events reference."""

    def to_representation(self, data: Any) -> Any:
        events = list(data.all() if isinstance(data, models.Manager) else data)
        # The child reads the root's context: one lookup serves every event of the page.
        self.context["references"] = history_references(
            actor=self.context["request"].user, events=events
        )
        return super().to_representation(events)


@component("AuditEvent")
class AuditEventOutputSerializer(serializers.ModelSerializer):
    """One change of the object: who, when, what, and the before/after values."""

    event_label = serializers.CharField(source="get_event_type_display", read_only=True)
    actor = serializers.CharField(source="actor_label", read_only=True)
    changes = serializers.SerializerMethodField(
        help_text='Changed fields as {"field": [before, after]}. A reference to another object '
        '(`parent`, `zone`, a post\'s `organization`…) is {"uuid", "name"}, both null when '
        "the caller may not see that object."
    )

    class Meta:
        model = AuditEvent
        list_serializer_class = AuditEventListSerializer
        fields = ["occurred_at", "event_type", "event_label", "actor", "changes"]
        read_only_fields = fields

    @extend_schema_field(serializers.DictField(child=serializers.JSONField()))
    def get_changes(self, event: AuditEvent) -> dict[str, Any]:
        references = self.context.get("references") or history_references(
            actor=self.context["request"].user, events=[event]
        )
        changes: dict[str, Any] = references.public("", event.changes or {})
        return changes


class HistoryApi(ListApiView):
    """Audit events of one object, newest first; the object is read through its selector."""

    getter: Getter

    def get(self, request: Request, uuid: str) -> Response:
        obj = type(self).getter(actor=self.actor, uuid=uuid)
        return self.paginate(history_for(obj), AuditEventOutputSerializer)


def history_view(getter: Getter, resource: str, tag: str) -> Any:
    """Build the history endpoint of a resource whose single-object selector is ``getter``."""

    @extend_schema(
        tags=[tag],
        summary=f"History of one {resource}",
        description=(
            f"The audit events of the {resource} (creation, each change with before/after "
            "values), newest first. 404 when the object does not exist or the caller may not "
            "see it. Other objects appear by public id and name, never by an internal number."
        ),
        responses={200: AuditEventOutputSerializer(many=True), **error_responses(404)},
    )
    def get(self: HistoryApi, request: Request, uuid: str) -> Response:
        return HistoryApi.get(self, request, uuid)

    name = f"{resource.title()}HistoryApi"
    view = type(name, (HistoryApi,), {"getter": staticmethod(getter), "get": get})
    if not issubclass(view, HistoryApi):  # always true; narrows `type` for the type checker
        raise TypeError(name)
    return view.as_view()


organization_history = history_view(organization_get, "organization", "organizations")
person_history = history_view(person_get, "person", "people")
group_history = history_view(group_get, "group", "groups")
zone_history = history_view(zone_get, "zone", "zones")
