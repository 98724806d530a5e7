"""Small output shapes shared by several resources (references to other objects)."""

from __future__ import annotations

from rest_framework import serializers

from tdkt.api.schema import component
from tdkt.organizations.models import IndustrialZone, Organization


@component("OrganizationRef")
class OrganizationRefSerializer(serializers.ModelSerializer):
    """A link to an organisation: enough to show it and to fetch it."""

    class Meta:
        model = Organization
        fields = ["uuid", "name", "short_name"]
        read_only_fields = fields


@component("IndustrialZoneRef")
class ZoneRefSerializer(serializers.ModelSerializer):
    """A link to an industrial zone."""

    class Meta:
        model = IndustrialZone
        fields = ["uuid", "name"]
        read_only_fields = fields
