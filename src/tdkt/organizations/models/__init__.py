"""Registry models, one module per subject."""

from .duplicates import DuplicateContext, DuplicateReview, DuplicateReviewStatus
from .groups import EmulationGroup, GroupLeadership, GroupMembership
from .organization import Enterprise, IndustrialZone, Organization
from .person import Employment, Person, PersonCount

__all__ = [
    "DuplicateContext",
    "DuplicateReview",
    "DuplicateReviewStatus",
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
