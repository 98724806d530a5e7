"""Writes of a unit's proposal while it is being prepared: lines, letter, moves.

Every edit of a draft (or a returned or recalled proposal) locks the proposal row, refuses a
writer outside the unit (403) before reading the input, refuses a stale form (the
``version`` the page was drawn from) with a clear message, writes, bumps ``version`` and audits,
in one transaction. Once submitted, a proposal changes only through
``commendations.workflow.proposal_transition`` (``proposal_move`` here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record
from tdkt.commendations.constants import ProposalState, RoundState
from tdkt.commendations.flags import line_flags
from tdkt.commendations.models import Proposal, ProposalLine, Round
from tdkt.commendations.permissions import ensure_can_edit_proposal, ensure_can_propose_for
from tdkt.commendations.workflow import proposal_transition
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.text import normalize_name
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import person_list
from tdkt.rules.codes import COLLECTIVE, INDIVIDUAL, applies_to
from tdkt.rules.labels import CODE_LABELS

MAX_ACHIEVEMENT = 4000


@dataclass(frozen=True, kw_only=True)
class LineInput:
    """A candidate to add: a person or a collective, a code, and the achievement in short."""

    person: Person | None = None
    organization: Organization | None = None
    code: str
    achievement: str = ""


def conflict_error(proposal: Proposal) -> ApplicationError:
    """The message of a stale form: somebody changed the proposal since the page was drawn."""
    return ApplicationError(
        _(
            "Đề nghị vừa được người khác thay đổi (phiên bản %(version)s). Hãy tải lại trang "
            "để xem thay đổi rồi làm lại."
        )
        % {"version": proposal.version},
        code=ErrorCode.CONFLICT,
    )


def lock_for_edit(actor: Any, proposal: Proposal, expected_version: int | None) -> Proposal:
    """Lock the proposal, refuse a writer outside the unit (403), a proposal no longer
    editable, and a stale version; return the locked row."""
    locked = (
        Proposal.objects.select_for_update()
        .select_related("round", "organization")
        .get(pk=proposal.pk)
    )
    ensure_can_edit_proposal(actor, locked)
    if expected_version is not None and locked.version != expected_version:
        raise conflict_error(locked)
    return locked


def bump(locked: Proposal) -> None:
    """Increase the version of a locked proposal (every change does)."""
    locked.version = F("version") + 1
    locked.save(update_fields=["version"])
    locked.refresh_from_db(fields=["version"])


def _label(code: str) -> str:
    return CODE_LABELS["vi"].get(code, code)


def _line_text(line: ProposalLine | LineInput) -> str:
    who = line.person or line.organization
    return f"{who}: {_label(line.code)}"


def _check_lines(
    actor: Any, round_: Round, organization: Organization, lines: Sequence[LineInput]
) -> None:
    """Refuse a line whose code the round does not accept, whose code does not fit the
    recipient, or whose recipient is not of the unit (checked in one query)."""
    person_ids = {line.person.pk for line in lines if line.person is not None}
    in_unit = set(
        person_list(actor=actor, organization=organization)
        .filter(pk__in=person_ids)
        .values_list("pk", flat=True)
    )
    for line in lines:
        if (line.person is None) == (line.organization is None):
            raise ValueError("a line names exactly one recipient")
        kind = INDIVIDUAL if line.person is not None else COLLECTIVE
        if line.code not in round_.accepted_codes:
            raise ApplicationError(
                _("Đợt xét này không nhận đề nghị “%(code)s”.") % {"code": _label(line.code)},
                fields={"code": [_("Đợt xét không nhận danh hiệu, hình thức này.")]},
            )
        if not applies_to(line.code, kind):
            raise ApplicationError(
                _("“%(code)s” không xét cho %(who)s.")
                % {"code": _label(line.code), "who": line.person or line.organization},
                fields={"code": [_("Danh hiệu, hình thức không phù hợp với đối tượng.")]},
            )
        if line.person is not None and line.person.pk not in in_unit:
            raise ApplicationError(
                _("%(name)s không công tác tại đơn vị này.") % {"name": line.person.full_name}
            )
        if line.organization is not None and not line.organization.path.startswith(
            organization.path
        ):
            raise ApplicationError(
                _("%(name)s không thuộc đơn vị này.") % {"name": line.organization.name}
            )
        if len(line.achievement) > MAX_ACHIEVEMENT:
            raise ApplicationError(
                _("Tóm tắt thành tích dài quá %(n)s ký tự.") % {"n": MAX_ACHIEVEMENT},
                fields={"achievement": [_("Quá dài.")]},
            )


@transaction.atomic
def proposal_lines_add(
    *,
    actor: Any,
    round: Round,
    organization: Organization,
    lines: Sequence[LineInput],
    expected_version: int | None = None,
) -> tuple[Proposal, int]:
    """Add candidates to the unit's proposal in a round, creating the draft if needed.

    A candidate already on the list for the same code is skipped, so adding the same
    selection twice changes nothing. Return the proposal and how many lines were added.
    """
    ensure_can_propose_for(actor, organization)
    round_ = Round.objects.get(pk=round.pk)
    if round_.state != RoundState.OPEN:
        raise ApplicationError(_("Đợt xét đã đóng, không nhận thêm đề nghị."))
    proposal, created = Proposal.objects.get_or_create(
        round=round_, organization=organization, defaults={"created_by": actor}
    )
    locked = lock_for_edit(actor, proposal, None if created else expected_version)
    _check_lines(actor, round_, organization, lines)
    present: set[tuple[int | None, int | None, str]] = set(
        locked.lines.values_list("person_id", "organization_id", "code")
    )
    position = locked.lines.aggregate(top=Max("position"))["top"] or 0
    new = []
    for line in lines:
        key = (
            line.person.pk if line.person else None,
            line.organization.pk if line.organization else None,
            line.code,
        )
        if key in present:
            continue
        present.add(key)
        position += 1
        new.append(
            ProposalLine(
                proposal=locked,
                person=line.person,
                organization=line.organization,
                code=line.code,
                achievement=line.achievement.strip(),
                position=position,
            )
        )
    if created:
        record(
            event_type=AuditEventType.PROPOSAL_CREATED,
            actor=actor,
            obj=locked,
            changes={"organization": [None, organization.pk]},
        )
    if new:
        ProposalLine.objects.bulk_create(new)
        bump(locked)
        record(
            event_type=AuditEventType.PROPOSAL_LINES_ADDED,
            actor=actor,
            obj=locked,
            changes={"lines": [None, [_line_text(line) for line in new]]},
        )
    return locked, len(new)


@transaction.atomic
def proposal_update(
    *,
    actor: Any,
    proposal: Proposal,
    expected_version: int | None = None,
    letter_number: str | Unchanged = UNCHANGED,
    letter_date: date | Unchanged | None = UNCHANGED,
    note: str | Unchanged = UNCHANGED,
) -> Proposal:
    """Change the unit's letter number and date and the note of a proposal being prepared."""
    locked = lock_for_edit(actor, proposal, expected_version)
    data = given(letter_number=letter_number, letter_date=letter_date, note=note)
    if "letter_number" in data:
        data["letter_number"] = normalize_name(data["letter_number"] or "")[:50]
    if "note" in data:
        data["note"] = (data["note"] or "").strip()
    before = {k: getattr(locked, k) for k in data}
    changes = diff(before, data)
    if not changes:
        return locked
    for key, value in data.items():
        setattr(locked, key, value)
    locked.version = F("version") + 1
    locked.save(update_fields=[*data, "version"])
    locked.refresh_from_db(fields=["version"])
    record(event_type=AuditEventType.PROPOSAL_UPDATED, actor=actor, obj=locked, changes=changes)
    return locked


