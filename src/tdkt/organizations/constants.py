"""Choices of the registry (glossary identifiers in code, Vietnamese labels in the UI)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ZoneStatus(models.TextChoices):
    PLANNED = "planned", _("Quy hoạch")
    OPERATING = "operating", _("Đang hoạt động")


class ZoneKind(models.TextChoices):
    INDUSTRIAL = "industrial", _("Khu công nghiệp")
    EXPORT_PROCESSING = "export_processing", _("Khu chế xuất")
    HIGH_TECH = "high_tech", _("Khu công nghệ cao")


class OrganizationKind(models.TextChoices):
    BOARD = "board", _("Ban Quản lý")
    DEPARTMENT = "department", _("Phòng")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp")
    REPRESENTATIVE_OFFICE = "representative_office", _("Văn phòng đại diện")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    EXTERNAL_BODY = "external_body", _("Cơ quan, đơn vị khác")


class InvestmentType(models.TextChoices):
    FDI = "fdi", _("Doanh nghiệp FDI")
    DDI = "ddi", _("Doanh nghiệp DDI")


class Currency(models.TextChoices):
    VND = "VND", "VND"
    USD = "USD", "USD"
    EUR = "EUR", "EUR"
    JPY = "JPY", "JPY"
    KRW = "KRW", "KRW"
    CNY = "CNY", "CNY"


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class PersonnelCategory(models.TextChoices):
    CADRE = "cadre", _("Cán bộ")
    CIVIL_SERVANT = "civil_servant", _("Công chức")
    PUBLIC_EMPLOYEE = "public_employee", _("Viên chức")
    WORKER = "worker", _("Người lao động")
    ENTERPRISE_WORKER = "enterprise_worker", _("Người lao động doanh nghiệp")
    FOREIGNER = "foreigner", _("Người nước ngoài")


class GroupKind(models.TextChoices):
    BLOCK = "block", _("Khối thi đua")
    CLUSTER = "cluster", _("Cụm thi đua")
