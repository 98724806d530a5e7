"""Reads of the registry, always scoped to what the actor may see (``accounts.scopes``).

Lists filter with ``scoped``; single-object lookups go through ``get_visible``, so an object
outside the actor's scope answers exactly like a missing one (404).
"""

from .duplicates import duplicate_review_get, duplicate_review_list
from .figures import (
    Tally,
    enterprises_by_investment,
    organizations_by_kind,
    people_by_category,
    zones_by_status,
)
from .groups import (
    GroupYear,
    group_get,
    group_list,
    group_year,
    group_years,
    groups_of_year,
    groups_without_members,
)
from .history import (
    HistoryPage,
    HistoryReferences,
    audit_events_recent,
    history_page,
    history_references,
)
from .organizations import (
    organization_choices,
    organization_get,
    organization_list,
    organization_options,
)
from .people import employment_list, person_get, person_in_scope, person_list, person_unit_on
from .people_pages import PersonPage, person_page, valid_cursor
from .zones import zone_get, zone_list

__all__ = [
    "GroupYear",
    "HistoryPage",
    "HistoryReferences",
    "PersonPage",
    "Tally",
    "audit_events_recent",
    "duplicate_review_get",
    "duplicate_review_list",
    "employment_list",
    "enterprises_by_investment",
    "group_get",
    "group_list",
    "group_year",
    "group_years",
    "groups_of_year",
    "groups_without_members",
    "history_page",
    "history_references",
    "organization_choices",
    "organization_get",
    "organization_list",
    "organization_options",
    "organizations_by_kind",
    "people_by_category",
    "person_get",
    "person_in_scope",
    "person_list",
    "person_page",
    "person_unit_on",
    "valid_cursor",
    "zone_get",
    "zone_list",
    "zones_by_status",
]