@transaction.atomic
def proposal_line_update(
    *,
    actor: Any,
    line: ProposalLine,
    expected_version: int | None = None,
    code: str | Unchanged = UNCHANGED,
    achievement: str | Unchanged = UNCHANGED,
) -> ProposalLine:
    """Change the code or the achievement summary of one line of a proposal being prepared."""
    locked = lock_for_edit(actor, line.proposal, expected_version)
    current = ProposalLine.objects.select_related("person", "organization").get(
        pk=line.pk, proposal=locked
    )
    data = given(code=code, achievement=achievement)
    if "achievement" in data:
        data["achievement"] = (data["achievement"] or "").strip()
    probe = LineInput(
        person=current.person,
        organization=current.organization,
        code=data.get("code", current.code),
        achievement=data.get("achievement", current.achievement),
    )
    _check_lines(actor, locked.round, locked.organization, [probe])
    if "code" in data and data["code"] != current.code:
        clash = (
            locked.lines.filter(
                person=current.person, organization=current.organization, code=data["code"]
            )
            .exclude(pk=current.pk)
            .exists()
        )
        if clash:
            raise ApplicationError(
                _("Người này đã có trong danh sách với danh hiệu, hình thức đó."),
                fields={"code": [_("Đã có trong danh sách.")]},
            )
    before = {k: getattr(current, k) for k in data}
    changes = diff(before, data)
    if not changes:
        return current
    if "code" in changes:
        changes["code"] = [_label(code) for code in changes["code"]]
    for key, value in data.items():
        setattr(current, key, value)
    current.save(update_fields=list(data))
    bump(locked)
    changes["line"] = [None, _line_text(current)]
    record(
        event_type=AuditEventType.PROPOSAL_LINE_UPDATED, actor=actor, obj=locked, changes=changes
    )
    return current


@transaction.atomic
def proposal_line_remove(
    *, actor: Any, line: ProposalLine, expected_version: int | None = None
) -> Proposal:
    """Take one line off a proposal being prepared."""
    locked = lock_for_edit(actor, line.proposal, expected_version)
    current = ProposalLine.objects.select_related("person", "organization").get(
        pk=line.pk, proposal=locked
    )
    text = _line_text(current)
    current.delete()
    bump(locked)
    record(
        event_type=AuditEventType.PROPOSAL_LINE_REMOVED,
        actor=actor,
        obj=locked,
        changes={"line": [text, None]},
    )
    return locked


@transaction.atomic
def proposal_move(
    *,
    actor: Any,
    proposal: Proposal,
    to_state: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Proposal:
    """Move a proposal one step through the workflow (submit, recall, return, appraise …).

    The move itself is ``workflow.proposal_transition`` (lock, check, write, audit). On
    submission the lines' flags are kept as they were at that moment (``ProposalLine.flags``),
    in the same transaction, so the appraisal starts from what the unit saw.
    """
    moved = proposal_transition(
        actor=actor,
        proposal=proposal,
        to_state=to_state,
        reason=reason,
        expected_version=expected_version,
    )
    if to_state == ProposalState.SUBMITTED:
        lines = list(moved.lines.select_related("person", "organization"))
        flags = line_flags(moved)
        for line in lines:
            line.flags = flags.get(line.pk, [])
        ProposalLine.objects.bulk_update(lines, ["flags"])
    return moved
