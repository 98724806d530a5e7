"""Writes of the reports app: the officer's text of a section of the annual report."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError

from .constants import MAX_YEAR, MIN_YEAR, NARRATIVE_MAX_CHARS, ReportSection
from .models import ReportNarrative

STALE = _("Nội dung này vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất.")


def _validate(year: int, section: str, text: str) -> str:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ApplicationError(
            _("Năm báo cáo không hợp lệ."), fields={"year": [_("Năm không hợp lệ.")]}
        )
    if section not in ReportSection.values:
        raise ApplicationError(_("Không có phần báo cáo này."))
    text = text.replace("\r\n", "\n").strip()
    if len(text) > NARRATIVE_MAX_CHARS:
        message = _("Nội dung dài quá %(n)s ký tự.") % {
            "n": f"{NARRATIVE_MAX_CHARS:,}".replace(",", ".")
        }
        raise ApplicationError(message, fields={"text": [message]})
    return text


@transaction.atomic
def narrative_save(
    *, actor: Any, year: int, section: str, text: str, expected_version: int
) -> ReportNarrative:
    """Store the officer's text of one section of ``year``'s report.

    ``expected_version`` is the version the edit page showed (0 when the section had no text
    yet): a save made on a stale page is refused instead of silently overwriting the other
    officer's words. Only board-wide writers (emulation officers, administrators) write the
    Board's report; the check comes before the input is looked at.
    """
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng được sửa báo cáo năm."))
    text = _validate(year, section, text)
    current = ReportNarrative.objects.select_for_update().filter(year=year, section=section).first()
    if current is None:
        if expected_version != 0:
            raise ConflictError(STALE)
        try:
            with transaction.atomic():
                narrative = ReportNarrative.objects.create(
                    year=year, section=section, text=text, updated_by=actor
                )
        except IntegrityError as exc:  # another officer created it a moment ago
            raise ConflictError(STALE) from exc
        record(
            event_type=AuditEventType.REPORT_NARRATIVE_SAVED,
            actor=actor,
            obj=narrative,
            changes={"text": [None, text]},
        )
        return narrative
    if current.version != expected_version:
        raise ConflictError(STALE)
    if current.text == text:
        return current
    before = current.text
    current.text = text
    current.updated_by = actor
    current.version = F("version") + 1
    current.save(update_fields=["text", "updated_by", "version", "updated_at"])
    current.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.REPORT_NARRATIVE_SAVED,
        actor=actor,
        obj=current,
        changes={"text": [before, text]},
    )
    return current
