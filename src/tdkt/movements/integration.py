"""Where movements meet apps that may or may not be installed on a given build.

* **Registration check of the commendation workflow.** A proposal line whose recipient did not
  register the title is flagged (issue #10 §2). The commendation app offers a hook
  (``tdkt.commendations.flags.set_registration_check``) on the branch that builds proposals;
  ``install_registration_check`` installs ``unregistered_line_ids`` there when the hook exists
  and does nothing otherwise.
* **Indicator and procedure figures** for criteria that score themselves: when the indicators
  app (``tdkt.indicators``) is installed, its public selectors answer ``SourceQuery``\\ s
  (``indicator_value_list`` for % of plan, ``procedure_counts`` for the on-time rate).

Both are looked up by name at start-up, so this build works with or without those apps and
picks them up when they are merged (decisions 0604, 0605).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.utils import timezone

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


def install_registration_check() -> bool:
    """Install the check in the commendation workflow when it offers the hook."""
    try:
        flags = importlib.import_module("tdkt.commendations.flags")
    except ImportError:
        return False
    setter = getattr(flags, "set_registration_check", None)
    if setter is None:
        return False
    setter(unregistered_line_ids)
    return True


def _indicators() -> Any:
    return importlib.import_module("tdkt.indicators.selectors")


def indicator_share(query: SourceQuery) -> Decimal | None:
    """Actual over plan of the unit's figure of the indicator for the movement's last year."""
    row = (
        _indicators()
        .indicator_value_list(actor=None)
        .filter(
            indicator__code=query.indicator_code,
            organization=query.organization,
            year=query.year,
        )
        .first()
    )
    if row is None or row.plan in (None, 0) or row.actual is None:
        return None
    return Decimal(row.actual) / Decimal(row.plan)


def procedures_share(query: SourceQuery) -> Decimal | None:
    """Dossiers resolved on time over dossiers resolved, received in the movement's period
    (the Board's one-stop figures: the same share for every participating unit)."""
    as_of: date = min(query.ends_on, timezone.localdate())
    rows = _indicators().procedure_counts(
        actor=None, date_from=query.starts_on, date_to=query.ends_on, as_of=as_of
    )
    resolved = sum(int(r["resolved"]) for r in rows)
    on_time = sum(int(r["on_time"]) for r in rows)
    return Decimal(on_time) / Decimal(resolved) if resolved else None


def install_data_providers() -> bool:
    """Register the indicator and procedure providers when the indicators app is installed."""
    if not apps.is_installed("tdkt.indicators"):
        return False
    register_provider(CriterionSource.INDICATOR, indicator_share)
    register_provider(CriterionSource.PROCEDURES, procedures_share)
    return True
