"""Writes of petitions: receive, edit, accept, refuse, forward, extend, resolve, withdraw,
and the officer's deadline parameters. Each checks the actor, validates, saves and records
an audit event in one transaction; a step drawn from a stale page is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.errors import ApplicationError, ConflictError, StaleVersionError
from tdkt.core.selectors import working_calendar
from tdkt.core.text import clean_text, fold, normalize_name
from tdkt.organizations.models import Organization, Person

from . import deadlines
from .constants import (
    CONTENT_MAX,
    NAME_MAX,
    NOTE_MAX,
    OUTCOMES_BY_KIND,
    SUMMARY_MAX,
    Channel,
    ComplaintRound,
    PetitionKind,
    PetitionState,
)
from .deadlines import RULE_BY_NAME, DayUnit
from .models import DeadlineParameter, Petition
from .permissions import ensure_handle, may_handle
from .selectors import MAX_EXTENSIONS, deadline_settings

STALE = gettext_lazy(
    "Đơn thư này vừa được người khác cập nhật. Hãy tải lại trang để xem bản mới nhất."
)
EARLIEST = date(2000, 1, 1)


@dataclass
class PetitionData:
    """What an officer writes when receiving a petition (or correcting its registration)."""

    kind: str
    channel: str
    received_on: date
    sender_name: str
    summary: str
    sender_address: str = ""
    sender_phone: str = ""
    content: str = ""
    complaint_round: str = ""
    known_on: date | None = None
    late_reason: str = ""
    related_decision: str = ""


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, fields={field: [message]})


def _text(
    value: str, field: str, limit: int, *, required: bool = False, multiline: bool = False
) -> str:
    text = clean_text(value or "", multiline=multiline)
    if required and not text:
        raise _invalid(field, _("Hãy nhập nội dung này."))
    if len(text) > limit:
        raise _invalid(field, _("Dài quá %(n)s ký tự.") % {"n": f"{limit:,}".replace(",", ".")})
    return text


def _day(value: date | None, field: str, *, not_before: date | None = None) -> date:
    if value is None:
        raise _invalid(field, _("Hãy nhập ngày."))
    today = timezone.localdate()
    if value > today:
        raise _invalid(field, _("Ngày này chưa đến."))
    if value < max(EARLIEST, not_before or EARLIEST):
        raise _invalid(
            field,
            _("Ngày này phải từ %(day)s trở về sau.")
            % {"day": max(EARLIEST, not_before or EARLIEST).strftime("%d/%m/%Y")},
        )
    return value


def _clean(data: PetitionData) -> PetitionData:
    if data.kind not in PetitionKind.values:
        raise _invalid("kind", _("Hãy chọn loại đơn."))
    if data.channel not in Channel.values:
        raise _invalid("channel", _("Hãy chọn hình thức nhận đơn."))
    received_on = _day(data.received_on, "received_on")
    round_ = ""
    if data.kind == PetitionKind.COMPLAINT:
        round_ = data.complaint_round or ComplaintRound.FIRST
        if round_ not in ComplaintRound.values:
            raise _invalid("complaint_round", _("Hãy chọn lần khiếu nại."))
    known_on = data.known_on if data.kind == PetitionKind.COMPLAINT else None
    late_reason = ""
    if known_on is not None:
        if known_on < EARLIEST:
            raise _invalid(
                "known_on",
                _("Ngày này phải từ %(day)s trở về sau.") % {"day": EARLIEST.strftime("%d/%m/%Y")},
            )
        if known_on > received_on:
            raise _invalid("known_on", _("Ngày biết được quyết định phải trước ngày nhận đơn."))
        late_reason = _text(data.late_reason, "late_reason", 500)
    return PetitionData(
        kind=data.kind,
        channel=data.channel,
        received_on=received_on,
        sender_name=_text(
            normalize_name(data.sender_name or ""), "sender_name", NAME_MAX, required=True
        ),
        summary=_text(data.summary, "summary", SUMMARY_MAX, required=True),
        sender_address=_text(data.sender_address, "sender_address", 300),
        sender_phone=_text(data.sender_phone, "sender_phone", 30),
        content=_text(data.content, "content", CONTENT_MAX, multiline=True),
        complaint_round=round_,
        known_on=known_on,
        late_reason=late_reason,
        related_decision=_text(data.related_decision, "related_decision", 300),
    )


def filed_late_until(petition: Petition) -> date | None:
    """The last day of the complaint's filing period when it was received after it, else None
    (Law on Complaints Art 9; the period is the officer's ``complaint_filing`` parameter)."""
    if petition.kind != PetitionKind.COMPLAINT or petition.known_on is None:
        return None
    last = deadlines.filing_deadline(petition.known_on, deadline_settings(), working_calendar())
    return last if petition.received_on > last else None


def _search_key(petition: Petition) -> str:
    parts = [
        petition.reference,
        f"{petition.number}/{petition.year}",
        petition.sender_name,
        petition.summary,
        petition.related_decision,
    ]
    return fold(" ".join(parts))


def _ref(obj: Any) -> dict[str, str] | None:
    if obj is None:
        return None
    name = getattr(obj, "full_name", None) or getattr(obj, "name", None) or str(obj)
    return {"uuid": str(obj.uuid), "name": str(name)}


def _public(field: str, value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "_meta"):
        return _ref(value)
    return value


REGISTRATION_FIELDS = (
    "kind",
    "channel",
    "complaint_round",
    "received_on",
    "sender_name",
    "sender_address",
    "sender_phone",
    "summary",
    "content",
    "known_on",
    "late_reason",
    "related_decision",
)


def _next_number(year: int) -> int:
    last = Petition.objects.filter(year=year).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def petition_register(*, actor: Any, data: PetitionData) -> Petition:
    """Enter a petition in the register with its number and its acceptance deadline.

    The number is the next of the year the petition was received; two officers registering
    at the same moment collide on the unique (year, number) and the later one takes the next
    number instead of failing.
    """
    ensure_handle(actor)
    clean = _clean(data)
    due = deadlines.acceptance_due(
        clean.kind, clean.received_on, deadline_settings(), working_calendar()
    )
    for _attempt in range(5):
        try:
            with transaction.atomic():
                petition = Petition(
                    year=clean.received_on.year,
                    number=_next_number(clean.received_on.year),
                    acceptance_due_on=due,
                    due_on=due if clean.kind == PetitionKind.FEEDBACK else None,
                    **{name: getattr(clean, name) for name in REGISTRATION_FIELDS},
                )
                petition.search_key = _search_key(petition)
                petition.save()
                record(
                    event_type=AuditEventType.PETITION_RECEIVED,
                    actor=actor,
                    obj=petition,
                    changes={
                        name: [None, _public(name, getattr(petition, name))]
                        for name in (*REGISTRATION_FIELDS, "acceptance_due_on")
                        if getattr(petition, name) not in (None, "")
                    },
                )
                return petition
        except IntegrityError:
            continue
    raise ConflictError(_("Không cấp được số đơn, hãy thử lại."))


def _locked(petition: Petition, expected_version: int) -> Petition:
    current = Petition.objects.select_for_update().get(pk=petition.pk)
    if current.version != expected_version:
        raise StaleVersionError(str(STALE))
    return current


def _save(
    current: Petition,
    *,
    actor: Any,
    event: AuditEventType,
    changes: dict[str, Any],
    note: dict[str, Any] | None = None,
) -> Petition:
    """Apply ``changes`` (field → new value), bump the version and record what changed."""
    trail: dict[str, list[Any]] = {}
    for name, value in changes.items():
        before = getattr(current, name)
        if before != value:
            trail[name] = [_public(name, before), _public(name, value)]
            setattr(current, name, value)
    for name, value in (note or {}).items():
        trail[name] = [None, value]
    if not trail:
        return current
    current.version += 1
    current.search_key = _search_key(current)
    current.save()
    record(event_type=event, actor=actor, obj=current, changes=trail)
    return current


def _require_state(current: Petition, *states: str, message: str) -> None:
    if current.state not in states:
        raise ConflictError(message)


@transaction.atomic
def petition_update(
    *, actor: Any, petition: Petition, data: PetitionData, expected_version: int
) -> Petition:
    """Correct what was registered while the petition is open. Its kind and receipt date
    set the acceptance deadline, so they change only before it is accepted."""
    ensure_handle(actor)
    clean = _clean(data)
    current = _locked(petition, expected_version)
    _require_state(
        current,
        PetitionState.RECEIVED,
        PetitionState.ACCEPTED,
        message=_("Đơn thư đã kết thúc, không sửa được nữa."),
    )
    changes = {name: getattr(clean, name) for name in REGISTRATION_FIELDS}
    if current.state == PetitionState.ACCEPTED and (
        clean.kind != current.kind
        or clean.received_on != current.received_on
        or clean.complaint_round != current.complaint_round
    ):
        raise _invalid(
            "kind",
            _("Đơn đã thụ lý: không đổi được loại đơn, lần khiếu nại và ngày nhận đơn."),
        )
    if clean.received_on.year != current.year:
        raise _invalid(
            "received_on",
            _("Ngày nhận đơn phải cùng năm với số đơn %(ref)s.") % {"ref": current.reference},
        )
    if current.state == PetitionState.RECEIVED and (
        clean.kind != current.kind or clean.received_on != current.received_on
    ):
        due = deadlines.acceptance_due(
            clean.kind, clean.received_on, deadline_settings(), working_calendar()
        )
        changes["acceptance_due_on"] = due
        changes["due_on"] = due if clean.kind == PetitionKind.FEEDBACK else None
    return _save(current, actor=actor, event=AuditEventType.PETITION_UPDATED, changes=changes)


@transaction.atomic
def petition_set_concerned(
    *,
    actor: Any,
    petition: Petition,
    expected_version: int,
    person: Person | None = None,
    organization: Organization | None = None,
) -> Petition:
    """Name the person or the collective the petition is about (or clear both). While an
    accepted complaint or denunciation names them, their proposal lines are flagged.
    The caller reads ``person`` and ``organization`` through the actor's scoped selectors."""
    ensure_handle(actor)
    current = _locked(petition, expected_version)
    _require_state(
        current,
        PetitionState.RECEIVED,
        PetitionState.ACCEPTED,
        message=_("Đơn thư đã kết thúc, không sửa được nữa."),
    )
    return _save(
        current,
        actor=actor,
        event=AuditEventType.PETITION_UPDATED,
        changes={"concerned_person": person, "concerned_organization": organization},
    )


def _handler(value: Any) -> User | None:
    if value is None:
        return None
    if not isinstance(value, User) or not may_handle(value):
        raise _invalid("handler", _("Người được giao phải là cán bộ thi đua – khen thưởng."))
    return value


@transaction.atomic
def petition_accept(
    *,
    actor: Any,
    petition: Petition,
    expected_version: int,
    accepted_on: date,
    complex_case: bool = False,
    remote_area: bool = False,
    handler: Any = None,
) -> Petition:
    """Accept (thụ lý) a complaint or denunciation: its resolution deadline starts."""
    ensure_handle(actor)
    current = _locked(petition, expected_version)
    _require_state(current, PetitionState.RECEIVED, message=_("Đơn thư không còn chờ thụ lý."))
    if current.kind == PetitionKind.FEEDBACK:
        raise ConflictError(_("Phản ánh, kiến nghị không cần thụ lý: hãy trả lời trực tiếp."))
    accepted_on = _day(accepted_on, "accepted_on", not_before=current.received_on)
    late_until = filed_late_until(current)
    if late_until is not None and not current.late_reason:
        # A late complaint is accepted only for a valid reason (Art 9.2); it is registered
        # anyway, so that refusing it is recorded too.
        raise _invalid(
            "late_reason",
            _(
                "Đơn nộp sau thời hiệu khiếu nại (hết ngày %(day)s). Chỉ thụ lý khi có lý do "
                "chính đáng (ốm đau, thiên tai, đi công tác xa…): hãy ghi lý do ở “Sửa thông "
                "tin đơn”, hoặc chọn “Không thụ lý”."
            )
            % {"day": late_until.strftime("%d/%m/%Y")},
        )
    due = deadlines.resolution_due(
        current.kind,
        current.complaint_round,
        accepted_on,
        deadline_settings(),
        working_calendar(),
        complex_case=complex_case,
        remote=remote_area,
    )
    return _save(
        current,
        actor=actor,
        event=AuditEventType.PETITION_ACCEPTED,
        changes={
            "state": PetitionState.ACCEPTED,
            "accepted_on": accepted_on,
            "complex_case": bool(complex_case),
            "remote_area": bool(remote_area),
            "handler": _handler(handler),
            "due_on": due,
        },
    )


def _finish(
    *,
    actor: Any,
    petition: Petition,
    expected_version: int,
    state: str,
    event: AuditEventType,
    allowed: tuple[str, ...],
    message: str,
    ended_on: date,
    reason: str,
    forwarded_to: str = "",
) -> Petition:
    """End a petition without a resolution, with the day and the reason."""
    ensure_handle(actor)
    current = _locked(petition, expected_version)
    _require_state(current, *allowed, message=message)
    changes: dict[str, Any] = {
        "state": state,
        "ended_on": _day(ended_on, "ended_on", not_before=current.received_on),
        "end_reason": _text(reason, "reason", NOTE_MAX, required=True, multiline=True),
    }
    if state == PetitionState.FORWARDED:
        changes["forwarded_to"] = _text(forwarded_to, "forwarded_to", 300, required=True)
    return _save(current, actor=actor, event=event, changes=changes)


@transaction.atomic
def petition_refuse(
    *, actor: Any, petition: Petition, expected_version: int, ended_on: date, reason: str
) -> Petition:
    """Record that the petition is not accepted, and why (sent late, anonymous, not the
    Board's competence without a body to forward it to…). Feedback is answered, not accepted
    or refused."""
    if petition.kind == PetitionKind.FEEDBACK:
        raise ConflictError(_("Phản ánh, kiến nghị không cần thụ lý: hãy trả lời trực tiếp."))
    return _finish(
        actor=actor,
        petition=petition,
        expected_version=expected_version,
        state=PetitionState.NOT_ACCEPTED,
        event=AuditEventType.PETITION_NOT_ACCEPTED,
        allowed=(PetitionState.RECEIVED,),
        message=_("Chỉ đơn đang chờ thụ lý mới ghi “không thụ lý” được."),
        ended_on=ended_on,
        reason=reason,
    )


@transaction.atomic
def petition_forward(
    *,
    actor: Any,
    petition: Petition,
    expected_version: int,
    ended_on: date,
    reason: str,
    forwarded_to: str,
) -> Petition:
    """Record that the petition went to the body competent to resolve it."""
    return _finish(
        actor=actor,
        petition=petition,
        expected_version=expected_version,
        state=PetitionState.FORWARDED,
        event=AuditEventType.PETITION_FORWARDED,
        allowed=(PetitionState.RECEIVED,),
        message=_("Chỉ đơn đang chờ thụ lý mới chuyển được cho cơ quan khác."),
        ended_on=ended_on,
        reason=reason,
        forwarded_to=forwarded_to,
    )


@transaction.atomic
def petition_withdraw(
    *, actor: Any, petition: Petition, expected_version: int, ended_on: date, reason: str
) -> Petition:
    """Record that the sender withdrew the petition in writing."""
    return _finish(
        actor=actor,
        petition=petition,
        expected_version=expected_version,
        state=PetitionState.WITHDRAWN,
        event=AuditEventType.PETITION_WITHDRAWN,
        allowed=(PetitionState.RECEIVED, PetitionState.ACCEPTED),
        message=_("Đơn thư đã kết thúc."),
        ended_on=ended_on,
        reason=reason,
    )


@transaction.atomic
def petition_extend(
    *, actor: Any, petition: Petition, expected_version: int, reason: str
) -> Petition:
    """Extend a denunciation's resolution by one period, from the deadline already given.
    The law allows it for complex cases only (once; twice for particularly complex ones), so
    the petition is marked complex; the reason says why."""
    ensure_handle(actor)
    current = _locked(petition, expected_version)
    _require_state(
        current, PetitionState.ACCEPTED, message=_("Chỉ đơn đang giải quyết mới gia hạn được.")
    )
    if current.kind != PetitionKind.DENUNCIATION:
        raise ConflictError(
            _("Chỉ tố cáo được gia hạn; khiếu nại phức tạp đã có thời hạn dài hơn khi thụ lý.")
        )
    settings = deadline_settings()
    if current.extensions >= settings.max_extensions:
        raise ConflictError(
            _("Đã gia hạn đủ %(n)s lần, không gia hạn thêm được.") % {"n": settings.max_extensions}
        )
    reason = _text(reason, "reason", NOTE_MAX, required=True, multiline=True)
    due = deadlines.extended_due(
        current.due_on or current.acceptance_due_on, settings, working_calendar()
    )
    return _save(
        current,
        actor=actor,
        event=AuditEventType.PETITION_EXTENDED,
        changes={"extensions": current.extensions + 1, "due_on": due, "complex_case": True},
        note={"reason": reason},
    )


@transaction.atomic
def petition_resolve(
    *,
    actor: Any,
    petition: Petition,
    expected_version: int,
    ended_on: date,
    outcome: str,
    resolution_number: str,
    resolution_text: str,
) -> Petition:
    """Record the resolution (complaint, denunciation) or the answer (feedback)."""
    ensure_handle(actor)
    current = _locked(petition, expected_version)
    if current.kind == PetitionKind.FEEDBACK:
        allowed: tuple[str, ...] = (PetitionState.RECEIVED, PetitionState.ACCEPTED)
    else:
        allowed = (PetitionState.ACCEPTED,)
    _require_state(
        current, *allowed, message=_("Đơn phải được thụ lý trước khi ghi kết quả giải quyết.")
    )
    if outcome not in OUTCOMES_BY_KIND[current.kind]:
        raise _invalid("outcome", _("Hãy chọn kết quả giải quyết."))
    start = current.accepted_on or current.received_on
    return _save(
        current,
        actor=actor,
        event=AuditEventType.PETITION_RESOLVED,
        changes={
            "state": PetitionState.RESOLVED,
            "ended_on": _day(ended_on, "ended_on", not_before=start),
            "outcome": outcome,
            "resolution_number": _text(resolution_number, "resolution_number", 100),
            "resolution_text": _text(
                resolution_text, "resolution_text", CONTENT_MAX, required=True, multiline=True
            ),
        },
    )


@transaction.atomic
def deadline_parameter_set(
    *, actor: Any, name: str, days: int, unit: str, note: str, expected_version: int
) -> DeadlineParameter:
    """Set one named period (or the extension count). It applies to petitions received or
    accepted from now on; deadlines already given keep their dates."""
    ensure_handle(actor)
    rule = RULE_BY_NAME.get(name)
    if rule is None and name != MAX_EXTENSIONS:
        raise ApplicationError(_("Không có tham số này."))
    maximum = rule.maximum if rule else deadlines.MAX_EXTENSIONS_LIMIT
    minimum = 1 if rule else 0
    if isinstance(days, bool) or not isinstance(days, int) or not minimum <= days <= maximum:
        raise _invalid(
            "days",
            _("Số ngày phải từ %(lo)s đến %(hi)s.") % {"lo": minimum, "hi": maximum},
        )
    if rule is None:
        unit = ""
    elif rule.fixed_unit:
        unit = rule.unit.value
    elif unit not in DayUnit.__members__.values():
        raise _invalid("unit", _("Hãy chọn cách tính ngày."))
    note = _text(note, "note", 500)
    current = DeadlineParameter.objects.select_for_update().filter(name=name).first()
    after = {"days": days, "unit": unit, "note": note}
    if current is None:
        if expected_version != 0:
            raise StaleVersionError(str(STALE))
        try:
            with transaction.atomic():
                current = DeadlineParameter.objects.create(updated_by=actor, name=name, **after)
        except IntegrityError as exc:
            raise StaleVersionError(str(STALE)) from exc
        before: dict[str, Any] = {"days": None, "unit": None, "note": None}
    else:
        if current.version != expected_version:
            raise StaleVersionError(str(STALE))
        before = {"days": current.days, "unit": current.unit, "note": current.note}
        if before == after:
            return current
        current.days, current.unit, current.note = days, unit, note
        current.updated_by = actor
        current.version += 1
        current.save()
    record(
        event_type=AuditEventType.PETITION_DEADLINE_SET,
        actor=actor,
        obj=current,
        changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
        object_repr=_parameter_label(name),
    )
    return current


def _parameter_label(name: str) -> str:
    rule = RULE_BY_NAME.get(name)
    return str(rule.label if rule else _("Số lần gia hạn giải quyết tố cáo tối đa"))


@transaction.atomic
def deadline_parameter_reset(*, actor: Any, name: str, expected_version: int) -> None:
    """Go back to the rule's default value."""
    ensure_handle(actor)
    current = DeadlineParameter.objects.select_for_update().filter(name=name).first()
    if current is None:
        return
    if current.version != expected_version:
        raise StaleVersionError(str(STALE))
    rule = RULE_BY_NAME.get(name)
    default = (
        {"days": rule.days, "unit": rule.unit.value}
        if rule
        else {"days": deadlines.MAX_EXTENSIONS_DEFAULT, "unit": ""}
    )
    record(
        event_type=AuditEventType.PETITION_DEADLINE_SET,
        actor=actor,
        obj=current,
        changes={
            "days": [current.days, default["days"]],
            "unit": [current.unit, default["unit"]],
            "note": [current.note, ""],
        },
        object_repr=_parameter_label(name),
    )
    current.delete()
