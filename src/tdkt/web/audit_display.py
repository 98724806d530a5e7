"""Turn audit events into readable timeline rows: labels, before → after, local dates.

Ids inside the recorded changes (organisations, zones, people) are shown by name when the
viewer may see them and as "outside your scope" otherwise, never as numbers
(``organizations.selectors.history_references``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from tdkt import rules
from tdkt.accounts.privacy import mask_citizen_id, sees_personal_data
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.selectors import HistoryReferences, history_references

COUNTRY_KEYS = {"nationality", "investor_country"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
RELATED_MODELS = {
    "organizations.person": [
        "organizations.Employment",
        "commendations.YearlyRating",
        "commendations.Initiative",
        "commendations.Discipline",
    ],
    "organizations.organization": ["organizations.Enterprise", "commendations.YearlyRating"],
    "commendations.proposal": ["commendations.ProposalLine", "commendations.ProposalAttachment"],
    "organizations.emulationgroup": ["organizations.GroupLeadership"],
    "accounts.user": ["accounts.ApiToken"],
    "movements.movement": ["movements.Participant", "movements.Criterion", "movements.Deadline"],
    "movements.registrationsheet": ["movements.RegistrationLine"],
    "initiatives.initiativeapplication": ["initiatives.Review", "initiatives.InitiativeCouncil"],
    "surveys.survey": ["surveys.Question"],
}


@dataclass(frozen=True)
class Change:
    """One changed field: its label and the values before and after."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class TimelineEntry:
    """One event as the timeline shows it."""

    event: AuditEvent
    label: str
    changes: list[Change]

    @property
    def moment(self) -> datetime:
        """When the event happened, on the Board's clock (``TIME_ZONE``, as every date the
        registry shows)."""
        return timezone.localtime(self.event.occurred_at)

    @property
    def when(self) -> str:
        """The moment as the timeline writes it, ``dd/mm/yyyy hh:mm``.

        Formatted here rather than by the template's ``date`` filter: a long history shows
        dozens of these, and the filter costs several times what ``strftime`` does.
        """
        return self.moment.strftime("%d/%m/%Y %H:%M")

    @property
    def when_iso(self) -> str:
        """The moment for the ``<time datetime>`` attribute (ISO 8601 with its offset)."""
        return self.moment.isoformat()


def rule_set_title(name: str) -> str:
    """Return a rule set by its law and decree; a code means nothing to a reader."""
    try:
        title = rules.REGISTRY.get(name).title
    except rules.RuleSetError:
        return name
    return title.get("en" if (get_language() or "vi").startswith("en") else "vi")


def _extra_labels() -> dict[str, str]:
    return {
        "employment": _("Quá trình công tác"),
        "closed": _("Kết thúc quá trình công tác"),
        "year": _("Năm"),
        "added": _("Thêm thành viên"),
        "removed": _("Bỏ thành viên"),
        # Accounts: Django's own labels of these fields read badly in Vietnamese.
        "first_name": _("Họ và tên"),
        "is_active": _("Đang hoạt động"),
        "is_staff": _("Vào trang quản trị"),
        "is_superuser": _("Toàn quyền trên trang quản trị"),
        "login_failures": _("Số lần đăng nhập sai"),
        "ip_addresses": _("Địa chỉ IP"),
        # Publication, decisions, fund (commendations)
        "round": _("Đợt xét"),
        "codes": _("Danh hiệu, hình thức"),
        "lines": _("Số dòng"),
        "proposals": _("Số đề nghị"),
        "line": _("Dòng đề nghị"),
        "comment_kind": _("Loại ý kiến"),
        "author_name": _("Người góp ý"),
        "text": _("Nội dung"),
        "resolution": _("Kết quả xử lý"),
        "reason": _("Lý do"),
        "decision": _("Quyết định"),
        "entry_kind": _("Loại"),
        "description": _("Nội dung"),
        "last_number": _("Số đã dùng đến"),
        "total_prize_vnd": _("Tổng tiền thưởng"),
        "receivable_vnd": _("Số tiền phải thu hồi"),
        "attachment": _("Tài liệu"),
        "size": _("Dung lượng (byte)"),
        "sha256": _("Mã kiểm tra SHA-256"),
        # Movements and registration
        "criterion": _("Tiêu chí"),
        "deadline": _("Mốc thời hạn"),
        "deadline_kind": _("Loại mốc"),
        "scores": _("Điểm"),
        "registrant": _("Tập thể, cá nhân"),
        "title": _("Danh hiệu, hình thức"),
        "copied": _("Số dòng chép từ năm trước"),
        "note": _("Ghi chú"),
        "count": _("Số lượng"),
        # Initiatives and their council
        "member": _("Thành viên"),
        "members": _("Thành viên"),
        "authors": _("Tác giả"),
        "criteria": _("Tiêu chí chấm điểm"),
        "applications": _("Số đơn"),
        "recognised": _("Số đơn được công nhận"),
        # Satisfaction surveys
        "section": _("Nhóm câu hỏi"),
        "question": _("Câu hỏi"),
        "questions": _("Câu hỏi"),
        "copied_from": _("Sao chép từ khảo sát"),
    }


