"""Reads of indicators and dossiers, scoped to what the actor may see.

* Indicators: board-wide readers (administrators, emulation officers, leaders, council
  members) read every figure; a unit's users read the figures of the organisations in their
  scope only (the Board-wide figures are not theirs).
* Dossiers: the Board's one-stop statistics are board-wide data, read by board-wide readers.

An indicator outside the actor's figures answers exactly like one that does not exist.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from tdkt.accounts.scopes import scope_for, scoped
from tdkt.core.errors import NotFoundError, OutOfScopeError, PermissionDeniedError

from .constants import Channel
from .models import ExchangeRate, Indicator, IndicatorValue, ProcedureDossier, ProcedureField


def _values(actor: Any) -> QuerySet[IndicatorValue]:
    """The figures of the organisations in the actor's scope (the Board's own figures, which
    have no organisation, only for board-wide readers)."""
    return scoped(IndicatorValue.objects.all(), actor, path_field="organization__path")


def indicator_value_list(*, actor: Any) -> QuerySet[IndicatorValue]:
    """Return the figures the actor may read, with their indicator and organisation."""
    return _values(actor).select_related("indicator", "organization")


def indicator_years(*, actor: Any) -> list[int]:
    """Return the years with figures the actor may read, latest first."""
    years = _values(actor).order_by("-year").values_list("year", flat=True).distinct()
    return list(years)


def indicator_get(*, actor: Any, code: str) -> Indicator:
    """Return the indicator ``code`` if the actor may read any of its figures.

    An indicator without a figure in the actor's scope answers exactly like an unknown code
    (``OutOfScopeError`` is a ``NotFoundError``, docs/decisions/0013), so its existence is not
    revealed.
    """
    message = _("Không tìm thấy chỉ tiêu.")
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise NotFoundError(message)
    if not (scope_for(actor).everything or _values(actor).filter(indicator=indicator).exists()):
        raise OutOfScopeError(message)
    return indicator


def exchange_rates(*, years: list[int]) -> dict[int, dict[str, Decimal]]:
    """Return the recorded rates by year and currency (reference data, not scoped)."""
    rates: dict[int, dict[str, Decimal]] = {year: {} for year in years}
    rows = ExchangeRate.objects.filter(year__in=years).values_list("year", "currency", "rate_vnd")
    for year, currency, rate in rows:
        rates[year][currency] = rate
    return rates


# --- dossiers ---------------------------------------------------------------------------------


def ensure_procedure_reader(actor: Any) -> None:
    """Refuse (403) unless the actor reads board-wide data."""
    if not scope_for(actor).everything:
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo và cán bộ cấp Ban được xem thống kê hồ sơ thủ tục hành chính.")
        )


def procedure_counts(
    *, actor: Any, date_from: date, date_to: date, as_of: date
) -> list[dict[str, Any]]:
    """Count the dossiers received in [date_from, date_to] by field, as they stood on as_of.

    One GROUP BY query over the period; ``resolved`` is "result returned on or before
    as_of", ``on_time`` those returned by their due date, ``overdue`` those still pending
    whose due date is before as_of. The totals are the sums of the groups.
    """
    ensure_procedure_reader(actor)
    resolved = Q(returned_on__lte=as_of)
    pending = Q(returned_on__isnull=True) | Q(returned_on__gt=as_of)
    rows = (
        ProcedureDossier.objects.filter(received_on__gte=date_from, received_on__lte=date_to)
        .order_by()
        .values("field_id")
        .annotate(
            received=Count("id"),
            online=Count("id", filter=Q(channel=Channel.ONLINE)),
            resolved=Count("id", filter=resolved),
            on_time=Count("id", filter=resolved & Q(returned_on__lte=F("due_on"))),
            overdue=Count("id", filter=pending & Q(due_on__lt=as_of)),
        )
    )
    return list(rows)


def procedure_field_names(*, ids: list[int]) -> dict[int, str]:
    """Return the names of the given fields (reference data)."""
    return dict(ProcedureField.objects.filter(id__in=ids).values_list("id", "name"))


def procedure_overdue_list(
    *, actor: Any, date_from: date, date_to: date, as_of: date
) -> QuerySet[ProcedureDossier]:
    """Return the dossiers of the period still pending on as_of after their due date."""
    ensure_procedure_reader(actor)
    return (
        ProcedureDossier.objects.filter(
            received_on__gte=date_from, received_on__lte=date_to, due_on__lt=as_of
        )
        .filter(Q(returned_on__isnull=True) | Q(returned_on__gt=as_of))
        .select_related("field")
        .order_by("due_on", "code")
    )


def procedure_years(*, actor: Any) -> list[int]:
    """Return the years in which dossiers were received, latest first."""
    ensure_procedure_reader(actor)
    dates = ProcedureDossier.objects.dates("received_on", "year", order="DESC")
    return [d.year for d in dates]
