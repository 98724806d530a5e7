"""Writes of council sessions: set up, criteria, scoring, the chair's closing, the decision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import PendingEvent, diff, record, record_many, snapshot
from tdkt.commendations.constants import InitiativeScope
from tdkt.commendations.decision_texts import BOARD_NAME
from tdkt.commendations.models import Initiative
from tdkt.commendations.services import InitiativeEntry, initiatives_record
from tdkt.commendations.services.archive import decision_number_error, normalize_decision_number
from tdkt.core.errors import ConflictError
from tdkt.core.text import fold
from tdkt.initiatives import permissions as perms
from tdkt.initiatives import workflow
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import (
    ApplicationAuthor,
    CouncilSeat,
    InitiativeApplication,
    InitiativeCouncil,
    Review,
    ReviewPoint,
    ScoringCriterion,
)
from tdkt.initiatives.parameters import DEFAULT_CRITERIA, DEFAULT_PASS_MARK

from .common import (
    bump,
    check_version,
    check_year,
    decimal_value,
    fail,
    line,
    paragraph,
    plain,
)
from .notices import tell_people

COUNCIL_FIELDS = ["name", "meeting_date", "pass_mark"]
MAX_CRITERIA = 8


@dataclass(frozen=True)
class CriterionInput:
    name: str
    max_points: Decimal


def _what() -> str:
    return _("Phiên xét sáng kiến")


def _members(
    members: Sequence[Any], chair: Any, already_seated: frozenset[int] = frozenset()
) -> list[Any]:
    """Return the members in order, the chair first; refuse too short a list.

    A locked account cannot take a new seat; one already seated keeps it (a member who scored
    and left stays part of the review, and must not stop the officer editing the session). The
    chair closes the session, so the chair's account must be active."""
    if chair is None:
        raise fail("chair", _("Cần chọn Chủ tịch Hội đồng."))
    if not chair.is_active:
        raise fail("chair", _("Tài khoản đã khoá không làm Chủ tịch Hội đồng được."))
    seated = [chair, *[m for m in members if m.pk != chair.pk]]
    unique = list({m.pk: m for m in seated}.values())
    if any(not m.is_active and m.pk not in already_seated for m in unique):
        raise fail("members", _("Tài khoản đã khoá không ngồi Hội đồng được."))
    if len(unique) < 3:
        raise fail("members", _("Hội đồng cần ít nhất ba thành viên, kể cả Chủ tịch."))
    return unique


def _seat_names(council: InitiativeCouncil) -> list[str]:
    return [
        f"{seat.user}{' (Chủ tịch)' if seat.is_chair else ''}"
        for seat in council.seats.select_related("user")
    ]


def _pass_mark(value: Decimal | str | None, criteria_total: Decimal) -> Decimal:
    mark = decimal_value(value, "pass_mark")
    if mark <= 0 or mark > criteria_total:
        raise fail(
            "pass_mark",
            _("Điểm đạt phải lớn hơn 0 và không quá tổng điểm tối đa (%(total)s).")
            % {"total": plain(criteria_total)},
        )
    return mark


@transaction.atomic
def council_create(
    *,
    actor: Any,
    year: int,
    name: str,
    members: Sequence[Any],
    chair: Any,
    meeting_date: date | None = None,
    pass_mark: Decimal | None = None,
) -> InitiativeCouncil:
    """Open a session with its members, the default criteria and pass mark (officer)."""
    perms.ensure_officer(actor)
    check_year(year)
    seated = _members(members, chair)
    total = sum((c.max_points for c in DEFAULT_CRITERIA), Decimal(0))
    council = InitiativeCouncil.objects.create(
        year=year,
        name=line(name, "name"),
        meeting_date=meeting_date,
        pass_mark=_pass_mark(DEFAULT_PASS_MARK if pass_mark is None else pass_mark, total),
    )
    CouncilSeat.objects.bulk_create(
        CouncilSeat(council=council, user=user, is_chair=user.pk == chair.pk) for user in seated
    )
    ScoringCriterion.objects.bulk_create(
        ScoringCriterion(council=council, position=i, name=c.name, max_points=c.max_points)
        for i, c in enumerate(DEFAULT_CRITERIA, start=1)
    )
    record(
        event_type=AuditEventType.INITIATIVE_COUNCIL_CREATED,
        actor=actor,
        obj=council,
        changes={
            "year": [None, year],
            **{k: [None, v] for k, v in snapshot(council, COUNCIL_FIELDS).items()},
            "members": [None, _seat_names(council)],
            "criteria": [None, [f"{c.name}: {plain(c.max_points)}" for c in DEFAULT_CRITERIA]],
        },
    )
    return council


