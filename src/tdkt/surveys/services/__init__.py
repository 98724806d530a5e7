"""Writes of surveys and answers (each: permission → validate → save → audit)."""

from .responses import response_save
from .surveys import (
    question_add,
    question_move,
    question_remove,
    question_update,
    section_add,
    section_remove,
    survey_change_close_date,
    survey_close,
    survey_copy,
    survey_create,
    survey_open,
    survey_reopen,
    survey_update,
)

__all__ = [
    "question_add",
    "question_move",
    "question_remove",
    "question_update",
    "response_save",
    "section_add",
    "section_remove",
    "survey_change_close_date",
    "survey_close",
    "survey_copy",
    "survey_create",
    "survey_open",
    "survey_reopen",
    "survey_update",
]
