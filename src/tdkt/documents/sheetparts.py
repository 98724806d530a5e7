"""The plumbing of ``sheetxml``: expat fed in chunks, and the small parts of an XLSX package.

Every part is parsed by expat with a DTD refused on sight; the workbook, its relationships and
its styles say where the chosen worksheet, the shared strings and the date styles are.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

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


def local_name(name: str) -> str:
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


def feed(
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


def parse_all(archive: zipfile.ZipFile, name: str, handler: _Handler) -> None:
    for _ in feed(archive, name, handler, None):
        pass  # pragma: no cover - nothing is yielded without after_chunk


# --- package structure: workbook, relationships, styles ---------------------------------------


class _Collect:
    """Collect the attributes of every element called ``wanted`` (a small part: rels, workbook)."""

    def __init__(self, *wanted: str) -> None:
        self.wanted = wanted
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        if local in self.wanted:
            self.found.append((local, attrs))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _collect(archive: zipfile.ZipFile, name: str, *wanted: str) -> list[tuple[str, dict[str, str]]]:
    handler = _Collect(*wanted)
    parse_all(archive, name, handler)
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
        if local_name(key) == local:
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
        local = local_name(name)
        if local == "numFmt":
            self.custom[attrs.get("numFmtId", "")] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            self.in_cell_xfs = True
        elif local == "xf" and self.in_cell_xfs:
            self.formats.append(attrs.get("numFmtId", "0"))

    def end(self, name: str) -> None:
        if local_name(name) == "cellXfs":
            self.in_cell_xfs = False

    def text(self, data: str) -> None:
        pass

    def date_styles(self) -> frozenset[str]:
        dates = set()
        for index, format_id in enumerate(self.formats):
            code = self.custom.get(format_id)
            if code is None and format_id.isdecimal():
                code = BUILTIN_FORMATS.get(int(format_id))
            if code and is_date_format(code):
                dates.add(str(index))
        return frozenset(dates)


def date_styles(archive: zipfile.ZipFile, package: Package) -> frozenset[str]:
    """Return the style indices (as written in ``<c s="…">``) that make a number a date."""
    if package.styles is None:
        return frozenset()
    handler = _Styles()
    parse_all(archive, package.styles, handler)
    return handler.date_styles()
