"""Writes that set up the council of a year: its settings and its members (officers only).

The council (chair, vice-chairs, members, secretary, each linked to a user account), its
founding decision, quorum and minutes series. Sessions are planned in
``services/council_sessions.py``; what happens in a session is in ``services/ballots.py`` and
``services/council_results.py``.

Membership never changes while one of the council's sessions is voting: the share of "all
members" a line needs is counted on the attendance list of the session, which must match the
council when voting opens.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.commendations.constants import CouncilRole, SessionState
from tdkt.commendations.council_access import ensure_can_manage_councils
from tdkt.commendations.models import (
    BallotReceipt,
    ConflictDeclaration,
    Council,
    CouncilMember,
    SessionAttendance,
)
from tdkt.commendations.services.council_common import check_version
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.services.common import apply_changes, full_clean_or_error, raise_if

COUNCIL_FIELDS = ["year", "name", "established_by", "quorum_percent", "series_symbol"]
DEFAULT_QUORUM = Decimal("80")


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
    check_version(locked, expected_version, _("Hội đồng"))
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
