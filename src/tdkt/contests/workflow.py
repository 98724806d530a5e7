"""The states of a contest as data, and the one function that moves a contest between them.

    draft ──open──▶ open ──start judging──▶ judging ──publish──▶ published

* draft → open: the contest is announced; units and enterprises may send entries from the
  opening day to the closing day (inclusive).
* open → judging: only after the closing day, and with at least one juror: entries are
  frozen and the jury scores them.
* judging → published: every entry that takes part has all the marks it expects and at
  least one prize is assigned; the winners become exemplary models visible to every
  signed-in user. Published is final.

Starting the judging notifies the jurors; publishing notifies the units that sent entries.

``contest_transition`` locks the contest, checks the move, the actor, the version the page
showed and the guard, writes the new state and records the audit event in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.contests.constants import ContestState
from tdkt.contests.models import Contest
from tdkt.contests.permissions import ensure_can_manage_contests
from tdkt.contests.services.common import lock_contest
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.notifications.services import notify, notify_organizations
from tdkt.organizations.models import Organization

S = ContestState


@dataclass(frozen=True)
class Move:
    """One allowed move: from, to, and the label of its button."""

    source: str
    target: str


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.OPEN),
    Move(S.OPEN, S.JUDGING),
    Move(S.JUDGING, S.PUBLISHED),
)


def moves_from(state: str) -> tuple[Move, ...]:
    """Return the moves allowed from ``state`` (to show only the actions a user may take)."""
    return tuple(move for move in MOVES if move.source == state)


def move_problem(contest: Contest, target: str, today: date) -> str | None:
    """Return why ``contest`` may not move to ``target`` today, or None (the screens show only
    the moves that can succeed)."""
    return _guard(contest, target, today)


def _guard(contest: Contest, target: str, today: date) -> str | None:
    """Return why ``contest`` may not move to ``target`` today, or None."""
    if target == S.OPEN and contest.closes_on < today:
        return _("Hạn cuối nhận bài đã qua: hãy sửa hạn cuối trước khi mở nhận bài.")
    if target == S.JUDGING:
        if today <= contest.closes_on:
            return _("Chưa hết hạn nhận bài (hạn cuối %(date)s).") % {
                "date": contest.closes_on.strftime("%d/%m/%Y")
            }
        if not contest.jurors.exists():
            return _("Chưa chọn ban giám khảo.")
    if target == S.PUBLISHED:
        from tdkt.contests.selectors import contest_results

        results = contest_results(actor=None, contest=contest)
        if not results.rows:
            return _("Cuộc thi chưa có bài dự thi nào.")
        if not results.all_complete:
            return _("Còn bài dự thi chưa đủ điểm của ban giám khảo.")
        if not any(row.entry.prize for row in results.rows):
            return _("Chưa trao giải nào.")
    return None


@transaction.atomic
def contest_transition(
    *,
    actor: Any,
    contest: Contest,
    to_state: str,
    expected_version: str | None = None,
    on: date | None = None,
) -> Contest:
    """Move ``contest`` to ``to_state`` if allowed and record the step.

    ``on`` is the day of the move (default today); the demo data passes a historic date.
    """
    ensure_can_manage_contests(actor)
    locked = lock_contest(contest, expected_version)
    move = next((m for m in moves_from(locked.state) if m.target == to_state), None)
    if move is None:
        raise ConflictError(
            _("Không thể chuyển cuộc thi từ “%(source)s” sang “%(target)s”.")
            % {"source": S(locked.state).label, "target": _label(to_state)}
        )
    problem = _guard(locked, to_state, on or timezone.localdate())
    if problem:
        raise ApplicationError(problem)
    source = locked.state
    locked.state = to_state
    fields = ["state"]
    changes: dict[str, list[Any]] = {"state": [source, to_state]}
    if to_state == S.PUBLISHED:
        from tdkt.contests.selectors import freeze_results

        freeze_results(locked)
        locked.published_at = timezone.now()
        fields.append("published_at")
    locked.save(update_fields=fields)
    record(event_type=AuditEventType.CONTEST_TRANSITIONED, actor=actor, obj=locked, changes=changes)
    _announce(actor, locked)
    return locked


def _announce(actor: Any, contest: Contest) -> None:
    """Tell the jury that judging starts, and the units that sent entries that the results
    are published (in the same transaction; e-mails go after the commit)."""
    link = reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    if contest.state == S.JUDGING:
        notify(
            actor=actor,
            recipients=list(contest.jurors.all()),
            kind="contest.judging",
            title=_("Cuộc thi “%(name)s” bắt đầu chấm bài") % {"name": contest.name},
            body=_("Xin mời thành viên ban giám khảo chấm các bài dự thi."),
            link=link,
        )
    elif contest.state == S.PUBLISHED:
        units = Organization.objects.filter(
            contest_entries__contest=contest, contest_entries__withdrawn_at__isnull=True
        ).distinct()
        notify_organizations(
            actor=actor,
            organizations=list(units),
            kind="contest.published",
            title=_("Cuộc thi “%(name)s” đã công bố kết quả") % {"name": contest.name},
            link=link,
        )


def _label(state: str) -> str:
    try:
        return str(S(state).label)
    except ValueError:
        return state
