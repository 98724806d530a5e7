"""Writes of a proposal's dossier files and of the officers' appraisal of its lines."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import AppraisalReason, AppraisalVerdict, AttachmentKind
from tdkt.commendations.models import Proposal, ProposalAttachment, ProposalLine
from tdkt.commendations.permissions import ensure_can_appraise
from tdkt.commendations.services.proposals import bump, conflict_error, lock_for_edit
from tdkt.commendations.uploads import check_upload
from tdkt.core.errors import ApplicationError
from tdkt.rules.labels import CODE_LABELS

MAX_ATTACHMENTS = 50


@transaction.atomic
def attachment_add(
    *,
    actor: Any,
    proposal: Proposal,
    kind: str,
    name: str,
    data: bytes,
    expected_version: int | None = None,
) -> ProposalAttachment:
    """Store a dossier file of a proposal being prepared, after checking its type and size.

    The file goes to private storage under a random name; the original name is kept only
    in the row. If the row cannot be written, the stored file is removed again.
    """
    locked = lock_for_edit(actor, proposal, expected_version)
    if kind not in AttachmentKind.values:
        raise ApplicationError(
            _("Loại tài liệu không hợp lệ."), fields={"kind": [_("Chọn loại tài liệu.")]}
        )
    checked = check_upload(name, data)
    if locked.attachments.count() >= MAX_ATTACHMENTS:
        raise ApplicationError(
            _("Hồ sơ đã có %(n)s tài liệu, không thêm được nữa.") % {"n": MAX_ATTACHMENTS}
        )
    attachment = ProposalAttachment(
        proposal=locked,
        kind=kind,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
    )
    attachment.file.save("upload", ContentFile(data), save=False)
    try:
        attachment.save()
        bump(locked)
        record(
            event_type=AuditEventType.ATTACHMENT_ADDED,
            actor=actor,
            obj=locked,
            changes={
                "attachment": [None, checked.name],
                "kind": [None, kind],
                "size": [None, checked.size],
                "sha256": [None, attachment.sha256],
            },
        )
    except BaseException:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def attachment_remove(
    *, actor: Any, attachment: ProposalAttachment, expected_version: int | None = None
) -> Proposal:
    """Delete a dossier file of a proposal being prepared (the file goes after commit)."""
    locked = lock_for_edit(actor, attachment.proposal, expected_version)
    current = ProposalAttachment.objects.get(pk=attachment.pk, proposal=locked)
    name, stored, storage = current.original_name, current.file.name, current.file.storage
    current.delete()
    bump(locked)
    record(
        event_type=AuditEventType.ATTACHMENT_REMOVED,
        actor=actor,
        obj=locked,
        changes={"attachment": [name, None], "kind": [current.kind, None]},
    )
    transaction.on_commit(lambda: storage.delete(stored))
    return locked


def _finding_text(line: ProposalLine) -> str:
    """ "Name: title — Không đủ điều kiện (Hồ sơ chưa đầy đủ)", as the timeline shows it."""
    text = (
        f"{line.person or line.organization}: {CODE_LABELS['vi'].get(line.code, line.code)}"
        f" — {AppraisalVerdict(line.appraisal).label}"
    )
    if line.appraisal_reason:
        text += f" ({AppraisalReason(line.appraisal_reason).label})"
    return text


@dataclass(frozen=True)
class Appraisal:
    """The officer's finding on one line: "đủ" or "không đủ điều kiện" with a coded reason."""

    verdict: str
    reason: str = ""
    note: str = ""


@transaction.atomic
def proposal_appraise(
    *,
    actor: Any,
    proposal: Proposal,
    findings: Mapping[ProposalLine, Appraisal],
    expected_version: int | None = None,
) -> Proposal:
    """Record the appraisal of some lines of a proposal under appraisal, all or none.

    "Không đủ điều kiện" needs a coded reason (``AppraisalReason``); "đủ" clears it.
    """
    locked = Proposal.objects.select_for_update().select_related("organization").get(pk=proposal.pk)
    ensure_can_appraise(actor, locked)
    if expected_version is not None and locked.version != expected_version:
        raise conflict_error(locked)
    lines = {
        line.pk: line
        for line in ProposalLine.objects.filter(
            proposal=locked, pk__in=[line.pk for line in findings]
        ).select_related("person", "organization")
    }
    changed = []
    for given_line, finding in findings.items():
        line = lines.get(given_line.pk)
        if line is None:
            raise ApplicationError(_("Dòng đề nghị không thuộc đề nghị này."))
        if finding.verdict not in AppraisalVerdict.values:
            raise ApplicationError(_("Kết quả thẩm định không hợp lệ."))
        reason = finding.reason if finding.verdict == AppraisalVerdict.INELIGIBLE else ""
        if finding.verdict == AppraisalVerdict.INELIGIBLE and reason not in AppraisalReason.values:
            raise ApplicationError(
                _("Cần chọn lý do “không đủ điều kiện” cho %(who)s.")
                % {"who": line.person or line.organization},
                fields={"reason": [_("Chọn lý do.")]},
            )
        note = finding.note.strip()
        if (line.appraisal, line.appraisal_reason, line.appraisal_note) == (
            finding.verdict,
            reason,
            note,
        ):
            continue
        changed.append((line, [line.appraisal, finding.verdict], [line.appraisal_reason, reason]))
        line.appraisal, line.appraisal_reason, line.appraisal_note = finding.verdict, reason, note
    if not changed:
        return locked
    ProposalLine.objects.bulk_update(
        [line for line, _v, _r in changed], ["appraisal", "appraisal_reason", "appraisal_note"]
    )
    bump(locked)
    record(
        event_type=AuditEventType.PROPOSAL_LINE_APPRAISED,
        actor=actor,
        obj=locked,
        changes={"lines": [None, [_finding_text(line) for line, _v, _r in changed]]},
    )
    return locked
