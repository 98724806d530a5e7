"""Scores: the arithmetic and ranking, typed-in scores, and criteria that score themselves."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.movements import sources
from tdkt.movements.constants import CriterionSource
from tdkt.movements.models import CriterionScore
from tdkt.movements.scoring import Points, Scale, rank
from tdkt.movements.selectors import movement_score_table
from tdkt.movements.services import (
    ScoreInput,
    criterion_add,
    movement_scores_compute,
    movement_scores_set,
)
from tdkt.movements.sources import points_from_share, register_provider
from tdkt.movements.workflow import movement_transition

D = Decimal
SCALES = [Scale(1, D(1), D(10)), Scale(2, D(2), D(5))]


def test_the_total_is_weighted_points_plus_bonus_minus_penalty():
    """10 × 1 + 4 × 2 + 1 − 2 = 17 of a maximum of 20 (85 %)."""
    results = rank(SCALES, {7: {1: Points(D(10)), 2: Points(D(4), bonus=D(1), penalty=D(2))}})
    assert (results[0].total, results[0].maximum, results[0].percent) == (D(17), D(20), D("85.0"))
    assert results[0].rank == 1


def test_equal_totals_share_a_rank_and_incomplete_units_are_not_ranked():
    units = {
        1: {1: Points(D(8)), 2: Points(D(5))},  # 18
        2: {1: Points(D(10)), 2: Points(D(4))},  # 18
        3: {1: Points(D(9)), 2: Points(D(3))},  # 15
        4: {1: Points(D(10))},  # incomplete
    }
    results = rank(SCALES, units)
    assert [(r.unit, r.rank) for r in results] == [(1, 1), (2, 1), (3, 3), (4, None)]
    assert results[-1].complete is False


points = st.decimals(min_value=0, max_value=5, places=2)
entries = st.dictionaries(
    st.integers(min_value=1, max_value=40),
    st.fixed_dictionaries(
        {1: st.builds(Points, points, points, points), 2: st.builds(Points, points, points, points)}
    ),
    min_size=1,
    max_size=12,
)


@settings(deadline=None)  # a shared, loaded machine: no timing in unit tests
@given(entries)
def test_ranking_is_by_total_ties_share_and_order_of_entry_does_not_matter(units):
    """Ranks never decrease down the list, a higher total never ranks below a lower one,
    equal totals share a rank, and shuffling the input changes nothing."""
    results = rank(SCALES, units)
    ranked = [r for r in results if r.rank is not None]
    for above, below in itertools.pairwise(ranked):
        assert above.total >= below.total
        assert (above.rank == below.rank) == (above.total == below.total)
        assert below.rank is not None and above.rank is not None and above.rank <= below.rank
    assert rank(SCALES, dict(reversed(list(units.items())))) == results


@pytest.mark.parametrize(
    ("share", "expected"),
    [(D("1.25"), D("20.00")), (D("0.987"), D("19.74")), (D(0), D("0.00")), (D(-1), D("0.00"))],
)
def test_points_from_data_are_proportional_and_capped(share, expected):
    assert points_from_share(share, D(20)) == expected


@pytest.fixture
def launched(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="launched")
    w.movement.refresh_from_db()
    return w


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_scores_before_the_launch_are_refused(w):
    with pytest.raises(ConflictError, match="Chỉ chấm điểm"):
        movement_scores_set(
            actor=w.r.officer,
            movement=w.movement,
            organization=w.r.investment,
            scores=[ScoreInput(criterion=w.safety, points=D(5))],
        )


@pytestmark_db
def test_officers_score_units_and_the_table_ranks_them(launched):
    w = launched
    o = w.r.officer
    movement_scores_set(
        actor=o,
        movement=w.movement,
        organization=w.r.investment,
        scores=[
            ScoreInput(criterion=w.safety, points=D(9)),
            ScoreInput(criterion=w.reform, points=D(5), bonus=D(1)),
        ],
    )
    movement_scores_set(
        actor=o,
        movement=w.movement,
        organization=w.r.planning,
        scores=[
            ScoreInput(criterion=w.safety, points=D(10)),
            ScoreInput(criterion=w.reform, points=D(4), penalty=D(1)),
        ],
    )
    table = movement_score_table(actor=o, movement=w.movement)
    assert [
        (r.participant.organization.name, r.result.total, r.result.rank) for r in table.rows
    ] == [
        ("Phòng Quản lý Đầu tư", D(20), 1),
        ("Phòng Quy hoạch và Xây dựng", D(17), 2),
    ]
    event = (
        AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_SCORES_SET)
        .order_by("seq")
        .first()
    )
    assert event is not None
    assert event.changes["scores"][1][0] == "1. Bếp ăn an toàn: 9,00 (+0,00 / −0,00)"
    # A unit head sees their own row only (with its rank among all).
    mine = movement_score_table(actor=w.r.planning_head, movement=w.movement)
    assert [(r.participant.organization.name, r.result.rank) for r in mine.rows] == [
        ("Phòng Quy hoạch và Xây dựng", 2)
    ]


@pytestmark_db
def test_scores_outside_the_scale_or_by_a_unit_head_are_refused(launched):
    w = launched
    for item, field in (
        (ScoreInput(criterion=w.safety, points=D(11)), f"points_{w.safety.pk}"),
        (ScoreInput(criterion=w.reform, points=D(1), bonus=D(3)), f"bonus_{w.reform.pk}"),
        (ScoreInput(criterion=w.reform, points=D(1), penalty=D(4)), f"penalty_{w.reform.pk}"),
    ):
        with pytest.raises(ApplicationError) as caught:
            movement_scores_set(
                actor=w.r.officer, movement=w.movement, organization=w.r.investment, scores=[item]
            )
        assert field in caught.value.fields
    with pytest.raises(PermissionDeniedError):
        movement_scores_set(
            actor=w.r.investment_head,
            movement=w.movement,
            organization=w.r.investment,
            scores=[ScoreInput(criterion=w.safety, points=D(10))],
        )
    with pytest.raises(ApplicationError, match="không tham gia"):
        movement_scores_set(
            actor=w.r.officer,
            movement=w.movement,
            organization=w.r.centre,
            scores=[ScoreInput(criterion=w.safety, points=D(1))],
        )
    assert not CriterionScore.objects.exists()


@pytestmark_db
def test_two_officers_scoring_the_same_unit_do_not_overwrite_each_other(launched):
    w = launched
    args = {"movement": w.movement, "organization": w.r.investment}
    movement_scores_set(
        actor=w.r.officer,
        **args,
        scores=[ScoreInput(criterion=w.safety, points=D(6))],
        expected_versions={w.safety.pk: 0},
    )
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        movement_scores_set(
            actor=w.r.admin,
            **args,
            scores=[ScoreInput(criterion=w.safety, points=D(7))],
            expected_versions={w.safety.pk: 0},
        )
    assert CriterionScore.objects.get().points == D(6)


@pytestmark_db
def test_criteria_linked_to_data_score_themselves(launched, monkeypatch):
    """With a provider for indicators, the linked criterion gets max × share for each unit that
    has a figure; a unit without one stays unscored; typed points never replace them."""
    w = launched
    # tdkt.indicators is installed and registers its provider at start-up: start without one
    # (restored after the test).
    monkeypatch.delitem(sources._PROVIDERS, CriterionSource.INDICATOR, raising=False)
    revenue = criterion_add(
        actor=w.r.officer,
        movement=w.movement,
        text="Doanh thu đạt kế hoạch",
        max_points=20,
        source=CriterionSource.INDICATOR,
        indicator_code="doanh_thu",
    )
    with pytest.raises(ApplicationError, match="Chưa có nguồn số liệu"):
        movement_scores_compute(actor=w.r.officer, movement=w.movement)
    asked = []

    def provider(query):
        asked.append((query.indicator_code, query.year, query.organization.name))
        return D("0.9") if query.organization == w.r.investment else None

    register_provider(CriterionSource.INDICATOR, provider)
    try:
        written = movement_scores_compute(actor=w.r.officer, movement=w.movement)
        again = movement_scores_compute(actor=w.r.officer, movement=w.movement)
    finally:
        register_provider(CriterionSource.INDICATOR, None)
    assert (written, again) == (1, 0)
    assert ("doanh_thu", 2019, "Phòng Quản lý Đầu tư") in asked
    score = CriterionScore.objects.get(criterion=revenue)
    assert (score.organization, score.points, score.computed) == (w.r.investment, D("18.00"), True)
    movement_scores_set(
        actor=w.r.officer,
        movement=w.movement,
        organization=w.r.investment,
        scores=[ScoreInput(criterion=revenue, points=D(1), bonus=D(0))],
    )
    score.refresh_from_db()
    assert score.points == D("18.00")
    assert (
        AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_SCORES_COMPUTED).count() == 1
    )
