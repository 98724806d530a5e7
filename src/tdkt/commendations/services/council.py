"""Writes that set up the council of a year and prepare its sessions (officers only).

The council (chair, vice-chairs, members, secretary, each linked to a user account), its
founding decision and settings, and its sessions with the lines put to the vote. What happens
in a session (attendance, conflicts, ballots, closing) is in ``services/ballots.py``.

Membership never changes while one of the council's sessions is voting: the share of "all
members" a line needs is counted on the attendance list of the session, which must match the
council when voting opens.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.commendations.constants import CouncilRole, SessionState, TallySource
from tdkt.commendations.council_access import ensure_can_manage_councils
from tdkt.commendations.council_rules import pass_marks
from tdkt.commendations.models import (
    BallotReceipt,
    ConflictDeclaration,
    Council,
    CouncilMember,
    CouncilSession,
    ProposalLine,
    Round,
    SessionAttendance,
    SessionItem,
)
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.selectors.council import available_lines, line_kind
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.services.common import apply_changes, full_clean_or_error, raise_if

COUNCIL_FIELDS = ["year", "name", "established_by", "quorum_percent", "series_symbol"]
SESSION_FIELDS = ["title", "starts_at", "place", "tally_source"]
DEFAULT_QUORUM = Decimal("80")


def _stale(what: str) -> ApplicationError:
    return ApplicationError(
        _("%(what)s vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi.")
        % {"what": what},
        code=ErrorCode.CONFLICT,
    )


def _check_version(obj: Council | CouncilSession, expected: int | None, what: str) -> None:
    if expected is not None and obj.version != expected:
        raise _stale(what)


# Council -------------------------------------------------------------------------------------


def _validate_council(council: Council) -> None:
    errors: dict[str, list[str]] = {}
    if not council.name:
        errors["name"] = [_("Tên Hội đồng là bắt buộc.")]
    if not 1990 <= council.year <= 2100:
        errors["year"] = [_("Năm không hợp lệ.")]
    elif Council.objects.filter(year=council.year).exclude(pk=council.pk).exists():
        errors["year"] = [_("Đã có Hội đồng năm %(year)s.") % {"year": council.year}]
    if not council.series_symbol:
        errors["series_symbol"] = [_("Ký hiệu sổ biên bản là bắt buộc.")]
    raise_if(errors)


@transaction.atomic
def council_create(
    *,
    actor: Any,
    year: int,
    name: str,
    established_by: str = "",
    quorum_percent: Decimal = DEFAULT_QUORUM,
    series_symbol: str = "BB-HĐTĐKT",
) -> Council:
    """Set up the council of ``year`` (its members are added one by one afterwards)."""
    ensure_can_manage_councils(actor)
    council = Council(
        year=year,
        name=name.strip(),
        established_by=established_by.strip(),
        quorum_percent=quorum_percent,
        series_symbol=series_symbol.strip(),
    )
    _validate_council(council)
    full_clean_or_error(council)
    council.save()
    record(
        event_type=AuditEventType.COUNCIL_CREATED,
        actor=actor,
        obj=council,
        changes=diff({}, snapshot(council, COUNCIL_FIELDS)),
    )
    return council


@transaction.atomic
def council_update(
    *,
    actor: Any,
    council: Council,
    expected_version: int | None = None,
    name: str | Unchanged = UNCHANGED,
    established_by: str | Unchanged = UNCHANGED,
    quorum_percent: Decimal | Unchanged = UNCHANGED,
    series_symbol: str | Unchanged = UNCHANGED,
) -> Council:
    """Change the name, founding decision, quorum or minutes series of a council."""
    ensure_can_manage_councils(actor)
    locked = Council.objects.select_for_update().get(pk=council.pk)
    _check_version(locked, expected_version, _("Hội đồng"))
    before = snapshot(locked, COUNCIL_FIELDS)
    data = given(
        name=name,
        established_by=established_by,
        quorum_percent=quorum_percent,
        series_symbol=series_symbol,
    )
    for key in ("name", "established_by", "series_symbol"):
        if key in data:
            data[key] = data[key].strip()
    changed = apply_changes(locked, data)
    if not changed:
        return locked
    _validate_council(locked)
    full_clean_or_error(locked)
    locked.version = F("version") + 1
    locked.save(update_fields=[*changed, "version"])
    locked.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.COUNCIL_UPDATED,
        actor=actor,
        obj=locked,
        changes=diff(before, snapshot(locked, COUNCIL_FIELDS)),
    )
    return locked


def _refuse_while_voting(council: Council) -> None:
    if council.sessions.filter(state=SessionState.VOTING).exists():
        raise ApplicationError(
            _("Hội đồng đang có phiên bỏ phiếu: chưa thể thay đổi thành viên."),
            code=ErrorCode.CONFLICT,
        )


def _check_single_roles(council: Council, role: str, *, exclude: CouncilMember | None) -> None:
    """One chair and one secretary per council, said plainly before the database refuses."""
    if role not in (CouncilRole.CHAIR, CouncilRole.SECRETARY):
        return
    others = council.members.filter(role=role)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    holder = others.first()
    if holder is not None:
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."),
            fields={
                "role": [
                    _("%(name)s đang giữ vai trò %(role)s.")
                    % {"name": holder.full_name, "role": CouncilRole(role).label}
                ]
            },
        )


def _member_label(member: CouncilMember) -> str:
    return f"{member.full_name} ({CouncilRole(member.role).label})"


@transaction.atomic
def council_member_add(
    *,
    actor: Any,
    council: Council,
    user: Any,
    role: str,
    full_name: str = "",
    title: str = "",
) -> CouncilMember:
    """Give ``user`` a seat on ``council`` with ``role`` (chair, vice-chair, member, secretary).

    The account is picked among existing ones; its name is the default printed name.
    """
    ensure_can_manage_councils(actor)
    locked = Council.objects.select_for_update().get(pk=council.pk)
    _refuse_while_voting(locked)
    errors: dict[str, list[str]] = {}
    if role not in CouncilRole.values:
        errors["role"] = [_("Vai trò không hợp lệ.")]
    if user is None or not user.is_active:
        errors["user"] = [_("Hãy chọn một tài khoản đang hoạt động.")]
    elif locked.members.filter(user=user).exists():
        errors["user"] = [_("Tài khoản này đã có trong Hội đồng.")]
    raise_if(errors)
    _check_single_roles(locked, role, exclude=None)
    last = locked.members.aggregate(last=Max("position"))["last"] or 0
    member = CouncilMember(
        council=locked,
        user=user,
        role=role,
        full_name=full_name.strip() or user.get_full_name() or user.get_username(),
        title=title.strip(),
        position=last + 1,
    )
    full_clean_or_error(member, exclude=["council", "user"])
    member.save()
    record(
        event_type=AuditEventType.COUNCIL_MEMBER_ADDED,
        actor=actor,
        obj=locked,
        changes={"member": [None, _member_label(member)], "title": [None, member.title]},
    )
    return member


@transaction.atomic
def council_member_update(
    *,
    actor: Any,
    member: CouncilMember,
    role: str | Unchanged = UNCHANGED,
    full_name: str | Unchanged = UNCHANGED,
    title: str | Unchanged = UNCHANGED,
) -> CouncilMember:
    """Change a member's role, printed name or post."""
    ensure_can_manage_councils(actor)
    council = Council.objects.select_for_update().get(pk=member.council_id)
    _refuse_while_voting(council)
    locked = CouncilMember.objects.select_for_update().get(pk=member.pk)
    fields = ["role", "full_name", "title"]
    before = snapshot(locked, fields)
    data = given(role=role, full_name=full_name, title=title)
    for key in ("full_name", "title"):
        if key in data:
            data[key] = data[key].strip()
    if "role" in data and data["role"] not in CouncilRole.values:
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."), fields={"role": [_("Vai trò không hợp lệ.")]}
        )
    if data.get("full_name") == "":
        raise ApplicationError(
            _("Dữ liệu không hợp lệ."), fields={"full_name": [_("Họ và tên là bắt buộc.")]}
        )
    changed = apply_changes(locked, data)
    if not changed:
        return locked
    _check_single_roles(council, locked.role, exclude=locked)
    full_clean_or_error(locked, exclude=["council", "user"])
    locked.save(update_fields=changed)
    record(
        event_type=AuditEventType.COUNCIL_MEMBER_UPDATED,
        actor=actor,
        obj=council,
        changes={"member": [None, locked.full_name], **diff(before, snapshot(locked, fields))},
    )
    return locked


