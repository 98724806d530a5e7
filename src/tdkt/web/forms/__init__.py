"""Web forms: they parse and type input only; services do the business validation.

Shared helpers live here (``errors``, ``widgets``); each app keeps its own forms.
"""

from .errors import apply_service_error

__all__ = [
    "apply_service_error",
]
