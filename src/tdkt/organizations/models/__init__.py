"""Registry models, one module per subject."""

from .groups import EmulationGroup, GroupLeadership, GroupMembership
from .organization import Enterprise, IndustrialZone, Organization
from .person import Employment, Person, PersonCount

__all__ = [
    "Employment",
    "EmulationGroup",
    "Enterprise",
    "GroupLeadership",
    "GroupMembership",
    "IndustrialZone",
    "Organization",
    "Person",
    "PersonCount",
]
