"""Closed vocabularies and limits of the enterprises' satisfaction surveys."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyState(models.TextChoices):
    """Draft (questions editable) → open (enterprises answer until the close date) → closed.

    A closed survey opens again only by ``survey_reopen``, with a reason and a new close date
    recorded in the audit trail (decision 0812).
    """

    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang mở")
    CLOSED = "closed", _("Đã đóng")


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Chấm mức độ hài lòng (1–5)")
    TEXT = "text", _("Ý kiến viết tự do")


class Rating(models.IntegerChoices):
    """The five-point scale every rating question uses."""

    VERY_DISSATISFIED = 1, _("Rất không hài lòng")
    DISSATISFIED = 2, _("Không hài lòng")
    NEUTRAL = 3, _("Bình thường")
    SATISFIED = 4, _("Hài lòng")
    VERY_SATISFIED = 5, _("Rất hài lòng")


#: A rating from this value up counts as "satisfied" (hài lòng, rất hài lòng).
SATISFIED_FROM = Rating.SATISFIED

MAX_TITLE = 300
MAX_INTRODUCTION = 4000
MAX_SECTION_TITLE = 300
MAX_QUESTION = 500
#: The longest free-text answer an enterprise may give to one question.
MAX_ANSWER_TEXT = 2000
MIN_YEAR, MAX_YEAR = 2000, 2100
