"""Writes of an entry by the unit that sends it: submit, edit, withdraw (while open)."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any
from uuid import UUID

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.contests.constants import ENTRY_TEXT_MAX_CHARS, ContestState, SubjectKind
from tdkt.contests.models import Contest, Entry
from tdkt.contests.permissions import ensure_can_submit_for, ensure_submitting_side
from tdkt.contests.uploads import check_article
from tdkt.contests.versions import ENTRY_FIELDS
from tdkt.core.errors import ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import person_in_scope

from .common import lock_contest, lock_entry, long_text, one_line, refuse


def accepting(contest: Contest, today: date) -> bool:
    """Return True when ``contest`` takes entries (and edits of entries) on ``today``."""
    return contest.state == ContestState.OPEN and contest.opens_on <= today <= contest.closes_on


def _ensure_accepting(contest: Contest, today: date) -> None:
    if contest.state != ContestState.OPEN or today > contest.closes_on:
        raise ConflictError(
            _("Cuộc thi đã hết hạn nhận bài; bài dự thi không gửi, sửa hay rút được nữa.")
        )
    if today < contest.opens_on:
        raise ConflictError(
            _("Cuộc thi nhận bài từ ngày %(date)s.")
            % {"date": contest.opens_on.strftime("%d/%m/%Y")}
        )


def _validate(actor: Any, data: dict[str, Any], entry: Entry | None) -> dict[str, Any]:
    for name in ("title", "subject_name", "authors"):
        if name in data:
            data[name] = one_line(data[name])
    if "text" in data:
        data["text"] = long_text(data["text"])
    merged = {f: getattr(entry, f) for f in ENTRY_FIELDS} if entry else {}
    merged.update(data)
    errors: dict[str, list[str]] = {}
    if "title" in data and not data["title"]:
        errors["title"] = [_("Cần ghi tên bài viết.")]
    if "subject_kind" in data and data["subject_kind"] not in SubjectKind.values:
        errors["subject_kind"] = [_("Chọn nhân vật của bài viết là cá nhân hay tập thể.")]
    if "subject_name" in data and not data["subject_name"]:
        errors["subject_name"] = [_("Cần ghi tên cá nhân hoặc tập thể được viết về.")]
    if "authors" in data and not data["authors"]:
        errors["authors"] = [_("Cần ghi tên tác giả.")]
    if "text" in data:
        if not data["text"]:
            errors["text"] = [_("Cần có nội dung bài viết.")]
        elif len(data["text"]) > ENTRY_TEXT_MAX_CHARS:
            errors["text"] = [
                _("Bài viết dài %(n)s ký tự; tối đa %(max)s ký tự (có thể gửi kèm tệp).")
                % {
                    "n": f"{len(data['text']):,}".replace(",", "."),
                    "max": f"{ENTRY_TEXT_MAX_CHARS:,}".replace(",", "."),
                }
            ]
    person: Person | None = merged.get("subject_person")
    collective: Organization | None = merged.get("subject_organization")
    kind = merged.get("subject_kind")
    if person is not None and collective is not None:
        errors["subject_person"] = [_("Chỉ chọn một cá nhân hoặc một tập thể.")]
    elif person is not None and kind != SubjectKind.INDIVIDUAL:
        errors["subject_person"] = [
            _("Bài viết về tập thể thì chọn một tập thể, không chọn cá nhân.")
        ]
    elif collective is not None and kind != SubjectKind.COLLECTIVE:
        errors["subject_organization"] = [_("Bài viết về cá nhân thì chọn một cá nhân.")]
    if (
        "subject_person" in data
        and person is not None
        and not person_in_scope(actor=actor, person=person)
    ):
        errors["subject_person"] = [_("Không tìm thấy cá nhân này.")]
    if (
        "subject_organization" in data
        and collective is not None
        and not scope_for(actor).covers_path(collective.path)
    ):
        errors["subject_organization"] = [_("Không tìm thấy tập thể này.")]
    refuse(errors)
    return data


def _store_file(actor: Any, entry: Entry, name: str, data: bytes) -> None:
    """Store the article in private storage, replacing an earlier one after the commit; the
    new file is removed again if the row cannot be written."""
    checked = check_article(name, data)
    old_name = entry.file.name if entry.file else ""
    before = entry.file_name
    entry.file.save("upload", ContentFile(data), save=False)
    entry.file_name = checked.name
    entry.file_type = checked.content_type
    entry.file_size = checked.size
    entry.file_sha256 = hashlib.sha256(data).hexdigest()
    storage, new_name = entry.file.storage, entry.file.name
    try:
        entry.save(update_fields=["file", "file_name", "file_type", "file_size", "file_sha256"])
        record(
            event_type=AuditEventType.CONTEST_ENTRY_UPDATED,
            actor=actor,
            obj=entry,
            changes={
                "file_name": [before or None, checked.name],
                "size": [None, checked.size],
                "sha256": [None, entry.file_sha256],
            },
        )
    except BaseException:
        storage.delete(new_name)
        raise
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))


@transaction.atomic
def entry_submit(
    *,
    actor: Any,
    contest: Contest,
    organization: Organization,
    title: str,
    subject_kind: str,
    subject_name: str,
    authors: str,
    text: str,
    subject_person: Person | None = None,
    subject_organization: Organization | None = None,
    file: tuple[str, bytes] | None = None,
    on: date | None = None,
    key: UUID | None = None,
) -> Entry:
    """Send an entry of ``organization`` to an open contest, with its attached article (name,
    bytes) when given: both or neither are written. ``on`` is the day (default today).

    ``key`` is a one-time key of the form (the new entry's UUID): sending the same form again
    returns the entry it already created instead of a second copy."""
    ensure_can_submit_for(actor, organization)
    locked = lock_contest(contest)
    if key is not None:
        earlier = Entry.objects.filter(uuid=key).first()
        if earlier is not None:
            if earlier.contest_id != locked.pk or earlier.organization_id != organization.pk:
                raise ConflictError(_("Biểu mẫu này đã được dùng; hãy mở lại trang gửi bài."))
            return earlier
    _ensure_accepting(locked, on or timezone.localdate())
    data = _validate(
        actor,
        {
            "title": title,
            "subject_kind": subject_kind,
            "subject_name": subject_name,
            "authors": authors,
            "text": text,
            "subject_person": subject_person,
            "subject_organization": subject_organization,
        },
        None,
    )
    entry = Entry.objects.create(
        contest=locked,
        organization=organization,
        submitted_by=actor,
        **({"uuid": key} if key is not None else {}),
        **data,
    )
    record(
        event_type=AuditEventType.CONTEST_ENTRY_SUBMITTED,
        actor=actor,
        obj=entry,
        changes={
            **diff({}, snapshot(entry, ENTRY_FIELDS)),
            "contest": [None, locked.name],
            "organization": [None, organization.name],
        },
    )
    if file is not None:
        _store_file(actor, entry, file[0], file[1])
    return entry


@transaction.atomic
def entry_update(
    *,
    actor: Any,
    entry: Entry,
    expected_version: str | None = None,
    title: str | Unchanged = UNCHANGED,
    subject_kind: str | Unchanged = UNCHANGED,
    subject_name: str | Unchanged = UNCHANGED,
    authors: str | Unchanged = UNCHANGED,
    text: str | Unchanged = UNCHANGED,
    subject_person: Person | Unchanged | None = UNCHANGED,
    subject_organization: Organization | Unchanged | None = UNCHANGED,
    file: tuple[str, bytes] | None = None,
    on: date | None = None,
) -> Entry:
    """Change the given fields of an entry, and replace its article file when given, while
    the contest takes entries; an edit drawn from an older version is refused."""
    ensure_submitting_side(actor, entry)
    locked = lock_entry(entry, expected_version)
    if locked.withdrawn_at is not None:
        raise ConflictError(_("Bài dự thi đã rút, không sửa được."))
    _ensure_accepting(locked.contest, on or timezone.localdate())
    data = _validate(
        actor,
        given(
            title=title,
            subject_kind=subject_kind,
            subject_name=subject_name,
            authors=authors,
            text=text,
            subject_person=subject_person,
            subject_organization=subject_organization,
        ),
        locked,
    )
    before = snapshot(locked, ENTRY_FIELDS)
    for name, value in data.items():
        setattr(locked, name, value)
    changes = diff(before, snapshot(locked, ENTRY_FIELDS))
    if changes:
        locked.save(update_fields=sorted(changes))
        record(
            event_type=AuditEventType.CONTEST_ENTRY_UPDATED,
            actor=actor,
            obj=locked,
            changes=changes,
        )
    if file is not None:
        _store_file(actor, locked, file[0], file[1])
    return locked


@transaction.atomic
def entry_withdraw(
    *,
    actor: Any,
    entry: Entry,
    expected_version: str | None = None,
    on: date | None = None,
) -> Entry:
    """Withdraw an entry while the contest takes entries: it stays on record, takes no part."""
    ensure_submitting_side(actor, entry)
    locked = lock_entry(entry, expected_version)
    if locked.withdrawn_at is not None:
        raise ConflictError(_("Bài dự thi đã rút rồi."))
    _ensure_accepting(locked.contest, on or timezone.localdate())
    locked.withdrawn_at = timezone.now()
    locked.save(update_fields=["withdrawn_at"])
    record(
        event_type=AuditEventType.CONTEST_ENTRY_WITHDRAWN,
        actor=actor,
        obj=locked,
        changes={"withdrawn_at": [None, locked.withdrawn_at]},
    )
    return locked
