"""Template filters of the decision screens: money as the Board prints it."""

from __future__ import annotations

from django import template

from tdkt.commendations.decision_texts import code_label

register = template.Library()


@register.filter
def money(value: int | None) -> str:
    """Return ``1.234.567`` (dots between thousands, no decimals); "—" when unknown."""
    if value is None or value == "":
        return "—"
    # As ``documents.official.formatting.money`` prints it; not imported from there, because
    # that package loads WeasyPrint, which the web app does not need to start.
    return f"{int(value):,}".replace(",", ".")


@register.filter
def award_label(code: str) -> str:
    """Return the Vietnamese name of an award code ("Giấy khen", "Lao động tiên tiến")."""
    return code_label(code)
