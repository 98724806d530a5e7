"""The custom user (a login linked to a person and to the organisation it acts for) and its
API tokens. Both are written only by ``tdkt.accounts.services``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import cached_property
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .constants import Role
from .managers import UserManager

_SESSION_SALT = "tdkt.accounts.User.session_auth_hash"


class User(AbstractUser):
    """A tdkt account. ``role`` and ``organization`` together decide its scope.

    ``is_staff`` and ``is_superuser`` follow the role (administrators only; a database
    constraint holds them together), so Django's groups and permissions never grant anything
    on their own.
    """

    uuid = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices, default=Role.VIEWER)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("Đơn vị mà tài khoản làm việc cho; quyết định phạm vi dữ liệu được xem."),
    )
    person = models.OneToOneField(
        "organizations.Person",
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    search_key = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    # Raised to end every session of the account at once (see get_session_auth_hash).
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    password_change_failures = models.PositiveSmallIntegerField(
        _("số lần nhập sai mật khẩu hiện tại"), default=0, editable=False
    )
    password_change_locked_until = models.DateTimeField(
        _("khoá đổi mật khẩu đến"), null=True, blank=True, editable=False
    )

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.ADMIN, is_staff=True, is_superuser=True)
                    | (~Q(role=Role.ADMIN) & Q(is_staff=False, is_superuser=False))
                ),
                name="user_staff_flags_follow_role",
                violation_error_message=_("Chỉ quản trị hệ thống có quyền vào trang quản trị."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def holds_council_seat(self) -> bool:
        """Return True when the user sits on any council.

        The menu of every page and the dashboard's waiting work both ask; the answer is kept
        on this object, which lives for one request (``request.user``), so a page asks the
        database once. It decides what is offered, never what is allowed (the council's own
        checks read the seats), and code that keeps one object across a change of seats
        reads a fresh one (``refresh_from_db`` does not clear it).
        """
        return bool(self.pk) and self.council_seats.exists()

    def get_session_auth_hash(self) -> str:
        """Sign sessions with the password hash and the session generation.

        Django ends the other sessions when the password changes; raising
        ``session_generation`` (deactivation, a password-change lockout) ends all of them,
        and they stay ended when the account is re-enabled.
        """
        return self._session_hash(None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret)

    def _session_hash(self, secret: str | bytes | None) -> str:
        value = f"{self.password}|{self.session_generation}"
        return salted_hmac(_SESSION_SALT, value, secret=secret, algorithm="sha256").hexdigest()


class ApiToken(models.Model):
    """A named API key of one user. Only the SHA-256 of the key is stored; the key itself is
    shown once, when it is created. Tokens expire, and die with a password change or when the
    account is disabled."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(
        _("đầu mã"), max_length=16, help_text=_("Vài ký tự đầu của mã, để nhận ra mã.")
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    expires_at = models.DateTimeField(_("hết hạn lúc"), db_index=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="api_token_name_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
