"""Reads of background jobs: a user sees only the jobs they started."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError
from tdkt.core.models import BackgroundJob


def job_list_for(*, actor: Any) -> QuerySet[BackgroundJob]:
    """Return ``actor``'s jobs, newest first (none for an anonymous user)."""
    if actor is None or not actor.is_authenticated:
        return BackgroundJob.objects.none()
    return BackgroundJob.objects.filter(owner=actor).order_by("-created_at", "-id")


def job_get_for(*, actor: Any, job_uuid: uuid.UUID | str) -> BackgroundJob:
    """Return one of ``actor``'s jobs; another user's job is "not found", like a missing one."""
    try:
        key = uuid.UUID(str(job_uuid))
    except ValueError:
        raise NotFoundError(_("Không tìm thấy công việc này.")) from None
    job = job_list_for(actor=actor).filter(uuid=key).first()
    if job is None:
        raise NotFoundError(_("Không tìm thấy công việc này."))
    return job
