"""Who sees which survey, and the results: rates by zone, averages, distribution, the index,
the comments without names for leaders, the minimum before a zone's index shows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import override_settings

from tdkt.core.errors import NotFoundError, PermissionDeniedError
from tdkt.surveys.results import survey_raw_answers, survey_results
from tdkt.surveys.selectors import survey_get, survey_list
from tdkt.surveys.services import response_save

from .conftest import SurveyWorld, answers

pytestmark = pytest.mark.django_db


def _answer_both(sw: SurveyWorld) -> None:
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, a=4, b=5, c=2, text="Thủ tục đất đai còn chậm"),
        expected_version=None,
    )
    response_save(
        actor=sw.other_rep,
        survey=sw.survey,
        answers=answers(sw, a=5, b=3, c=4, text="Cán bộ rất nhiệt tình"),
        expected_version=None,
    )


def test_drafts_are_for_officers_only(draft: SurveyWorld) -> None:
    registry = draft.registry
    assert survey_get(actor=registry.officer, uuid=draft.survey.uuid) == draft.survey
    for user in (registry.leader, registry.enterprise_rep):
        with pytest.raises(NotFoundError):
            survey_get(actor=user, uuid=draft.survey.uuid)


@pytest.mark.parametrize("who", ["investment_head", "viewer", "council"])
def test_other_roles_see_no_survey(sw: SurveyWorld, who: str) -> None:
    user = getattr(sw.registry, who)
    assert not survey_list(actor=user).exists()
    with pytest.raises(NotFoundError):
        survey_get(actor=user, uuid=sw.survey.uuid)


def test_enterprise_sees_open_surveys_but_never_results(sw: SurveyWorld) -> None:
    rep = sw.registry.enterprise_rep
    assert list(survey_list(actor=rep)) == [sw.survey]
    with pytest.raises(NotFoundError):  # no results page at all, like a hidden survey
        survey_results(actor=rep, survey=sw.survey)
    with pytest.raises(PermissionDeniedError):
        survey_raw_answers(actor=rep, survey=sw.survey)


@override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=1)
def test_results_figures(sw: SurveyWorld) -> None:
    _answer_both(sw)
    results = survey_results(actor=sw.registry.officer, survey=sw.survey)
    assert (results.answered, results.in_scope, results.rate) == (2, 2, Decimal("100.0"))
    by_text = {q.text: q.distribution for s in results.sections for q in s.questions}
    speed = by_text["Hồ sơ được giải quyết đúng hạn"]
    assert speed.counts == {1: 0, 2: 0, 3: 1, 4: 0, 5: 1}
    assert speed.average == Decimal("4.00")
    assert speed.satisfied_percent == Decimal("50.0")
    # Six ratings, four of them 4 or 5.
    assert results.overall.total == 6
    assert results.index == Decimal("66.7")
    assert results.overall.average == Decimal("3.83")
    zones = {
        z.name: (z.answered, z.in_scope, z.distribution.satisfied_percent) for z in results.zones
    }
    assert zones == {
        "KCN Nội Bài": (1, 1, Decimal("66.7")),
        "KCN Thăng Long": (1, 1, Decimal("66.7")),
    }


def test_zone_index_hidden_below_the_minimum(sw: SurveyWorld) -> None:
    _answer_both(sw)
    with override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=2):
        results = survey_results(actor=sw.registry.officer, survey=sw.survey)
    assert results.min_zone_answers == 2
    assert [z.shown for z in results.zones] == [False, False]


def test_enterprises_that_did_not_answer_count_in_the_rate(sw: SurveyWorld) -> None:
    response_save(actor=sw.other_rep, survey=sw.survey, answers=answers(sw), expected_version=None)
    results = survey_results(actor=sw.registry.leader, survey=sw.survey)
    assert (results.answered, results.in_scope, results.rate) == (1, 2, Decimal("50.0"))


@override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=1)
def test_leaders_read_comments_without_names_officers_with(sw: SurveyWorld) -> None:
    _answer_both(sw)
    leader_view = survey_results(actor=sw.registry.leader, survey=sw.survey)
    assert not leader_view.names_visible
    assert {c.text for c in leader_view.comments} == {
        "Thủ tục đất đai còn chậm",
        "Cán bộ rất nhiệt tình",
    }
    assert {c.enterprise for c in leader_view.comments} == {None}
    officer_view = survey_results(actor=sw.registry.officer, survey=sw.survey)
    assert {c.enterprise for c in officer_view.comments} == {
        "Công ty TNHH Điện tử Sao Mai",
        "Công ty TNHH Cơ khí Nội Bài",
    }
    with pytest.raises(PermissionDeniedError):
        survey_raw_answers(actor=sw.registry.leader, survey=sw.survey)


def test_raw_answers_one_row_per_enterprise(sw: SurveyWorld) -> None:
    _answer_both(sw)
    headings, rows = survey_raw_answers(actor=sw.registry.officer, survey=sw.survey)
    assert headings[0] == "1. Thủ tục được hướng dẫn rõ ràng"
    assert [(r.enterprise, r.zone, r.values) for r in rows] == [
        ("Công ty TNHH Cơ khí Nội Bài", "KCN Nội Bài", [5, 3, 4, "Cán bộ rất nhiệt tình"]),
        ("Công ty TNHH Điện tử Sao Mai", "KCN Thăng Long", [4, 5, 2, "Thủ tục đất đai còn chậm"]),
    ]


def test_one_hidden_zone_hides_a_second_one_from_leaders() -> None:
    """With one zone hidden and the others shown, the total minus the shown zones would be
    the hidden zone's figures: a second zone is hidden too (complementary suppression)."""
    from tdkt.surveys.results import Distribution, ZoneRow, _hide_complement

    zones = [
        ZoneRow("Thăng Long", 10, 4, Distribution(), True),
        ZoneRow("Quang Minh", 8, 3, Distribution(), True),
        ZoneRow("Nội Bài", 2, 1, Distribution(), False),
    ]
    _hide_complement(zones)
    assert [z.shown for z in zones] == [True, False, False]
