"""Checks of the indicator file that span rows: the rates sheet, duplicates, definitions and
units (the per-row parsing is in ``indicators.py``). Each works on the staged rows in SQL or
on small per-code summaries, never on all rows in memory."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.documents.importing import Column, ImportResult
from tdkt.indicators.constants import HOME_CURRENCY
from tdkt.indicators.models import Indicator

from .bulk import SheetReader
from .parsers import is_currency, parse_currency, parse_rate, parse_year
from .stage import Stage
from .stream import Book

RATES_SHEET = "Tỷ giá"

RATE_COLUMNS = (
    Column("year", "Năm", True, parse_year, gettext_lazy("Năm áp dụng tỷ giá."), "2019"),
    Column(
        "currency",
        "Ngoại tệ",
        True,
        parse_currency,
        gettext_lazy("Mã ba chữ cái: USD, EUR, JPY ..."),
        "USD",
    ),
    Column(
        "rate",
        "Tỷ giá (VND)",
        True,
        parse_rate,
        gettext_lazy("Số đồng cho một đơn vị ngoại tệ."),
        "23.155",
    ),
)


def read_rates(book: Book, title: str, result: ImportResult) -> dict[tuple[int, str], Decimal]:
    """Read the "Tỷ giá" sheet: one rate per year and currency (a few rows, kept in memory)."""
    reader = SheetReader(book.sheet(title), RATE_COLUMNS, result, label=RATES_SHEET)
    rates: dict[tuple[int, str], Decimal] = {}
    seen: dict[tuple[int, str], int] = {}
    for row in reader.rows():
        year, currency = row.get("year"), row.get("currency")
        if year is None or currency is None:
            continue
        earlier = seen.setdefault((year, currency), row.number)
        if earlier != row.number:
            message = _("Trùng năm và ngoại tệ (dòng %(a)s và %(b)s).") % {
                "a": earlier,
                "b": row.number,
            }
            row.error("currency", message)
            result.add_error(
                row=earlier, column=f"{RATES_SHEET} › Ngoại tệ", value=currency, message=message
            )
        if not row.has_errors:
            rates[(year, currency)] = row.get("rate")
    return rates


def report_duplicates(stage: Stage, result: ImportResult, header: str) -> None:
    """Report each figure (code, unit, year) given on more than one row, on those rows."""
    rows = stage.query(
        "SELECT s.code, s.row_number, g.first FROM {stage} s JOIN ("
        "SELECT code, COALESCE(org_id, 0) AS org, year, MIN(row_number) AS first "
        "FROM {stage} GROUP BY code, COALESCE(org_id, 0), year HAVING COUNT(*) > 1) g "
        "ON g.code = s.code AND g.org = COALESCE(s.org_id, 0) AND g.year = s.year "
        "ORDER BY s.row_number"
    )
    for code, number, first in list(rows):
        if number == first:
            continue
        message = _("Trùng mã chỉ tiêu, đơn vị và năm với dòng %(a)s (dòng %(a)s và %(b)s).") % {
            "a": first,
            "b": number,
        }
        result.add_error(row=first, column=header, value=code, message=message)
        result.add_error(row=number, column=header, value=code, message=message)


def definitions(
    firsts: dict[str, int],
    given: dict[str, dict[str, tuple[str, int]]],
    result: ImportResult,
    headers: dict[str, str],
) -> dict[str, tuple[str, str]]:
    """Return (name, unit) per code of the file: stored, renamed, or new with both given."""
    stored = {
        code: (name, unit)
        for code, name, unit in Indicator.objects.filter(code__in=list(firsts)).values_list(
            "code", "name", "unit"
        )
    }
    definitions: dict[str, tuple[str, str]] = {}
    for code, first_row in firsts.items():
        name = given[code].get("name", (None, 0))[0]
        unit = given[code].get("unit", (None, 0))[0]
        if code in stored:
            definitions[code] = (name or stored[code][0], stored[code][1])
            continue
        for key, value in (("name", name), ("unit", unit)):
            if value is None:
                result.add_error(
                    row=first_row,
                    column=headers[key],
                    message=_("Chỉ tiêu mới “%(code)s”: cần ghi cột này (lần đầu nhập).")
                    % {"code": code},
                )
        if name and unit:
            definitions[code] = (name, unit)
    return definitions


def check_units(
    stage: Stage,
    definitions: dict[str, tuple[str, str]],
    rates: dict[tuple[int, str], Decimal],
    result: ImportResult,
    header: str,
) -> None:
    """Resolve the rows' units against their indicator's: mark figures in another currency
    and report what cannot be converted. Works per (code, unit, year), not per row."""
    combos = list(
        stage.query(
            "SELECT DISTINCT code, unit, year FROM {stage} "
            "WHERE valid = 1 AND unit IS NOT NULL ORDER BY code, unit, year"
        )
    )
    currencies: set[tuple[str, str]] = set()
    for code, unit, year in combos:
        definition = definitions.get(code)
        if definition is None or unit == definition[1]:
            continue
        if not (is_currency(unit) and is_currency(definition[1])):
            messages = [
                _(
                    "Khác đơn vị tính của chỉ tiêu (“%(unit)s”); chỉ được ghi một loại tiền "
                    "khác để quy đổi."
                )
                % {"unit": definition[1]}
            ]
        else:
            currencies.add((code, unit))
            messages = [
                _("Chưa có tỷ giá %(currency)s năm %(year)s để quy đổi; thêm vào trang Tỷ giá.")
                % {"currency": c, "year": year}
                for c in (unit, definition[1])
                if c != HOME_CURRENCY and (year, c) not in rates
            ]
        if not messages:
            continue
        numbers = stage.query(
            "SELECT row_number FROM {stage} WHERE valid = 1 AND code = %s AND unit = %s "
            "AND year = %s ORDER BY row_number",
            [code, unit, year],
        )
        for (number,) in list(numbers):
            for message in messages:
                result.add_error(row=number, column=header, value=unit, message=message)
    for code, unit in sorted(currencies):
        stage.execute(
            "UPDATE {stage} SET currency = %s WHERE code = %s AND unit = %s", [unit, code, unit]
        )
