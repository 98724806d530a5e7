"""Writes to the registry. Every function: permission check, validation, save, audit entry,
all in one transaction. Nothing else writes these models."""

from .duplicates import CitizenIdClaim, Conflict, citizen_id_conflicts, duplicate_review_resolve
from .groups import group_create, group_leadership_set, group_members_set, group_update
from .organizations import organization_create, organization_update
from .people import employment_add, employment_update, person_create, person_update
from .zones import zone_create, zone_update

__all__ = [
    "CitizenIdClaim",
    "Conflict",
    "citizen_id_conflicts",
    "duplicate_review_resolve",
    "employment_add",
    "employment_update",
    "group_create",
    "group_leadership_set",
    "group_members_set",
    "group_update",
    "organization_create",
    "organization_update",
    "person_create",
    "person_update",
    "zone_create",
    "zone_update",
]
