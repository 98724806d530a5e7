"""A survey with its sections and questions; one response per enterprise with its answers."""

from .responses import Answer, Response
from .surveys import Question, Section, Survey

__all__ = ["Answer", "Question", "Response", "Section", "Survey"]
