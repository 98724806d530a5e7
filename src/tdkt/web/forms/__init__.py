"""Web forms: they parse and type input only; services do the business validation.

Shared helpers live here (``errors``, ``widgets``); each app keeps its own forms.
"""

from .accounts import LoginForm, PasswordChangeForm
from .errors import apply_service_error

__all__ = [
    "LoginForm",
    "PasswordChangeForm",
    "apply_service_error",
]
