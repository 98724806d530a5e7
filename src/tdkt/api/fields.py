"""Serializer fields that turn public UUIDs into objects through the actor-scoped selectors.

A reference to something the actor may not see fails exactly like one to an object that does
not exist: a field error saying it was not found (no existence oracle).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tdkt.core.errors import NotFoundError
from tdkt.organizations.models import IndustrialZone, Organization
from tdkt.organizations.selectors import organization_get, zone_get


class _ScopedReferenceField(serializers.UUIDField):
    """A UUID in, a model instance out (documented as ``format: uuid``)."""

    default_error_messages = {"invalid": _("Mã định danh (UUID) không hợp lệ.")}

    def resolve(self, actor: Any, uuid: Any) -> Any:
        raise NotImplementedError

    def to_internal_value(self, data: Any) -> Any:
        uuid = super().to_internal_value(data)
        try:
            return self.resolve(self.context["request"].user, uuid)
        except NotFoundError as exc:
            raise serializers.ValidationError(exc.message, code="not_found") from exc

    def to_representation(self, value: Any) -> str:
        return str(getattr(value, "uuid", value))


class OrganizationReferenceField(_ScopedReferenceField):
    """An organisation the actor may see, given by its UUID."""

    def resolve(self, actor: Any, uuid: Any) -> Organization:
        return organization_get(actor=actor, uuid=uuid)


class ZoneReferenceField(_ScopedReferenceField):
    """An industrial zone, given by its UUID."""

    def resolve(self, actor: Any, uuid: Any) -> IndustrialZone:
        return zone_get(actor=actor, uuid=uuid)
