"""Reads of movements, scoped: board-wide readers see every movement (drafts too); a unit sees
the launched movements it (or a unit under it) takes part in, and only its own scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import get_visible, scope_for, scoped
from tdkt.core.errors import NotFoundError
from tdkt.movements.constants import MovementState
from tdkt.movements.models import Criterion, CriterionScore, Deadline, Movement, Participant
from tdkt.movements.scoring import Points, Result, Scale, rank


def _visible_q(actor: Any) -> QuerySet[Movement]:
    scope = scope_for(actor)
    qs = Movement.objects.all()
    if scope.everything:
        return qs
    if scope.is_empty:
        return qs.none()
    mine = scoped(
        Participant.objects.filter(movement=OuterRef("pk")),
        actor,
        path_field="organization__path",
    )
    return qs.exclude(state=MovementState.DRAFT).filter(Exists(mine))


def movement_list(
    *, actor: Any, state: str = "", kind: str = "", year: int | None = None
) -> QuerySet[Movement]:
    """Return the movements the actor may see, latest first; ``year`` keeps those running
    during that year."""
    qs = _visible_q(actor).select_related("higher_movement")
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    if year is not None:
        qs = qs.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    return qs.order_by("-starts_on", "code")


def _is_visible(actor: Any, movement: Movement) -> bool:
    scope = scope_for(actor)
    if scope.everything:
        return True
    if movement.state == MovementState.DRAFT:
        return False
    return any(scope.covers_path(p.organization.path) for p in movement.participants.all())


def movement_get(*, actor: Any, uuid: UUID | str) -> Movement:
    """Return one movement with its participants, criteria and deadlines; a movement the actor
    may not see answers like a missing one (404)."""
    qs = Movement.objects.select_related(
        "higher_movement", "commendation_round", "created_by"
    ).prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("organization", "acknowledged_by"),
        ),
        "criteria",
        "deadlines",
        "relays",
    )
    return get_visible(
        qs,
        uuid=uuid,
        visible=lambda m: _is_visible(actor, m),
        message=_("Không tìm thấy phong trào thi đua."),
    )


def participant_organizations(movement: Movement) -> list[Participant]:
    """Return the participants (prefetched by ``movement_get``) in tree order."""
    return sorted(movement.participants.all(), key=lambda p: p.organization.path)


def participant_for(*, actor: Any, movement: Movement) -> list[Participant]:
    """Return the participants whose acknowledgement the actor may record (their own units)."""
    scope = scope_for(actor)
    if not scope.can_write:
        return []
    return [
        p for p in participant_organizations(movement) if scope.can_write_path(p.organization.path)
    ]


def participant_unit_get(
    *, actor: Any, movement: Movement, organization_uuid: UUID | str
) -> Participant:
    """Return the participant of ``movement`` for the organisation ``organization_uuid`` if
    the actor may see that unit; anything else answers 404."""
    scope = scope_for(actor)
    for participant in movement.participants.all():
        if str(participant.organization.uuid) == str(organization_uuid):
            if scope.covers_path(participant.organization.path):
                return participant
            break
    raise NotFoundError(_("Không tìm thấy đơn vị tham gia."))


def criterion_get(*, movement: Movement, criterion_id: int) -> Criterion:
    """Return a criterion of a movement the caller holds (404 for another movement's)."""
    found = next((c for c in movement.criteria.all() if c.pk == criterion_id), None)
    if found is None:
        raise NotFoundError(_("Không tìm thấy tiêu chí."))
    return found


def deadline_get(*, movement: Movement, deadline_id: int) -> Deadline:
    """Return a deadline of a movement the caller holds (404 for another movement's)."""
    found = next((d for d in movement.deadlines.all() if d.pk == deadline_id), None)
    if found is None:
        raise NotFoundError(_("Không tìm thấy mốc thời hạn."))
    return found


@dataclass(frozen=True)
class ScoreRow:
    """One unit's line of the score table: its scores per criterion and its result."""

    participant: Participant
    scores: list[CriterionScore | None]
    result: Result

    @property
    def versions(self) -> dict[int, int]:
        """The version of each existing score, by criterion id (for the edit form)."""
        return {s.criterion_id: s.version for s in self.scores if s is not None}


@dataclass(frozen=True)
class ScoreTable:
    """The criteria and one row per visible participating unit, ranked."""

    criteria: list[Criterion]
    rows: list[ScoreRow]


def movement_score_table(*, actor: Any, movement: Movement) -> ScoreTable:
    """Return the scores of the units the actor may see, ranked among all participants (a unit
    sees its own row and rank, not the others')."""
    criteria = sorted(movement.criteria.all(), key=lambda c: (c.position, c.pk))
    participants = participant_organizations(movement)
    scores = CriterionScore.objects.filter(criterion__movement=movement).select_related(
        "updated_by"
    )
    by_unit: dict[int, dict[int, CriterionScore]] = {}
    for score in scores:
        by_unit.setdefault(score.organization_id, {})[score.criterion_id] = score
    scales = [Scale(c.pk, c.weight, c.max_points) for c in criteria]
    entries = {
        p.organization_id: {
            cid: Points(s.points, s.bonus, s.penalty)
            for cid, s in by_unit.get(p.organization_id, {}).items()
        }
        for p in participants
    }
    results = {r.unit: r for r in rank(scales, entries)}
    scope = scope_for(actor)
    order = {unit: i for i, unit in enumerate(results)}
    rows = [
        ScoreRow(
            participant=p,
            scores=[by_unit.get(p.organization_id, {}).get(c.pk) for c in criteria],
            result=results[p.organization_id],
        )
        for p in sorted(participants, key=lambda p: order[p.organization_id])
        if scope.covers_path(p.organization.path)
    ]
    return ScoreTable(criteria=criteria, rows=rows)
