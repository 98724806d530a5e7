"""Password strength beyond Django's defaults: require letters, digits and a symbol."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassValidator:
    """Reject passwords without a lowercase, an uppercase letter, a digit and a symbol."""

    def validate(self, password: str, user: Any = None) -> None:
        checks = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if not all(checks):
            raise ValidationError(
                _("Mật khẩu phải có chữ thường, chữ hoa, chữ số và ký tự đặc biệt."),
                code="password_character_classes",
            )

    def get_help_text(self) -> str:
        return _("Mật khẩu phải có chữ thường, chữ hoa, chữ số và ký tự đặc biệt.")
