"""Applications for the recognition of an initiative at the Board, and the council that scores them.

An application (đơn yêu cầu công nhận sáng kiến, NĐ 13/2012 Điều lệ Sáng kiến) is filed by one
of its authors or by the head of their unit, registered by the emulation officer to a yearly
session of the initiative council, scored by the session's members on the session's own
criteria, and closed by the chair. The officer then records the Board's recognition decision:
each author of a passed application gets a row in the archive (``commendations.Initiative``),
which is what the rule engine reads. Nothing here is read by the engine directly.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.initiatives.constants import ApplicationState, CouncilState, SolutionKind
from tdkt.initiatives.storage import application_file_storage


class InitiativeCouncil(models.Model):
    """One yearly session of the Board's initiative council (Hội đồng xét sáng kiến)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên phiên xét"), max_length=300)
    meeting_date = models.DateField(_("ngày họp"), null=True, blank=True)
    pass_mark = models.DecimalField(
        _("điểm đạt"),
        max_digits=6,
        decimal_places=2,
        help_text=_("Điểm trung bình tối thiểu để Hội đồng đề nghị công nhận."),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=CouncilState.choices, default=CouncilState.OPEN
    )
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_signer = models.CharField(_("người ký"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phiên xét sáng kiến")
        verbose_name_plural = _("phiên xét sáng kiến")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__gte=0), name="initiative_pass_mark"),
        ]

    def __str__(self) -> str:
        return self.name


class CouncilSeat(models.Model):
    """A member of a session; exactly one member chairs it."""

    council = models.ForeignKey(InitiativeCouncil, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="initiative_seats"
    )
    is_chair = models.BooleanField(_("chủ tịch Hội đồng"), default=False)

    class Meta:
        verbose_name = _("thành viên Hội đồng xét sáng kiến")
        verbose_name_plural = _("thành viên Hội đồng xét sáng kiến")
        ordering = ["council_id", "-is_chair", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="initiative_seat_once"),
            models.UniqueConstraint(
                fields=["council"], condition=Q(is_chair=True), name="initiative_one_chair"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class ScoringCriterion(models.Model):
    """A criterion of a session's scale (data, changed by the officer before scoring)."""

    council = models.ForeignKey(
        InitiativeCouncil, on_delete=models.CASCADE, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("tiêu chí"), max_length=300)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("tiêu chí chấm sáng kiến")
        verbose_name_plural = _("tiêu chí chấm sáng kiến")
        ordering = ["council_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "position"], name="initiative_criterion_position"
            ),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="initiative_criterion_max"),
        ]

    def __str__(self) -> str:
        return self.name


class InitiativeApplication(models.Model):
    """An application for the recognition of one initiative at the Board (cơ sở scope)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên sáng kiến"), max_length=500)
    kind = models.CharField(_("loại giải pháp"), max_length=12, choices=SolutionKind.choices)
    area = models.CharField(_("lĩnh vực áp dụng"), max_length=300)
    problem = models.TextField(_("thực trạng, vấn đề cần giải quyết"))
    solution = models.TextField(_("nội dung giải pháp"))
    applied_where = models.CharField(_("nơi áp dụng"), max_length=300)
    applied_since = models.DateField(_("áp dụng lần đầu hoặc áp dụng thử từ ngày"))
    benefit = models.TextField(_("hiệu quả, lợi ích thu được"))
    benefit_vnd = models.BigIntegerField(_("số tiền làm lợi (đồng)"), null=True, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="initiative_applications",
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="initiative_applications",
    )
    council = models.ForeignKey(
        InitiativeCouncil,
        verbose_name=_("phiên xét"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ApplicationState.choices,
        default=ApplicationState.DRAFT,
    )
    return_note = models.TextField(_("lý do trả lại"), blank=True)
    average = models.DecimalField(
        _("điểm trung bình"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn yêu cầu công nhận sáng kiến")
        verbose_name_plural = _("đơn yêu cầu công nhận sáng kiến")
        ordering = ["-year", "-created_at"]
        indexes = [models.Index(fields=["state", "year"], name="initiative_app_state_year")]
        constraints = [
            models.CheckConstraint(
                condition=Q(benefit_vnd__isnull=True) | Q(benefit_vnd__gte=0),
                name="initiative_benefit_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted"]) | Q(council__isnull=False),
                name="initiative_reviewed_in_a_council",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ApplicationAuthor(models.Model):
    """An author of an application with their share of the work (shares add up to 100 %)."""

    application = models.ForeignKey(
        InitiativeApplication, on_delete=models.CASCADE, related_name="authors"
    )
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="initiative_authorships"
    )
    position = models.PositiveSmallIntegerField()
    share = models.DecimalField(_("tỷ lệ đóng góp (%)"), max_digits=5, decimal_places=2)
    initiative = models.OneToOneField(
        "commendations.Initiative",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application_author",
        help_text=_("Sáng kiến được ghi vào hồ sơ lưu trữ khi có quyết định công nhận."),
    )

    class Meta:
        verbose_name = _("tác giả sáng kiến")
        verbose_name_plural = _("tác giả sáng kiến")
        ordering = ["application_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "person"], name="initiative_author_once"
            ),
            models.CheckConstraint(
                condition=Q(share__gt=0) & Q(share__lte=100), name="initiative_author_share"
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)


class Review(models.Model):
    """One member's scores of one application, with their comment."""

    application = models.ForeignKey(
        InitiativeApplication, on_delete=models.CASCADE, related_name="reviews"
    )
    seat = models.ForeignKey(CouncilSeat, on_delete=models.PROTECT, related_name="reviews")
    total = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=2)
    comment = models.TextField(_("nhận xét"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu chấm sáng kiến")
        verbose_name_plural = _("phiếu chấm sáng kiến")
        ordering = ["application_id", "seat_id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "seat"], name="initiative_review_once"),
        ]

    def __str__(self) -> str:
        return f"{self.application} — {self.seat}"


class ReviewPoint(models.Model):
    """The points a review gives on one criterion."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="points")
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("điểm theo tiêu chí")
        verbose_name_plural = _("điểm theo tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="initiative_point_once"),
            models.CheckConstraint(condition=Q(points__gte=0), name="initiative_point_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"


class ApplicationFile(models.Model):
    """A document attached to an application (description, photos, figures of the benefit).

    Private: read only through the application's scoped selector, never by URL.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        InitiativeApplication, on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(storage=application_file_storage, upload_to="applications/%Y/")
    original_name = models.CharField(_("tên tệp"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("tệp kèm đơn sáng kiến")
        verbose_name_plural = _("tệp kèm đơn sáng kiến")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
