"""Build indicator and dossier files in memory, as officers would save them from Excel."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

INDICATOR_HEADERS = [
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị tính",
    "Đơn vị",
    "Năm",
    "Kế hoạch",
    "Thực hiện",
]
RATE_HEADERS = ["Năm", "Ngoại tệ", "Tỷ giá (VND)"]
DOSSIER_HEADERS = [
    "Mã hồ sơ",
    "Tên thủ tục",
    "Lĩnh vực",
    "Hình thức nộp",
    "Mức độ",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Số ngày giải quyết",
    "Ngày trả kết quả",
]


def workbook(*sheets: tuple[str, Sequence[Any], Sequence[Sequence[Any]]]) -> bytes:
    """Return an .xlsx file with one sheet per (title, headers, rows)."""
    book = Workbook()
    book.remove(book.active)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def indicator_file(
    rows: Sequence[Sequence[Any]], rates: Sequence[Sequence[Any]] | None = None
) -> bytes:
    """Return an indicators file; ``rates`` adds the "Tỷ giá" sheet."""
    sheets: list[tuple[str, Sequence[Any], Sequence[Sequence[Any]]]] = [
        ("Chỉ tiêu", INDICATOR_HEADERS, rows)
    ]
    if rates is not None:
        sheets.append(("Tỷ giá", RATE_HEADERS, rates))
    return workbook(*sheets)


def dossier_file(rows: Sequence[Sequence[Any]], headers: Sequence[str] = DOSSIER_HEADERS) -> bytes:
    """Return a dossier export with the given headers."""
    return workbook(("Hồ sơ", headers, rows))


def dossier_row(**values: Any) -> list[Any]:
    """Return a dossier row with defaults, overridden by header name."""
    row = {
        "Mã hồ sơ": "HS-0001",
        "Tên thủ tục": "Cấp Giấy chứng nhận đăng ký đầu tư",
        "Lĩnh vực": "Đầu tư",
        "Hình thức nộp": "Trực tuyến",
        "Mức độ": 4,
        "Ngày tiếp nhận": "05/11/2019",
        "Ngày hẹn trả": None,
        "Số ngày giải quyết": 10,
        "Ngày trả kết quả": "15/11/2019",
    }
    row.update(values)
    return [row[h] for h in DOSSIER_HEADERS]


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]], sep: str = ",") -> bytes:
    """Return a UTF-8 CSV file (with BOM, as Excel writes it)."""
    lines = [sep.join(headers)] + [
        sep.join("" if v is None else str(v) for v in row) for row in rows
    ]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")
