"""Registry forms: they parse and type input only; the services do the business validation."""

from .duplicates import DuplicateResolveForm
from .groups import GroupForm, GroupLeadershipForm, GroupMembersForm
from .organizations import OrganizationForm
from .people import EmploymentForm, PersonCreateForm, PersonFilterForm, PersonForm
from .zones import ZoneForm

__all__ = [
    "DuplicateResolveForm",
    "EmploymentForm",
    "GroupForm",
    "GroupLeadershipForm",
    "GroupMembersForm",
    "OrganizationForm",
    "PersonCreateForm",
    "PersonFilterForm",
    "PersonForm",
    "ZoneForm",
]