def _type_labels() -> dict[str, dict[str, str]]:
    """Labels that hold for one kind of record only, before the shared ones above: an
    initiative's "title" is its name, not the "Danh hiệu, hình thức" of a registration."""
    return {
        "initiatives.initiativeapplication": {"title": _("Tên sáng kiến")},
    }


def _decimal(value: Any) -> str:
    """A number with the Vietnamese decimal comma and no trailing zeros ("83,5", "70")."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    return format(number.normalize(), "f").replace(".", ",")


def _models_for(object_type: str) -> list[type[models.Model]]:
    labels = [object_type, *RELATED_MODELS.get(object_type, [])]
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return found


def _field(models_: list[type[models.Model]], name: str) -> models.Field | None:
    for model in models_:
        try:
            found = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        # Snapshots hold concrete fields; a reverse relation has no label or choices to show.
        return found if isinstance(found, models.Field) else None
    return None


def _whole_number(value: Any) -> int | None:
    """Return ``value`` (an int, a Decimal or its text: "3500000") as a whole number of đồng,
    or None when it is not one (money fields named ``*_amount`` are whole đồng)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"-?\d{1,15}(?:\.0+)?", text):
        return int(text.split(".")[0])
    return None


class _Formatter:
    #: True while formatting an event whose reader sees personal data only masked.
    masked = False

    def value(self, field: models.Field | None, name: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if name == "citizen_id" and self.masked:
            return mask_citizen_id(str(value))
        if name == "date_of_birth" and self.masked and isinstance(value, str):
            return value[:4] if ISO_DATE.match(value) else "—"
        if name in COUNTRY_KEYS and isinstance(value, str):
            return str(countries.name(value) or value)
        if isinstance(value, dict) and set(value) == {"uuid", "name"}:  # a reference
            return value["name"] or _("(ngoài phạm vi của bạn)")
        if name == "rule_set" and isinstance(value, str):
            return rule_set_title(value)
        if isinstance(value, dict):
            return self.employment(value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "—"
        if isinstance(value, bool):
            return _("Có") if value else _("Không")
        if name.endswith("_vnd") and isinstance(value, int):
            return _("%(amount)s đồng") % {"amount": f"{value:,}".replace(",", ".")}
        if name.endswith("_amount") and _whole_number(value) is not None:
            amount = _whole_number(value)
            return _("%(amount)s đồng") % {"amount": f"{amount:,}".replace(",", ".")}
        if field is not None and field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.DecimalField) and isinstance(value, str | int | float):
            return _decimal(value)
        if isinstance(value, str) and ISO_DATE.match(value):
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        if isinstance(value, str) and ISO_DATETIME.match(value):
            moment = timezone.localtime(datetime.fromisoformat(value))
            return moment.strftime("%d/%m/%Y %H:%M")
        return str(value)

    def employment(self, post: dict[str, Any]) -> str:
        parts = [self.value(None, "organization", post.get("organization"))]
        if post.get("position"):
            parts.append(str(post["position"]))
        period = self.value(None, "", post.get("start_date"))
        period += " – " + (
            self.value(None, "", post["end_date"]) if post.get("end_date") else _("nay")
        )
        parts.append(period)
        return " · ".join(parts)


def timeline(events: Iterable[AuditEvent], *, actor: Any) -> list[TimelineEntry]:
    """Return readable rows for ``events`` (already limited to what ``actor`` may see)."""
    events = list(events)
    references: HistoryReferences = history_references(actor=actor, events=events)
    fmt = _Formatter()
    extra = _extra_labels()
    by_type = _type_labels()
    labels = dict(AuditEventType.choices)
    entries = []
    for event in events:
        models_ = _models_for(event.object_type)
        fmt.masked = not _sees_personal_data(actor, event)
        changes = []
        for name, pair in references.public("", event.changes or {}).items():
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            field = _field(models_, name)
            label = (
                by_type.get(event.object_type, {}).get(name)
                or extra.get(name)
                or (str(field.verbose_name) if field is not None else name)
            )
            shown_before, shown_after = (
                fmt.value(field, name, before),
                fmt.value(field, name, after),
            )
            if shown_before == shown_after:  # e.g. None → "" on creation: nothing to read
                continue
            changes.append(Change(label[:1].upper() + label[1:], shown_before, shown_after))
        entries.append(
            TimelineEntry(event, str(labels.get(event.event_type, event.event_type)), changes)
        )
    return entries


def _sees_personal_data(actor: Any, event: AuditEvent) -> bool:
    """Return True when the reader sees the CCCD and birth date in this event in full."""
    if sees_personal_data(actor, person_id=None):
        return True
    # Events name a person by its public id; the reader's own record is shown in full.
    if event.object_type == "organizations.person" and getattr(actor, "person_id", None):
        return str(actor.person.uuid) == event.object_id
    return False


#: Query parameter of a record page's history position (the ``seq`` to read before).
HISTORY_PARAM = "history_before"


def history_position(request: HttpRequest) -> int | None:
    """Return where a record page's history starts (``?history_before=<seq>``), or None for
    the newest changes; a malformed value counts as none."""
    value = request.GET.get(HISTORY_PARAM, "")
    return int(value) if value.isdecimal() and len(value) < 19 else None
