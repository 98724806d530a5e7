"""Hypothesis properties of the engine over histories aimed at every code (strategies.py)."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.rules import (
    REGISTRY,
    AchievementRecord,
    Ballot,
    Case,
    DisciplineRecord,
    InitiativeRecord,
    evaluate,
    screen,
)
from tdkt.rules.codes import CODES_BY_KIND, INDIVIDUAL
from tdkt.rules.document import evaluate_text
from tdkt.rules.money import ROUNDING_MODES, prize_vnd, round_vnd
from tdkt.rules.output import evaluation_to_json
from tdkt.rules.schema import parse_document

from .strategies import Drawn, aimed_case, aimed_cases, reachable

GS, PF, NF = (
    "grassroots_emulation_fighter",
    "provincial_emulation_fighter",
    "national_emulation_fighter",
)
SHARE_DRAWS = 2000
MIN_SHARE = 0.05


def to_json(case: Case) -> dict:
    """Write a case as the contract's JSON, the way a user would."""
    doc: dict = {
        "as_of": case.as_of.isoformat(),
        "year": case.year,
        "rule_set": case.rule_set,
        "subject": {"kind": case.subject.kind},
        "ratings": {str(y): r for y, r in case.ratings},
        "awards": [{"year": a.year, "code": a.code} for a in case.awards],
        "initiatives": [
            {"id": i.id, "year": i.year, "scope": i.scope, "used_for": i.used_for}
            for i in case.initiatives
        ],
        "discipline": [{"year": d.year, "level": d.level} for d in case.discipline],
        "ballot": None
        if case.ballot is None
        else {"yes": case.ballot.yes, "members": case.ballot.members},
        "collective": None
        if case.collective is None
        else {
            "members": case.collective.members,
            "rating": case.collective.rating,
            "members_completing_tasks": case.collective.members_completing_tasks,
            "members_advanced_worker": case.collective.members_advanced_worker,
            "members_grassroots_fighter": case.collective.members_grassroots_fighter,
            "members_disciplined_warning_or_above": (
                case.collective.members_disciplined_warning_or_above
            ),
            "leads_block": case.collective.leads_block,
        },
    }
    if case.subject.recruited_on:
        doc["subject"]["recruited_on"] = case.subject.recruited_on.isoformat()
    if case.dossier_lodged_on:
        doc["dossier_lodged_on"] = case.dossier_lodged_on.isoformat()
    return doc


def screen_one(d: Drawn):
    (screening,) = screen([d.case], d.overrides)
    return screening.decisions


def decided(d: Drawn) -> dict[str, tuple[bool, str]]:
    return {v.code: (v.eligible, v.vote) for v in evaluate(d.case, d.overrides).results}


def test_every_code_is_eligible_in_a_meaningful_share_of_draws():
    """Over fixed seeds, every code that can be met is eligible in ≥ 5 % of the draws of its
    rule set and subject kind — and not eligible in ≥ 5 % — so the properties below compare
    real verdicts, not "no" with "no"."""
    eligible: Counter = Counter()
    draws: Counter = Counter()
    for seed in range(SHARE_DRAWS):
        d = aimed_case(random.Random(seed))
        kind = d.case.subject.kind
        draws[(d.rule_set, kind)] += 1
        for v in screen_one(d):
            if v.eligible:
                eligible[(d.rule_set, kind, v.code)] += 1
    shares = {}
    for name in REGISTRY.names():
        rs = REGISTRY.get(name)
        for kind, codes in CODES_BY_KIND.items():
            n = draws[(name, kind)]
            assert n >= 100, f"only {n} draws of {name} {kind}"
            for code in codes:
                rule = rs.rule(code, kind)
                if rule is None or not reachable(rule):
                    assert eligible[(name, kind, code)] == 0
                    continue
                shares[(name, kind, code)] = eligible[(name, kind, code)] / n
    low = {k: round(s, 3) for k, s in shares.items() if not MIN_SHARE <= s <= 1 - MIN_SHARE}
    assert low == {}, f"codes eligible too rarely or too often: {low}"
    assert len(shares) >= 40  # 4 rule sets × individual and collective codes


@settings(max_examples=300, deadline=None)
@given(aimed_cases())
def test_screening_decides_exactly_like_the_explanation(d: Drawn):
    """The eligibility-list path gives the eligibility and vote of `evaluate` for every code,
    collectives, officer settings, rule sets and transitions included."""
    (screening,) = screen([d.case], d.overrides)
    assert screening.rule_set == d.rule_set
    assert {x.code: (x.eligible, x.vote) for x in screening.decisions} == decided(d)


@settings(max_examples=150, deadline=None)
@given(aimed_cases())
def test_the_json_document_gives_the_same_verdicts_as_the_records(d: Drawn):
    """Written as the contract's JSON and read back by the parser, a case is the same case,
    and `tdkt rules evaluate`'s path answers what `evaluate` answers."""
    text = json.dumps(to_json(d.case))
    assert parse_document(text, REGISTRY.names()) == d.case
    assert evaluate_text(text, overrides=d.overrides) == evaluation_to_json(
        evaluate(d.case, d.overrides)
    )


@settings(max_examples=150, deadline=None)
@given(aimed_cases(), st.randoms(use_true_random=False))
def test_verdict_does_not_depend_on_the_order_of_history_lists(d: Drawn, rnd):
    """Shuffling ratings, awards, initiatives and discipline changes nothing."""

    def shuffled(items: tuple) -> tuple:
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    case = d.case
    other = replace(
        case,
        ratings=shuffled(case.ratings),
        awards=shuffled(case.awards),
        initiatives=shuffled(case.initiatives),
        discipline=shuffled(case.discipline),
    )
    assert evaluate(other, d.overrides) == evaluate(case, d.overrides)