def _lock_open(council: InitiativeCouncil, version: int | None) -> InitiativeCouncil:
    council = InitiativeCouncil.objects.select_for_update().get(pk=council.pk)
    check_version(council, version, _what())
    if council.state != CouncilState.OPEN:
        raise ConflictError(_("Phiên xét đã kết thúc, không sửa được nữa."))
    return council


def _criteria_total(council: InitiativeCouncil) -> Decimal:
    return sum((c.max_points for c in council.criteria.all()), Decimal(0))


@transaction.atomic
def council_update(
    *,
    actor: Any,
    council: InitiativeCouncil,
    name: str,
    members: Sequence[Any],
    chair: Any,
    meeting_date: date | None,
    pass_mark: Decimal | str,
    version: int | None,
) -> InitiativeCouncil:
    """Change an open session's name, date, pass mark and members (officer).

    A member who has already scored keeps their seat (their scores stay part of the review).
    """
    perms.ensure_officer(actor)
    council = _lock_open(council, version)
    current = frozenset(council.seats.values_list("user_id", flat=True))
    seated = _members(members, chair, current)
    before = {**snapshot(council, COUNCIL_FIELDS), "members": _seat_names(council)}
    council.name = line(name, "name")
    council.meeting_date = meeting_date
    council.pass_mark = _pass_mark(pass_mark, _criteria_total(council))
    keep = {u.pk for u in seated}
    scored = set(
        Review.objects.filter(seat__council=council).values_list("seat__user_id", flat=True)
    )
    if scored - keep:
        raise fail("members", _("Không bỏ được thành viên đã chấm điểm."))
    council.seats.exclude(user_id__in=keep).delete()
    council.seats.update(is_chair=False)
    existing = set(council.seats.values_list("user_id", flat=True))
    CouncilSeat.objects.bulk_create(
        CouncilSeat(council=council, user=u) for u in seated if u.pk not in existing
    )
    council.seats.filter(user_id=chair.pk).update(is_chair=True)
    bump(council, COUNCIL_FIELDS)
    after = {**snapshot(council, COUNCIL_FIELDS), "members": _seat_names(council)}
    record(
        event_type=AuditEventType.INITIATIVE_COUNCIL_UPDATED,
        actor=actor,
        obj=council,
        changes=diff(before, after),
    )
    return council


@transaction.atomic
def criteria_set(
    *,
    actor: Any,
    council: InitiativeCouncil,
    criteria: Sequence[CriterionInput],
    version: int | None,
) -> InitiativeCouncil:
    """Replace the scoring criteria of an open session before anyone has scored (officer)."""
    perms.ensure_officer(actor)
    council = _lock_open(council, version)
    if Review.objects.filter(seat__council=council).exists():
        raise ConflictError(_("Đã có thành viên chấm điểm, không đổi được tiêu chí nữa."))
    if not criteria:
        raise fail("criteria", _("Cần ít nhất một tiêu chí."))
    if len(criteria) > MAX_CRITERIA:
        raise fail("criteria", _("Tối đa %(n)s tiêu chí.") % {"n": MAX_CRITERIA})
    cleaned = []
    for item in criteria:
        points = decimal_value(item.max_points, "criteria")
        if points <= 0:
            raise fail("criteria", _("Điểm tối đa của mỗi tiêu chí phải lớn hơn 0."))
        cleaned.append(CriterionInput(line(item.name, "criteria"), points))
    total = sum((c.max_points for c in cleaned), Decimal(0))
    if council.pass_mark > total:
        raise fail(
            "criteria",
            _("Tổng điểm tối đa (%(total)s) thấp hơn điểm đạt; hãy sửa điểm đạt trước.")
            % {"total": plain(total)},
        )
    before = [f"{c.name}: {plain(c.max_points)}" for c in council.criteria.all()]
    council.criteria.all().delete()
    ScoringCriterion.objects.bulk_create(
        ScoringCriterion(council=council, position=i, name=c.name, max_points=c.max_points)
        for i, c in enumerate(cleaned, start=1)
    )
    bump(council, [])
    record(
        event_type=AuditEventType.INITIATIVE_COUNCIL_UPDATED,
        actor=actor,
        obj=council,
        changes={"criteria": [before, [f"{c.name}: {plain(c.max_points)}" for c in cleaned]]},
    )
    return council


