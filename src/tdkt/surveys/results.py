"""A survey's results: response rate (overall and by zone), per-question figures, the
satisfaction index and the comments (decisions 0813, 0815).

* Enterprises in scope: the active enterprises of the registry, plus any enterprise that
  answered and has since been deactivated (it answered, so it was in scope).
* Satisfied: a rating of 4 (hài lòng) or 5 (rất hài lòng).
* Satisfaction index: the share of all ratings given that are satisfied, in per cent; the
  average score (1–5) is shown beside it.
* A zone's index is shown only when at least ``TDKT_SURVEY_MIN_ZONE_ANSWERS`` of its
  enterprises answered: with fewer, the figure would tell an enterprise's own ratings.
* The comments name their enterprise only for officers (``names_visible``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from tdkt.organizations.models import Enterprise
from tdkt.surveys.constants import SATISFIED_FROM, QuestionKind, Rating
from tdkt.surveys.models import Answer, Response, Survey
from tdkt.surveys.permissions import (
    can_see_names,
    ensure_can_read_results,
    ensure_can_see_names,
)
from tdkt.surveys.selectors import OutlineSection, survey_outline

NO_ZONE = -1


def min_zone_answers() -> int:
    """The fewest answering enterprises a zone needs before its index is shown."""
    return max(int(getattr(settings, "TDKT_SURVEY_MIN_ZONE_ANSWERS", 3)), 1)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _average(total: int, count: int) -> Decimal | None:
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass
class Distribution:
    """Counts of each rating 1–5, their total, average and share satisfied."""

    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(Rating.values, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> Decimal | None:
        return _average(sum(r * n for r, n in self.counts.items()), self.total)

    @property
    def satisfied(self) -> int:
        return sum(n for r, n in self.counts.items() if r >= SATISFIED_FROM)

    @property
    def satisfied_percent(self) -> Decimal | None:
        return _percent(self.satisfied, self.total)

    def rows(self) -> list[tuple[str, int, Decimal | None]]:
        """Return (label, count, per cent) for 1 to 5."""
        return [(str(Rating(r).label), n, _percent(n, self.total)) for r, n in self.counts.items()]


@dataclass
class QuestionResult:
    number: int
    text: str
    kind: str
    distribution: Distribution


@dataclass
class SectionResult:
    title: str
    questions: list[QuestionResult]


@dataclass
class ZoneRow:
    name: str
    in_scope: int
    answered: int
    distribution: Distribution
    shown: bool

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.answered, self.in_scope)


@dataclass
class Comment:
    number: int
    question: str
    text: str
    enterprise: str | None


@dataclass
class SurveyResults:
    survey: Survey
    in_scope: int
    answered: int
    sections: list[SectionResult]
    overall: Distribution
    zones: list[ZoneRow]
    comments: list[Comment]
    names_visible: bool
    min_zone_answers: int
    #: True when a reader without names would see too few answers to keep each enterprise's
    #: ratings private: the figures and comments are withheld (decision 0815).
    withheld: bool = False

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.answered, self.in_scope)

    @property
    def index(self) -> Decimal | None:
        return self.overall.satisfied_percent

    @property
    def rating_questions(self) -> list[QuestionResult]:
        return [q for s in self.sections for q in s.questions if q.kind == QuestionKind.RATING]


def _zones_in_scope(survey: Survey) -> tuple[dict[int, str], dict[int, int], dict[int, int]]:
    """Return zone names, enterprises in scope per zone, and each responder's zone."""
    responders = Response.objects.filter(survey=survey).values_list("enterprise_id", flat=True)
    rows = (
        Enterprise.objects.filter(
            Q(organization__is_active=True) | Q(organization_id__in=list(responders))
        )
        .values_list("organization_id", "zone_id", "zone__name")
        .order_by()
    )
    names: dict[int, str] = {NO_ZONE: _("Chưa ghi khu công nghiệp")}
    in_scope: dict[int, int] = defaultdict(int)
    zone_of: dict[int, int] = {}
    for org_id, zone_id, zone_name in rows:
        key = NO_ZONE if zone_id is None else zone_id
        if zone_id is not None:
            names[zone_id] = zone_name
        in_scope[key] += 1
        zone_of[org_id] = key
    return names, dict(in_scope), zone_of


