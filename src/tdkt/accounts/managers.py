"""The user manager: Django's entry points for creating users go through ``user_create``.

``manage.py createsuperuser``, pytest-django's ``admin_user`` and ``create_user`` calls in a
shell would otherwise write a user directly, skipping the role rules and the audit trail.
They run on the server, so the actor is the system (``None``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError

from .constants import Role

if TYPE_CHECKING:
    from .models import User


class UserManager(DjangoUserManager["User"]):
    """Create users through the account service; its refusals become ``ValidationError``
    (which ``createsuperuser`` prints as a plain error)."""

    # Migrations use a plain manager: their RunPython code must not call the services.
    use_in_migrations = False

    def create_user(
        self,
        username: str,
        email: str | None = None,
        password: str | None = None,
        **extra_fields: Any,
    ) -> User:
        return self._create_through_service(username, email, password, **extra_fields)

    def create_superuser(
        self,
        username: str,
        email: str | None = None,
        password: str | None = None,
        **extra_fields: Any,
    ) -> User:
        extra_fields["role"] = Role.ADMIN
        return self._create_through_service(username, email, password, **extra_fields)

    def _create_through_service(
        self, username: str, email: str | None, password: str | None, **extra: Any
    ) -> User:
        from tdkt.core.errors import ApplicationError

        from .services import user_create

        # Flags derived from the role; Django's callers pass them but they decide nothing.
        for derived in ("is_staff", "is_superuser", "is_active"):
            extra.pop(derived, None)
        try:
            return user_create(
                actor=None,
                username=username,
                password=password,
                email=email or "",
                role=extra.pop("role", Role.VIEWER),
                **extra,
            )
        except ApplicationError as exc:
            messages = [m for msgs in exc.fields.values() for m in msgs]
            raise ValidationError([exc.message, *messages]) from exc
