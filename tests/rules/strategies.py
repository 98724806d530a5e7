"""Hypothesis strategies that reach every verdict: each draw aims at one code and builds a
history meeting its conditions, then adds noise and sometimes breaks one fact.

Random histories alone almost never make the higher titles eligible (a CSTĐ toàn quốc needs
two CSTĐ bộ/tỉnh periods and a national initiative), so properties compared "not eligible"
with "not eligible". Here a draw picks a rule set (by decision date around the transitions, or
by name), a subject kind and a target code, reads that rule set's conditions and parameters,
and writes a history that satisfies each condition the way a person would: the ratings, the
titles of the years a chain needs, enough unused initiatives, a passing ballot. Noise (other
ratings, titles, used initiatives, discipline, future facts) and a dropped fact then make
near misses, so both verdicts occur for every code (`test_every_code_is_eligible_…`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from tdkt.rules import (
    REGISTRY,
    AchievementRecord,
    Ballot,
    Candidate,
    Case,
    CollectiveFacts,
    DisciplineRecord,
    InitiativeRecord,
    select_rule_set,
)
from tdkt.rules.codes import (
    AWARD_CODES,
    CODES_BY_KIND,
    DISCIPLINE_LEVELS,
    RATING_RANK,
    RATINGS,
    SCOPE_RANK,
    SCOPES,
    SUBJECT_KINDS,
)
from tdkt.rules.conditions import Cond, value
from tdkt.rules.regimes.base import Rule, RuleSet

# Dates where the answer changes: rule sets, the July base salaries, R2026's reported start.
TRANSITIONS = (
    date(2017, 10, 1),
    date(2019, 7, 1),
    date(2023, 7, 1),
    date(2024, 1, 1),
    date(2024, 7, 1),
    date(2025, 7, 1),
    date(2026, 7, 1),
    date(2026, 10, 1),
)
FIRST_DECISION = date(2017, 10, 1)  # nothing is in force before R2013
R2026_ON = {"regime.R2026.active": True}
# Values an officer may set, each changing how some condition reads.
OFFICER_SETTINGS: tuple[dict[str, Any], ...] = (
    {},
    {},
    {},
    R2026_ON,
    R2026_ON,
    {"chain.exclusive_periods": False},
    {"national_emulation_fighter.chain_reading": "calendar"},
    {"discipline.barring_level": "warning", "advanced_worker.min_months_worked": 12},
    {"provincial_emulation_fighter.initiative_window_years": 1},
    {"advanced_collective.min_advanced_worker_percent": "65", "R2013:prize.rounding": "ceiling"},
    {"vote.grassroots_emulation_fighter.min_percent": None},
)


def reachable(rule: Rule) -> bool:
    """Tell whether a rule can ever be met (criteria nobody verified never are)."""
    return all(c.kind != "unverified_criteria" for c in rule.conditions)


@dataclass
class History:
    """A history being written; turned into a `Case` at the end."""

    year: int
    kind: str
    ratings: dict[int, str] = field(default_factory=dict)
    awards: set[tuple[int, str]] = field(default_factory=set)
    initiatives: list[InitiativeRecord] = field(default_factory=list)
    discipline: list[DisciplineRecord] = field(default_factory=list)
    recruited_on: date | None = None
    ballot: Ballot | None = None
    members: int = 20
    counts: dict[str, int] = field(default_factory=dict)
    leads_block: bool | None = None

    def rate(self, year: int, at_least: str, rnd: random.Random) -> None:
        """Give `year` a rating of at least `at_least`, keeping a better one already there."""
        options = [r for r in RATINGS if RATING_RANK[r] >= RATING_RANK[at_least]]
        current = self.ratings.get(year)
        if current is None or RATING_RANK[current] < RATING_RANK[at_least]:
            self.ratings[year] = rnd.choice(options)

    def initiative(self, year: int, scope: str, used_for: str | None = None) -> None:
        ident = f"SK-{len(self.initiatives) + 1}"
        self.initiatives.append(InitiativeRecord(ident, year, scope, used_for))


def _wider(scope: str, rnd: random.Random) -> str:
    return rnd.choice([s for s in SCOPES if SCOPE_RANK[s] >= SCOPE_RANK[scope]])


def satisfy(cond: Cond, values: dict[str, Any], h: History, rnd: random.Random) -> None:
    """Add to `h` the facts a person meeting `cond` would have (negative conditions: none)."""
    y = h.year

    def v(name: str, default: Any = None) -> Any:
        return value(cond.arg(name, default), values)

    kind = cond.kind
    if kind == "rating":
        h.rate(y, v("min_rating"), rnd)
    elif kind == "months_worked":
        minimum = int(v("minimum"))
        if rnd.random() < 0.5 and minimum <= 12:
            month = rnd.randint(1, 13 - minimum) if minimum > 0 else 12
            h.recruited_on = date(y, month, 1)
        else:
            h.recruited_on = rnd.choice((None, date(y - 3, 5, 17)))
    elif kind == "award_streak":
        count = int(v("count"))
        step = 1
        if cond.arg("reading") is not None and v("reading") == "period":
            step = int(v("period"))
        for k in range(count):
            h.awards.add((y - k * step, cond.arg("code")))
    elif kind == "rating_streak":
        count, or_award = int(v("count")), cond.arg("or_award")
        for back in range(count):
            if or_award and rnd.random() < 0.5:
                h.awards.add((y - back, or_award))
            else:
                h.rate(y - back, cond.arg("min_rating"), rnd)
    elif kind == "initiatives":
        count, window = int(v("count")), int(v("window"))
        for _ in range(count):
            h.initiative(rnd.randint(y - window + 1, y), _wider(cond.arg("scope"), rnd))
    elif kind == "award_count":
        minimum, window = int(v("minimum")), int(v("window"))
        years = rnd.sample(range(y - window + 1, y + 1), minimum)
        h.awards.update((year, cond.arg("code")) for year in years)
    elif kind == "award_before":
        latest = y - int(v("years_before"))
        h.awards.add((rnd.randint(latest - 3, latest), cond.arg("code")))
    elif kind == "vote":
        threshold = values[cond.arg("threshold").name]
        members = rnd.randint(5, 25)
        low = 0 if threshold is None else -(-int(threshold * members) // 100)
        h.ballot = None if rnd.random() < 0.4 else Ballot(rnd.randint(low, members), members)
    elif kind == "any_of":
        satisfy(rnd.choice(cond.subs), values, h, rnd)
    elif kind == "all_of":
        for sub in cond.subs:
            satisfy(sub, values, h, rnd)
    elif kind in ("member_share", "all_members", "member_minimum", "no_members"):
        name = cond.arg("field")
        if kind == "member_share":
            minimum = Decimal(v("minimum"))
            need = int(minimum * h.members // 100) + 1
            if not cond.arg("strict") and minimum * h.members % 100 == 0:
                need -= 1
            h.counts[name] = rnd.randint(min(need, h.members), h.members)
        elif kind == "all_members":
            h.counts[name] = h.members
        elif kind == "member_minimum":
            h.counts[name] = rnd.randint(int(v("minimum")), h.members)
        else:
            h.counts[name] = 0
    elif kind == "leads_block":
        h.leads_block = True
    elif kind == "award_in_year":
        h.awards.add((y, cond.arg("code")))
    # no_discipline, exclusive_period: met by default; noise may break them.


def _noise(h: History, rnd: random.Random) -> None:
    """Facts a real record also holds: other years, other titles, used initiatives, discipline."""
    y = h.year
    first, last = y - 8, y + 1  # y + 1: facts after the year, never evidence for it
    for _ in range(rnd.randint(0, 6)):
        h.ratings.setdefault(rnd.randint(first, last), rnd.choice(RATINGS))
    if rnd.random() < 0.25:
        for _ in range(rnd.randint(1, 2)):
            h.awards.add((rnd.randint(first, last), rnd.choice(AWARD_CODES)))
    if rnd.random() < 0.25:
        h.initiative(rnd.randint(first, last), rnd.choice(SCOPES), rnd.choice(AWARD_CODES))
    if rnd.random() < 0.1:
        level = rnd.choice(DISCIPLINE_LEVELS)
        h.discipline.append(DisciplineRecord(rnd.randint(y - 2, y + 1), level))


def _break_one(h: History, rnd: random.Random) -> None:
    """Drop one fact of the history: a near miss."""
    what = rnd.choice(("rating", "award", "initiative", "ballot", "counts"))
    if what == "rating" and h.ratings:
        year = h.year if h.year in h.ratings and rnd.random() < 0.5 else None
        del h.ratings[year if year is not None else rnd.choice(sorted(h.ratings))]
    elif what == "award" and h.awards:
        h.awards.discard(rnd.choice(sorted(h.awards)))
    elif what == "initiative" and h.initiatives:
        h.initiatives.pop(rnd.randrange(len(h.initiatives)))
    elif what == "ballot" and h.ballot is not None:
        h.ballot = Ballot(0, h.ballot.members)
    elif what == "counts" and h.counts:
        h.counts[rnd.choice(sorted(h.counts))] = rnd.randint(0, h.members)


_TARGETS = {
    (name, kind): [
        rule
        for code in CODES_BY_KIND[kind]
        if (rule := REGISTRY.get(name).rule(code, kind)) is not None and reachable(rule)
    ]
    for name in REGISTRY.names()
    for kind in SUBJECT_KINDS
}


def _day(rnd: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rnd.randint(0, (last - first).days))


def decision_date(rnd: random.Random) -> date:
    """A decision date: on a transition (± a few days) or anywhere in 2018–2027."""
    if rnd.random() < 0.5:
        near = rnd.choice(TRANSITIONS) + timedelta(days=rnd.randint(-3, 3))
        return max(near, FIRST_DECISION)
    return _day(rnd, date(2018, 1, 1), date(2027, 12, 31))


@dataclass(frozen=True)
class Drawn:
    """A drawn case with the officer settings it is evaluated under and what it aimed at."""

    case: Case
    overrides: dict[str, Any]
    rule_set: str
    target: str


def aimed_case(
    rnd: random.Random, settings: tuple[dict[str, Any], ...] = OFFICER_SETTINGS
) -> Drawn:
    """A case aimed at one code of one rule set, with its officer settings (see module doc).

    Half the draws name a rule set (R2026 with its activation), half choose by date, near the
    transitions and the dossier-lodging rule (NĐ 152 Art 60.3) more often than elsewhere.
    """
    overrides = rnd.choice(settings)
    rule_set = rnd.choice(("auto", "auto", "auto", "auto", *REGISTRY.names()))
    if rule_set == "R2026" or (overrides == R2026_ON and rnd.random() < 0.5):
        if len(settings) == 1 and rule_set == "R2026":  # fixed settings: stay inactive
            rule_set = "R2022b"
        else:
            overrides = {**overrides, **R2026_ON}
    if overrides.get("regime.R2026.active"):
        as_of = _day(rnd, date(2026, 10, 1), date(2027, 12, 31))
    else:
        as_of = decision_date(rnd)
    lodged = None
    if rnd.random() < 0.4:
        lodged = (
            rnd.choice(TRANSITIONS)
            if rnd.random() < 0.5
            else as_of - timedelta(days=rnd.randint(-1, 400))
        )
        lodged = min(lodged, as_of)
    rs: RuleSet = select_rule_set(as_of, rule_set, overrides=overrides, dossier_lodged_on=lodged)
    year = as_of.year - rnd.choice((1, 1, 1, 0, 2))
    kind = rnd.choice(SUBJECT_KINDS)
    target = rnd.choice(_TARGETS[(rs.name, kind)])
    values = {n: pv.value for n, pv in REGISTRY.values(rs, overrides).items()}
    h = History(year, kind, members=rnd.randint(5, 60))
    for cond in target.all_conditions:
        satisfy(cond, values, h, rnd)
    _noise(h, rnd)
    if rnd.random() < 0.3:
        _break_one(h, rnd)
    collective = None
    if kind == "collective":
        counts = {
            name: min(h.counts.get(name, rnd.randint(0, h.members)), h.members)
            for name in (
                "members_completing_tasks",
                "members_advanced_worker",
                "members_grassroots_fighter",
                "members_disciplined_warning_or_above",
            )
        }
        if "members_disciplined_warning_or_above" not in h.counts:
            counts["members_disciplined_warning_or_above"] = rnd.choice((0, 0, 0, 1))
        collective = CollectiveFacts(
            members=h.members,
            rating=rnd.choice((None, None, None, *RATINGS)),
            leads_block=h.leads_block if h.leads_block else rnd.choice((None, False)),
            **counts,
        )
        if collective.rating is not None and h.year in h.ratings:
            collective = replace(collective, rating=h.ratings[h.year])
    case = Case(
        as_of=as_of,
        year=year,
        subject=Candidate(kind, h.recruited_on if kind == "individual" else None),
        ratings=tuple(sorted(h.ratings.items())),
        awards=tuple(AchievementRecord(y, c) for y, c in sorted(h.awards)),
        initiatives=tuple(h.initiatives),
        discipline=tuple(h.discipline),
        ballot=h.ballot,
        collective=collective,
        rule_set=rule_set,
        dossier_lodged_on=lodged,
    )
    return Drawn(case, overrides, rs.name, target.code)


def aimed_cases(
    settings: tuple[dict[str, Any], ...] = OFFICER_SETTINGS,
) -> st.SearchStrategy[Drawn]:
    """The hypothesis strategy: one `aimed_case` per drawn seed.

    Everything is drawn from the seed with `random.Random`, so a seed gives the same case on
    every run and `test_every_code_is_eligible_…` can measure the shares over fixed seeds
    (hypothesis' own choices also depend on the constants of the modules loaded so far).
    """
    return st.integers(0, 2**64 - 1).map(lambda seed: aimed_case(random.Random(seed), settings))
