"""Stream the rows of an uploaded XLSX or CSV file, with the safety checks of every import.

``tdkt.documents.xlsx.read_table`` collects a whole sheet in a list, which suits files of a
few thousand rows. Dossier exports run to 100,000 rows and more, so this module yields the
rows one by one instead, after the same container checks (zip bomb, XXE, size), and keeps
openpyxl in read-only mode so memory does not grow with the sheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from django.utils.translation import gettext as _

from tdkt.core.text import fold
from tdkt.documents.xlsx import (
    MB,
    XLS_MAGIC,
    FileRejectedError,
    Limits,
    check_zip,
    openpyxl,
)

# Bulk imports accept bigger sheets than the registry imports; the uncompressed cap still
# bounds what a small zip can expand to, and the ratio check of ``check_zip`` still applies.
BULK_MAX_ROWS = 200_000
BULK_MAX_UNCOMPRESSED = 200 * MB


def bulk_limits() -> Limits:
    """Return the limits of bulk imports: the configured file size, more rows."""
    return replace(
        Limits.from_settings(), max_rows=BULK_MAX_ROWS, max_uncompressed=BULK_MAX_UNCOMPRESSED
    )


@dataclass
class Sheet:
    """The header row of a sheet and an iterator over its non-blank data rows.

    ``rows`` yields ``(number, values)`` with the row number Excel shows (headers are row 1).
    """

    title: str
    headers: list[str]
    rows: Iterator[tuple[int, tuple[Any, ...]]]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet(
    title: str,
    header: tuple[Any, ...] | None,
    data: Iterator[tuple[int, tuple[Any, ...]]],
    limits: Limits,
) -> Sheet:
    """Check the header row and wrap the data rows in a bounded, blank-free stream."""
    if header is None:
        raise FileRejectedError(_("Tệp không có dữ liệu (thiếu dòng tiêu đề)."))
    if all(_blank(v) for v in header):
        raise FileRejectedError(_("Dòng 1 phải là dòng tiêu đề cột nhưng đang trống."))
    headers = ["" if v is None else str(v).strip() for v in header]
    return Sheet(title, headers, _data_rows(data, limits))


def _data_rows(
    numbered: Iterator[tuple[int, tuple[Any, ...]]], limits: Limits
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    count = 0
    for number, values in numbered:
        for value in values:
            if value is not None and (not isinstance(value, str) or value.strip()):
                break
        else:
            continue
        count += 1
        if count > limits.max_rows:
            raise FileRejectedError(
                _("Tệp có quá nhiều dòng dữ liệu; tối đa %(max)s dòng mỗi lần nhập.")
                % {"max": limits.max_rows}
            )
        yield number, values


class Book:
    """An opened XLSX workbook or CSV file; use as a context manager so it is closed."""

    def __init__(self, data: bytes, *, filename: str, limits: Limits | None = None) -> None:
        self.limits = limits or bulk_limits()
        self._workbook: Any = None
        self._csv: str | None = None
        if len(data) > self.limits.max_bytes:
            raise FileRejectedError(
                _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
                % {
                    "size": round(len(data) / MB, 1),
                    "limit": round(self.limits.max_bytes / MB, 1),
                }
            )
        if not data:
            raise FileRejectedError(_("Tệp rỗng."))
        suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower()
        if suffix == ".csv":
            self._csv = _decode_csv(data)
        elif suffix in {".xlsx", ".xlsm"} or data.startswith(b"PK"):
            check_zip(data, self.limits)
            try:
                self._workbook = openpyxl.load_workbook(
                    io.BytesIO(data),
                    read_only=True,
                    data_only=True,
                    keep_links=False,
                    keep_vba=False,
                )
            except Exception as exc:  # openpyxl raises many types for a malformed file
                raise _unreadable() from exc
        elif data.startswith(XLS_MAGIC):
            raise FileRejectedError(
                _(
                    "Tệp là định dạng Excel 97–2003 (.xls) hoặc được đặt mật khẩu; "
                    "hãy mở bằng Excel và lưu lại dạng .xlsx không mật khẩu."
                )
            )
        else:
            raise FileRejectedError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8)."))

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the workbook (read-only workbooks keep the archive open)."""
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    @property
    def is_csv(self) -> bool:
        """True for a CSV file, which has a single sheet."""
        return self._csv is not None

    def sheet_titles(self) -> list[str]:
        """Return the titles of the sheets in order (a CSV file has one, untitled)."""
        if self._workbook is None:
            return [""]
        return [ws.title for ws in self._workbook.worksheets]

    def find(self, title: str) -> str | None:
        """Return the title of the sheet called ``title`` (without case or accents), if any."""
        return next((t for t in self.sheet_titles() if fold(t) == fold(title)), None)

    def sheet(self, title: str | None = None) -> Sheet:
        """Return a sheet by exact title, or the first sheet when ``title`` is None."""
        if self._csv is not None:
            rows = _csv_rows(self._csv, self.limits)
            first = next(rows, None)
            return _sheet("", first[1] if first else None, rows, self.limits)
        worksheets = self._workbook.worksheets
        if not worksheets:
            raise FileRejectedError(_("Tệp Excel không có trang tính nào."))
        worksheet = worksheets[0] if title is None else self._workbook[title]
        worksheet.reset_dimensions()  # the stored dimension may lie; never truncate silently
        limit = self.limits.max_columns
        header = next(
            _guarded(worksheet.iter_rows(min_row=1, max_row=1, max_col=limit, values_only=True)),
            None,
        )
        # Data rows are read only as wide as the header row: a cell without a header is
        # ignored anyway, and narrower rows are cheaper to build.
        width = max((i + 1 for i, v in enumerate(header or ()) if not _blank(v)), default=1)
        rows = worksheet.iter_rows(min_row=2, max_col=width, values_only=True)
        return _sheet(worksheet.title, header, _guarded(enumerate(rows, start=2)), self.limits)


def _guarded(
    numbered: Iterator[tuple[int, tuple[Any, ...]]],
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Turn openpyxl's many exception types while parsing into one Vietnamese message."""
    try:
        yield from numbered
    except FileRejectedError:
        raise
    except Exception as exc:
        raise _unreadable() from exc


def _unreadable() -> FileRejectedError:
    return FileRejectedError(_("Không đọc được tệp Excel: tệp bị hỏng hoặc sai định dạng."))


def _decode_csv(data: bytes) -> str:
    if data.startswith(XLS_MAGIC) or data.startswith(b"PK"):
        raise FileRejectedError(_("Tệp có đuôi .csv nhưng nội dung là Excel; hãy đổi đuôi .xlsx."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejectedError(
            _("Tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu dạng “CSV UTF-8”).")
        ) from exc


def _csv_rows(text: str, limits: Limits) -> Iterator[tuple[int, tuple[Any, ...]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield number, tuple(row[: limits.max_columns])
    except csv.Error as exc:
        raise FileRejectedError(
            _("Tệp CSV sai định dạng: %(error)s") % {"error": str(exc)}
        ) from exc
