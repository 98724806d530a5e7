"""Writes of applications: file, edit, submit; the officer returns or registers them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.core.errors import ConflictError
from tdkt.initiatives import permissions as perms
from tdkt.initiatives import workflow
from tdkt.initiatives.constants import CouncilState, SolutionKind
from tdkt.initiatives.models import ApplicationAuthor, InitiativeApplication, InitiativeCouncil
from tdkt.initiatives.parameters import MAX_AUTHORS, TOTAL_SHARE
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import person_in_scope

from .common import MAX_VND, bump, check_version, check_year, decimal_value, fail, line, paragraph
from .notices import tell_members, tell_people

CONTENT_FIELDS = [
    "year",
    "title",
    "kind",
    "area",
    "problem",
    "solution",
    "applied_where",
    "applied_since",
    "benefit",
    "benefit_vnd",
]


@dataclass(frozen=True)
class AuthorInput:
    """An author and their share of the work (per cent)."""

    person: Person
    share: Decimal


@dataclass(frozen=True, kw_only=True)
class ApplicationInput:
    """What the author writes in the application (NĐ 13/2012 Art 3 conditions)."""

    year: int
    title: str
    kind: str
    area: str
    problem: str
    solution: str
    applied_where: str
    applied_since: date
    benefit: str
    benefit_vnd: int | None = None
    authors: Sequence[AuthorInput] = ()


def _what() -> str:
    return _("Đơn yêu cầu công nhận sáng kiến")


#: The earliest first use an application may state: a sanity bound against mistyped years
#: (01/01/0001), well before the first application year the app takes (2000).
FIRST_APPLIED = date(1980, 1, 1)


def _clean(data: ApplicationInput) -> dict[str, Any]:
    """Return the application's fields validated and normalised (raises on the first error)."""
    year = check_year(data.year)
    if data.kind not in SolutionKind.values:
        raise fail("kind", _("Hãy chọn loại giải pháp."))
    if not isinstance(data.applied_since, date):
        raise fail("applied_since", _("Hãy ghi ngày bắt đầu áp dụng."))
    if data.applied_since > timezone.localdate():
        raise fail(
            "applied_since",
            _("Sáng kiến phải đã được áp dụng hoặc áp dụng thử: ngày không được ở tương lai."),
        )
    if data.applied_since.year > year:
        raise fail("applied_since", _("Ngày bắt đầu áp dụng không được sau năm của đơn."))
    if data.applied_since < FIRST_APPLIED:
        raise fail(
            "applied_since",
            _("Ngày bắt đầu áp dụng không được trước năm %(year)s.") % {"year": FIRST_APPLIED.year},
        )
    if data.benefit_vnd is not None and data.benefit_vnd < 0:
        raise fail("benefit_vnd", _("Số tiền làm lợi không được âm."))
    if data.benefit_vnd is not None and data.benefit_vnd >= MAX_VND:
        raise fail("benefit_vnd", _("Số tiền làm lợi quá lớn: phải dưới một triệu tỷ đồng."))
    return {
        "year": year,
        "title": line(data.title, "title", limit=500),
        "kind": data.kind,
        "area": line(data.area, "area"),
        "problem": paragraph(data.problem, "problem"),
        "solution": paragraph(data.solution, "solution"),
        "applied_where": line(data.applied_where, "applied_where"),
        "applied_since": data.applied_since,
        "benefit": paragraph(data.benefit, "benefit"),
        "benefit_vnd": data.benefit_vnd,
    }


def _check_authors(actor: Any, authors: Sequence[AuthorInput]) -> list[AuthorInput]:
    """Refuse an empty or repeated list, shares not adding up to 100 %, an author the actor
    may not see, or a list without the actor when the actor files as an author."""
    if not authors:
        raise fail("authors", _("Cần ghi ít nhất một tác giả."))
    if len(authors) > MAX_AUTHORS:
        raise fail("authors", _("Một đơn ghi tối đa %(n)s tác giả.") % {"n": MAX_AUTHORS})
    people = [a.person.pk for a in authors]
    if len(set(people)) != len(people):
        raise fail("authors", _("Mỗi tác giả chỉ ghi một lần."))
    if not perms.files_for_staff(actor) and actor.person_id not in people:
        raise fail("authors", _("Bạn phải là một trong các tác giả của sáng kiến."))
    total = Decimal(0)
    cleaned = []
    for author in authors:
        share = decimal_value(author.share, "authors", maximum=TOTAL_SHARE)
        cleaned.append(AuthorInput(author.person, share))
        if share <= 0:
            raise fail("authors", _("Tỷ lệ đóng góp của mỗi tác giả phải lớn hơn 0."))
        total += share
        if not person_in_scope(actor=actor, person=author.person):
            raise fail(
                "authors",
                _("%(name)s không thuộc đơn vị bạn được lập đơn.")
                % {"name": author.person.full_name},
            )
    if total != TOTAL_SHARE:
        raise fail("authors", _("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%."))
    return cleaned


def _write_authors(application: InitiativeApplication, authors: Sequence[AuthorInput]) -> None:
    application.authors.all().delete()
    ApplicationAuthor.objects.bulk_create(
        ApplicationAuthor(application=application, person=a.person, position=i, share=a.share)
        for i, a in enumerate(authors, start=1)
    )
    application._author_ids = {a.person.pk for a in authors}  # type: ignore[attr-defined]


def _authors_state(authors: Sequence[AuthorInput]) -> list[str]:
    return [f"{a.person.full_name} ({a.share}%)" for a in authors]


