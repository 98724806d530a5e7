"""Closed vocabularies of block/cluster pledges, scoring and elections."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PledgeState(models.TextChoices):
    """Draft (criteria editable) → open (signing, self-assessment, review) → published."""

    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang thực hiện")
    PUBLISHED = "published", _("Đã công bố kết quả")


class CriterionKind(models.TextChoices):
    """A weighted criterion, or a bonus or penalty item (counted once, unweighted)."""

    SCORED = "scored", _("Tiêu chí chấm điểm")
    BONUS = "bonus", _("Điểm thưởng")
    PENALTY = "penalty", _("Điểm trừ")


class TieBreakKind(models.TextChoices):
    """How two members with the same total are ordered, in the order the pledge declares."""

    CRITERION = "criterion", _("Điểm cao hơn ở một tiêu chí")
    FEWER_PENALTIES = "fewer_penalties", _("Ít điểm trừ hơn")
    MORE_BONUS = "more_bonus", _("Nhiều điểm thưởng hơn")


class ElectionState(models.TextChoices):
    OPEN = "open", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc")
    CANCELLED = "cancelled", _("Đã huỷ")
