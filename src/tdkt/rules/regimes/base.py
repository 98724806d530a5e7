"""Shapes of rule-set data: rules, caps, transitions and the rule set itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tdkt.rules.conditions import Cond
from tdkt.rules.params import Parameter


@dataclass(frozen=True, slots=True)
class Rule:
    """The conditions of one title or form for one kind of subject.

    `coefficient` names the prize parameter; `vote` is the council-ballot condition, if any;
    `note` says in plain words what the computable conditions leave to the officer.
    """

    code: str
    kind: str
    conditions: tuple[Cond, ...]
    coefficient: str
    vote: Cond | None = None
    note: str = ""

    @property
    def all_conditions(self) -> tuple[Cond, ...]:
        """Return the conditions followed by the vote condition, in display order."""
        return self.conditions + ((self.vote,) if self.vote is not None else ())


@dataclass(frozen=True, slots=True)
class Cap:
    """A unit-level ratio: at most `percent` % of the subjects eligible for `basis_code`."""

    code: str
    basis_code: str
    percent: str
    citation: str


@dataclass(frozen=True, slots=True)
class Transition:
    """Dossiers lodged before a date stay under another rule set.

    `lodged_before=None` means the start date of the rule set that holds the transition.
    """

    use: str
    citation: str
    lodged_before: date | None = None


@dataclass(frozen=True, slots=True, eq=False)
class RuleSet:
    """A legal regime: documents, dates, parameters and the rules of every code.

    Compared and hashed by identity: compiled rule sets are cached per object.
    """

    name: str
    title: str
    documents: tuple[str, ...]
    effective_from: date
    effective_to: date | None
    parameters: tuple[Parameter, ...]
    rules: tuple[Rule, ...]
    caps: tuple[Cap, ...] = ()
    transitions: tuple[Transition, ...] = ()
    active_by_default: bool = True
    dates_unverified: bool = False
    notes: tuple[str, ...] = field(default=())

    def rule(self, code: str, kind: str) -> Rule | None:
        """Return the rule of a code for a subject kind, if the rule set has one."""
        for r in self.rules:
            if r.code == code and r.kind == kind:
                return r
        return None

    def selection_parameters(self) -> tuple[Parameter, ...]:
        """Return the parameters that decide when this rule set is chosen (legal-rules §0)."""
        n = self.name
        return (
            Parameter(
                f"regime.{n}.active",
                self.active_by_default,
                "bool",
                "legal-rules §0",
                f"Whether {n} may be chosen automatically by date.",
                unverified=not self.active_by_default,
                type="bool",
            ),
            Parameter(
                f"regime.{n}.effective_from",
                self.effective_from,
                "date",
                self.documents[0],
                f"First decision date under {n}.",
                unverified=self.dates_unverified,
                type="date",
            ),
            Parameter(
                f"regime.{n}.effective_to",
                self.effective_to,
                "date",
                self.documents[0],
                f"Last decision date under {n} (empty: open-ended).",
                unverified=self.dates_unverified,
                type="date",
                nullable=True,
            ),
        )

    def all_parameters(self) -> tuple[Parameter, ...]:
        """Return the selection parameters followed by the rule parameters."""
        return self.selection_parameters() + self.parameters
