"""Labels of award codes on the movement and registration pages."""

from __future__ import annotations

from django import template

from tdkt.movements.codes import code_label

register = template.Library()


@register.filter
def award_label(code: str) -> str:
    """Return the title's label in the active language (never the internal code)."""
    return code_label(code)
