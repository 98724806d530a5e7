"""Writes of movements and registrations, one module per subject."""

from .criteria import (
    criterion_add,
    criterion_remove,
    criterion_update,
    deadline_add,
    deadline_remove,
)
from .launch import movement_acknowledge
from .movements import (
    movement_create,
    movement_participants_set,
    movement_plan_file_set,
    movement_update,
)
from .registrations import (
    campaign_open,
    campaign_update,
    sheet_line_add,
    sheet_line_remove,
    sheet_start,
)
from .reminders import ReminderReport, reminders_send
from .rounds import can_open_round, movement_round_open
from .scores import ScoreInput, movement_scores_compute, movement_scores_set

__all__ = [
    "ReminderReport",
    "ScoreInput",
    "campaign_open",
    "campaign_update",
    "can_open_round",
    "criterion_add",
    "criterion_remove",
    "criterion_update",
    "deadline_add",
    "deadline_remove",
    "movement_acknowledge",
    "movement_create",
    "movement_participants_set",
    "movement_plan_file_set",
    "movement_round_open",
    "movement_scores_compute",
    "movement_scores_set",
    "movement_update",
    "reminders_send",
    "sheet_line_add",
    "sheet_line_remove",
    "sheet_start",
]
