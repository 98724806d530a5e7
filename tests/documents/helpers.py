"""Build import files in memory, as users would save them from Excel."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

ORG_HEADERS = [
    "Tên đơn vị",
    "Tên viết tắt",
    "Loại",
    "Đơn vị cấp trên",
    "Mã số thuế",
    "Loại hình đầu tư",
    "Quốc gia nhà đầu tư",
    "Khu công nghiệp",
    "Vốn đăng ký",
    "Đơn vị tiền tệ",
    "Địa chỉ",
]
PEOPLE_HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Quốc tịch",
    "Đối tượng",
    "Đơn vị",
    "Chức vụ",
    "Từ ngày",
    "Email",
    "Điện thoại",
]
BOARD = "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội"


def xlsx(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """Return an .xlsx file with ``headers`` on row 1 and ``rows`` below."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def person_row(**values: Any) -> list[Any]:
    """Return a people row with sensible defaults, overridden by ``values`` (by header)."""
    defaults = {
        "Họ và tên": "Phạm Thị Mai",
        "Giới tính": "Nữ",
        "Ngày sinh": "12/03/1990",
        "Số CCCD": "001190004321",
        "Quốc tịch": "VN",
        "Đối tượng": "Công chức",
        "Đơn vị": "Phòng Quản lý Đầu tư",
        "Chức vụ": "Chuyên viên",
        "Từ ngày": "01/02/2021",
        "Email": "mai.pt@example.vn",
        "Điện thoại": "0912345678",
    }
    defaults.update(values)
    return [defaults[h] for h in PEOPLE_HEADERS]
