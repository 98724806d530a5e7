"""The downloadable templates ("Tải mẫu") of the two imports."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.styles import Font

from tdkt.documents.safe import cell_value
from tdkt.documents.template_builder import build_template

from .indicator_checks import RATE_COLUMNS, RATES_SHEET
from .indicators import IndicatorImporter
from .procedures import ProcedureImporter


def indicator_template() -> bytes:
    """Return the indicator template: the data sheet, then the "Tỷ giá" sheet, then the guide."""
    workbook = load_workbook(io.BytesIO(build_template(IndicatorImporter())))
    rates = workbook.create_sheet(RATES_SHEET, 1)
    rates.append([cell_value(f"{c.header}*") for c in RATE_COLUMNS])
    for cell in rates[1]:
        cell.font = Font(bold=True)
    rates.append([cell_value(str(c.example)) for c in RATE_COLUMNS])
    for letter in "ABC":
        rates.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def procedure_template() -> bytes:
    """Return the dossier template (the columns of the one-stop system's export)."""
    return build_template(ProcedureImporter())
