"""Models of key indicators and administrative-procedure dossiers, one module per subject."""

from .indicators import ExchangeRate, Indicator, IndicatorValue
from .procedures import ProcedureDossier, ProcedureField
from .revision import DatasetRevision

__all__ = [
    "DatasetRevision",
    "ExchangeRate",
    "Indicator",
    "IndicatorValue",
    "ProcedureDossier",
    "ProcedureField",
]
