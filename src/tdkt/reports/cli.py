"""``tdkt report statistics``: the statistics forms from the command line.

``tdkt report statistics --form 0601 --year 2019 [--to-year 2020] --output F.xlsx [--as USER]``

The ``report`` command belongs to the indicators app; it hands this subcommand to the two
functions below, so the forms' options and their checks live with the forms.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError

from .constants import StatisticsForm
from .exports import statistics_xlsx


def add_statistics_parser(kinds: Any) -> ArgumentParser:
    """Add ``statistics`` to the ``report`` command's subcommands; return its parser."""
    parser: ArgumentParser = kinds.add_parser(
        "statistics", help="statistics forms 0601–0605 of Circular 02/2023/TT-BNV (Excel)"
    )
    parser.add_argument("--form", choices=StatisticsForm.values, required=True)
    parser.add_argument("--year", type=int, required=True, help="first (or only) year")
    parser.add_argument("--to-year", dest="to_year", type=int, default=None, help="last year")
    parser.add_argument("--format", choices=["xlsx"], default="xlsx")
    return parser


def statistics_file(*, actor: Any, options: dict[str, Any]) -> bytes:
    """The form the options ask for, as .xlsx; an ``ApplicationError`` for bad input or a
    reader who may not see the Board's statistics."""
    year_from = options["year"]
    year_to = options["to_year"] if options["to_year"] is not None else year_from
    if year_to < year_from:
        raise ApplicationError(_("Năm kết thúc phải từ năm bắt đầu trở đi."))
    return statistics_xlsx(actor=actor, form=options["form"], year_from=year_from, year_to=year_to)
