"""The versions of registry records (decision 0038): what an edit was drawn from.

A record's *state* is its editable fields in public form (``core.versions.public_value``); its
*version* the fingerprint of that state. An organisation's state includes its enterprise
profile; a person's employment history has a version of its own (for transfers), apart from
the person's fields.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.services import history_for
from tdkt.core.errors import StaleVersionError
from tdkt.core.versions import fingerprint, public_value
from tdkt.organizations.models import Enterprise, Organization, Person


def _fields(instance: models.Model) -> dict[str, Any]:
    """Return the editable fields of ``instance`` (not its keys or derived columns)."""
    return {
        field.name: public_value(getattr(instance, field.name))
        for field in instance._meta.concrete_fields
        if field.editable and not field.primary_key
    }


def state_of(instance: models.Model) -> dict[str, Any]:
    """Return the state of a registry record as an editor sees it."""
    state = _fields(instance)
    if isinstance(instance, Organization):
        profile = Enterprise.objects.filter(organization=instance).select_related("zone").first()
        if profile is not None:
            state |= _fields(profile)
    return state


def history_state(person: Person) -> dict[str, Any]:
    """Return the state of a person's employment history (every post, oldest first)."""
    posts = person.employments.select_related("organization").order_by("start_date", "pk")
    return {"posts": [_fields(post) for post in posts]}


def version_of(instance: models.Model) -> str:
    """Return the version of a registry record (its ``ETag`` in the API)."""
    return fingerprint(state_of(instance))


def history_version(person: Person) -> str:
    """Return the version of a person's employment history."""
    return fingerprint(history_state(person))


def ensure_version(current: str, expected: str | None, *, audited: models.Model) -> None:
    """Refuse (412) when ``expected`` is given and differs from ``current``, saying who made
    the last change of ``audited`` (whose history records it) and when."""
    if expected is None or expected == current:
        return
    last = history_for(audited).first()
    if last is None:
        raise StaleVersionError(_("Dữ liệu đã thay đổi sau khi bạn mở. Chưa có gì được ghi."))
    raise StaleVersionError(
        _(
            "Dữ liệu vừa được %(who)s thay đổi lúc %(when)s, sau khi bạn mở. Chưa có gì được "
            "ghi; hãy xem thay đổi mới rồi lưu lại."
        )
        % {
            "who": last.actor_label if last.actor_id is not None else _("hệ thống"),
            "when": timezone.localtime(last.occurred_at).strftime("%H:%M %d/%m/%Y"),
        }
    )
