"""Stream the rows of one worksheet out of an XLSX package, within bounds, with expat.

Why not openpyxl for reading imports: even in read-only mode it loads the whole shared-string
table into a list and parses every cell of a row before dropping those past the columns asked
for, so a small file takes gigabytes (issue #7: an 8 MB file with one row of 2.5 million cells
took 1.5 GB and 25 s; two million shared strings took 430 MB). Here every part is parsed by
expat in fixed-size chunks and the bounds are checked as the parser goes, before anything
grows: the shared-string table's declared and real count and size, the cells of a row, the
cells of the sheet. Only the first ``max_columns`` cells of a row are kept. A part that declares
a DTD is refused on its first line (XXE, "billion laughs"). Formulas are never evaluated: a
cell gives the value Excel saved with it, as openpyxl's ``data_only`` does.

The caller (``tdkt.documents.xlsx``) has already checked the zip container (members, names,
sizes, compression ratio) and turns ``SheetRejectedError`` into its user-facing error.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from .sheetparts import (
    Package,
    SheetBounds,
    SheetRejectedError,
    date_styles,
    feed,
    local_name,
    locate,
    parse_all,
)

__all__ = ["SheetBounds", "SheetRejectedError", "iter_sheet_rows"]


# --- shared strings ---------------------------------------------------------------------------


class _SharedStrings:
    """The ``<si>`` items in order: plain ``<t>`` or rich-text runs, without phonetic hints."""

    def __init__(self, bounds: SheetBounds) -> None:
        self.bounds = bounds
        self.strings: list[str] = []
        self.parts: list[str] = []
        self.chars = 0
        self.capture = False
        self.phonetic = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        if local == "t" and not self.phonetic:
            self.capture = True
        elif local == "si":
            self.parts = []
        elif local == "rPh":
            self.phonetic += 1
        elif local == "sst":
            declared = attrs.get("uniqueCount") or attrs.get("count") or "0"
            if declared.isdecimal() and int(declared) > self.bounds.max_shared_strings:
                raise SheetRejectedError("shared_strings", count=int(declared))

    def end(self, name: str) -> None:
        local = local_name(name)
        if local == "t":
            self.capture = False
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "si":
            if len(self.strings) >= self.bounds.max_shared_strings:
                raise SheetRejectedError("shared_strings", count=len(self.strings) + 1)
            self.strings.append("".join(self.parts))

    def text(self, data: str) -> None:
        if self.capture:
            self.chars += len(data)
            if self.chars > self.bounds.max_shared_chars:
                raise SheetRejectedError("shared_chars", chars=self.chars)
            self.parts.append(data)


def shared_strings(archive: zipfile.ZipFile, package: Package, bounds: SheetBounds) -> list[str]:
    """Return the shared-string table, refusing it as soon as it passes the bounds."""
    if package.shared_strings is None:
        return []
    handler = _SharedStrings(bounds)
    parse_all(archive, package.shared_strings, handler)
    return handler.strings


# --- the worksheet ----------------------------------------------------------------------------


def column_number(reference: str) -> int:
    """Return the 1-based column of a cell reference ("A1" → 1, "AB7" → 28)."""
    number = 0
    for char in reference:
        code = ord(char) - 64
        if not 1 <= code <= 26:
            break
        number = number * 26 + code
    return number


class _Sheet:
    """Turn ``<row>``/``<c>`` events into (row number, values) pairs, keeping the first columns."""

    def __init__(
        self,
        bounds: SheetBounds,
        strings: list[str],
        dates: frozenset[str],
        epoch: datetime,
    ) -> None:
        self.bounds = bounds
        self.strings = strings
        self.dates = dates
        self.epoch = epoch
        self.rows: list[tuple[int, tuple[Any, ...]]] = []
        self.row_number = 0
        self.values: dict[int, Any] = {}
        self.width = 0
        self.row_cells = 0
        self.cells = 0
        self.column = 0
        self.keep = False
        self.kind = "n"
        self.style: str | None = None
        self.parts: list[str] = []
        self.capture = False
        self.phonetic = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        if local == "c":
            self.row_cells += 1
            self.cells += 1
            if self.row_cells > self.bounds.max_row_cells:
                raise SheetRejectedError("row_cells", row=self.row_number)
            if self.cells > self.bounds.max_cells:
                raise SheetRejectedError("cells", cells=self.cells)
            reference = attrs.get("r")
            self.column = column_number(reference) if reference else self.column + 1
            self.keep = 0 < self.column <= self.bounds.max_columns
            if self.keep and self.column > self.width:
                self.width = self.column
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.parts = []
        elif local == "v" or (local == "t" and not self.phonetic):
            self.capture = self.keep
        elif local == "row":
            number = attrs.get("r")
            self.row_number = int(number) if number and number.isdecimal() else self.row_number + 1
            self.values = {}
            self.width = 0
            self.row_cells = 0
            self.column = 0
        elif local == "rPh":
            self.phonetic += 1

    def end(self, name: str) -> None:
        local = local_name(name)
        if local in {"v", "t"}:
            self.capture = False
        elif local == "c":
            if self.keep and self.parts:
                value = self._value("".join(self.parts))
                if value is not None:
                    self.values[self.column] = value
        elif local == "row":
            values = self.values
            self.rows.append(
                (self.row_number, tuple(values.get(i) for i in range(1, self.width + 1)))
            )
        elif local == "rPh":
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.capture:
            self.parts.append(data)

    def _value(self, raw: str) -> Any:
        kind = self.kind
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError) as exc:
                raise SheetRejectedError("xml", error="shared string index") from exc
        if kind in {"inlineStr", "str", "e"}:
            return raw
        if kind == "b":
            return raw.strip() in {"1", "true"}
        if kind == "d":
            try:
                return datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        return self._number(raw.strip())

    def _number(self, raw: str) -> Any:
        try:
            number: int | float = int(raw) if raw.lstrip("-").isdecimal() else float(raw)
        except ValueError:
            return raw  # not a number: let the column's parser refuse the text
        if isinstance(number, float) and not math.isfinite(number):
            return raw
        if self.style in self.dates:
            try:
                return from_excel(number, epoch=self.epoch)
            except (OverflowError, ValueError):
                return number
        return number

    def drain(self) -> list[tuple[int, tuple[Any, ...]]]:
        rows, self.rows = self.rows, []
        return rows


def iter_sheet_rows(
    archive: zipfile.ZipFile,
    *,
    sheet: str | None,
    bounds: SheetBounds,
    same: Callable[[str, str], bool],
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Yield ``(row number, values)`` for every ``<row>`` of the chosen sheet, in file order.

    ``values`` holds the first ``bounds.max_columns`` columns up to the last cell written in
    the row, None where a cell is empty. Raises ``SheetRejectedError`` as soon as a bound is passed.
    """
    package = locate(archive, sheet, same)
    dates = date_styles(archive, package)
    strings = shared_strings(archive, package, bounds)
    epoch = CALENDAR_MAC_1904 if package.date1904 else CALENDAR_WINDOWS_1900
    handler = _Sheet(bounds, strings, dates, epoch)
    for rows in feed(archive, package.sheet, handler, handler.drain):
        yield from rows
