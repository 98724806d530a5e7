"""Writes of pledges, scores and elections (each: permission → validate → save → audit)."""

from .elections import election_cancel, election_close, election_open, election_vote
from .pledges import (
    criterion_add,
    criterion_remove,
    pledge_create,
    pledge_open,
    pledge_publish,
    pledge_sign,
    pledge_update,
    tie_break_add,
    tie_break_remove,
)
from .proposals import ranking_propose
from .scores import evidence_add, score_review, score_self_assess

__all__ = [
    "criterion_add",
    "criterion_remove",
    "election_cancel",
    "election_close",
    "election_open",
    "election_vote",
    "evidence_add",
    "pledge_create",
    "pledge_open",
    "pledge_publish",
    "pledge_sign",
    "pledge_update",
    "ranking_propose",
    "score_review",
    "score_self_assess",
    "tie_break_add",
    "tie_break_remove",
]
