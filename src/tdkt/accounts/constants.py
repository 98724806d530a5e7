"""Roles of tdkt users. What each role may see and change is decided in ``scopes.py``."""

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
