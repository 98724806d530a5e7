"""Prize money of a decision's lines: the one adapter between decisions and the rule engine.

legal-rules §2 (NĐ 91/2017 Art 68, NĐ 98/2023 and NĐ 152/2025 Art 49):

* the amount is the coefficient of the rule set in force on the decision date times the base
  salary in force on that date, rounded as that rule set says — all three come from
  ``tdkt.rules`` (``select_rule_set`` and ``compile_rule_set``), never from here;
* several *titles* for the same period in one decision: only the highest is paid (the higher
  title pays more, Art 49.3, so "highest" is the largest amount);
* a title and a form at the same time are both paid, and forms for different achievements
  are each paid (Art 49.5–7): forms are never reduced.

Nothing else in tdkt multiplies a coefficient by a salary: decisions, the payment list, the
fund's forecast and the command line all call :func:`prize_sheet`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tdkt import rules
from tdkt.rules.codes import AWARDS, TITLE

TITLES = frozenset(award.code for award in AWARDS if award.category == TITLE)

# Printed in the "Ghi chú" column of a title that is not paid (legal-rules §2).
NOT_PAID_NOTE = "Không chi thưởng: cùng thời gian đã hưởng danh hiệu cao hơn"
UNKNOWN_COEFFICIENT_NOTE = "Chưa có hệ số tiền thưởng"


@dataclass(frozen=True)
class PrizeLine:
    """One line to price: who (any hashable identity), what, and for which period."""

    key: Hashable
    """The caller's identity of the line (an award's id); results are keyed by it."""
    recipient: Hashable
    """Identity of the recipient, so two lines of the same person can be compared."""
    kind: str
    """``individual`` or ``collective`` (the engine's subject kinds)."""
    code: str
    """A rule-engine award code."""
    year: int
    """First (or only) year of the achievement."""
    period_end_year: int | None = None
    """Last year of a multi-year achievement period."""


@dataclass(frozen=True)
class Prize:
    """The money of one line: ``amount`` is what is paid (0 for a lower title)."""

    coefficient: Decimal | None
    amount: int | None
    paid: bool
    note: str = ""


@dataclass(frozen=True)
class PrizeSheet:
    """The prizes of a set of lines on one decision date, with the rule set and salary used."""

    rule_set: str
    base_salary_vnd: int
    decided_on: date
    prizes: Mapping[Hashable, Prize]

    @property
    def total(self) -> int:
        """Sum of the amounts paid (unknown amounts count as nothing)."""
        return sum(p.amount or 0 for p in self.prizes.values())

    @property
    def unknown(self) -> list[Hashable]:
        """Keys of the lines whose coefficient the rule set does not know."""
        return [key for key, p in self.prizes.items() if p.coefficient is None]


def prize_sheet(
    lines: Iterable[PrizeLine],
    *,
    decided_on: date,
    rule_set: str = "auto",
    overrides: Mapping[str, Any] | None = None,
) -> PrizeSheet:
    """Price ``lines`` as a decision dated ``decided_on`` would pay them.

    ``rule_set`` is ``auto`` (the rule set in force on ``decided_on``) or a name; ``overrides``
    are the officer-set parameters (``selectors.rule_overrides()``), so a coefficient or the
    rounding mode an officer corrected applies here as in the rule pages.
    """
    lines = list(lines)
    chosen = rules.select_rule_set(decided_on, rule_set, overrides=overrides)
    compiled: dict[int, Any] = {}

    def coefficient_and_amount(line: PrizeLine) -> tuple[Decimal | None, int | None]:
        # Coefficients do not depend on the achievement year; the compiled rule set of the
        # line's year is cached by the engine.
        if line.year not in compiled:
            compiled[line.year] = rules.compile_rule_set(chosen, line.year, decided_on, overrides)
        rule = compiled[line.year].rules.get((line.code, line.kind))
        if rule is None:
            return None, None
        return rule.coefficient, rule.prize_vnd

    priced = {line.key: coefficient_and_amount(line) for line in lines}
    lower_titles = _lower_titles(lines, priced)
    prizes: dict[Hashable, Prize] = {}
    for line in lines:
        coefficient, amount = priced[line.key]
        if coefficient is None or amount is None:
            prizes[line.key] = Prize(None, None, False, UNKNOWN_COEFFICIENT_NOTE)
        elif line.key in lower_titles:
            prizes[line.key] = Prize(coefficient, 0, False, NOT_PAID_NOTE)
        else:
            prizes[line.key] = Prize(coefficient, amount, True)
    # The base salary depends only on the decision date (legal-rules §1).
    salary = rules.compile_rule_set(chosen, decided_on.year, decided_on, overrides).base_salary_vnd
    return PrizeSheet(chosen.name, salary, decided_on, prizes)


def _lower_titles(
    lines: list[PrizeLine], priced: Mapping[Hashable, tuple[Decimal | None, int | None]]
) -> set[Hashable]:
    """Return the keys of titles outranked by another title of the same recipient and period.

    Ties keep the first line. Forms are never compared: they are always paid.
    """
    best: dict[tuple[Hashable, int, int | None], PrizeLine] = {}
    lower: set[Hashable] = set()
    for line in lines:
        if line.code not in TITLES or priced[line.key][1] is None:
            continue
        period = (line.recipient, line.year, line.period_end_year)
        holder = best.get(period)
        if holder is None:
            best[period] = line
        elif (priced[line.key][1] or 0) > (priced[holder.key][1] or 0):
            lower.add(holder.key)
            best[period] = line
        else:
            lower.add(line.key)
    return lower
