"""Parameter builders shared by the rule-set data modules.

Only the *shape* is shared; every value, citation and `unverified` flag is given by the data
module of the regime, so editing one regime never changes another.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tdkt.rules.codes import DISCIPLINE_LEVELS, FORMS
from tdkt.rules.money import ROUNDING_MODES
from tdkt.rules.params import Parameter


def coefficient(
    code: str, kind: str | None, coef: str | None, cite: str, *, unverified: bool = False
) -> Parameter:
    """Prize coefficient × base salary (legal-rules §2.1); `None` = unknown, never guessed."""
    name = f"prize.{code}" if kind is None else f"prize.{code}.{kind}"
    return Parameter(
        name,
        None if coef is None else Decimal(coef),
        "× base salary",
        cite,
        f"Prize coefficient of {code}{'' if kind is None else f' ({kind})'}.",
        unverified=unverified,
        type="decimal",
        nullable=True,
    )


def rounding(mode: str, cite: str, *, unverified: bool = False) -> Parameter:
    """Rounding of prize money to 10,000 VND."""
    return Parameter(
        "prize.rounding",
        mode,
        "mode",
        cite,
        "Rounding of coefficient × base salary to 10,000 VND: ceiling (up) or nearest (half up).",
        unverified=unverified,
        type="choice",
        choices=ROUNDING_MODES,
    )


def vote_threshold(
    code: str, percent: str | None, cite: str, *, unverified: bool = False
) -> Parameter:
    """Council ballot pass mark, a share of *all* members; `None` leaves the vote pending."""
    return Parameter(
        f"vote.{code}.min_percent",
        None if percent is None else Decimal(percent),
        "% of all council members",
        cite,
        f"Yes votes needed for {code}, inclusive; empty = not known, vote stays "
        "pending for the council to decide.",
        unverified=unverified,
        type="decimal",
        nullable=True,
    )


def number(
    name: str, default: int, unit: str, cite: str, description: str, *, unverified: bool = False
) -> Parameter:
    """A whole-number parameter (months, years, counts)."""
    return Parameter(name, default, unit, cite, description, unverified=unverified, type="int")


def percent(
    name: str, default: str | None, cite: str, description: str, *, unverified: bool = False
) -> Parameter:
    """A percentage parameter; `None` means no such rule (e.g. no cap)."""
    return Parameter(
        name,
        None if default is None else Decimal(default),
        "%",
        cite,
        description,
        unverified=unverified,
        type="decimal",
        nullable=True,
    )


def choice(
    name: str,
    default: str,
    choices: tuple[str, ...],
    cite: str,
    description: str,
    *,
    unverified: bool = False,
) -> Parameter:
    """A parameter chosen from a closed list."""
    return Parameter(
        name,
        default,
        "choice",
        cite,
        description,
        unverified=unverified,
        type="choice",
        choices=choices,
    )


def flag(
    name: str, default: bool, cite: str, description: str, *, unverified: bool = False
) -> Parameter:
    """A yes/no parameter."""
    return Parameter(name, default, "bool", cite, description, unverified=unverified, type="bool")


def discipline_level(default: str, cite: str, *, unverified: bool = False) -> Parameter:
    """Lightest discipline level that bars an award in the years it concerns."""
    return choice(
        "discipline.barring_level",
        default,
        DISCIPLINE_LEVELS,
        cite,
        "Lightest discipline level that bars titles and forms in the years counted.",
        unverified=unverified,
    )


def form_coefficients(values: dict[str, tuple[Any, Any, str, bool]]) -> tuple[Parameter, ...]:
    """Individual and collective coefficients of every form.

    `values` maps a code to (individual, collective, citation, unverified).
    """
    out: list[Parameter] = []
    for code in FORMS:
        ind, coll, cite, unv = values[code]
        out.append(coefficient(code, "individual", ind, cite, unverified=unv))
        out.append(coefficient(code, "collective", coll, cite, unverified=unv))
    return tuple(out)
