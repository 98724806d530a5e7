"""Hypothesis properties of the engine over random histories."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.rules import (
    AchievementRecord,
    Ballot,
    Candidate,
    Case,
    DisciplineRecord,
    InitiativeRecord,
    Screener,
    evaluate,
)
from tdkt.rules.codes import CODES_BY_KIND, DISCIPLINE_LEVELS, RATINGS, SCOPES
from tdkt.rules.facts import N_SLOTS
from tdkt.rules.money import ROUNDING_MODES, prize_vnd, round_vnd

IND_CODES = CODES_BY_KIND["individual"]
GS, PF, NF = (
    "grassroots_emulation_fighter",
    "provincial_emulation_fighter",
    "national_emulation_fighter",
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A random individual history around an evaluated year, future facts included."""
    year = draw(st.integers(2018, 2027))
    span = st.integers(year - 8, year + 1)
    # Rich in the patterns the rules look for, so verdicts are not almost always "no".
    ratings = draw(
        st.dictionaries(span, st.sampled_from(RATINGS + ("good", "excellent") * 3), max_size=10)
    )
    awards = draw(
        st.lists(
            st.builds(AchievementRecord, span, st.sampled_from((*IND_CODES, GS, GS, PF))),
            max_size=12,
        )
    )
    inits = draw(
        st.lists(
            st.builds(
                InitiativeRecord,
                st.just(""),
                span,
                st.sampled_from(SCOPES),
                st.one_of(st.none(), st.none(), st.sampled_from(IND_CODES)),
            ),
            max_size=6,
        )
    )
    inits = [replace(i, id=f"SK{n}") for n, i in enumerate(inits)]
    discipline = draw(
        st.lists(st.builds(DisciplineRecord, span, st.sampled_from(DISCIPLINE_LEVELS)), max_size=2)
    )
    recruited = draw(st.one_of(st.none(), st.dates(date(year - 2, 1, 1), date(year, 12, 31))))
    ballot = draw(
        st.one_of(
            st.none(),
            st.integers(1, 20).flatmap(lambda m: st.builds(Ballot, st.integers(0, m), st.just(m))),
        )
    )
    return Case(
        as_of=date(year + 1, 1, 15),
        year=year,
        subject=Candidate("individual", recruited),
        ratings=tuple(sorted(ratings.items())),
        awards=tuple(awards),
        initiatives=tuple(inits),
        discipline=tuple(discipline),
        ballot=ballot,
    )


def summary(case: Case, overrides=None) -> dict:
    return {
        v.code: (
            v.eligible,
            v.vote,
            v.prize_vnd,
            tuple((c.ok, c.message_key) for c in v.conditions),
        )
        for v in evaluate(case, overrides).results
    }


def rows_of(pid: int, case: Case) -> list[tuple]:
    rows = [(pid, y, "rating", r, None, None) for y, r in case.ratings]
    rows += [(pid, a.year, "award", a.code, None, None) for a in case.awards]
    rows += [(pid, d.year, "discipline", d.level, None, None) for d in case.discipline]
    rows += [(pid, i.year, "initiative", i.id, i.scope, i.used_for) for i in case.initiatives]
    if case.subject.recruited_on:
        rows.append(
            (pid, case.year, "recruited", case.subject.recruited_on.isoformat(), None, None)
        )
    return rows


