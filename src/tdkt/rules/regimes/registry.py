"""Registry of rule sets and the choice of one for a decision date (legal-rules §0, §10).

A new regime is a new data module added to `REGISTRY`; existing modules are never edited to
make room for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from tdkt.rules.codes import AWARDS, AwardCode
from tdkt.rules.params import ParameterError, ParameterValue, resolve, split_key

from . import r2013, r2022a, r2022b, r2026
from .base import RuleSet
from .validation import RegistryError, validate


class RuleSetError(LookupError):
    """No rule set can be chosen (unknown name, inactive, or nothing in force on the date).

    `code` is `unknown`, `inactive` or `none_in_force`; `params` name the rule set or date.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        if code == "unknown":
            message = f'unknown rule set "{params["name"]}"'
        elif code == "inactive":
            message = f'rule set "{params["name"]}" is not active (regime.{params["name"]}.active)'
        else:
            message = f"no active rule set is in force on {params['as_of'].isoformat()}"
        super().__init__(message)


class Registry:
    """Rule sets by name; an object so tests can build one with other data."""

    def __init__(
        self, rule_sets: Iterable[RuleSet], awards: tuple[AwardCode, ...] = AWARDS
    ) -> None:
        """Hold the rule sets after checking them (`RegistryError` names every gap)."""
        rule_sets = tuple(rule_sets)
        validate(rule_sets, awards)
        self._by_name = {rs.name: rs for rs in rule_sets}
        self._values: dict[Any, dict[str, ParameterValue]] = {}
        self.known_parameters = frozenset(
            p.name for rs in self._by_name.values() for p in rs.all_parameters()
        )

    def names(self) -> tuple[str, ...]:
        """Return the rule-set names, oldest first."""
        return tuple(sorted(self._by_name, key=lambda n: self._by_name[n].effective_from))

    def get(self, name: str) -> RuleSet:
        """Return a rule set by name."""
        try:
            return self._by_name[name]
        except KeyError:
            raise RuleSetError("unknown", name=name) from None

    def values(
        self, rule_set: RuleSet, overrides: Mapping[str, Any] | None
    ) -> dict[str, ParameterValue]:
        """Return the effective parameters of a rule set after local overrides.

        Every evaluation asks this several times (choosing the rule set reads each one's
        dates), so results are kept per rule set and overrides; a copy is returned.
        """
        try:
            key = (rule_set.name, tuple(sorted((overrides or {}).items())))
            hash(key)
        except TypeError:  # an unhashable value: coerce will refuse it
            key = None
        cached = self._values.get(key) if key is not None else None
        if cached is None:
            cached = resolve(
                rule_set.name,
                rule_set.all_parameters(),
                overrides,
                known_names=self.known_parameters,
            )
            if key is not None:
                if len(self._values) >= 256:
                    self._values.clear()
                self._values[key] = cached
        return dict(cached)

    def coerce_override(self, key: str, raw: Any) -> Any:
        """Check one override as an officer types it; return its value.

        `key` is `name` (every rule set that has the parameter) or `RULESET:name`. Raise
        `RuleSetError` for an unknown rule set and `ParameterError` for an unknown name, a
        name the rule set does not have, or a value outside the type or legal range of any
        rule set it applies to.
        """
        scope, name = split_key(key)
        targets = [self.get(scope)] if scope is not None else list(self._by_name.values())
        params = [p for rs in targets for p in rs.all_parameters() if p.name == name]
        if not params:
            raise ParameterError(key, "unknown")
        values = [p.coerce(raw) for p in params]
        return values[0]

    def latest(self, overrides: Mapping[str, Any] | None = None) -> RuleSet:
        """Return the active rule set with the latest start date (for `explain` defaults)."""
        active = [rs for rs in self._by_name.values() if self._window(rs, overrides)[0]]
        return max(active, key=lambda rs: self._window(rs, overrides)[1])

    def _window(
        self, rs: RuleSet, overrides: Mapping[str, Any] | None
    ) -> tuple[bool, date, date | None]:
        v = self.values(rs, overrides)
        return (
            v[f"regime.{rs.name}.active"].value,
            v[f"regime.{rs.name}.effective_from"].value,
            v[f"regime.{rs.name}.effective_to"].value,
        )

    def select(
        self,
        as_of: date,
        name: str = "auto",
        *,
        overrides: Mapping[str, Any] | None = None,
        dossier_lodged_on: date | None = None,
    ) -> RuleSet:
        """Choose the rule set for a decision date, then apply lodging-date transitions.

        `auto` picks, among active rule sets, the one in force on `as_of` with the latest start.
        A named rule set is used as asked (for comparisons), except an inactive one. When the
        dossier was lodged before a transition date, the older rule set applies (NĐ 152
        Art 60.3; R2026's transitional clause).
        """
        if name != "auto":
            rs = self.get(name)
            if not self._window(rs, overrides)[0]:
                raise RuleSetError("inactive", name=name)
            return rs
        chosen: RuleSet | None = None
        for rs in self._by_name.values():
            active, start, end = self._window(rs, overrides)
            if (
                active
                and start <= as_of
                and (end is None or as_of <= end)
                and (chosen is None or start > self._window(chosen, overrides)[1])
            ):
                chosen = rs
        if chosen is None:
            raise RuleSetError("none_in_force", as_of=as_of)
        lodged = dossier_lodged_on
        for _ in range(len(self._by_name)):
            moved = False
            for t in chosen.transitions:
                limit = t.lodged_before or self._window(chosen, overrides)[1]
                if lodged is not None and lodged < limit:
                    chosen, moved = self.get(t.use), True
                    break
            if not moved:
                break
        return chosen


REGISTRY = Registry((r2013.RULE_SET, r2022a.RULE_SET, r2022b.RULE_SET, r2026.RULE_SET))

__all__ = ["REGISTRY", "ParameterError", "Registry", "RegistryError", "RuleSetError"]
