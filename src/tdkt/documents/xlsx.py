"""Read uploaded spreadsheets (XLSX or CSV) safely into rows of raw cell values.

An uploaded file is hostile until proven otherwise. Before any XML of an XLSX file is parsed
the zip container is checked (a zip, few members, no path traversal, bounded uncompressed size
and compression ratio). The sheet is then streamed by ``tdkt.documents.sheetxml`` (expat, in
chunks), which refuses a DTD in any part it reads and stops as soon as the shared-string table,
a row or the sheet passes its bounds, so neither an XML attack nor a small file that inflates
into millions of cells can exhaust memory (issue #7). Formulas are never evaluated. A CSV line
with more fields than a row may hold is refused before ``csv`` splits it.

openpyxl is still imported here, after defusing the standard library's XML parsers, for the
code that writes workbooks (templates, error reports) and reads small trusted ones.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import defusedxml
from django.conf import settings
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.text import fold

from .headers import HeaderMatch, header_key, match_headers
from .sheetxml import SheetBounds, SheetRejectedError, iter_sheet_rows

__all__ = [  # the names importers and other apps use
    "MB",
    "XLS_MAGIC",
    "FileRejectedError",
    "HeaderMatch",
    "Limits",
    "RawRow",
    "RawTable",
    "check_zip",
    "header_key",
    "is_error_value",
    "iter_xlsx_rows",
    "match_headers",
    "openpyxl",
    "read_headers",
    "read_table",
]

with warnings.catch_warnings():  # it imports the deprecated defusedxml.cElementTree shim
    warnings.simplefilter("ignore", DeprecationWarning)
    # types-defusedxml omits defuse_stdlib, which defusedxml 0.7 exports.
    defusedxml.defuse_stdlib()  # type: ignore[attr-defined]

import openpyxl  # after defusing the stdlib XML parsers
import openpyxl.xml
from openpyxl.cell.cell import ERROR_CODES

# openpyxl picks its XML parser at import time; without defusedxml it would parse entities.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - guarded by the dependency list
    raise ImportError("openpyxl must use defusedxml: install defusedxml")

MB = 1024 * 1024
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # OLE2: Excel 97-2003 files and password-protected XLSX
_DTD_MARKERS = (b"<!doctype", b"<!entity")
_SCAN_CHUNK = 64 * 1024


class FileRejectedError(ApplicationError):
    """The file cannot be read safely (too big, not a spreadsheet, malicious, malformed)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code=ErrorCode.IMPORT_FAILED)


@dataclass(frozen=True)
class Limits:
    """Caps applied before and while reading; defaults suit a registry of thousands of rows."""

    max_bytes: int = 10 * MB
    max_uncompressed: int = 50 * MB
    max_ratio: int = 100
    ratio_floor: int = 64 * 1024  # members smaller than this cannot hurt, whatever their ratio
    max_members: int = 500
    max_rows: int = 20_000
    max_columns: int = 100
    # Bounds of the sheet itself, checked while it streams (``tdkt.documents.sheetxml``):
    max_row_cells: int = 16_384  # Excel's own column limit; past it a row is an attack
    max_cells: int = 2_000_000  # every cell written in the sheet, empty or not
    max_shared_strings: int = 400_000
    max_shared_chars: int = 8_000_000

    def sheet_bounds(self) -> SheetBounds:
        """Return the bounds the sheet reader applies."""
        return SheetBounds(
            max_columns=self.max_columns,
            max_row_cells=self.max_row_cells,
            max_cells=self.max_cells,
            max_shared_strings=self.max_shared_strings,
            max_shared_chars=self.max_shared_chars,
        )

    @classmethod
    def from_settings(cls) -> Limits:
        """Return the limits with ``settings.TDKT_IMPORT_MAX_BYTES`` as the file size cap."""
        return cls(max_bytes=getattr(settings, "TDKT_IMPORT_MAX_BYTES", 10 * MB))


@dataclass(frozen=True)
class RawRow:
    """One non-empty data row: ``number`` is the row number Excel shows (headers are row 1)."""

    number: int
    values: tuple[Any, ...]


@dataclass
class RawTable:
    """The header row as text and the data rows as raw cell values, as they were in the file."""

    headers: list[str]
    rows: list[RawRow] = field(default_factory=list)


def read_table(
    data: bytes, *, filename: str, sheet: str | None = None, limits: Limits | None = None
) -> RawTable:
    """Return the header row and the non-empty data rows of an XLSX or CSV file.

    The first sheet is read unless ``sheet`` names another. Raises ``FileRejectedError``.
    """
    limits = limits or Limits.from_settings()
    if len(data) > limits.max_bytes:
        raise FileRejectedError(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / MB, 1), "limit": round(limits.max_bytes / MB, 1)}
        )
    if not data:
        raise FileRejectedError(_("Tệp rỗng."))
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower()
    if suffix == ".csv":
        return _read_csv(data, limits)
    if suffix in {".xlsx", ".xlsm"} or data.startswith(b"PK"):
        return _read_xlsx(data, sheet, limits)
    if data.startswith(XLS_MAGIC):
        raise FileRejectedError(_old_excel_message())
    raise FileRejectedError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8)."))


