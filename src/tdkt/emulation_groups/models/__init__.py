"""Pledges (giao ước) with their criteria, signatures, scores and evidence; elections."""

from .elections import Election, Vote
from .pledges import Criterion, Evidence, Pledge, PledgeSignature, Score, TieBreakRule

__all__ = [
    "Criterion",
    "Election",
    "Evidence",
    "Pledge",
    "PledgeSignature",
    "Score",
    "TieBreakRule",
    "Vote",
]
