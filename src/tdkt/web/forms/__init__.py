"""Web forms: they parse and type input only; services do the business validation."""

from .errors import apply_service_error
from .groups import GroupForm, GroupLeadershipForm, GroupMembersForm
from .organizations import OrganizationForm
from .people import EmploymentForm, PersonCreateForm, PersonFilterForm, PersonForm
from .zones import ZoneForm

__all__ = [
    "EmploymentForm",
    "GroupForm",
    "GroupLeadershipForm",
    "GroupMembersForm",
    "OrganizationForm",
    "PersonCreateForm",
    "PersonFilterForm",
    "PersonForm",
    "ZoneForm",
    "apply_service_error",
]
