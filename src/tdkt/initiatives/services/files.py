"""Files attached to a draft application: added and removed by its filer only."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.uploads import check_upload
from tdkt.core.errors import ConflictError
from tdkt.initiatives import permissions as perms
from tdkt.initiatives.constants import ApplicationState
from tdkt.initiatives.models import ApplicationFile, InitiativeApplication

from .common import fail

MAX_FILES = 5


def _lock_draft(application: InitiativeApplication) -> InitiativeApplication:
    locked = InitiativeApplication.objects.select_for_update().get(pk=application.pk)
    if locked.state != ApplicationState.DRAFT:
        raise ConflictError(_("Đơn đã nộp, không sửa được nữa."))
    return locked


def application_file_add(
    *, actor: Any, application: InitiativeApplication, name: str, data: bytes
) -> ApplicationFile:
    """Attach a document (PDF, Word, Excel, image; checked by its bytes) to a draft."""
    perms.ensure_can_edit(actor, application)
    checked = check_upload(name, data)
    with transaction.atomic():
        locked = _lock_draft(application)
        if locked.files.count() >= MAX_FILES:
            raise fail("file", _("Mỗi đơn kèm tối đa %(n)s tệp.") % {"n": MAX_FILES})
        attached = ApplicationFile(
            application=locked,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=actor,
            uploaded_at=timezone.now(),
        )
        # Stored under a random name: the client's name is kept only in the row, cleaned.
        attached.file.save(uuid.uuid4().hex, ContentFile(data), save=False)
        try:
            attached.save()
            record(
                event_type=AuditEventType.INITIATIVE_APPLICATION_UPDATED,
                actor=actor,
                obj=locked,
                changes={"file": [None, checked.name]},
            )
        except Exception:
            attached.file.delete(save=False)  # nothing half-written: no file without its row
            raise
    return attached


@transaction.atomic
def application_file_remove(*, actor: Any, attached: ApplicationFile) -> None:
    """Remove a document from a draft (its filer only); the stored file goes after commit."""
    application = attached.application
    perms.ensure_can_edit(actor, application)
    locked = _lock_draft(application)
    name, stored = attached.original_name, attached.file.name
    storage = attached.file.storage
    attached.delete()
    record(
        event_type=AuditEventType.INITIATIVE_APPLICATION_UPDATED,
        actor=actor,
        obj=locked,
        changes={"file": [name, None]},
    )
    transaction.on_commit(lambda: storage.delete(stored))
