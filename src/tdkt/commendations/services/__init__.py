"""Writes of the commendation app."""

from .rule_parameters import (
    ParameterChangedError,
    ensure_can_change_parameters,
    rule_parameter_clear,
    rule_parameter_set,
    version_of,
)

__all__ = [
    "ParameterChangedError",
    "ensure_can_change_parameters",
    "rule_parameter_clear",
    "rule_parameter_set",
    "version_of",
]