@transaction.atomic
def council_member_remove(*, actor: Any, member: CouncilMember) -> None:
    """Take a seat away; refused once the member has taken part in a session (the record of
    that session names them)."""
    ensure_can_manage_councils(actor)
    council = Council.objects.select_for_update().get(pk=member.council_id)
    _refuse_while_voting(council)
    taken_part = (
        SessionAttendance.objects.filter(member=member).exists()
        or BallotReceipt.objects.filter(member=member).exists()
        or ConflictDeclaration.objects.filter(member=member).exists()
    )
    if taken_part:
        raise ApplicationError(
            _("%(name)s đã có tên trong phiên họp của Hội đồng nên không thể bỏ khỏi danh sách.")
            % {"name": member.full_name},
            code=ErrorCode.CONFLICT,
        )
    label = _member_label(member)
    CouncilMember.objects.filter(pk=member.pk).delete()
    record(
        event_type=AuditEventType.COUNCIL_MEMBER_REMOVED,
        actor=actor,
        obj=council,
        changes={"member": [label, None]},
    )


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


def _session_label(session: CouncilSession) -> str:
    return f"{session.title} ({timezone.localtime(session.starts_at):%d/%m/%Y %H:%M})"


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
    _check_version(locked, expected_version, _("Phiên họp"))
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
    _check_version(locked, expected_version, _("Phiên họp"))
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
