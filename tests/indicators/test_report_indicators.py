"""``tdkt report indicators``: the contract's example, rounding, nulls and conversion."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tdkt.indicators.numbers import growth_percent, percent_of_plan, round_half_away
from tdkt.indicators.services import indicators_import

from .helpers import indicator_file

pytestmark = pytest.mark.django_db

CONTRACT_EXAMPLE = {
    "year": 2019,
    "exchange_rates": {"USD": 23155},
    "indicators": [
        {
            "code": "doanh_thu",
            "name": "Doanh thu",
            "unit": "USD",
            "organization": None,
            "plan": 7700000000,
            "actual": 7702000000,
            "previous_actual": 7245000000,
            "percent_of_plan": 100.0,
            "growth_percent": 6.3,
        }
    ],
}


def _import(actor, rows, rates=None):
    result = indicators_import(
        actor=actor, data=indicator_file(rows, rates), filename="chi-tieu.xlsx"
    )
    assert result.ok, result.errors
    return result


def _report(capsys, *args):
    call_command("report", "indicators", *args)
    return json.loads(capsys.readouterr().out)


def test_contract_example_is_reproduced_exactly(registry, capsys):
    """The contract's revenue example, imported with Vietnamese-formatted numbers, gives its
    JSON document exactly."""
    _import(
        registry.officer,
        [
            ["doanh_thu", "Doanh thu", "USD", None, 2018, None, "7.245.000.000"],
            ["doanh_thu", None, None, None, 2019, "7.700.000.000", 7702000000],
        ],
        rates=[[2019, "USD", "23.155"]],
    )

    assert _report(capsys, "--year", "2019", "--format", "json") == CONTRACT_EXAMPLE
