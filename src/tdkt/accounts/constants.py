"""Roles of tdkt users (what each may see and change: ``scopes.py``, ``policy.py``), and the
kinds of django-axes login records an operator may clear."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    EMULATION_OFFICER = "emulation_officer", _("Cán bộ thi đua – khen thưởng")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng TĐKT")
    ENTERPRISE_REPRESENTATIVE = "enterprise_representative", _("Đại diện doanh nghiệp")
    LEADER = "leader", _("Lãnh đạo (ký quyết định)")
    VIEWER = "viewer", _("Người xem")


# The account fields the audit trail follows, by the services and by ``guard`` alike.
USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "organization",
    "person",
    "is_active",
    "is_staff",
    "is_superuser",
]


class LoginRecords(models.TextChoices):
    """The django-axes tables an operator may clear (``login_records_delete``)."""

    ATTEMPTS = "attempts", _("Lần đăng nhập sai đang tính (khoá đăng nhập)")
    ACCESS_LOGS = "access_logs", _("Nhật ký đăng nhập")
    FAILURE_LOGS = "failure_logs", _("Nhật ký đăng nhập sai")