@settings(max_examples=200, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_batch_verdicts_equal_explained_verdicts(case, rnd):
    """The fast batch path gives exactly the eligibility and vote of `evaluate`."""
    # A rating after the year is always present: ignored as evidence, it keeps the person listed.
    rows = [*rows_of(7, case), (7, case.year + 1, "rating", "excellent", None, None)]
    rnd.shuffle(rows)
    screener = Screener(case.year, case.as_of)
    ((pid, verdicts),) = list(screener.screen_rows(rows, {7: case.ballot} if case.ballot else {}))
    explained = {v.code: (v.eligible, v.vote) for v in evaluate(case).results}
    assert pid == 7
    assert dict(zip(screener.codes, verdicts, strict=True)) == explained


OFFICER_SETTINGS = (
    {"chain.exclusive_periods": False},
    {"national_emulation_fighter.chain_reading": "calendar"},
    {"discipline.barring_level": "warning", "advanced_worker.min_months_worked": 12},
    {"provincial_emulation_fighter.initiative_window_years": 1},
)


@settings(max_examples=120, deadline=None)
@given(cases(), st.sampled_from(OFFICER_SETTINGS))
def test_batch_verdicts_follow_officer_set_parameters_like_evaluate(case, overrides):
    """Parameters an officer changed reach the compiled screening path exactly as `evaluate`."""
    case = replace(case, ballot=None)
    screener = Screener(case.year, case.as_of, overrides=overrides)
    rows = [*rows_of(3, case), (3, case.year + 1, "rating", "good", None, None)]
    ((_, verdicts),) = list(screener.screen_rows(rows))
    explained = {v.code: (v.eligible, v.vote) for v in evaluate(case, overrides).results}
    assert dict(zip(screener.codes, verdicts, strict=True)) == explained


@settings(max_examples=80, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_verdict_does_not_depend_on_the_order_of_history_lists(case, rnd):
    """Shuffling ratings, awards, initiatives and discipline changes nothing."""

    def shuffled(items: tuple) -> tuple:
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    other = replace(
        case,
        ratings=shuffled(case.ratings),
        awards=shuffled(case.awards),
        initiatives=shuffled(case.initiatives),
        discipline=shuffled(case.discipline),
    )
    assert summary(other) == summary(case)


# Each prerequisite: (code, years before the evaluated year that must hold `need`, kind).
PREREQUISITES = [
    ("advanced_worker", 0, "rating"),
    (GS, 0, "rating"),
    (PF, 0, GS),
    (PF, 1, GS),
    (PF, 2, GS),
    (NF, 0, PF),
    (NF, 3, PF),
]


@settings(max_examples=120, deadline=None)
@given(cases(), st.sampled_from(PREREQUISITES))
def test_a_missing_prerequisite_year_never_yields_eligible(case, prerequisite):
    """Remove one year the chain needs: the title is never eligible, whatever else holds."""
    code, back, need = prerequisite
    gap = case.year - back
    if need == "rating":
        case = replace(case, ratings=tuple((y, r) for y, r in case.ratings if y != gap))
    else:
        case = replace(
            case, awards=tuple(a for a in case.awards if not (a.code == need and a.year == gap))
        )
    (v,) = evaluate(replace(case, candidates=(code,))).results
    assert v.eligible is False


@settings(max_examples=80, deadline=None)
@given(cases())
def test_every_failed_condition_has_a_citation(case):
    """A user who is told "no" is always told which article says so."""
    for v in evaluate(case).results:
        for c in v.conditions:
            if c.ok is False:
                assert c.citation.strip()


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


@given(amounts, st.sampled_from(ROUNDING_MODES))
def test_rounding_always_gives_a_multiple_of_10000_close_to_the_amount(amount, mode):
    """Prize money is a multiple of 10,000 VND; up never loses money, nearest is within 5,000."""
    rounded = round_vnd(amount, mode)
    assert rounded % 10_000 == 0
    if mode == "ceiling":
        assert amount <= rounded < amount + 10_000
    else:
        assert abs(rounded - amount) <= 5_000


@given(
    st.decimals(min_value=0, max_value=20, places=2),
    st.integers(1, 10**7),
    st.integers(0, 10**7),
    st.sampled_from(ROUNDING_MODES),
)
def test_prize_never_decreases_when_base_salary_rises(coef, salary, rise, mode):
    """A higher base salary never pays less, in either rounding mode."""
    assert prize_vnd(coef, salary, mode) <= prize_vnd(coef, salary + rise, mode)


@settings(max_examples=50, deadline=None)
@given(cases())
def test_prize_rises_with_the_july_2026_base_salary(case):
    """Same rule set, same facts: the decision after 01/07/2026 never pays less."""
    before = replace(case, as_of=date(2026, 6, 30), year=min(case.year, 2025))
    after = replace(before, as_of=date(2026, 7, 1))
    for v1, v2 in zip(evaluate(before).results, evaluate(after).results, strict=True):
        assert v1.code == v2.code
        if v1.prize_vnd is not None:
            assert v1.prize_vnd <= v2.prize_vnd


def test_random_cities_screen_like_the_explaining_path():
    """A few hundred random people in one screening pass give the explained verdicts."""
    rnd = random.Random(4)
    screener = Screener(2025, date(2026, 1, 15))
    rows, expected = [], {}
    for pid in range(300):
        ratings = {y: rnd.choice(("good", "excellent", "complete")) for y in range(2018, 2026)}
        awards = tuple(AchievementRecord(y, GS) for y in range(2019, 2026) if rnd.random() < 0.5)
        case = Case(
            as_of=date(2026, 1, 15),
            year=2025,
            ratings=tuple(ratings.items()),
            awards=awards,
            initiatives=(InitiativeRecord(f"S{pid}", 2025, "provincial"),),
        )
        rows += rows_of(pid, case)
        expected[pid] = tuple((v.eligible, v.vote) for v in evaluate(case).results)
    got = dict(screener.screen_rows(rows))
    assert got == expected
    assert any(v[2][0] for v in got.values())  # some people are CSTĐ tỉnh candidates
    assert Decimal(sum(v[0][0] for v in got.values())) > 0


def test_inline_check_expressions_accept_only_integers_and_masks():
    """The screener compiles expressions into code, so anything but mask arithmetic is refused."""
    from tdkt.rules.checks import inline

    def check(f):
        return True

    assert inline(check, "(m[3] & 1024) != 0 and months >= 6").expr.startswith("(m[3]")
    for bad in ("__import__('os')", "m[3] if x else 1", "open('f')", "m[3]; 1", "'a'"):
        with pytest.raises(ValueError):
            inline(check, bad)


def _reference_bits(screener: Screener, facts) -> int:
    """The plan evaluated the slow way: each condition's own closure, in order."""
    bits = 0
    for flag, need, checks in screener._flags:
        if (not need or bits & need) and all(check(facts) for check in checks):
            bits |= flag
    return bits


@settings(max_examples=150, deadline=None)
@given(cases())
def test_generated_screening_code_agrees_with_the_condition_closures(case):
    """The compiled function decides like the closures, with or without the derived slots."""
    from tdkt.rules.facts import DERIVED, facts_from_case

    screener = Screener(case.year, case.as_of)
    facts = replace(facts_from_case(case), ballot=None)
    expected = _reference_bits(screener, facts)
    assert screener._decide_bits(facts) == expected
    raw = list(facts.masks)
    for slot in DERIVED:
        raw[slot] = 0  # as the screening loop leaves them when nothing called needs them
    if not screener._needs_finish:
        assert screener._decide_bits(replace(facts, masks=raw)) == expected


@given(st.lists(st.integers(0, 2**40), min_size=N_SLOTS, max_size=N_SLOTS))
def test_derived_slots_are_what_finish_computes(masks):
    from tdkt.rules.facts import DERIVED, finish

    done = finish(list(masks))
    for slot, exact in DERIVED.items():
        want = 0
        for e in exact:
            want |= masks[e]
        assert done[slot] == want
