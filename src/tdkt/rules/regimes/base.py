"""Shapes of rule-set data: rules, caps, transitions and the rule set itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tdkt.rules.conditions import Cond
from tdkt.rules.params import Parameter
from tdkt.rules.text import Text

NO_NOTE = Text("", "")

# Decision dates a rule set may be moved to by an administrator.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


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
    note: Text = NO_NOTE

    @property
    def all_conditions(self) -> tuple[Cond, ...]:
        """Return the conditions followed by the vote condition, in display order."""
        return self.conditions + ((self.vote,) if self.vote is not None else ())


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """A code a rule set deliberately has no rule for (e.g. a title a new law abolished).

    Declaring it is what the registry check asks for instead of a rule, so that a forgotten
    rule can never pass for an abolished one.
    """

    code: str
    kind: str
    reason: Text


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
    title: Text
    documents: tuple[str, ...]
    effective_from: date
    effective_to: date | None
    parameters: tuple[Parameter, ...]
    rules: tuple[Rule, ...]
    caps: tuple[Cap, ...] = ()
    transitions: tuple[Transition, ...] = ()
    active_by_default: bool = True
    dates_unverified: bool = False
    not_applicable: tuple[NotApplicable, ...] = field(default=())

    def rule(self, code: str, kind: str) -> Rule | None:
        """Return the rule of a code for a subject kind, if the rule set has one."""
        for r in self.rules:
            if r.code == code and r.kind == kind:
                return r
        return None

    def selection_parameters(self) -> tuple[Parameter, ...]:
        """Return the parameters that decide when this rule set is chosen (legal-rules §0)."""
        n, title = self.name, self.title
        return (
            Parameter(
                f"regime.{n}.active",
                self.active_by_default,
                "none",
                "legal-rules §0",
                Text(f"Áp dụng {title.vi}", f"{title.en} in use"),
                Text(
                    "Có: hệ thống tự chọn bộ quy tắc này cho các quyết định trong thời gian hiệu "
                    "lực; Không: không bao giờ dùng.",
                    "Yes: chosen automatically for decisions in its period; No: never used.",
                ),
                unverified=not self.active_by_default,
                type="bool",
            ),
            Parameter(
                f"regime.{n}.effective_from",
                self.effective_from,
                "none",
                self.documents[0],
                Text(f"Ngày bắt đầu áp dụng {title.vi}", f"First decision date, {title.en}"),
                Text(
                    "Quyết định khen thưởng từ ngày này dùng bộ quy tắc này.",
                    "Decisions from this date on use this rule set.",
                ),
                unverified=self.dates_unverified,
                type="date",
                minimum=EARLIEST_DATE,
                maximum=LATEST_DATE,
            ),
            Parameter(
                f"regime.{n}.effective_to",
                self.effective_to,
                "none",
                self.documents[0],
                Text(f"Ngày cuối áp dụng {title.vi}", f"Last decision date, {title.en}"),
                Text(
                    "Quyết định khen thưởng đến hết ngày này dùng bộ quy tắc này; để trống: chưa "
                    "có ngày hết hiệu lực.",
                    "Decisions up to this date use this rule set; empty: open-ended.",
                ),
                unverified=self.dates_unverified,
                type="date",
                nullable=True,
                minimum=EARLIEST_DATE,
                maximum=LATEST_DATE,
            ),
        )

    def all_parameters(self) -> tuple[Parameter, ...]:
        """Return the selection parameters followed by the rule parameters."""
        return self.selection_parameters() + self.parameters
