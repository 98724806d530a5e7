"""Background tasks of the commendation workflow: big decisions, certificate batches, letters.

Each task receives its job's id first, then plain values (uuids, a format), never a model
instance (docs/background-tasks.md). It reads again as the job's owner through the same
scoped selectors the screens use, so a worker never shows anyone more than they could
download themselves, renders through ``official_documents`` / ``letters`` with the job's
progress bar, and leaves the file in the job's own folder for ``/jobs/<uuid>/download/``.
Who may start them, and when a file is small enough to make inline, is decided by
``services.document_jobs`` (docs/decisions/0532).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _
from django_tasks import task

from tdkt.commendations.constants import DecisionState
from tdkt.commendations.letters import (
    LetterRequest,
    build_round_letter,
    letter_file_name,
    render_letter,
)
from tdkt.commendations.selectors.decisions import decision_get, decision_lines
from tdkt.commendations.selectors.rounds import round_get
from tdkt.core.errors import ApplicationError
from tdkt.core.jobs import job_finish, job_progress, job_result_file, run_job
from tdkt.core.models import BackgroundJob

# One progress UPDATE per this many pages (job_progress is one query a call).
PROGRESS_EVERY = 25


def decision_file_name(label: str, year: int, suffix: str, prefix: str = "quyet-dinh") -> str:
    """``quyet-dinh-125-2020.pdf``; a draft is ``du-thao``."""
    number = label.split("/")[0] if label else "du-thao"
    return f"{prefix}-{number}-{year}.{suffix}"


def _reporter(job: BackgroundJob, message: str) -> Callable[[int, int], None]:
    """A progress callback that writes every ``PROGRESS_EVERY`` items and the last one."""

    def report(done: int, total: int) -> None:
        if done == total or done % PROGRESS_EVERY == 0:
            job_progress(job=job, done=done, total=total, message=message)

    return report


@task()
def render_decision_file(job_id: str, decision_uuid: str, fmt: str) -> None:
    """Render a decision with its attached list as .docx or PDF into the job's folder."""
    from tdkt.commendations.official_documents import render_decision  # loads WeasyPrint

    with run_job(job_id) as job:
        decision = decision_get(actor=job.owner, uuid=decision_uuid)
        lines = decision_lines(actor=job.owner, decision=decision)
        if not lines:
            raise ApplicationError(_("Quyết định chưa có ai trong danh sách."))
        data = render_decision(
            decision,
            lines,
            fmt,
            progress=_reporter(job, _("Đang dàn trang quyết định và danh sách kèm theo")),
        )
        target = job_result_file(job, decision_file_name(decision.number_label, decision.year, fmt))
        target.write_bytes(data)
        job_finish(
            job=job,
            message=_("Đã lập quyết định với %(n)s dòng.") % {"n": len(lines)},
            result_path=target.name,
        )


@task()
def render_certificate_batch(job_id: str, decision_uuid: str) -> None:
    """Render every certificate of a signed decision into one PDF, page by page."""
    from tdkt.commendations.official_documents import certificate_lines, render_certificates

    with run_job(job_id) as job:
        decision = decision_get(actor=job.owner, uuid=decision_uuid)
        lines = certificate_lines(decision_lines(actor=job.owner, decision=decision))
        if decision.state != DecisionState.SIGNED or not lines:
            raise ApplicationError(
                _("Quyết định chưa ký hoặc không còn dòng nào được khen thưởng.")
            )
        job_progress(job=job, done=0, total=len(lines))
        target = job_result_file(
            job, decision_file_name(decision.number_label, decision.year, "pdf", "giay-khen")
        )
        with target.open("wb") as output:
            pages = render_certificates(
                decision, lines, output, progress=_reporter(job, _("Đang in giấy khen"))
            )
        job_finish(
            job=job,
            message=_("Đã in %(n)s giấy khen.") % {"n": pages},
            result_path=target.name,
        )


@task()
def render_city_letter(job_id: str, round_uuid: str, request: dict[str, object]) -> None:
    """Draw up the Board's tờ trình to the City for one code of a round (.docx or PDF)."""
    with run_job(job_id) as job:
        round_ = round_get(actor=job.owner, uuid=round_uuid)
        fmt = str(request.pop("fmt", "pdf"))
        letter_request = LetterRequest.from_json(request)
        job_progress(job=job, done=0, total=1)
        letter = build_round_letter(actor=job.owner, round_=round_, request=letter_request)
        target = job_result_file(job, letter_file_name(round_, letter_request.code, fmt))
        target.write_bytes(render_letter(letter, fmt))
        job_finish(
            job=job,
            message=_("Đã lập tờ trình với %(n)s trường hợp.") % {"n": len(letter.nominees)},
            result_path=target.name,
        )