# A prerequisite: (code, years before the evaluated year that must hold `need`), default
# parameters: CSTĐ bộ/tỉnh rests on 3 CSTĐ cơ sở years, CSTĐ toàn quốc on two CSTĐ bộ/tỉnh
# periods (the year and three years before).
PREREQUISITES = {GS: ((0, "rating"),), PF: ((0, GS), (1, GS), (2, GS)), NF: ((0, PF), (3, PF))}


@settings(max_examples=300, deadline=None)
@given(aimed_cases(settings=({},)), st.data())
def test_a_missing_prerequisite_year_is_never_eligible(d: Drawn, data):
    """Remove one year a chain needs: the title is not eligible, whatever else holds."""
    case = d.case
    if case.subject.kind != INDIVIDUAL or d.target not in PREREQUISITES:
        return
    back, need = data.draw(st.sampled_from(PREREQUISITES[d.target]))
    gap = case.year - back
    if need == "rating":
        case = replace(case, ratings=tuple((y, r) for y, r in case.ratings if y != gap))
    else:
        case = replace(
            case, awards=tuple(a for a in case.awards if not (a.code == need and a.year == gap))
        )
    (v,) = evaluate(replace(case, candidates=(d.target,))).results
    assert v.eligible is False


def test_prerequisite_property_is_not_vacuous():
    """Before the removal, the aimed titles are eligible in a good share of the draws."""
    hits: Counter = Counter()
    for seed in range(600):
        d = aimed_case(random.Random(seed), ({},))
        if d.case.subject.kind == INDIVIDUAL and d.target in PREREQUISITES:
            hits[d.target, decided(d)[d.target][0]] += 1
    for code in PREREQUISITES:
        assert hits[code, True] >= 10, (code, hits)


@settings(max_examples=200, deadline=None)
@given(aimed_cases(settings=({},)), st.sampled_from(("reprimand", "warning", "dismissal")))
def test_discipline_in_the_year_bars_every_individual_award(d: Drawn, level):
    """A person disciplined in the evaluated year is eligible for no individual title or form
    (NĐ 91/2017 Art 10; NĐ 152/2025 Art 4), under every rule set."""
    case = d.case
    if case.subject.kind != INDIVIDUAL:
        return
    case = replace(case, discipline=(*case.discipline, DisciplineRecord(case.year, level)))
    assert not [v.code for v in evaluate(case).results if v.eligible]


@settings(max_examples=200, deadline=None)
@given(aimed_cases())
def test_a_pending_vote_never_blocks_and_a_failed_one_always_does(d: Drawn):
    """Without a ballot the verdict is the other conditions'; with no yes vote it is "no"."""
    pending = evaluate(replace(d.case, ballot=None), d.overrides).results
    failed = evaluate(replace(d.case, ballot=Ballot(0, 15)), d.overrides).results
    for p, f in zip(pending, failed, strict=True):
        others_hold = all(c.ok for c in p.conditions if not c.is_vote)
        assert p.eligible is others_hold
        if f.vote == "failed":
            assert f.eligible is False


@settings(max_examples=150, deadline=None)
@given(aimed_cases())
def test_every_failed_condition_has_a_citation(d: Drawn):
    """A user who is told "no" is always told which article says so."""
    for v in evaluate(d.case, d.overrides).results:
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
    st.decimals(min_value=0, max_value=50, places=2),
    st.integers(1, 10**7),
    st.integers(0, 10**7),
    st.sampled_from(ROUNDING_MODES),
)
def test_prize_never_decreases_when_base_salary_rises(coef, salary, rise, mode):
    """A higher base salary never pays less, in either rounding mode."""
    assert prize_vnd(coef, salary, mode) <= prize_vnd(coef, salary + rise, mode)


@settings(max_examples=80, deadline=None)
@given(aimed_cases(settings=({},)))
def test_prize_rises_with_the_july_2026_base_salary(d: Drawn):
    """Same rule set, same facts: the decision on 01/07/2026 never pays less than on 30/06."""
    case = replace(d.case, rule_set=d.rule_set, year=min(d.case.year, 2025), ballot=None)
    before = evaluate(replace(case, as_of=date(2026, 6, 30)))
    after = evaluate(replace(case, as_of=date(2026, 7, 1)))
    assert after.base_salary_vnd > before.base_salary_vnd
    for v1, v2 in zip(before.results, after.results, strict=True):
        if v1.prize_vnd is not None:
            assert v1.prize_vnd <= v2.prize_vnd


def test_a_unit_of_random_people_screens_like_the_explaining_path():
    """Three hundred people with random careers, screened as one list, get the explained
    verdicts; some of them are CSTĐ bộ/tỉnh candidates."""
    rnd = random.Random(4)
    cases = []
    for pid in range(300):
        ratings = {y: rnd.choice(("good", "excellent", "complete")) for y in range(2018, 2026)}
        awards = tuple(AchievementRecord(y, GS) for y in range(2019, 2026) if rnd.random() < 0.5)
        cases.append(
            Case(
                as_of=date(2026, 1, 15),
                year=2025,
                ratings=tuple(ratings.items()),
                awards=awards,
                initiatives=(InitiativeRecord(f"S{pid}", 2025, "provincial"),),
                id=str(pid),
            )
        )
    screened = {s.id: s.decisions for s in screen(cases)}
    for case in cases:
        expected = tuple((v.code, v.eligible, v.vote) for v in evaluate(case).results)
        assert tuple((x.code, x.eligible, x.vote) for x in screened[case.id]) == expected
    assert any(PF in s.eligible_codes() for s in screen(cases))
