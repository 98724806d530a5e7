"""Writes to the registry. Every function: permission check, validation, save, audit entry,
all in one transaction. Nothing else writes these models."""

from .duplicates import CitizenIdClaim, Conflict, citizen_id_conflicts, duplicate_review_resolve
from .groups import group_create, group_leadership_set, group_members_set, group_update
from .organizations import organization_create, organization_update, tax_code_conflicts
from .people import employment_add, employment_update, person_create, person_update
from .people_batch import PersonBatch, PersonEntry, person_batch_plan
from .people_batch_write import PreparedBatch, person_batch_prepare, person_batch_save
from .zones import zone_create, zone_update

__all__ = [
    "CitizenIdClaim",
    "Conflict",
    "PersonBatch",
    "PersonEntry",
    "PreparedBatch",
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
    "person_batch_plan",
    "person_batch_prepare",
    "person_batch_save",
    "person_create",
    "person_update",
    "tax_code_conflicts",
    "zone_create",
    "zone_update",
]
