"""The results page (officers and leaders) and the Excel exports."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.surveys import permissions as perms
from tdkt.surveys.constants import SurveyState
from tdkt.surveys.exports import XLSX, render_answers_xlsx, render_results_xlsx
from tdkt.surveys.results import SurveyResults, survey_raw_answers, survey_results
from tdkt.surveys.selectors import survey_get
from tdkt.surveys.state import accepting_answers
from tdkt.web.decorators import web_view
from tdkt.web.shortcuts import file_response


@web_view
def survey_results_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Response rate (overall, by zone), each question's figures, the index, the comments."""
    survey = survey_get(actor=request.user, uuid=uuid)
    results = survey_results(actor=request.user, survey=survey)
    return render(
        request,
        "surveys/survey_results.html",
        {
            "survey": survey,
            "results": results,
            "accepting": accepting_answers(survey, timezone.localdate()),
            "is_closed": survey.state == SurveyState.CLOSED,
            "can_export_answers": perms.can_see_names(request.user),
            "chart": _chart(results),
        },
    )


def _chart(results: SurveyResults) -> dict[str, list[Any]]:
    """The share satisfied per rating question, for the chart above the table."""
    rated = [q for q in results.rating_questions if q.distribution.total]
    return {
        "labels": [_("Câu %(number)s") % {"number": q.number} for q in rated],
        "titles": [q.text for q in rated],
        "values": [float(q.distribution.satisfied_percent or 0) for q in rated],
    }


@web_view
def results_export(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The results as Excel (the comments name their enterprise only for officers)."""
    survey = survey_get(actor=request.user, uuid=uuid)
    results = survey_results(actor=request.user, survey=survey)
    return file_response(
        render_results_xlsx(results),
        filename=f"ket-qua-khao-sat-hai-long-{survey.year}.xlsx",
        content_type=XLSX,
    )


@web_view
def answers_export(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Every enterprise's answers as Excel (officers only)."""
    survey = survey_get(actor=request.user, uuid=uuid)
    headings, rows = survey_raw_answers(actor=request.user, survey=survey)
    return file_response(
        render_answers_xlsx(survey.name, headings, rows),
        filename=f"phieu-tra-loi-khao-sat-{survey.year}.xlsx",
        content_type=XLSX,
    )
