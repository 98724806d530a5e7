"""Web forms: they parse and type input only; services do the business validation."""

from .accounts import LoginForm, PasswordChangeForm
from .errors import apply_service_error
from .groups import GroupLeadershipForm, GroupMembersForm
from .organizations import OrganizationForm
from .people import EmploymentForm, PersonCreateForm, PersonFilterForm, PersonForm

__all__ = [
    "EmploymentForm",
    "GroupLeadershipForm",
    "GroupMembersForm",
    "LoginForm",
    "OrganizationForm",
    "PasswordChangeForm",
    "PersonCreateForm",
    "PersonFilterForm",
    "PersonForm",
    "apply_service_error",
]
