"""Movement and registration models, one module per subject."""

from .movements import (
    Criterion,
    CriterionScore,
    Deadline,
    Movement,
    MovementTransition,
    Participant,
    Reminder,
)
from .registrations import (
    RegistrationCampaign,
    RegistrationLine,
    RegistrationSheet,
    SheetTransition,
)

__all__ = [
    "Criterion",
    "CriterionScore",
    "Deadline",
    "Movement",
    "MovementTransition",
    "Participant",
    "RegistrationCampaign",
    "RegistrationLine",
    "RegistrationSheet",
    "Reminder",
    "SheetTransition",
]
