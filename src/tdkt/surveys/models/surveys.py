"""A satisfaction survey of the Board's services: its sections and questions."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.surveys.constants import (
    MAX_QUESTION,
    MAX_SECTION_TITLE,
    MAX_TITLE,
    QuestionKind,
    SurveyState,
)


class Survey(models.Model):
    """One year's survey (khảo sát mức độ hài lòng) of the enterprises in the zones.

    Its questions change only while it is a draft; enterprises answer while it is open and
    the day is between ``opens_on`` and ``closes_on`` (both included).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("tên cuộc khảo sát"), max_length=MAX_TITLE)
    year = models.PositiveSmallIntegerField(_("năm"))
    opens_on = models.DateField(_("ngày bắt đầu"))
    closes_on = models.DateField(_("ngày kết thúc"))
    introduction = models.TextField(_("lời giới thiệu"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=SurveyState.choices, default=SurveyState.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khảo sát mức độ hài lòng")
        verbose_name_plural = _("khảo sát mức độ hài lòng")
        ordering = ["-year", "-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A group of questions under a heading (e.g. "Thủ tục hành chính")."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("tên nhóm câu hỏi"), max_length=MAX_SECTION_TITLE)

    class Meta:
        ordering = ["survey_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"], name="survey_section_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """A rating question (1–5, always required) or a free-text one (optional)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.CharField(_("câu hỏi"), max_length=MAX_QUESTION)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=QuestionKind.choices)

    class Meta:
        ordering = ["section_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "position"], name="survey_question_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        """The name of this question's answer in forms, versions and error messages."""
        return f"q_{self.uuid.hex}"
