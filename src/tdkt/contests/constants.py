"""Closed vocabularies of the writing contest (glossary identifiers, Vietnamese labels) and its
named bounds. Prize amounts are not here: they are the Board's choice per contest, so they are
fields of each contest (decision 0802)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

# The article's text may be long, but not unbounded (a page must still render on a phone).
ENTRY_TEXT_MAX_CHARS = 30_000
# An attached article (PDF or .docx) is at most this many bytes unless the setting
# ``TDKT_CONTEST_FILE_MAX_BYTES`` says otherwise.
ENTRY_FILE_MAX_BYTES = 10 * 1024 * 1024
# Every juror gives each entry one mark on this scale (decision 0804).
MAX_POINTS = Decimal("100")
# A contest whose submissions close within this many days is "closing soon" on the dashboard.
CLOSING_SOON_DAYS = 14
# Sanity limits of a contest's prize structure (the Board sets the values).
MAX_PRIZES_PER_RANK = 50
MAX_PRIZE_AMOUNT = Decimal("1000000000")


class ContestState(models.TextChoices):
    """The states of a contest; the allowed moves are data in ``contests.workflow``."""

    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang nhận bài")
    JUDGING = "judging", _("Đang chấm")
    PUBLISHED = "published", _("Đã công bố kết quả")


class PrizeRank(models.TextChoices):
    """The ranks of prizes, highest first (the order of ``PRIZE_ORDER``)."""

    FIRST = "first", _("Giải Nhất")
    SECOND = "second", _("Giải Nhì")
    THIRD = "third", _("Giải Ba")
    CONSOLATION = "consolation", _("Giải Khuyến khích")


PRIZE_ORDER: tuple[str, ...] = tuple(PrizeRank.values)


class SubjectKind(models.TextChoices):
    """Whom the story is about: one person or a collective."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
