"""Commendation models, one module per subject."""

from .rule_parameters import RuleParameterOverride

__all__ = ["RuleParameterOverride"]
