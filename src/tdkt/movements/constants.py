"""Closed vocabularies of movements and registration (glossary identifiers, Vietnamese labels),
and the Board's named parameters."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

# The Board aims at every collective and individual registering (source article: "phấn đấu 100%
# các tập thể, cá nhân đăng ký thi đua năm 2020"); each year's campaign may set its own.
REGISTRATION_TARGET_PERCENT = 100
# Reminders go this many working days before a deadline (largest first); see decision 0603.
REMINDER_WORKING_DAYS: tuple[int, ...] = (5, 1)
# Upper bound of points, weights and bonuses typed into a criterion (a sanity limit only).
MAX_POINTS = Decimal("1000")


class MovementKind(models.TextChoices):
    """Thường xuyên (yearly), theo đợt/chuyên đề (a set period), five-year (giai đoạn)."""

    REGULAR = "regular", _("Thường xuyên hằng năm")
    THEMATIC = "thematic", _("Theo đợt, chuyên đề")
    FIVE_YEAR = "five_year", _("Giai đoạn 5 năm")


class MovementState(models.TextChoices):
    """States of a movement; the allowed moves are data in ``movements.workflow``."""

    DRAFT = "draft", _("Đang soạn")
    LAUNCHED = "launched", _("Đã phát động")
    UNDER_REVIEW = "under_review", _("Đang tổng kết")
    CLOSED = "closed", _("Đã kết thúc")


class CriterionSource(models.TextChoices):
    """Where a criterion's points come from: typed in, or computed from data (decision 0605)."""

    MANUAL = "manual", _("Chấm điểm trực tiếp")
    INDICATOR = "indicator", _("Theo chỉ tiêu (tỷ lệ thực hiện so với kế hoạch)")
    PROCEDURES = "procedures", _("Theo tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn")


class DeadlineKind(models.TextChoices):
    """What a movement's deadline is for; acknowledgement reminders skip units that did."""

    ACKNOWLEDGEMENT = "acknowledgement", _("Xác nhận đã nhận phát động")
    INTERIM_REPORT = "interim_report", _("Gửi báo cáo sơ kết")
    FINAL_REPORT = "final_report", _("Gửi báo cáo tổng kết")
    OTHER = "other", _("Khác")


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Sơ kết")
    FINAL = "final", _("Tổng kết")


class CampaignState(models.TextChoices):
    OPEN = "open", _("Đang nhận đăng ký")
    CLOSED = "closed", _("Đã kết thúc nhận đăng ký")


class SheetState(models.TextChoices):
    """States of a unit's registration sheet; the moves are data in ``registration_workflow``."""

    DRAFT = "draft", _("Đang lập")
    SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại để sửa")


class RegistrationStatus(models.TextChoices):
    """The answer of ``registration_for``: what a proposal line is checked against."""

    REGISTERED = "registered", _("Đã đăng ký (đã duyệt)")
    PENDING = "pending", _("Đã đăng ký, chờ duyệt")
    NOT_REGISTERED = "not_registered", _("Chưa đăng ký")
