"""The Board, its units and Hanoi's industrial zones.

Organisation references across the demo modules are string keys: ``board``, ``unit:<key>``,
``ent:<key>`` and ``ext:<key>``; the loader maps them to rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tdkt.organizations.constants import OrganizationKind, ZoneKind, ZoneStatus

BOARD_NAME = "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội"
BOARD_SHORT_NAME = "BQL"


@dataclass(frozen=True)
class UnitSpec:
    """A unit directly under the Board."""

    key: str
    name: str
    kind: str
    short_name: str = ""


# The article names the service centre and (through the "BQL-VPĐD" document numbers) the
# representative office; the list of departments is illustrative, not the Board's charter.
UNITS: tuple[UnitSpec, ...] = (
    UnitSpec("office", "Văn phòng", OrganizationKind.DEPARTMENT, "VP"),
    UnitSpec("investment", "Phòng Quản lý Đầu tư", OrganizationKind.DEPARTMENT, "QLĐT"),
    UnitSpec(
        "planning", "Phòng Quản lý Quy hoạch và Xây dựng", OrganizationKind.DEPARTMENT, "QHXD"
    ),
    UnitSpec(
        "enterprise_affairs", "Phòng Quản lý Doanh nghiệp", OrganizationKind.DEPARTMENT, "QLDN"
    ),
    UnitSpec("labour", "Phòng Quản lý Lao động", OrganizationKind.DEPARTMENT, "QLLĐ"),
    UnitSpec(
        "environment",
        "Phòng Quản lý Tài nguyên và Môi trường",
        OrganizationKind.DEPARTMENT,
        "TNMT",
    ),
    UnitSpec(
        "centre",
        "Trung tâm Dịch vụ hỗ trợ doanh nghiệp",
        OrganizationKind.PUBLIC_SERVICE_UNIT,
        "TTDV",
    ),
    UnitSpec(
        "rep_office",
        "Văn phòng đại diện Ban Quản lý",
        OrganizationKind.REPRESENTATIVE_OFFICE,
        "VPĐD",
    ),
)


@dataclass(frozen=True)
class ZoneSpec:
    """An industrial zone; ``area_ha`` is approximate (see docs/demo-data.md)."""

    key: str
    name: str
    district: str
    area_ha: Decimal | None
    status: str = ZoneStatus.OPERATING
    kind: str = ZoneKind.INDUSTRIAL


# The article: 9 zones operating, 31 planned by 2030. Districts are those of 2019-2020.
ZONES: tuple[ZoneSpec, ...] = (
    ZoneSpec("thang_long", "KCN Thăng Long", "Đông Anh", Decimal("274")),
    ZoneSpec("noi_bai", "KCN Nội Bài", "Sóc Sơn", Decimal("114")),
    ZoneSpec("sai_dong_b", "KCN Sài Đồng B", "Long Biên", Decimal("97")),
    ZoneSpec("nam_thang_long", "KCN Nam Thăng Long", "Bắc Từ Liêm", Decimal("30")),
    ZoneSpec("quang_minh_1", "KCN Quang Minh I", "Mê Linh", Decimal("407")),
    ZoneSpec("quang_minh_2", "KCN Quang Minh II", "Mê Linh", Decimal("266")),
    ZoneSpec("ha_noi_dai_tu", "KCN Hà Nội – Đài Tư", "Long Biên", Decimal("40")),
    ZoneSpec(
        "thach_that_quoc_oai", "KCN Thạch Thất – Quốc Oai", "Thạch Thất, Quốc Oai", Decimal("155")
    ),
    ZoneSpec("phu_nghia", "KCN Phú Nghĩa", "Chương Mỹ", Decimal("170")),
    # Planned zones: names from Hanoi's zone planning, areas left empty (not verified).
    ZoneSpec("soc_son", "KCN Sóc Sơn", "Sóc Sơn", None, ZoneStatus.PLANNED),
    ZoneSpec("phung_hiep", "KCN Phụng Hiệp", "Thường Tín", None, ZoneStatus.PLANNED),
    ZoneSpec("bac_thuong_tin", "KCN Bắc Thường Tín", "Thường Tín", None, ZoneStatus.PLANNED),
    ZoneSpec("nam_phu_xuyen", "KCN Nam Phú Xuyên", "Phú Xuyên", None, ZoneStatus.PLANNED),
    ZoneSpec("dong_anh", "KCN Đông Anh", "Đông Anh", None, ZoneStatus.PLANNED),
)
