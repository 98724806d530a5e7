"""Build import files in memory, as users would save them from Excel."""

from __future__ import annotations

import io
import random
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


FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quang", "Thu", "Xuân")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Long", "Mai")


def people_rows(count: int, units: Sequence[str], *, seed: int = 2026) -> list[list[Any]]:
    """Return ``count`` valid, distinct people rows (PEOPLE_HEADERS order) spread over
    ``units``: each CCCD agrees with its birth year and gender, as the import checks."""
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        female = rng.random() < 0.5
        year = rng.randint(1965, 2004)
        century_gender = (0 if year < 2000 else 2) + (1 if female else 0)
        citizen_id = f"{rng.randint(1, 96):03d}{century_gender}{year % 100:02d}{index:06d}"
        rows.append(
            [
                f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                "Nữ" if female else "Nam",
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
                citizen_id,
                "VN",
                "Người lao động",
                units[index % len(units)],
                "Chuyên viên",
                f"01/{rng.randint(1, 12):02d}/{rng.randint(2015, 2024)}",
                f"nv{index}@example.vn",
                f"09{rng.randint(0, 99_999_999):08d}",
            ]
        )
    return rows


def is_write(sql: str) -> bool:
    """True for a statement that changes rows: INSERT, UPDATE, DELETE, or a data-modifying
    WITH (on PostgreSQL the audit append inserts the events and moves the chain's head in one
    ``WITH … INSERT`` statement)."""
    text = sql.lstrip().upper()
    if text.startswith(("INSERT", "UPDATE", "DELETE")):
        return True
    return text.startswith("WITH") and any(
        word in text for word in ("INSERT INTO", "UPDATE ", "DELETE FROM")
    )