# --- scoring --------------------------------------------------------------------------------


@transaction.atomic
def review_save(
    *,
    actor: Any,
    application: InitiativeApplication,
    points: Mapping[int, Decimal | str],
    comment: str = "",
    seat: CouncilSeat | None = None,
) -> Review:
    """Record (or change) a member's scores of an application while its session is open.

    ``points`` maps each criterion's id to its points (every criterion, 0 to its maximum).
    A member who is an author of the application, or filed it, is refused. The system names
    the seat.
    """
    perms.ensure_can_score(actor, application)
    # The session first, as its edits do (council_update, criteria_set, council_close): its
    # criteria, seats and state stay as read until the scores are saved.
    if application.council_id is None:
        raise ConflictError(_("Đơn không còn ở bước Hội đồng chấm điểm."))
    council = InitiativeCouncil.objects.select_for_update().get(pk=application.council_id)
    application = InitiativeApplication.objects.select_for_update().get(pk=application.pk)
    if (
        application.council_id != council.pk
        or council.state != CouncilState.OPEN
        or application.state != ApplicationState.IN_REVIEW
    ):
        raise ConflictError(_("Đơn không còn ở bước Hội đồng chấm điểm."))
    seat = seat if actor is None else perms.seat_of(actor, council)
    if seat is None or seat.council_id != council.pk:
        raise fail("seat", _("Cần chọn thành viên Hội đồng."))
    if seat.user.person_id is not None and seat.user.person_id in perms.author_ids(application):
        raise fail("seat", _("Thành viên là tác giả của sáng kiến không chấm điểm đơn của mình."))
    if seat.user_id == application.filed_by_id:
        raise fail("seat", _("Thành viên đã lập đơn không chấm điểm đơn này."))
    criteria = list(council.criteria.all())
    values: dict[int, Decimal] = {}
    for criterion in criteria:
        raw = points.get(criterion.pk)
        if raw is None or raw == "":
            raise fail(
                f"c{criterion.pk}",
                _("Hãy chấm điểm tiêu chí “%(name)s”.") % {"name": criterion.name},
            )
        values[criterion.pk] = decimal_value(raw, f"c{criterion.pk}", maximum=criterion.max_points)
    total = sum(values.values(), Decimal(0))
    note = paragraph(comment, "comment", required=False)
    review = Review.objects.filter(application=application, seat=seat).first()
    before: dict[str, Any] = {}
    if review is None:
        review = Review.objects.create(
            application=application, seat=seat, total=total, comment=note
        )
    else:
        before = {"total": str(review.total), "comment": review.comment}
        review.total, review.comment = total, note
        review.save(update_fields=["total", "comment", "updated_at"])
        review.points.all().delete()
    ReviewPoint.objects.bulk_create(
        ReviewPoint(review=review, criterion_id=pk, points=value) for pk, value in values.items()
    )
    record(
        event_type=AuditEventType.INITIATIVE_REVIEW_SAVED,
        actor=actor,
        obj=application,
        changes=diff(before, {"total": str(total), "comment": note})
        | {"member": [None, str(seat.user)]},
    )
    return review


# --- closing and decision -------------------------------------------------------------------


def _passes(reviews: Sequence[Review], pass_mark: Decimal) -> bool:
    """Return True when the exact average of the members' totals reaches ``pass_mark``.

    Compared without rounding (sum >= mark x count): 69.99, 70 and 70 average 69.996..., which
    falls short of 70 even though it shows as 70,00 when rounded half-up."""
    total = sum((r.total for r in reviews), Decimal(0))
    return total >= pass_mark * len(reviews)


