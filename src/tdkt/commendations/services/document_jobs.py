"""Start the long renderings of the workflow as background jobs (docs/decisions/0532).

A decision of a few dozen lines or a handful of certificates renders in well under a second
and is downloaded at once; past the thresholds below the page starts a job instead and the
user follows its progress bar on ``/jobs/<uuid>/``, so no request holds a web worker for
tens of seconds and the same tasks spread over every ``tdkt db_worker`` against PostgreSQL.
Each starter checks the permission the inline download checks, then ``job_start`` (which
audits ``job.started`` and queues the task once the transaction commits).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.commendations.constants import DecisionState
from tdkt.commendations.decision_access import can_read_all_decisions
from tdkt.commendations.letters import LetterRequest
from tdkt.commendations.models import Decision, Round
from tdkt.commendations.permissions import can_write_letters
from tdkt.commendations.tasks import (
    render_certificate_batch,
    render_city_letter,
    render_decision_file,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.core.jobs import job_start
from tdkt.core.models import BackgroundJob
from tdkt.rules.labels import CODE_LABELS

# Above these sizes a file is made in the background (measured in bench/, docs/decisions/0532).
INLINE_DECISION_LINES = 100
INLINE_CERTIFICATES = 20
FORMATS = ("docx", "pdf")


def decision_in_background(line_count: int) -> bool:
    """True when a decision of ``line_count`` lines is rendered by a job, not inline."""
    return line_count > INLINE_DECISION_LINES


def certificates_in_background(page_count: int) -> bool:
    """True when a batch of ``page_count`` certificates is rendered by a job, not inline."""
    return page_count > INLINE_CERTIFICATES


def _ensure_full_text(actor: Any) -> None:
    if not can_read_all_decisions(actor):
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo và cán bộ thi đua – khen thưởng được tải toàn văn quyết định.")
        )


@transaction.atomic
def decision_file_job_start(*, actor: Any, decision: Decision, fmt: str) -> BackgroundJob:
    """Queue the rendering of ``decision`` (read by the caller through ``decision_get``)."""
    _ensure_full_text(actor)
    if fmt not in FORMATS:
        raise ApplicationError(_("Định dạng tệp không hợp lệ."))
    label = decision.number_label or _("dự thảo")
    return job_start(
        actor=actor,
        kind="decisions.render",
        title=_("Lập quyết định %(label)s (%(fmt)s)") % {"label": label, "fmt": fmt.upper()},
        task=render_decision_file,
        task_args=(str(decision.uuid), fmt),
    )


@transaction.atomic
def certificate_batch_job_start(*, actor: Any, decision: Decision) -> BackgroundJob:
    """Queue the batch of certificates of a signed decision (one PDF, one page a line)."""
    _ensure_full_text(actor)
    if decision.state != DecisionState.SIGNED:
        raise ApplicationError(_("Quyết định chưa ký hoặc không còn dòng nào được khen thưởng."))
    return job_start(
        actor=actor,
        kind="certificates.render",
        title=_("In giấy khen theo Quyết định %(label)s") % {"label": decision.number_label},
        task=render_certificate_batch,
        task_args=(str(decision.uuid),),
    )


@transaction.atomic
def city_letter_job_start(
    *, actor: Any, round: Round, request: LetterRequest, fmt: str = "pdf"
) -> BackgroundJob:
    """Queue the tờ trình of ``round`` to the City for one code (officers)."""
    if not can_write_letters(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ thi đua – khen thưởng được lập tờ trình."))
    if fmt not in FORMATS:
        raise ApplicationError(_("Định dạng tệp không hợp lệ."))
    label = CODE_LABELS["vi"].get(request.code, request.code)
    return job_start(
        actor=actor,
        kind="letters.render",
        title=_("Lập tờ trình đề nghị %(label)s năm %(year)s")
        % {"label": label, "year": round.year},
        task=render_city_letter,
        task_args=(str(round.uuid), {**request.to_json(), "fmt": fmt}),
    )
