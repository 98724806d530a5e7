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
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

CHUNK = 64 * 1024
_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"
_STYLES = "/styles"


class SheetRejectedError(Exception):
    """The package cannot be read within the bounds; ``reason`` names which one."""

    def __init__(self, reason: str, **details: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class SheetBounds:
    """What one worksheet may hold; the defaults are those of ``tdkt.documents.xlsx.Limits``."""

    max_columns: int = 100
    max_row_cells: int = 16_384
    max_cells: int = 2_000_000
    max_shared_strings: int = 400_000
    max_shared_chars: int = 8_000_000


class _Handler(Protocol):
    def start(self, name: str, attrs: dict[str, str]) -> None: ...
    def end(self, name: str) -> None: ...
    def text(self, data: str) -> None: ...


def _local(name: str) -> str:
    """Drop a namespace prefix ("x:row" → "row"); some generators write prefixed parts."""
    return name.rpartition(":")[2]


def _refuse_dtd(*_args: Any) -> None:
    raise SheetRejectedError("dtd")


def _refuse_external(*_args: Any) -> int:
    raise SheetRejectedError("dtd")


def _parser(handler: _Handler) -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parser


def _feed(
    archive: zipfile.ZipFile, name: str, handler: _Handler, after_chunk: Callable[[], Any] | None
) -> Iterator[Any]:
    """Parse member ``name`` chunk by chunk; yield what ``after_chunk`` returns after each."""
    parser = _parser(handler)
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
                if after_chunk is not None:
                    yield after_chunk()
            parser.Parse(b"", True)
            if after_chunk is not None:
                yield after_chunk()
    except expat.ExpatError as exc:
        raise SheetRejectedError("xml", error=str(exc)) from exc


def _parse_all(archive: zipfile.ZipFile, name: str, handler: _Handler) -> None:
    for _ in _feed(archive, name, handler, None):
        pass  # pragma: no cover - nothing is yielded without after_chunk


# --- package structure: workbook, relationships, styles ---------------------------------------


class _Collect:
    """Collect the attributes of every element called ``wanted`` (a small part: rels, workbook)."""

    def __init__(self, *wanted: str) -> None:
        self.wanted = wanted
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local in self.wanted:
            self.found.append((local, attrs))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _collect(archive: zipfile.ZipFile, name: str, *wanted: str) -> list[tuple[str, dict[str, str]]]:
    handler = _Collect(*wanted)
    _parse_all(archive, name, handler)
    return handler.found


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Return ``{id: (type, member name)}`` of ``part``'s relationships (empty if none)."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in archive.NameToInfo:
        return {}
    found = {}
    for _, attrs in _collect(archive, rels, "Relationship"):
        target = attrs.get("Target", "")
        if attrs.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(path))
    return found


def _attr(attrs: dict[str, str], local: str) -> str | None:
    """Return the attribute ``local`` whatever its namespace prefix ("r:id" → "id")."""
    for key, value in attrs.items():
        if _local(key) == local:
            return value
    return None


@dataclass(frozen=True)
class Package:
    """Where the parts of the chosen sheet are, and how its numbers become dates."""

    sheet: str
    shared_strings: str | None
    styles: str | None
    date1904: bool


def locate(
    archive: zipfile.ZipFile, sheet_name: str | None, same: Callable[[str, str], bool]
) -> Package:
    """Find the worksheet (the first, or the one ``same`` as ``sheet_name``) and its parts."""
    workbook = next(
        (
            path
            for kind, path in _relationships(archive, "").values()
            if kind.endswith(_OFFICE_DOCUMENT)
        ),
        "xl/workbook.xml",
    )
    if workbook not in archive.NameToInfo:
        raise SheetRejectedError("structure")
    rels = _relationships(archive, workbook)
    found = _collect(archive, workbook, "sheet", "workbookPr")
    date1904 = any(
        kind == "workbookPr" and attrs.get("date1904", "").lower() in {"1", "true"}
        for kind, attrs in found
    )
    sheets = []
    for kind, attrs in found:
        rel = rels.get(_attr(attrs, "id") or "") if kind == "sheet" else None
        if rel is not None and rel[0].endswith(_WORKSHEET) and rel[1] in archive.NameToInfo:
            sheets.append((attrs.get("name", ""), rel[1]))
    if not sheets:
        raise SheetRejectedError("no_sheet")
    if sheet_name is None:
        path = sheets[0][1]
    else:
        path = next((p for title, p in sheets if same(title, sheet_name)), "")
        if not path:
            raise SheetRejectedError("sheet_missing", name=sheet_name)

    def part(suffix: str) -> str | None:
        return next(
            (p for kind, p in rels.values() if kind.endswith(suffix) and p in archive.NameToInfo),
            None,
        )

    return Package(path, part(_SHARED_STRINGS), part(_STYLES), date1904)


class _Styles:
    """Which cell styles (indices into ``cellXfs``) format a number as a date."""

    def __init__(self) -> None:
        self.custom: dict[str, str] = {}
        self.formats: list[str] = []
        self.in_cell_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            self.custom[attrs.get("numFmtId", "")] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            self.in_cell_xfs = True
        elif local == "xf" and self.in_cell_xfs:
            self.formats.append(attrs.get("numFmtId", "0"))

    def end(self, name: str) -> None:
        if _local(name) == "cellXfs":
            self.in_cell_xfs = False

    def text(self, data: str) -> None:
        pass

    def date_styles(self) -> frozenset[str]:
        dates = set()
        for index, format_id in enumerate(self.formats):
            code = self.custom.get(format_id)
            if code is None and format_id.isdigit():
                code = BUILTIN_FORMATS.get(int(format_id))
            if code and is_date_format(code):
                dates.add(str(index))
        return frozenset(dates)


def date_styles(archive: zipfile.ZipFile, package: Package) -> frozenset[str]:
    """Return the style indices (as written in ``<c s="…">``) that make a number a date."""
    if package.styles is None:
        return frozenset()
    handler = _Styles()
    _parse_all(archive, package.styles, handler)
    return handler.date_styles()


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
        local = _local(name)
        if local == "t" and not self.phonetic:
            self.capture = True
        elif local == "si":
            self.parts = []
        elif local == "rPh":
            self.phonetic += 1
        elif local == "sst":
            declared = attrs.get("uniqueCount") or attrs.get("count") or "0"
            if declared.isdigit() and int(declared) > self.bounds.max_shared_strings:
                raise SheetRejectedError("shared_strings", count=int(declared))

    def end(self, name: str) -> None:
        local = _local(name)
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
    _parse_all(archive, package.shared_strings, handler)
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
        local = _local(name)
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
            self.row_number = int(number) if number and number.isdigit() else self.row_number + 1
            self.values = {}
            self.width = 0
            self.row_cells = 0
            self.column = 0
        elif local == "rPh":
            self.phonetic += 1

    def end(self, name: str) -> None:
        local = _local(name)
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
            number: int | float = int(raw) if raw.lstrip("-").isdigit() else float(raw)
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
    for rows in _feed(archive, package.sheet, handler, handler.drain):
        yield from rows
