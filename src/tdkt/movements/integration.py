"""Where movements meet the commendation workflow and the indicators app.

* **Registration check of the commendation workflow.** A proposal line whose recipient did not
  register the title is flagged (issue #10 §2). Registrations live here, and movements already
  depend on commendations (rounds, document headings), so the commendation app cannot import
  this module without a cycle: ``install`` hands ``unregistered_line_ids`` to
  ``tdkt.commendations.flags.set_registration_check`` at start-up instead.
* **Indicator and procedure figures** for criteria that score themselves: the indicators app's
  public selectors answer ``SourceQuery``\\ s (``indicator_value_list`` for % of plan,
  ``procedure_counts`` for the on-time rate).

Both apps always ship with this one; they are plain imports (decision 0056).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tdkt.commendations.flags import set_registration_check
from tdkt.indicators import selectors as indicator_selectors
from tdkt.movements.constants import CriterionSource, RegistrationStatus
from tdkt.movements.selectors.registrations import registration_held, registration_statuses
from tdkt.movements.sources import SourceQuery, register_provider


def unregistered_line_ids(round_: Any, lines: Sequence[Any]) -> set[int]:
    """Return the ids of the proposal lines whose recipient did not register the line's title
    for the round's year (lines pending approval count as registered: the unit did register).

    A year without a registration campaign flags nothing: registration was not held in the app.
    """
    if not lines or not registration_held(year=round_.year):
        return set()
    keys = [(line.person_id, line.organization_id, line.code) for line in lines]
    statuses = registration_statuses(year=round_.year, keys=keys)
    return {
        line.pk
        for line, key in zip(lines, keys, strict=True)
        if statuses[key] == RegistrationStatus.NOT_REGISTERED
    }


def indicator_share(query: SourceQuery) -> Decimal | None:
    """Actual over plan of the unit's figure of the indicator for the movement's last year."""
    row = (
        indicator_selectors.indicator_value_list(actor=None)
        .filter(
            indicator__code=query.indicator_code,
            organization=query.organization,
            year=query.year,
        )
        .first()
    )
    if row is None or row.plan is None or row.actual is None or row.plan == 0:
        return None
    return Decimal(row.actual) / Decimal(row.plan)


def procedures_share(query: SourceQuery) -> Decimal | None:
    """Dossiers resolved on time over dossiers resolved, received in the movement's period
    (the Board's one-stop figures: the same share for every participating unit)."""
    as_of: date = min(query.ends_on, timezone.localdate())
    rows = indicator_selectors.procedure_counts(
        actor=None, date_from=query.starts_on, date_to=query.ends_on, as_of=as_of
    )
    resolved = sum(int(r["resolved"]) for r in rows)
    on_time = sum(int(r["on_time"]) for r in rows)
    return Decimal(on_time) / Decimal(resolved) if resolved else None


def install() -> None:
    """Install the registration check in the commendation workflow and the indicators app's
    providers of criterion scores (called once, from ``MovementsConfig.ready``)."""
    set_registration_check(unregistered_line_ids)
    register_provider(CriterionSource.INDICATOR, indicator_share)
    register_provider(CriterionSource.PROCEDURES, procedures_share)
