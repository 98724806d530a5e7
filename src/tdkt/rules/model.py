"""Frozen input and output records of the rule engine (STYLE §8.2).

Adapters on the Django side turn ORM rows into these records; the engine never sees a model.
Dates are `datetime.date`, money is an `int` number of VND, shares are `Decimal` percents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from .codes import INDIVIDUAL


@dataclass(frozen=True, slots=True)
class Candidate:
    """The person or collective being considered.

    `recruited_on` is the start of *continuous* service in the agency, whatever the contract
    type (BNV: contract then civil-servant time counts, legal-rules §11 ex. 8); `None` means the
    whole year was served.
    """

    kind: str = INDIVIDUAL
    recruited_on: date | None = None


@dataclass(frozen=True, slots=True)
class AchievementRecord:
    """A title or form already granted for the achievements of `year`."""

    year: int
    code: str


@dataclass(frozen=True, slots=True)
class InitiativeRecord:
    """A recognised initiative (or accepted research project) and the award it already served.

    An initiative whose `used_for` is set cannot serve again (Law 2022 Art 5.2.c).
    """

    id: str
    year: int
    scope: str
    used_for: str | None = None


@dataclass(frozen=True, slots=True)
class DisciplineRecord:
    """A disciplinary measure taken in `year`."""

    year: int
    level: str


@dataclass(frozen=True, slots=True)
class Ballot:
    """Secret-ballot result of the council: yes votes out of *all* council members."""

    yes: int
    members: int


@dataclass(frozen=True, slots=True)
class CollectiveFacts:
    """Member counts of a collective for the evaluated year (Law 2022 Art 27–28)."""

    members: int
    members_completing_tasks: int = 0
    members_advanced_worker: int = 0
    members_grassroots_fighter: int = 0
    members_disciplined_warning_or_above: int = 0
    rating: str | None = None
    leads_block: bool | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """Everything the engine needs to decide one subject's candidacies for one year.

    `dossier_lodged_on` is optional: when given it triggers the transitional rules that key on
    the date a dossier was lodged (NĐ 152/2025 Art 60.3; R2026 once activated).
    """

    as_of: date
    year: int
    subject: Candidate = field(default_factory=Candidate)
    ratings: tuple[tuple[int, str], ...] = ()
    awards: tuple[AchievementRecord, ...] = ()
    initiatives: tuple[InitiativeRecord, ...] = ()
    discipline: tuple[DisciplineRecord, ...] = ()
    ballot: Ballot | None = None
    collective: CollectiveFacts | None = None
    candidates: tuple[str, ...] | None = None
    rule_set: str = "auto"
    dossier_lodged_on: date | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class UnitCase:
    """A whole unit for one year, where caps and ratios apply (contract, "Unit batches")."""

    as_of: date
    year: int
    cases: tuple[Case, ...]
    unit_name: str = ""
    extra_advanced_workers: int = 0
    rule_set: str = "auto"
    dossier_lodged_on: date | None = None


@dataclass(frozen=True, slots=True)
class ConditionResult:
    """One condition of one award: met (`ok=True`), not met (`False`) or pending (`None`).

    The text is not stored: `message_key` and `params` are rendered by `messages.render`.
    """

    ok: bool | None
    message_key: str
    params: dict[str, Any]
    citation: str
    is_vote: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """The engine's answer for one award code."""

    code: str
    eligible: bool
    vote: str
    prize_coefficient: Decimal | None
    prize_vnd: int | None
    conditions: tuple[ConditionResult, ...]

    @property
    def missing(self) -> tuple[ConditionResult, ...]:
        """Return the conditions that are not met (pending votes excluded)."""
        return tuple(c for c in self.conditions if c.ok is False)


class Decision(NamedTuple):
    """The verdict of one code without its explanation (the screening path).

    A named tuple rather than a frozen dataclass: a list of thousands of people makes one
    per person and code, and a tuple is several times cheaper to create.
    """

    code: str
    eligible: bool
    vote: str


@dataclass(frozen=True, slots=True)
class Screening:
    """The decisions for every candidate code of one case, in contract order."""

    id: str | None
    rule_set: str
    decisions: tuple[Decision, ...]

    def eligible_codes(self) -> tuple[str, ...]:
        """Return the codes the subject is eligible for."""
        return tuple(d.code for d in self.decisions if d.eligible)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """All verdicts for one case."""

    rule_set: str
    as_of: date
    year: int
    base_salary_vnd: int
    results: tuple[Verdict, ...]
    id: str | None = None


@dataclass(frozen=True, slots=True)
class CapResult:
    """A unit-level cap: how many are eligible and how many the ratio allows."""

    code: str
    eligible: int
    max: int
    percent: Decimal
    basis_count: int
    basis_code: str
    citation: str


@dataclass(frozen=True, slots=True)
class UnitEvaluation:
    """Verdicts of every case of a unit, plus the caps."""

    rule_set: str
    as_of: date
    year: int
    base_salary_vnd: int
    results: tuple[Evaluation, ...]
    caps: tuple[CapResult, ...]
