"""Implementations of the condition kinds, compiled for one rule set, parameters and year.

One module per subject: the evaluated year's record, chains of earlier years, initiatives,
the council ballot, collectives, and composites. Importing this package registers every kind
in `KINDS`; a rule set using a kind that is not registered fails the registry check.
"""

from __future__ import annotations

from . import ballot, chains, collective, composite, initiatives, record
from .base import IMPLICIT_PARAMETERS, KINDS, Compiled, compile_condition

__all__ = [
    "IMPLICIT_PARAMETERS",
    "KINDS",
    "Compiled",
    "ballot",
    "chains",
    "collective",
    "compile_condition",
    "composite",
    "initiatives",
    "record",
]