def read_headers(
    data: bytes, *, filename: str, sheet: str | None = None, limits: Limits | None = None
) -> list[str]:
    """Return the texts of row 1 only (empty when row 1 is empty), to recognise a file's kind.

    An XLSX sheet is streamed only as far as its first row. Raises ``FileRejectedError`` for
    files ``read_table`` would refuse before reading rows.
    """
    limits = limits or Limits.from_settings()
    if not data:
        raise FileRejectedError(_("Tệp rỗng."))
    if len(data) > limits.max_bytes:
        return read_table(data, filename=filename, sheet=sheet, limits=limits).headers
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower()
    if suffix == ".csv":
        try:
            first = data.decode("utf-8-sig").split("\n", 1)[0].rstrip("\r")
        except UnicodeDecodeError:
            return []
        delimiter = max(",;\t", key=first.count)
        fields = next(csv.reader([first[: 100 * 1024]], delimiter=delimiter), [])
        return [v.strip() for v in fields[: limits.max_columns]]
    if suffix in {".xlsx", ".xlsm"} or data.startswith(b"PK"):
        for number, cells in iter_xlsx_rows(data, sheet=sheet, limits=limits):
            if number != 1:
                return []
            return ["" if v is None else str(v).strip() for v in cells]
        return []
    return read_table(data, filename=filename, sheet=sheet, limits=limits).headers


def _old_excel_message() -> str:
    return _(
        "Tệp là định dạng Excel 97–2003 (.xls) hoặc được đặt mật khẩu; "
        "hãy mở bằng Excel và lưu lại dạng .xlsx không mật khẩu."
    )


# --- XLSX -------------------------------------------------------------------------------------


