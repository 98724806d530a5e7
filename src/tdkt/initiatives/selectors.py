"""Actor-scoped reads of applications and council sessions (decision 0823).

An application is visible to the officer, its filer, its authors and the members of the
session it is before; a session to the officer and its members. Anything else answers "not
found", exactly like a missing row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.scopes import get_visible
from tdkt.commendations.selectors.work import WorkItem
from tdkt.initiatives import permissions as perms
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import (
    ApplicationAuthor,
    ApplicationFile,
    CouncilSeat,
    InitiativeApplication,
    InitiativeCouncil,
    Review,
    ScoringCriterion,
)
from tdkt.organizations.models import Person
from tdkt.organizations.selectors import person_list

PAGE = 50


def _signed_in(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_active)


def _applications() -> QuerySet[InitiativeApplication]:
    return InitiativeApplication.objects.select_related("organization", "council", "filed_by")


def application_list(*, actor: Any) -> QuerySet[InitiativeApplication]:
    """Return every application the actor may see, newest year first."""
    qs = _applications()
    if perms.is_officer(actor):
        return qs
    if not _signed_in(actor):
        return qs.none()
    return qs.filter(application_visible_q(actor)).distinct()


def application_visible_q(actor: Any) -> Q:
    """The rows a signed-in user who is not an officer may see."""
    seat = CouncilSeat.objects.filter(council=OuterRef("council"), user=actor)
    authored = ApplicationAuthor.objects.filter(application=OuterRef("pk"), person=actor.person_id)
    condition = Q(filed_by=actor) | Q(Exists(seat))
    if actor.person_id is not None:
        condition |= Q(Exists(authored))
    return condition


def my_applications(*, actor: Any) -> QuerySet[InitiativeApplication]:
    """Return the applications the actor filed or wrote (the author's own list)."""
    if not _signed_in(actor):
        return InitiativeApplication.objects.none()
    condition = Q(filed_by=actor)
    if actor.person_id is not None:
        condition |= Q(
            Exists(
                ApplicationAuthor.objects.filter(application=OuterRef("pk"), person=actor.person_id)
            )
        )
    return _applications().filter(condition)


def waiting_for_officer(*, actor: Any) -> QuerySet[InitiativeApplication]:
    """Return the submitted applications an officer has to return or register."""
    if not perms.is_officer(actor):
        return InitiativeApplication.objects.none()
    return _applications().filter(state=ApplicationState.SUBMITTED).order_by("submitted_at")


def waiting_for_member(*, actor: Any) -> QuerySet[InitiativeApplication]:
    """Return the applications of open sessions the actor sits on, neither wrote nor filed and
    has not scored yet."""
    if not _signed_in(actor):
        return InitiativeApplication.objects.none()
    seats = CouncilSeat.objects.filter(
        user=actor, council__state=CouncilState.OPEN, council=OuterRef("council")
    )
    scored = Review.objects.filter(application=OuterRef("pk"), seat__user=actor)
    qs = _applications().filter(Exists(seats), state=ApplicationState.IN_REVIEW)
    qs = qs.exclude(Exists(scored)).exclude(filed_by=actor)
    if actor.person_id is not None:
        qs = qs.exclude(authors__person=actor.person_id)
    return qs.order_by("title")


def application_get(*, actor: Any, uuid: UUID | str) -> InitiativeApplication:
    """Return one application the actor may see; any other answers "not found"."""
    return get_visible(
        _applications(),
        uuid=uuid,
        visible=lambda a: perms.can_see_application(actor, a),
        message=_("Không tìm thấy đơn yêu cầu công nhận sáng kiến."),
    )


def authors_of(application: InitiativeApplication) -> list[ApplicationAuthor]:
    """Return the authors of an application read through ``application_get``, in order."""
    return list(application.authors.select_related("person", "initiative__used_for"))


def files_of(application: InitiativeApplication) -> list[ApplicationFile]:
    """Return the documents of an application read through ``application_get``."""
    return list(application.files.all())


def application_file_get(*, actor: Any, uuid: UUID | str) -> ApplicationFile:
    """Return a document of an application the actor may see; any other is "not found"."""
    return get_visible(
        ApplicationFile.objects.select_related("application"),
        uuid=uuid,
        visible=lambda f: perms.can_see_application(actor, f.application),
        message=_("Không tìm thấy tệp."),
    )


def council_list(*, actor: Any) -> QuerySet[InitiativeCouncil]:
    """Return the sessions the actor may see: all for officers, their own for members."""
    qs = InitiativeCouncil.objects.annotate(applications_count=Count("applications"))
    if perms.is_officer(actor):
        return qs
    if not _signed_in(actor):
        return qs.none()
    return qs.filter(Exists(CouncilSeat.objects.filter(council=OuterRef("pk"), user=actor)))


def council_get(*, actor: Any, uuid: UUID | str) -> InitiativeCouncil:
    """Return one session the actor may see; any other answers "not found"."""
    return get_visible(
        InitiativeCouncil.objects.all(),
        uuid=uuid,
        visible=lambda c: perms.can_see_council(actor, c),
        message=_("Không tìm thấy phiên xét sáng kiến."),
    )


def seats_of(council: InitiativeCouncil) -> list[CouncilSeat]:
    return list(council.seats.select_related("user"))


def criteria_of(council: InitiativeCouncil) -> list[ScoringCriterion]:
    return list(council.criteria.all())


def open_councils(*, actor: Any, year: int) -> QuerySet[InitiativeCouncil]:
    """Return the open sessions of ``year`` an officer may put an application before."""
    if not perms.is_officer(actor):
        return InitiativeCouncil.objects.none()
    return InitiativeCouncil.objects.filter(year=year, state=CouncilState.OPEN)


def user_choices(*, actor: Any, council: InitiativeCouncil | None = None) -> QuerySet[User]:
    """Return the accounts an officer may seat on a session (active ones, by name), and those
    already seated on ``council`` even when locked since (they keep their seat)."""
    if not perms.is_officer(actor):
        return User.objects.none()
    condition = Q(is_active=True)
    if council is not None:
        condition |= Q(Exists(CouncilSeat.objects.filter(council=council, user=OuterRef("pk"))))
    return User.objects.filter(condition).order_by("first_name", "username")


def author_choices(*, actor: Any) -> QuerySet[Person]:
    """Return the people the actor may name as authors: those working in the actor's unit."""
    if not perms.can_file(actor) or actor is None or actor.organization is None:
        return Person.objects.none()
    return person_list(actor=actor, organization=actor.organization)


# --- reviews --------------------------------------------------------------------------------


@dataclass
class ReviewLine:
    """A member's review as the officer, the chair and the other members see it."""

    member: str
    total: Decimal
    comment: str
    points: list[Decimal]


@dataclass
class ApplicationReviews:
    """What a reader of an application may see of its scoring."""

    criteria: list[ScoringCriterion]
    lines: list[ReviewLine] = field(default_factory=list)
    count: int = 0
    eligible: int = 0
    mine: Review | None = None
    comments: list[str] = field(default_factory=list)
    show_members: bool = False


def application_reviews(*, actor: Any, application: InitiativeApplication) -> ApplicationReviews:
    """Return the scoring of an application read through ``application_get``.

    The officer and the members who are not authors see each member's scores; the authors
    see, once the review is closed, the average and the members' comments without names.
    """
    council = application.council
    if council is None:
        return ApplicationReviews(criteria=[])
    reviews = list(
        Review.objects.filter(application=application)
        .select_related("seat__user")
        .prefetch_related("points")
        .order_by("seat_id")
    )
    seats = seats_of(council)
    eligible = [s for s in seats if not perms.is_party_user(s.user, application)]
    result = ApplicationReviews(
        criteria=criteria_of(council), count=len(reviews), eligible=len(eligible)
    )
    author = perms.is_author(actor, application) or perms.is_filer(actor, application)
    seat = perms.seat_of(actor, council)
    result.show_members = perms.is_officer(actor) or (seat is not None and not author)
    if seat is not None:
        result.mine = next((r for r in reviews if r.seat_id == seat.pk), None)
    if result.show_members:
        order = {c.pk: i for i, c in enumerate(result.criteria)}
        for review in reviews:
            points = sorted(review.points.all(), key=lambda p: order.get(p.criterion_id, 0))
            result.lines.append(
                ReviewLine(
                    str(review.seat.user), review.total, review.comment, [p.points for p in points]
                )
            )
    if application.state in (
        ApplicationState.PASSED,
        ApplicationState.NOT_RECOGNISED,
        ApplicationState.RECOGNISED,
    ):
        result.comments = [r.comment for r in reviews if r.comment]
    return result


def my_points(review: Review | None) -> dict[int, Decimal]:
    """Return a review's points by criterion id (to fill the member's form again)."""
    if review is None:
        return {}
    return {p.criterion_id: p.points for p in review.points.all()}


# --- a session's results --------------------------------------------------------------------


@dataclass
class ResultRow:
    """An application of a session as its results list and export show it.

    ``reviews`` and ``average`` are None when the reader may not see them yet: an author or the
    filer of the application, while the session is open (decision 0824)."""

    application: InitiativeApplication
    authors: list[ApplicationAuthor]
    reviews: int | None
    average: Decimal | None


def _running_average(reviews: list[Review]) -> Decimal | None:
    if not reviews:
        return None
    total = sum((r.total for r in reviews), Decimal(0))
    return (total / len(reviews)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def council_results(*, actor: Any, council: InitiativeCouncil) -> list[ResultRow]:
    """Return the applications before a session read through ``council_get``, best first.

    While the session is open, a member who wrote or filed an application sees neither the
    number of scores nor the running average of that application (decision 0824)."""
    applications = list(
        InitiativeApplication.objects.filter(council=council)
        .annotate(reviews_count=Count("reviews"))
        .prefetch_related("authors__person", "reviews")
        .order_by("title")
    )
    is_open = council.state == CouncilState.OPEN
    officer = perms.is_officer(actor)
    rows = []
    for a in applications:
        authors = list(a.authors.all())
        a._author_ids = {author.person_id for author in authors}  # type: ignore[attr-defined]
        if is_open and not officer and (perms.is_author(actor, a) or perms.is_filer(actor, a)):
            rows.append(ResultRow(a, authors, None, None))
            continue
        average = a.average
        if average is None:
            average = _running_average(list(a.reviews.all()))
        rows.append(ResultRow(a, authors, a.reviews_count, average))
    rows.sort(key=lambda r: (r.average is None, -(r.average or 0), r.application.title))
    return rows


# --- the dashboard's waiting work -----------------------------------------------------------


def initiative_work(*, actor: Any) -> list[WorkItem]:
    """What waits for the actor in the initiative process (the dashboard's "Việc cần làm"):
    returned drafts for their filer, applications to score for a member, sessions to close for
    a chair, and submitted applications and closed sessions for the officer."""
    if not _signed_in(actor):
        return []
    home = reverse("initiatives:home")
    sessions = reverse("initiatives:council-list")
    items: list[WorkItem] = []
    returned = (
        InitiativeApplication.objects.filter(filed_by=actor, state=ApplicationState.DRAFT)
        .exclude(return_note="")
        .count()
    )
    if returned:
        items.append(WorkItem(_("Đơn sáng kiến bị trả lại để bổ sung"), returned, home))
    to_score = waiting_for_member(actor=actor).count()
    if to_score:
        items.append(WorkItem(_("Đơn sáng kiến chờ bạn chấm điểm"), to_score, home))
    to_close = CouncilSeat.objects.filter(
        user=actor, is_chair=True, council__state=CouncilState.OPEN
    ).count()
    if to_close:
        items.append(WorkItem(_("Phiên xét sáng kiến chờ bạn kết thúc"), to_close, sessions))
    if perms.is_officer(actor):
        submitted = waiting_for_officer(actor=actor).count()
        if submitted:
            items.append(WorkItem(_("Đơn sáng kiến chờ đưa ra Hội đồng"), submitted, home))
        to_decide = InitiativeCouncil.objects.filter(state=CouncilState.CLOSED).count()
        if to_decide:
            items.append(
                WorkItem(_("Phiên xét sáng kiến chờ ghi quyết định công nhận"), to_decide, sessions)
            )
    return items
