"""Shared filters that print values the way a Vietnamese official reads them.

Every screen uses these instead of printing a raw value, so that no page shows an ISO date, a
country code or an ungrouped amount (issue #8 §2; ``tests/giveaways.py`` checks rendered pages):

* ``{{ d|vn_date }}`` → ``30/04/2025`` (``dd/mm/yyyy`` in every language: the Board's documents
  and its English readers use the same order);
* ``{{ "VN"|country }}`` → ``Việt Nam`` (names from django-countries, in the active language);
* ``{{ 45000000|amount }}`` → ``45.000.000``;
  ``{{ capital|money:currency }}`` → ``45.000.000 USD``, and ``1.234.567 đồng`` for VND;
* ``{% citizen_id_for person user %}``, ``{% birth_date_for person user %}``: in full or
  masked, as ``tdkt.accounts.privacy`` decides.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from tdkt.accounts.privacy import birth_year, mask_citizen_id, sees_personal_data

register = template.Library()

EMPTY = "—"


@register.filter
def vn_date(value: date | datetime | None) -> str:
    """Return ``dd/mm/yyyy`` (a timestamp in local time), or a dash when there is none."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


@register.filter
def country(code: str | None) -> str:
    """Return the country's name for an ISO 3166-1 code; an unknown code is shown as is."""
    if not code:
        return EMPTY
    name = countries.name(str(code).upper())
    return str(name) if name else str(code)


def group_digits(value: Any) -> str:
    """Return a whole amount with the active language's grouping: ``1.234.567``/``1,234,567``.

    Amounts of the registry and of prize money have no subunit worth showing (đồng has none;
    a registered capital is written in whole units), so the value is rounded to a whole number.
    """
    try:
        number = Decimal(str(value)).quantize(Decimal(1))
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{int(number):,}"
    return text if (get_language() or "vi").startswith("en") else text.replace(",", ".")


@register.filter
def amount(value: Any) -> str:
    """Return a whole number with thousands grouping, or a dash when there is none."""
    if value is None or value == "":
        return EMPTY
    return group_digits(value)


@register.filter
def money(value: Any, currency: str | None = "VND") -> str:
    """Return an amount with its currency: ``1.234.567 đồng``, ``45.000.000 USD``."""
    if value is None or value == "":
        return EMPTY
    code = (currency or "VND").upper()
    if code == "VND":
        return _("%(amount)s đồng") % {"amount": group_digits(value)}
    return f"{group_digits(value)} {code}"


@register.simple_tag
def citizen_id_for(person: Any, user: Any) -> str:
    """Return the person's CCCD in full or masked for ``user`` (decision 0053)."""
    value = getattr(person, "citizen_id", None)
    if not value:
        return EMPTY
    if sees_personal_data(user, person_id=person.pk):
        return str(value)
    return mask_citizen_id(value)


@register.simple_tag
def birth_date_for(person: Any, user: Any) -> str:
    """Return the date of birth ``dd/mm/yyyy``, or only its year for a masked reader."""
    value = getattr(person, "date_of_birth", None)
    if value is None:
        return EMPTY
    if sees_personal_data(user, person_id=person.pk):
        return vn_date(value)
    return _("sinh năm %(year)s") % {"year": birth_year(value)}
