"""Writes of initiative applications and their council (permission → validate → save → audit)."""

from .applications import (
    ApplicationInput,
    AuthorInput,
    application_create,
    application_register,
    application_return,
    application_submit,
    application_update,
)
from .councils import (
    CriterionInput,
    council_close,
    council_create,
    council_decide,
    council_update,
    criteria_set,
    review_save,
)
from .files import application_file_add, application_file_remove

__all__ = [
    "ApplicationInput",
    "AuthorInput",
    "CriterionInput",
    "application_create",
    "application_file_add",
    "application_file_remove",
    "application_register",
    "application_return",
    "application_submit",
    "application_update",
    "council_close",
    "council_create",
    "council_decide",
    "council_update",
    "criteria_set",
    "review_save",
]
