"""``/<resource>/<uuid>/history/``: the audit events of one object the caller may see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ListApiView
from tdkt.api.schema import component, error_responses
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import history_for
from tdkt.organizations.selectors import group_get, organization_get, person_get, zone_get

Getter = Callable[..., models.Model]


@component("AuditEvent")
class AuditEventOutputSerializer(serializers.ModelSerializer):
    """One change of the object: who, when, what, and the before/after values."""

    event_label = serializers.CharField(source="get_event_type_display", read_only=True)
    actor = serializers.CharField(source="actor_label", read_only=True)
    changes = serializers.DictField(
        child=serializers.JSONField(),
        read_only=True,
        help_text='Changed fields as {"field": [before, after]}.',
    )

    class Meta:
        model = AuditEvent
        fields = ["seq", "occurred_at", "event_type", "event_label", "actor", "changes"]
        read_only_fields = fields


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
            "see it."
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