def _average(reviews: Sequence[Review]) -> Decimal:
    """Return the average kept for display, cut (not rounded) to two decimals: with a pass mark
    of two decimals at most, the shown average then never reaches a mark the exact one misses."""
    total = sum((r.total for r in reviews), Decimal(0))
    return (total / len(reviews)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


@transaction.atomic
def council_close(
    *, actor: Any, council: InitiativeCouncil, version: int | None = None
) -> InitiativeCouncil:
    """End the review (the chair): each application's average decides passed or not.

    Every application before the session needs at least one member's scores; an application
    passes when the average of its members' totals reaches the session's pass mark.
    """
    perms.ensure_chair(actor, council)
    council = _lock_open(council, version)
    applications = list(
        InitiativeApplication.objects.select_for_update()
        .filter(council=council, state=ApplicationState.IN_REVIEW)
        .order_by("pk")
    )
    if not applications:
        raise ConflictError(_("Chưa có đơn nào được đưa ra phiên xét này."))
    reviews: dict[int, list[Review]] = {a.pk: [] for a in applications}
    for review in Review.objects.filter(application__in=applications):
        reviews[review.application_id].append(review)
    unscored = [a.title for a in applications if not reviews[a.pk]]
    if unscored:
        raise ConflictError(
            _("Chưa có thành viên nào chấm các đơn: %(titles)s.") % {"titles": "; ".join(unscored)}
        )
    events = []
    for application in applications:
        average = _average(reviews[application.pk])
        passed = _passes(reviews[application.pk], council.pass_mark)
        action = workflow.PASS if passed else workflow.REJECT
        before = application.state
        application.state = workflow.next_state(before, action)
        application.average = average
        bump(application, ["state", "average"])
        events.append(
            PendingEvent(
                AuditEventType.INITIATIVE_APPLICATION_TRANSITIONED,
                actor,
                application,
                {"state": [before, application.state], "average": [None, str(average)]},
            )
        )
    council.state = CouncilState.CLOSED
    council.closed_at = timezone.now()
    bump(council, ["state", "closed_at"])
    events.append(
        PendingEvent(
            AuditEventType.INITIATIVE_COUNCIL_CLOSED,
            actor,
            council,
            {
                "state": [CouncilState.OPEN, CouncilState.CLOSED],
                "applications": [None, len(events)],
            },
        )
    )
    record_many(events)
    for application in applications:
        tell_people(
            actor=actor,
            application=application,
            kind="initiative.reviewed",
            title=_("Hội đồng đã xét đơn sáng kiến “%(title)s”: %(result)s")
            % {"title": application.title, "result": ApplicationState(application.state).label},
        )
    return council


@transaction.atomic
def council_decide(
    *,
    actor: Any,
    council: InitiativeCouncil,
    decision_number: str,
    decision_date: date,
    signer: str,
    version: int | None = None,
) -> InitiativeCouncil:
    """Record the Board's recognition decision for the applications the council passed.

    Each author of a passed application gets a recognised initiative of cơ sở scope in the
    archive (``commendations.services.initiatives_record``), so the rule engine sees it at
    once; the initiative serves one award only, like any other in the archive.
    """
    perms.ensure_officer(actor)
    council = InitiativeCouncil.objects.select_for_update().get(pk=council.pk)
    check_version(council, version, _what())
    if council.state != CouncilState.CLOSED:
        raise ConflictError(_("Chỉ ghi quyết định sau khi Chủ tịch Hội đồng kết thúc phiên xét."))
    number = normalize_decision_number(decision_number)
    if not number:
        raise fail("decision_number", _("Mục này là bắt buộc."))
    if message := decision_number_error(number):
        raise fail("decision_number", message)
    if not isinstance(decision_date, date):
        raise fail("decision_date", _("Mục này là bắt buộc."))
    if decision_date > timezone.localdate():
        raise fail("decision_date", _("Ngày quyết định không được ở tương lai."))
    if decision_date.year < council.year:
        raise fail(
            "decision_date",
            _("Ngày quyết định không được trước năm %(year)s.") % {"year": council.year},
        )
    _check_after_review(council, decision_date)
    who = line(signer, "signer", limit=200)
    passed = list(
        InitiativeApplication.objects.select_for_update()
        .filter(council=council, state=ApplicationState.PASSED)
        .order_by("pk")
    )
    authors = list(
        ApplicationAuthor.objects.filter(application__in=passed)
        .select_related("person", "application")
        .order_by("application_id", "position")
    )
    _refuse_recorded(authors, council.year)
    initiatives_record(
        actor=actor,
        entries=[
            InitiativeEntry(
                person=a.person,
                title=a.application.title,
                year=council.year,
                scope=InitiativeScope.GRASSROOTS,
                recognized_by=BOARD_NAME,
                decision_number=number,
                recognized_on=decision_date,
            )
            for a in authors
        ],
    )
    _link(authors, council.year)
    events = []
    for application in passed:
        before = application.state
        application.state = workflow.next_state(before, workflow.RECOGNISE)
        bump(application, ["state"])
        events.append(
            PendingEvent(
                AuditEventType.INITIATIVE_APPLICATION_TRANSITIONED,
                actor,
                application,
                {"state": [before, application.state], "decision_number": [None, number]},
            )
        )
    before_fields = snapshot(
        council, ["state", "decision_number", "decision_date", "decision_signer"]
    )
    council.state = CouncilState.DECIDED
    council.decision_number = number
    council.decision_date = decision_date
    council.decision_signer = who
    bump(council, ["state", "decision_number", "decision_date", "decision_signer"])
    after = snapshot(council, ["state", "decision_number", "decision_date", "decision_signer"])
    events.append(
        PendingEvent(
            AuditEventType.INITIATIVE_COUNCIL_DECIDED,
            actor,
            council,
            {**diff(before_fields, after), "recognised": [None, len(passed)]},
        )
    )
    record_many(events)
    for application in passed:
        tell_people(
            actor=actor,
            application=application,
            kind="initiative.recognised",
            title=_("Sáng kiến “%(title)s” đã được công nhận") % {"title": application.title},
            body=_("Quyết định số %(number)s ngày %(day)s.")
            % {"number": number, "day": decision_date.strftime("%d/%m/%Y")},
        )
    return council


def _check_after_review(council: InitiativeCouncil, decision_date: date) -> None:
    """Refuse a decision dated before the session met or before its chair closed it."""
    closed_on = timezone.localdate(council.closed_at) if council.closed_at else None
    for day, message in (
        (council.meeting_date, _("Ngày quyết định không được trước ngày họp Hội đồng (%(day)s).")),
        (closed_on, _("Ngày quyết định không được trước ngày kết thúc phiên xét (%(day)s).")),
    ):
        if day is not None and decision_date < day:
            raise fail("decision_date", message % {"day": day.strftime("%d/%m/%Y")})


def _refuse_recorded(authors: Sequence[ApplicationAuthor], year: int) -> None:
    """Refuse the decision when the archive already holds an initiative of an author with the
    same title and year (``initiatives_record`` would keep the older row, with its scope and
    decision, and the application would silently point at it; docs/initiatives.md)."""
    rows = Initiative.objects.filter(person__in=[a.person_id for a in authors], year=year)
    found = {(row.person_id, fold(row.title)): row for row in rows}
    clashes = []
    for author in authors:
        row = found.get((author.person_id, fold(author.application.title)))
        if row is None:
            continue
        decision = row.decision_number or _("không ghi số quyết định")
        if row.recognized_on:
            decision += _(" ngày %(day)s") % {"day": row.recognized_on.strftime("%d/%m/%Y")}
        clashes.append(
            _("%(name)s — “%(title)s” (quyết định %(decision)s)")
            % {"name": author.person.full_name, "title": row.title, "decision": decision}
        )
    if clashes:
        raise ConflictError(
            _(
                "Hồ sơ lưu trữ đã có sáng kiến cùng tên, cùng năm %(year)s của: %(list)s. "
                "Hãy kiểm tra, sửa hoặc bỏ sáng kiến đã ghi trong hồ sơ lưu trữ rồi ghi "
                "quyết định lại."
            )
            % {"year": year, "list": "; ".join(clashes)}
        )


def _link(authors: Sequence[ApplicationAuthor], year: int) -> None:
    """Point each author at the archive initiative recorded for them (found by person, year and
    title: ``initiatives_record`` keeps the same title of the same person and year once)."""
    rows = Initiative.objects.filter(person__in=[a.person_id for a in authors], year=year)
    found = {(row.person_id, fold(row.title)): row for row in rows}
    for author in authors:
        row = found.get((author.person_id, fold(author.application.title)))
        if row is not None and not ApplicationAuthor.objects.filter(initiative=row).exists():
            author.initiative = row
            author.save(update_fields=["initiative"])
