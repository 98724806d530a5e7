"""Template helpers of the commendation screens: money in đồng, code labels."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.rules.labels import CODE_LABELS, VOTE_LABELS

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


@register.filter
def vnd(amount: Any) -> str:
    """Return "1.234.567 đồng" (dots group the thousands, as Vietnamese documents write)."""
    if amount is None or amount == "":
        return "—"
    grouped = f"{int(amount):,}".replace(",", ".")
    return _("%(amount)s đồng") % {"amount": grouped}


@register.filter
def rule_set_title(name: str) -> str:
    """Return a rule set's title by its law and decree ("R2022b" means nothing to an officer)."""
    try:
        return rules.REGISTRY.get(name).title.get(_lang())
    except rules.RuleSetError:
        return str(name)


@register.filter
def code_label(code: str) -> str:
    """Return the title or form's name in the user's language."""
    return CODE_LABELS[_lang()].get(code, code)


@register.filter
def vote_label(vote: str) -> str:
    """Return the council vote status in the user's language."""
    return VOTE_LABELS[_lang()].get(vote, vote)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """Return ``mapping[key]`` (None when missing), for dictionaries keyed by code."""
    return mapping.get(key) if hasattr(mapping, "get") else None
