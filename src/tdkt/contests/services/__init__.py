"""Writes of the writing contest; each checks permission, validates, saves and audits in one
transaction."""

from .contests import contest_create, contest_jury_set, contest_update
from .entries import accepting, entry_submit, entry_update, entry_withdraw
from .judging import conflict_declare, entry_prize_set, score_set

__all__ = [
    "accepting",
    "conflict_declare",
    "contest_create",
    "contest_jury_set",
    "contest_update",
    "entry_prize_set",
    "entry_submit",
    "entry_update",
    "entry_withdraw",
    "score_set",
]
