"""Named parameters of a rule set, and local overrides layered on top of them.

Every number the law leaves to a ministry or province, and every value legal-rules.md marks
UNVERIFIED, is a parameter with a name, a default, a unit, a citation and an `unverified` flag,
so an officer-facing screen can list and change it (`list_parameters`). Overrides are a flat
mapping `{name: value}`; a key `"R2022b:name"` applies to one rule set only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

VALUE_TYPES = ("int", "decimal", "choice", "bool", "date")


class ParameterError(ValueError):
    """An override names an unknown parameter or carries a value of the wrong type."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """A tunable value of a rule set.

    `default=None` on a nullable parameter means "unknown" (a coefficient) or "no rule" (a
    cap); it is never replaced by a guess.
    """

    name: str
    default: Any
    unit: str
    citation: str
    description: str
    unverified: bool = False
    type: str = "decimal"
    choices: tuple[str, ...] = ()
    nullable: bool = False

    def coerce(self, raw: Any) -> Any:
        """Turn a raw override (JSON value or CLI string) into a value of this parameter."""
        if raw is None or (isinstance(raw, str) and raw.strip().lower() in ("null", "none", "")):
            if self.nullable:
                return None
            raise ParameterError(f"{self.name}: a value is required")
        try:
            return _COERCERS[self.type](self, raw)
        except (ValueError, TypeError, InvalidOperation) as exc:
            raise ParameterError(f"{self.name}: {exc}") from None


def _to_int(p: Parameter, raw: Any) -> int:
    if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
        raise ValueError(f"expected a whole number, got {raw!r}")
    value = int(raw)
    if value < 0:
        raise ValueError(f"expected a non-negative number, got {raw!r}")
    return value


def _to_decimal(p: Parameter, raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError(f"expected a number, got {raw!r}")
    value = Decimal(str(raw).strip())
    if not value.is_finite() or value < 0:
        raise ValueError(f"expected a non-negative number, got {raw!r}")
    return value


def _to_choice(p: Parameter, raw: Any) -> str:
    value = str(raw).strip().lower()
    if value not in p.choices:
        raise ValueError(f"expected one of {', '.join(p.choices)}, got {raw!r}")
    return value


def _to_bool(p: Parameter, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if value in ("true", "1", "yes", "on"):
        return True
    if value in ("false", "0", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {raw!r}")


def _to_date(p: Parameter, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw).strip())


_COERCERS = {
    "int": _to_int,
    "decimal": _to_decimal,
    "choice": _to_choice,
    "bool": _to_bool,
    "date": _to_date,
}


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """A parameter with the value in effect after overrides (for listings and docs)."""

    parameter: Parameter
    value: Any
    overridden: bool


def split_key(key: str) -> tuple[str | None, str]:
    """Split `"R2022b:name"` into `("R2022b", "name")`; a plain key has no rule-set scope."""
    scope, sep, name = key.partition(":")
    return (scope, name) if sep else (None, key)


def resolve(
    rule_set: str,
    parameters: Iterable[Parameter],
    overrides: Mapping[str, Any] | None,
    *,
    known_names: frozenset[str],
) -> dict[str, ParameterValue]:
    """Return the effective value of each parameter of `rule_set`.

    A plain override applies to every rule set that has the parameter (a city's percentages
    follow it across regimes); a scoped one only to its rule set. Names that no rule set knows
    raise `ParameterError`, so a typo never passes silently.
    """
    by_name = {p.name: p for p in parameters}
    values = {name: ParameterValue(p, p.default, False) for name, p in by_name.items()}
    for key, raw in sorted((overrides or {}).items()):
        scope, name = split_key(key)
        if name not in known_names:
            raise ParameterError(f"{key}: unknown parameter")
        if scope is not None and scope != rule_set:
            continue
        param = by_name.get(name)
        if param is None:
            continue
        values[name] = ParameterValue(param, param.coerce(raw), True)
    return values
