"""Read the statistics workbooks back: a row's figures by its code (column B)."""

from __future__ import annotations

import io

from openpyxl import load_workbook


def form_rows(data: bytes) -> tuple[dict[str, list[object]], list[list[object]]]:
    """Return {row code: figures} and every row of the sheet as values."""
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    coded = {}
    for row in rows:
        code = row[1]
        if isinstance(code, str) and code.isdigit() and len(code) == 2:
            coded[code] = row
    return coded, rows
