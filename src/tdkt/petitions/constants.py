"""Closed vocabularies of petitions: kinds, states, channels, outcomes, and text limits."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PetitionKind(models.TextChoices):
    """What the sender asks for; the law sets a different procedure and deadline for each."""

    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    FEEDBACK = "feedback", _("Phản ánh, kiến nghị")


class PetitionState(models.TextChoices):
    """Where a petition stands. Received → accepted (being verified) → resolved, or it ends
    without a resolution: not accepted, forwarded to the competent body, or withdrawn."""

    RECEIVED = "received", _("Mới tiếp nhận")
    ACCEPTED = "accepted", _("Đang giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    NOT_ACCEPTED = "not_accepted", _("Không thụ lý")
    FORWARDED = "forwarded", _("Đã chuyển cơ quan có thẩm quyền")
    WITHDRAWN = "withdrawn", _("Người gửi đã rút đơn")


OPEN_STATES = (PetitionState.RECEIVED, PetitionState.ACCEPTED)
ENDED_STATES = tuple(s for s in PetitionState if s not in OPEN_STATES)


class Channel(models.TextChoices):
    DIRECT = "direct", _("Nộp trực tiếp")
    POST = "post", _("Qua bưu chính")
    ONLINE = "online", _("Qua thư điện tử, cổng thông tin")
    TRANSFERRED = "transferred", _("Cơ quan khác chuyển đến")


class ComplaintRound(models.TextChoices):
    FIRST = "first", _("Lần đầu")
    SECOND = "second", _("Lần hai")


class Outcome(models.TextChoices):
    """The finding of a resolution. Its words depend on the kind (``outcome_label``)."""

    UPHELD = "upheld", _("Đúng")
    PARTLY = "partly", _("Đúng một phần")
    REJECTED = "rejected", _("Sai")
    ANSWERED = "answered", _("Đã trả lời, giải thích")


OUTCOMES_BY_KIND: dict[str, tuple[str, ...]] = {
    PetitionKind.COMPLAINT: (Outcome.UPHELD, Outcome.PARTLY, Outcome.REJECTED),
    PetitionKind.DENUNCIATION: (Outcome.UPHELD, Outcome.PARTLY, Outcome.REJECTED),
    PetitionKind.FEEDBACK: (Outcome.ANSWERED,),
}

OUTCOME_LABELS: dict[tuple[str, str], object] = {
    (PetitionKind.COMPLAINT, Outcome.UPHELD): _("Khiếu nại đúng"),
    (PetitionKind.COMPLAINT, Outcome.PARTLY): _("Khiếu nại đúng một phần"),
    (PetitionKind.COMPLAINT, Outcome.REJECTED): _("Khiếu nại sai"),
    (PetitionKind.DENUNCIATION, Outcome.UPHELD): _("Tố cáo đúng"),
    (PetitionKind.DENUNCIATION, Outcome.PARTLY): _("Tố cáo đúng một phần"),
    (PetitionKind.DENUNCIATION, Outcome.REJECTED): _("Tố cáo sai"),
    (PetitionKind.FEEDBACK, Outcome.ANSWERED): _("Đã trả lời, giải thích"),
}

SUMMARY_MAX = 500
CONTENT_MAX = 10_000
NAME_MAX = 200
NOTE_MAX = 2_000
