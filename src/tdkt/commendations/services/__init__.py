"""Writes of the commendation app."""

from .rule_parameters import rule_parameter_clear, rule_parameter_set

__all__ = ["rule_parameter_clear", "rule_parameter_set"]
