"""``tdkt report procedures``: the one-stop statistics of a period (contract keys exactly).

``received`` counts the dossiers received in [from, to]; the others describe them as they
stood on ``as_of`` (see ``shared/contracts/procedure-dossiers.md``). Shares are fractions
rounded half away from zero to 4 decimals, null when their divisor is zero, so an empty
period gives zeros and nulls instead of an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from tdkt.indicators.collation import vietnamese_sort_key
from tdkt.indicators.numbers import json_percent, share
from tdkt.indicators.selectors import procedure_counts, procedure_field_names

COUNT_KEYS = ("received", "online", "resolved", "on_time", "overdue")


def figures(counts: Mapping[str, int]) -> dict[str, Any]:
    """Return the contract's keys, in its order, from the five counts of a group."""
    received = counts["received"]
    resolved = counts["resolved"]
    on_time = counts["on_time"]
    return {
        "received": received,
        "online": counts["online"],
        "online_share": json_percent(share(counts["online"], received)),
        "resolved": resolved,
        "resolved_share": json_percent(share(resolved, received)),
        "resolved_on_time": on_time,
        "resolved_late": resolved - on_time,
        "on_time_rate": json_percent(share(on_time, resolved)),
        "pending": received - resolved,
        "pending_overdue": counts["overdue"],
    }


def procedure_report(*, actor: Any, date_from: date, date_to: date, as_of: date) -> dict[str, Any]:
    """Return the report document: the totals, then ``by_field`` sorted by field name.

    Dossiers without a field are grouped under ``"field": null``, after the named fields.
    """
    groups = procedure_counts(actor=actor, date_from=date_from, date_to=date_to, as_of=as_of)
    names = procedure_field_names(ids=[g["field_id"] for g in groups if g["field_id"]])
    totals = {key: sum(g[key] for g in groups) for key in COUNT_KEYS}
    by_field = sorted(
        groups,
        key=lambda g: (
            g["field_id"] is None,
            vietnamese_sort_key(names.get(g["field_id"], "")),
        ),
    )
    return {
        **figures(totals),
        "by_field": [
            {"field": names.get(g["field_id"]) if g["field_id"] else None, **figures(g)}
            for g in by_field
        ],
    }
