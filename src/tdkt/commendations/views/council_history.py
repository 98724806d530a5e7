"""The history of a council or session, in the shared timeline, with the council's own words.

The council's audit events record structured changes (a member's label, counts, the results
of the vote as rows); the shared timeline knows model fields only, so this adapter names the
other keys in Vietnamese, shows roles by their label and turns the results into sentences.
A vote's event has no change to show: it says who voted, never how.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import CouncilRole
from tdkt.web.audit_display import Change, TimelineEntry, timeline


def _labels() -> dict[str, str]:
    return {
        "member": _("Thành viên"),
        "full_name": _("Họ và tên"),
        "title": _("Chức vụ"),
        "role": _("Vai trò"),
        "line": _("Nội dung"),
        "reason": _("Lý do"),
        "lines": _("Số nội dung biểu quyết"),
        "present": _("Có mặt"),
        "absent": _("Vắng mặt"),
        "written_opinion": _("Có ý kiến bằng văn bản"),
        "council": _("Hội đồng"),
        "round": _("Đợt xét"),
        "minutes": _("Số biên bản"),
        "results": _("Kết quả"),
    }


def _result(row: list[Any]) -> str:
    label, yes, no, passed = row
    return _("%(line)s: %(yes)s đồng ý, %(no)s không đồng ý — %(outcome)s") % {
        "line": label,
        "yes": yes,
        "no": no,
        "outcome": _("Đạt") if passed else _("Không đạt"),
    }


ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _moment(text: str) -> str:
    """Show an ISO date-time (as snapshots record it) as local "dd/mm/yyyy HH:MM"."""
    if not ISO_MOMENT.match(text):
        return text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if timezone.is_naive(moment):
        return text
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def _role(value: str) -> str:
    return str(CouncilRole(value).label) if value in CouncilRole.values else value


def council_timeline(events: Iterable[AuditEvent], *, actor: Any) -> list[TimelineEntry]:
    """Return the timeline rows of ``events`` (already limited to what ``actor`` may see)."""
    labels = _labels()
    entries = []
    for entry in timeline(events, actor=actor):
        recorded = entry.event.changes or {}
        by_label = {key[:1].upper() + key[1:]: key for key in recorded}
        shown: list[Change] = []
        for change in entry.changes:
            key = by_label.get(change.label)
            pair = recorded.get(key) if key else None
            if key == "results" and isinstance(pair, list) and len(pair) == 2:
                text = "; ".join(_result(row) for row in pair[1] or [])
                shown.append(Change(labels[key], "—", text))
            elif key == "role" and isinstance(pair, list) and len(pair) == 2:
                before, after = (_role(v) if v else "—" for v in pair)
                shown.append(Change(labels[key], before, after))
            elif key in labels:
                shown.append(Change(labels[key], _moment(change.before), _moment(change.after)))
            else:
                shown.append(Change(change.label, _moment(change.before), _moment(change.after)))
        entries.append(TimelineEntry(entry.event, entry.label, shown))
    return entries
