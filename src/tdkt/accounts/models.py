"""The custom user: a login linked to a person and to the organisation it acts for."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Role


class User(AbstractUser):
    """A tdkt account. ``role`` and ``organization`` together decide its scope."""

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

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