@transaction.atomic
def application_create(
    *,
    actor: Any,
    data: ApplicationInput,
    organization: Organization | None = None,
    filed_by: Any = None,
) -> InitiativeApplication:
    """File a draft application in the actor's unit.

    The system (demo data, commands) names the unit and the account it files for instead.
    """
    perms.ensure_can_file(actor)
    fields = _clean(data)
    authors = _check_authors(actor, data.authors)
    unit = organization if actor is None else actor.organization
    filer = filed_by if actor is None else actor
    if unit is None or filer is None:
        raise fail("organization", _("Cần ghi đơn vị và người lập đơn."))
    application = InitiativeApplication.objects.create(**fields, organization=unit, filed_by=filer)
    _write_authors(application, authors)
    record(
        event_type=AuditEventType.INITIATIVE_APPLICATION_CREATED,
        actor=actor,
        obj=application,
        changes={
            **{k: [None, v] for k, v in snapshot(application, CONTENT_FIELDS).items()},
            "authors": [None, _authors_state(authors)],
        },
    )
    return application


@transaction.atomic
def application_update(
    *,
    actor: Any,
    application: InitiativeApplication,
    data: ApplicationInput,
    version: int | None,
) -> InitiativeApplication:
    """Change a draft (its filer only); a form drawn from an older version is refused."""
    perms.ensure_can_edit(actor, application)
    application = InitiativeApplication.objects.select_for_update().get(pk=application.pk)
    check_version(application, version, _what())
    if application.state not in workflow.EDITABLE:
        raise ConflictError(_("Đơn đã nộp, không sửa được nữa."))
    fields = _clean(data)
    authors = _check_authors(actor, data.authors)
    before = snapshot(application, CONTENT_FIELDS)
    old_authors = [
        f"{a.person.full_name} ({a.share}%)" for a in application.authors.select_related("person")
    ]
    for name, value in fields.items():
        setattr(application, name, value)
    bump(application, CONTENT_FIELDS)
    _write_authors(application, authors)
    changes = diff(before, snapshot(application, CONTENT_FIELDS))
    new_authors = _authors_state(authors)
    if new_authors != old_authors:
        changes["authors"] = [old_authors, new_authors]
    record(
        event_type=AuditEventType.INITIATIVE_APPLICATION_UPDATED,
        actor=actor,
        obj=application,
        changes=changes,
    )
    return application


def _move(
    actor: Any,
    application: InitiativeApplication,
    action: str,
    version: int | None,
    extra_fields: dict[str, Any] | None = None,
) -> InitiativeApplication:
    """Lock, check the version, move by ``action`` and record the transition."""
    application = InitiativeApplication.objects.select_for_update().get(pk=application.pk)
    check_version(application, version, _what())
    before = application.state
    application.state = workflow.next_state(before, action)
    changes: dict[str, Any] = {"state": [before, application.state]}
    for name, value in (extra_fields or {}).items():
        changes[name] = [public(getattr(application, name)), public(value)]
        setattr(application, name, value)
    bump(application, ["state", *(extra_fields or {})])
    record(
        event_type=AuditEventType.INITIATIVE_APPLICATION_TRANSITIONED,
        actor=actor,
        obj=application,
        changes=changes,
    )
    return application


def public(value: Any) -> Any:
    """Return a value as the audit trail stores it (a council by its name)."""
    if isinstance(value, InitiativeCouncil):
        return value.name
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@transaction.atomic
def application_submit(
    *, actor: Any, application: InitiativeApplication, version: int | None = None
) -> InitiativeApplication:
    """Send a draft to the emulation officer (its filer only)."""
    perms.ensure_can_edit(actor, application)
    return _move(
        actor,
        application,
        workflow.SUBMIT,
        version,
        {"submitted_at": timezone.now(), "return_note": ""},
    )


@transaction.atomic
def application_return(
    *, actor: Any, application: InitiativeApplication, note: str, version: int | None = None
) -> InitiativeApplication:
    """Give a submitted application back to its filer to complete, saying why (officer)."""
    perms.ensure_officer(actor)
    reason = paragraph(note, "note")
    moved = _move(actor, application, workflow.RETURN, version, {"return_note": reason})
    tell_people(
        actor=actor,
        application=moved,
        kind="initiative.returned",
        title=_("Đơn sáng kiến “%(title)s” được trả lại để bổ sung") % {"title": moved.title},
        body=reason,
    )
    return moved


@transaction.atomic
def application_register(
    *,
    actor: Any,
    application: InitiativeApplication,
    council: InitiativeCouncil,
    version: int | None = None,
) -> InitiativeApplication:
    """Put a submitted application before an open council session of its year (officer)."""
    perms.ensure_officer(actor)
    council = InitiativeCouncil.objects.select_for_update().get(pk=council.pk)
    if council.state != CouncilState.OPEN:
        raise fail("council", _("Phiên xét đã kết thúc, không nhận thêm đơn."))
    if council.year != application.year:
        raise fail(
            "council",
            _("Đơn năm %(year)s chỉ đưa ra phiên xét của năm %(year)s.")
            % {"year": application.year},
        )
    moved = _move(actor, application, workflow.REGISTER, version, {"council": council})
    tell_members(
        actor=actor,
        application=moved,
        seats=council.seats.select_related("user"),
        title=_("Đơn sáng kiến “%(title)s” chờ bạn chấm điểm") % {"title": moved.title},
    )
    return moved