def check_zip(data: bytes, limits: Limits, *, scan_xml: bool = True) -> None:
    """Refuse a zip container that is malformed, a bomb, or holds dangerous names or DTDs.

    ``scan_xml`` also reads every XML part for a DTD, for callers that hand the file to a
    parser reading many parts (openpyxl); the streaming reader refuses a DTD in each part it
    parses and parses no other, so it skips that extra pass.
    """
    if data.startswith(XLS_MAGIC):
        raise FileRejectedError(_old_excel_message())
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FileRejectedError(_("Tệp không phải tệp Excel .xlsx hợp lệ (không đọc được)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_members(members, len(data), limits)
            for info in members if scan_xml else ():
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _scan_xml_member(archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise FileRejectedError(_("Tệp Excel bị hỏng hoặc nén theo cách không hỗ trợ.")) from exc


def _check_members(members: Sequence[zipfile.ZipInfo], packed_size: int, limits: Limits) -> None:
    if len(members) > limits.max_members:
        raise FileRejectedError(_("Tệp Excel có quá nhiều thành phần bên trong; từ chối đọc."))
    total = 0
    for info in members:
        if _unsafe_name(info.filename):
            raise FileRejectedError(_("Tệp Excel chứa đường dẫn không hợp lệ; từ chối đọc."))
        if info.flag_bits & 0x1:
            raise FileRejectedError(_old_excel_message())
        total += info.file_size
        if info.file_size > limits.ratio_floor and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise FileRejectedError(_bomb_message())
    if total > limits.max_uncompressed:
        raise FileRejectedError(_bomb_message())
    if total > limits.ratio_floor and total / max(packed_size, 1) > limits.max_ratio:
        raise FileRejectedError(_bomb_message())


def _bomb_message() -> str:
    return _(
        "Tệp Excel giải nén ra quá lớn hoặc có tỷ lệ nén bất thường (nghi là “zip bomb”); "
        "từ chối đọc."
    )


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\x00" in name
        or ".." in parts
        or (len(name) > 1 and name[1] == ":")
    )


def _scan_xml_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse XML parts with a DTD: Office never writes one; attacks (XXE, billion laughs) do."""
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_SCAN_CHUNK):
            window = (tail + chunk).lower()
            if any(marker in window for marker in _DTD_MARKERS):
                raise FileRejectedError(_xxe_message())
            tail = window[-16:]


def _xxe_message() -> str:
    return _(
        "Tệp Excel chứa khai báo DTD/thực thể XML (có thể là tấn công XXE); từ chối đọc. "
        "Hãy lưu lại tệp bằng Excel hoặc LibreOffice."
    )


def _read_xlsx(data: bytes, sheet: str | None, limits: Limits) -> RawTable:
    return _collect(iter_xlsx_rows(data, sheet=sheet, limits=limits), limits)


def iter_xlsx_rows(
    data: bytes, *, sheet: str | None = None, limits: Limits | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Yield ``(row number, values)`` of an XLSX sheet as it streams, empty rows included.

    Memory stays flat whatever the sheet holds: the rows are not collected here, a row keeps
    its first ``limits.max_columns`` cells, and every bound is checked while parsing. Raises
    ``FileRejectedError``.
    """
    limits = limits or Limits.from_settings()
    check_zip(data, limits, scan_xml=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            yield from iter_sheet_rows(
                archive,
                sheet=sheet,
                bounds=limits.sheet_bounds(),
                same=lambda title, name: fold(title) == fold(name),
            )
    except SheetRejectedError as exc:
        raise _sheet_rejected(exc, limits) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise FileRejectedError(_("Tệp Excel bị hỏng hoặc nén theo cách không hỗ trợ.")) from exc


def _grouped(number: int) -> str:
    """Return ``number`` with Vietnamese thousands dots (2.000.000)."""
    return f"{number:,}".replace(",", ".")


def _sheet_rejected(exc: SheetRejectedError, limits: Limits) -> FileRejectedError:
    """Say in Vietnamese which bound the sheet passed."""
    if exc.reason == "dtd":
        return FileRejectedError(_xxe_message())
    if exc.reason == "row_cells":
        return FileRejectedError(
            _("Dòng %(row)s có quá nhiều ô (hơn %(max)s); từ chối đọc.")
            % {"row": exc.details.get("row", "?"), "max": _grouped(limits.max_row_cells)}
        )
    if exc.reason == "cells":
        return FileRejectedError(
            _("Trang tính có quá nhiều ô (hơn %(max)s); từ chối đọc.")
            % {"max": _grouped(limits.max_cells)}
        )
    if exc.reason in {"shared_strings", "shared_chars"}:
        return FileRejectedError(
            _(
                "Tệp Excel có bảng chuỗi ký tự quá lớn (hơn %(max)s chuỗi hoặc %(chars)s ký tự); "
                "từ chối đọc."
            )
            % {
                "max": _grouped(limits.max_shared_strings),
                "chars": _grouped(limits.max_shared_chars),
            }
        )
    if exc.reason == "no_sheet":
        return FileRejectedError(_("Tệp Excel không có trang tính nào."))
    if exc.reason == "sheet_missing":
        return FileRejectedError(
            _("Tệp Excel không có trang tính “%(name)s”.") % {"name": exc.details.get("name", "")}
        )
    return FileRejectedError(_("Không đọc được tệp Excel: tệp bị hỏng hoặc sai định dạng."))


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(data: bytes, limits: Limits) -> RawTable:
    if data.startswith(XLS_MAGIC) or data.startswith(b"PK"):
        raise FileRejectedError(_("Tệp có đuôi .csv nhưng nội dung là Excel; hãy đổi đuôi .xlsx."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejectedError(
            _("Tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu dạng “CSV UTF-8”).")
        ) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    for number, line in enumerate(text.splitlines(), 1):
        # Refuse a line of millions of fields before ``csv`` builds the list of them.
        if line.count(delimiter) >= limits.max_row_cells:
            raise FileRejectedError(
                _("Dòng %(row)s có quá nhiều ô (hơn %(max)s); từ chối đọc.")
                % {"row": number, "max": _grouped(limits.max_row_cells)}
            )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _collect(
            ((n, tuple(r[: limits.max_columns])) for n, r in enumerate(reader, 1)), limits
        )
    except csv.Error as exc:
        raise FileRejectedError(
            _("Tệp CSV sai định dạng: %(error)s") % {"error": str(exc)}
        ) from exc


# --- shared -----------------------------------------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _collect(numbered_rows: Any, limits: Limits) -> RawTable:
    table: RawTable | None = None
    for number, values in numbered_rows:
        if table is None:
            if number != 1 or all(_is_blank(v) for v in values):
                raise FileRejectedError(_("Dòng 1 phải là dòng tiêu đề cột nhưng đang trống."))
            table = RawTable(headers=["" if v is None else str(v).strip() for v in values])
            continue
        if all(_is_blank(v) for v in values):
            continue
        if len(table.rows) >= limits.max_rows:
            raise FileRejectedError(
                _("Tệp có quá nhiều dòng dữ liệu; tối đa %(max)s dòng mỗi lần nhập.")
                % {"max": limits.max_rows}
            )
        table.rows.append(RawRow(number=number, values=tuple(values)))
    if table is None:
        raise FileRejectedError(_("Tệp không có dữ liệu (thiếu dòng tiêu đề)."))
    return table


def is_error_value(value: Any) -> bool:
    """Return True for a cached Excel error such as ``#N/A`` or ``#REF!``."""
    return isinstance(value, str) and value in ERROR_CODES