def survey_results(*, actor: Any, survey: Survey) -> SurveyResults:
    """Return the results of a survey read through ``survey_get`` (results readers only)."""
    ensure_can_read_results(actor)
    outline: list[OutlineSection] = survey_outline(survey)
    names, in_scope, zone_of = _zones_in_scope(survey)
    by_question: dict[int, Distribution] = defaultdict(Distribution)
    overall = Distribution()
    by_zone: dict[int, Distribution] = defaultdict(Distribution)
    ratings = (
        Answer.objects.filter(response__survey=survey, rating__isnull=False)
        .values_list("question_id", "response__enterprise_id", "rating")
        .order_by()
        .annotate(n=Count("pk"))
    )
    for question_id, enterprise_id, rating, n in ratings:
        by_question[question_id].counts[rating] += n
        overall.counts[rating] += n
        by_zone[zone_of.get(enterprise_id, NO_ZONE)].counts[rating] += n
    answered_by_zone: dict[int, int] = defaultdict(int)
    responders = list(
        Response.objects.filter(survey=survey).values_list("enterprise_id", flat=True)
    )
    for enterprise_id in responders:
        answered_by_zone[zone_of.get(enterprise_id, NO_ZONE)] += 1
    minimum = min_zone_answers()
    zones = [
        ZoneRow(
            name=names.get(key, ""),
            in_scope=count,
            answered=answered_by_zone.get(key, 0),
            distribution=by_zone.get(key, Distribution()),
            shown=answered_by_zone.get(key, 0) >= minimum,
        )
        for key, count in in_scope.items()
    ]
    zones.sort(key=lambda z: (z.name == names[NO_ZONE], z.name))
    sections = [
        SectionResult(
            entry.section.title,
            [
                QuestionResult(
                    n.number,
                    n.question.text,
                    n.question.kind,
                    by_question.get(n.question.pk, Distribution()),
                )
                for n in entry.questions
            ],
        )
        for entry in outline
    ]
    names_visible = can_see_names(actor)
    numbers = {n.question.pk: n.number for entry in outline for n in entry.questions}
    comments = [
        Comment(
            numbers.get(answer.question_id, 0),
            answer.question.text,
            answer.text,
            answer.response.enterprise.name if names_visible else None,
        )
        for answer in Answer.objects.filter(
            response__survey=survey, question__kind=QuestionKind.TEXT
        )
        .exclude(text="")
        .select_related("question", "response__enterprise")
        .order_by("question__section__position", "question__position", "response__enterprise__name")
    ]
    withheld = False
    if not names_visible:
        # Without names, the order of the comments must not follow the enterprises' names.
        comments.sort(key=lambda c: (c.number, c.text))
        _hide_complement(zones)
        if len(responders) < minimum:
            # With fewer answers than a zone needs, the survey's own figures would show the
            # few enterprises' ratings (one answer: exactly its ratings) to a reader who is
            # not to see them; nothing but the counts is shown.
            withheld = True
            sections = [
                SectionResult(
                    s.title,
                    [QuestionResult(q.number, q.text, q.kind, Distribution()) for q in s.questions],
                )
                for s in sections
            ]
            overall = Distribution()
            comments = []
            for zone in zones:
                zone.shown = False
    return SurveyResults(
        survey=survey,
        in_scope=sum(in_scope.values()),
        answered=len(responders),
        sections=sections,
        overall=overall,
        zones=zones,
        comments=comments,
        names_visible=names_visible,
        min_zone_answers=minimum,
        withheld=withheld,
    )


def _hide_complement(zones: list[ZoneRow]) -> None:
    """Hide one more zone when exactly one zone with answers is hidden: its figures would
    otherwise be the survey's total minus the zones shown (complementary suppression)."""
    hidden = [z for z in zones if z.answered and not z.shown]
    shown = [z for z in zones if z.shown]
    if len(hidden) == 1 and shown:
        min(shown, key=lambda z: (z.answered, z.name)).shown = False


@dataclass
class RawRow:
    enterprise: str
    tax_code: str
    zone: str
    submitted_at: Any
    updated_at: Any
    values: list[Any]


def survey_raw_answers(*, actor: Any, survey: Survey) -> tuple[list[str], list[RawRow]]:
    """Return the question headings and one row per answering enterprise (officers only)."""
    ensure_can_see_names(actor)
    outline = survey_outline(survey)
    questions = [n for entry in outline for n in entry.questions]
    headings = [f"{n.number}. {n.question.text}" for n in questions]
    responses = (
        Response.objects.filter(survey=survey)
        .select_related("enterprise__enterprise__zone")
        .prefetch_related("answers")
        .order_by("enterprise__name")
    )
    rows = []
    for response in responses:
        answers = {a.question_id: a for a in response.answers.all()}
        values: list[Any] = []
        for n in questions:
            answer = answers.get(n.question.pk)
            if answer is None:
                values.append(None)
            elif n.question.kind == QuestionKind.RATING:
                values.append(answer.rating)
            else:
                values.append(answer.text)
        profile = getattr(response.enterprise, "enterprise", None)
        rows.append(
            RawRow(
                enterprise=response.enterprise.name,
                tax_code=profile.tax_code if profile else "",
                zone=profile.zone.name if profile and profile.zone else "",
                submitted_at=response.submitted_at,
                updated_at=response.updated_at,
                values=values,
            )
        )
    return headings, rows
