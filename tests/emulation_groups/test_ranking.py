"""The ranking is a total order, does not depend on input order, and its explanation is the
comparison that decided each position (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.emulation_groups import ranking

CRITERIA = (1, 2, 3)
points = st.integers(min_value=0, max_value=6).map(lambda n: Decimal(n) / 2)


@st.composite
def members(draw: st.DrawFn) -> list[ranking.MemberScore]:
    count = draw(st.integers(min_value=1, max_value=8))
    names = draw(st.lists(st.sampled_from("ABCD"), min_size=count, max_size=count))
    return [
        ranking.MemberScore(
            key=i,
            name=names[i],
            sort_name=names[i].lower(),
            criteria={c: draw(points) for c in CRITERIA},
            bonus=draw(points),
            penalty=draw(points),
        )
        for i in range(count)
    ]


rules = st.lists(
    st.sampled_from(
        [
            ranking.TieBreak(ranking.CRITERION, 1),
            ranking.TieBreak(ranking.CRITERION, 3),
            ranking.TieBreak(ranking.FEWER_PENALTIES),
            ranking.TieBreak(ranking.MORE_BONUS),
        ]
    ),
    unique=True,
    max_size=4,
)


def _better(upper: object, lower: object, rule: str) -> bool:
    if rule == ranking.FEWER_PENALTIES:
        return upper < lower  # type: ignore[operator]
    if rule == ranking.NAME:
        return upper <= lower  # type: ignore[operator]
    return upper > lower  # type: ignore[operator]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(members(), rules, st.randoms())
def test_ranking_is_a_stable_total_order_with_a_true_explanation(ms, rs, rnd) -> None:
    placed = ranking.rank(ms, rs)
    assert sorted(p.member.key for p in placed) == sorted(m.key for m in ms)
    assert [p.position for p in placed] == list(range(1, len(ms) + 1))
    shuffled = list(ms)
    rnd.shuffle(shuffled)
    assert [p.member.key for p in ranking.rank(shuffled, rs)] == [p.member.key for p in placed]
    for upper, lower in pairwise(placed):
        assert ranking.sort_key(upper.member, rs) < ranking.sort_key(lower.member, rs)
        over = upper.over
        assert over is not None and upper.below == lower.member
        assert _better(over.upper, over.lower, over.rule)
        if over.rule != ranking.TOTAL:
            assert upper.member.total == lower.member.total
            for earlier in rs[: over.index - 1 if over.index else len(rs)]:
                assert ranking.compare(upper.member, lower.member, [earlier]).rule == ranking.NAME
        if over.rule == ranking.TOTAL:
            assert upper.member.total > lower.member.total
    assert placed[-1].over is None


def test_weighted_points_are_rounded_to_the_cent() -> None:
    assert ranking.weighted(Decimal("33.33"), Decimal("1.5")) == Decimal("50.00")
