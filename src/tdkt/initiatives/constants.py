"""Closed vocabularies of initiative applications and their council (NĐ 13/2012)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationState(models.TextChoices):
    """Where an application for recognition stands (``workflow.TRANSITIONS``)."""

    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp, chờ đưa ra Hội đồng")
    IN_REVIEW = "in_review", _("Hội đồng đang xét")
    PASSED = "passed", _("Hội đồng đề nghị công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")
    RECOGNISED = "recognised", _("Đã được công nhận")


class CouncilState(models.TextChoices):
    """A council session: scoring open → review closed by the chair → decision recorded."""

    OPEN = "open", _("Đang xét")
    CLOSED = "closed", _("Đã kết thúc xét, chờ quyết định")
    DECIDED = "decided", _("Đã có quyết định công nhận")


class SolutionKind(models.TextChoices):
    """The kinds of solution an initiative may be (NĐ 13/2012 Điều lệ Sáng kiến, Art 3.1)."""

    TECHNICAL = "technical", _("Giải pháp kỹ thuật")
    MANAGEMENT = "management", _("Giải pháp quản lý")
    OPERATIONAL = "operational", _("Giải pháp tác nghiệp")
    TECHNOLOGY = "technology", _("Giải pháp ứng dụng tiến bộ kỹ thuật")
