"""An enterprise's answers to a survey: one response per enterprise and survey."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .surveys import Question, Survey


class Response(models.Model):
    """The answers of one enterprise, given and changed by its representatives.

    Confidential to the Board's officers: other enterprises never see it, and leaders see
    only the results without the enterprise's name (decision 0813).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    enterprise = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("phiếu trả lời khảo sát")
        verbose_name_plural = _("phiếu trả lời khảo sát")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "enterprise"], name="one_response_per_enterprise"
            )
        ]

    def __str__(self) -> str:
        # Never the enterprise's name: this text is what the audit trail shows (decision 0813).
        return str(_("Phiếu trả lời khảo sát %(year)s") % {"year": self.survey.year})


class Answer(models.Model):
    """The answer to one question: a rating 1–5 or a text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="survey_rating_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.rating or self.text[:40]}"
