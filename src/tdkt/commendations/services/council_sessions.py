"""Writes that plan the council's sessions and their agenda (officers only).

A session belongs to a council and a round; its agenda is the eligible lines of the round's
proposals at the council, each with the pass mark of the rule set of the meeting day
(``council_rules.pass_marks``), copied when the agenda is prepared and when voting opens.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.commendations.constants import SessionState, TallySource
from tdkt.commendations.council_access import ensure_can_manage_councils
from tdkt.commendations.council_rules import pass_marks
from tdkt.commendations.models import (
    Council,
    CouncilSession,
    ProposalLine,
    Round,
    SessionItem,
)
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.selectors.council import available_lines, line_kind
from tdkt.commendations.services.council_common import check_version
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.services.common import apply_changes, full_clean_or_error, raise_if

SESSION_FIELDS = ["title", "starts_at", "place", "tally_source"]


# Sessions ------------------------------------------------------------------------------------


def _validate_session(session: CouncilSession) -> None:
    errors: dict[str, list[str]] = {}
    if not session.title:
        errors["title"] = [_("Nội dung cuộc họp là bắt buộc.")]
    if session.tally_source not in TallySource.values:
        errors["tally_source"] = [_("Hình thức kiểm phiếu không hợp lệ.")]
    if session.starts_at is None or timezone.is_naive(session.starts_at):
        errors["starts_at"] = [_("Thời gian họp không hợp lệ.")]
    raise_if(errors)


def _refuse_unless_planned(session: CouncilSession) -> None:
    if session.state != SessionState.PLANNED:
        raise ApplicationError(
            _("Phiên họp đã bắt đầu bỏ phiếu: không thể thay đổi nội dung."),
            code=ErrorCode.CONFLICT,
        )


@transaction.atomic
def session_create(
    *,
    actor: Any,
    council: Council,
    round: Round,
    title: str,
    starts_at: datetime,
    place: str = "",
    tally_source: str = TallySource.ELECTRONIC,
) -> CouncilSession:
    """Plan a session of ``council`` for ``round``; every line ready for the council is put
    on its agenda (the officer may take some off before voting opens)."""
    ensure_can_manage_councils(actor)
    session = CouncilSession(
        council=council,
        round=round,
        title=title.strip(),
        starts_at=starts_at,
        place=place.strip(),
        tally_source=tally_source,
    )
    _validate_session(session)
    full_clean_or_error(session, exclude=["council", "round"])
    session.save()
    lines = list(available_lines(session.round, session=session))
    _add_items(session, lines)
    record(
        event_type=AuditEventType.SESSION_CREATED,
        actor=actor,
        obj=session,
        changes={
            **diff({}, snapshot(session, SESSION_FIELDS)),
            "council": [None, council.name],
            "round": [None, round.name],
            "lines": [None, len(lines)],
        },
    )
    return session


@transaction.atomic
def session_update(
    *,
    actor: Any,
    session: CouncilSession,
    expected_version: int | None = None,
    title: str | Unchanged = UNCHANGED,
    starts_at: datetime | Unchanged = UNCHANGED,
    place: str | Unchanged = UNCHANGED,
    tally_source: str | Unchanged = UNCHANGED,
) -> CouncilSession:
    """Change the title, time, place or kind of ballot of a session before voting opens."""
    ensure_can_manage_councils(actor)
    locked = CouncilSession.objects.select_for_update().get(pk=session.pk)
    check_version(locked, expected_version, _("Phiên họp"))
    _refuse_unless_planned(locked)
    before = snapshot(locked, SESSION_FIELDS)
    data = given(title=title, starts_at=starts_at, place=place, tally_source=tally_source)
    for key in ("title", "place"):
        if key in data:
            data[key] = data[key].strip()
    changed = apply_changes(locked, data)
    if not changed:
        return locked
    _validate_session(locked)
    full_clean_or_error(locked, exclude=["council", "round"])
    locked.version = F("version") + 1
    locked.save(update_fields=[*changed, "version"])
    locked.refresh_from_db()
    if "starts_at" in changed:
        refresh_pass_marks(locked)  # the meeting day chooses the rule set
    record(
        event_type=AuditEventType.SESSION_UPDATED,
        actor=actor,
        obj=locked,
        changes=diff(before, snapshot(locked, SESSION_FIELDS)),
    )
    return locked


def _add_items(session: CouncilSession, lines: list[ProposalLine]) -> None:
    """Add ``lines`` to the agenda, renumber it (unit by unit, in each unit's own order) and
    copy the pass marks."""
    SessionItem.objects.bulk_create(SessionItem(session=session, line=line) for line in lines)
    items = list(session.items.select_related("line__proposal__organization"))
    items.sort(key=lambda it: (it.line.proposal.organization.path, it.line.position, it.line.pk))
    for i, item in enumerate(items, start=1):
        item.position = i
    SessionItem.objects.bulk_update(items, ["position"])
    refresh_pass_marks(session)


def refresh_pass_marks(session: CouncilSession) -> None:
    """Copy each item's pass mark from the rule engine (rule set of the meeting day).

    Called when the agenda is prepared and again when voting opens; from then on the marks are
    frozen on the items, so a later change of a parameter never changes a vote already held.
    """
    items = list(session.items.select_related("line"))
    if not items:
        return
    marks = pass_marks(
        lines=[(item.line.code, line_kind(item.line)) for item in items],
        as_of=timezone.localtime(session.starts_at).date(),
        rule_set=session.round.rule_set,
        overrides=rule_overrides(),
    )
    for item in items:
        mark = marks[(item.line.code, line_kind(item.line))]
        item.threshold_percent = mark.percent
        item.threshold_basis = mark.basis
    SessionItem.objects.bulk_update(items, ["threshold_percent", "threshold_basis"])


@transaction.atomic
def session_items_set(
    *,
    actor: Any,
    session: CouncilSession,
    lines: Iterable[ProposalLine],
    expected_version: int | None = None,
) -> CouncilSession:
    """Set the lines put to the vote: eligible lines of proposals at the council, in this round,
    on no other session."""
    ensure_can_manage_councils(actor)
    locked = CouncilSession.objects.select_for_update().select_related("round").get(pk=session.pk)
    check_version(locked, expected_version, _("Phiên họp"))
    _refuse_unless_planned(locked)
    wanted = {line.pk for line in lines}
    allowed = {line.pk: line for line in available_lines(locked.round, session=locked)}
    unknown = wanted - set(allowed)
    if unknown:
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."),
            fields={"lines": [_("Có dòng đề nghị không thể đưa ra phiên họp này.")]},
        )
    current = set(locked.items.values_list("line_id", flat=True))
    removed = current - wanted
    added = [allowed[pk] for pk in wanted - current]
    if not removed and not added:
        return locked
    locked.items.filter(line_id__in=removed).delete()
    _add_items(locked, added)
    locked.version = F("version") + 1
    locked.save(update_fields=["version"])
    locked.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.SESSION_ITEMS_SET,
        actor=actor,
        obj=locked,
        changes={"lines": [len(current), len(wanted)]},
    )
    return locked
