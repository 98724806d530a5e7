"""Thirty synthetic enterprises in the operating zones, FDI (USD) and DDI (VND).

Names are invented to look plausible; any likeness to a real company is accidental.
Tax codes are synthetic too, but well formed: the Hanoi prefix 01 and the check digit of
the General Department of Taxation's algorithm, so they pass stricter validators later.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tdkt.organizations.constants import Currency, InvestmentType

_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_check_digit(first_nine: str) -> int | None:
    """Return the 10th digit of a tax code, or None when no digit fits (the number is unused)."""
    total = sum(w * int(d) for w, d in zip(_TAX_WEIGHTS, first_nine, strict=True))
    check = 10 - total % 11
    return check if check <= 9 else None


def demo_tax_code(index: int) -> str:
    """Return the synthetic tax code of the ``index``-th demo enterprise (stable, unique)."""
    serial = 1907300 + index * 37  # spaced out, deterministic
    while True:
        first_nine = f"01{serial:07d}"
        check = tax_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"
        serial += 1  # a number without a valid check digit is skipped, as the tax office does


@dataclass(frozen=True)
class EnterpriseSpec:
    """One enterprise; ``key`` (E01…) is how people and accounts refer to it."""

    key: str
    name: str
    investment_type: str
    investor_country: str
    zone_key: str
    registered_capital: Decimal
    tax_code: str

    @property
    def currency(self) -> str:
        """FDI capital is registered in USD, DDI capital in VND (as the article reports)."""
        return Currency.USD if self.investment_type == InvestmentType.FDI else Currency.VND


_FDI = InvestmentType.FDI
_DDI = InvestmentType.DDI

# (name, type, investor country, zone key, registered capital)
_ROWS: tuple[tuple[str, str, str, str, int], ...] = (
    ("Công ty TNHH Điện tử Sakura Hikari Việt Nam", _FDI, "JP", "thang_long", 45_000_000),
    ("Công ty TNHH Cơ khí Chính xác Kotobuki Việt Nam", _FDI, "JP", "thang_long", 18_500_000),
    ("Công ty TNHH Linh kiện Ô tô Minato Việt Nam", _FDI, "JP", "noi_bai", 32_000_000),
    ("Công ty TNHH Nhựa Kỹ thuật Asahi Mirai Việt Nam", _FDI, "JP", "quang_minh_1", 12_000_000),
    ("Công ty TNHH Bao bì Yamabuki Hà Nội", _FDI, "JP", "nam_thang_long", 6_500_000),
    ("Công ty TNHH Điện tử Hanbit Vina", _FDI, "KR", "quang_minh_2", 27_000_000),
    ("Công ty TNHH Công nghệ Daeyang Vina", _FDI, "KR", "noi_bai", 15_000_000),
    ("Công ty TNHH May mặc Seoul Star Vina", _FDI, "KR", "phu_nghia", 8_000_000),
    ("Công ty TNHH Vật liệu mới Haneul Vina", _FDI, "KR", "thach_that_quoc_oai", 11_000_000),
    ("Công ty TNHH Thiết bị Y tế Lion Crest Việt Nam", _FDI, "SG", "sai_dong_b", 9_500_000),
    ("Công ty TNHH Logistics Merlion Bay Hà Nội", _FDI, "SG", "noi_bai", 14_000_000),
    ("Công ty TNHH Cơ điện Jade Harbor Việt Nam", _FDI, "TW", "quang_minh_1", 21_000_000),
    ("Công ty TNHH Linh kiện Điện tử Sunmoon Việt Nam", _FDI, "TW", "ha_noi_dai_tu", 7_200_000),
    ("Công ty TNHH Pin và Thiết bị điện Jinhe Việt Nam", _FDI, "CN", "quang_minh_2", 16_000_000),
    ("Công ty TNHH Dây cáp điện Huaxing Hà Nội", _FDI, "CN", "phu_nghia", 5_800_000),
    ("Công ty TNHH Tự động hóa Lakeshore Việt Nam", _FDI, "US", "thang_long", 10_000_000),
    ("Công ty TNHH Dược phẩm Blue Ridge Việt Nam", _FDI, "US", "sai_dong_b", 13_000_000),
    ("Công ty TNHH Kỹ thuật Rheinwerk Việt Nam", _FDI, "DE", "nam_thang_long", 8_800_000),
    (
        "Công ty TNHH Thiết bị Đo lường Elbtal Việt Nam",
        _FDI,
        "DE",
        "thach_that_quoc_oai",
        4_500_000,
    ),
    ("Công ty TNHH Khuôn mẫu Nakamura Seiko Việt Nam", _FDI, "JP", "quang_minh_1", 9_000_000),
    ("Công ty Cổ phần Cơ khí Chính xác Hồng Hà Việt", _DDI, "", "quang_minh_1", 120_000_000_000),
    ("Công ty TNHH Thực phẩm sạch Ba Vì Xanh", _DDI, "", "phu_nghia", 45_000_000_000),
    ("Công ty Cổ phần Bao bì Đức Phát Hà Nội", _DDI, "", "phu_nghia", 68_000_000_000),
    ("Công ty Cổ phần Dược phẩm Đông Đô Tân Tiến", _DDI, "", "ha_noi_dai_tu", 150_000_000_000),
    ("Công ty TNHH Nội thất gỗ Đại Lâm", _DDI, "", "thach_that_quoc_oai", 32_000_000_000),
    ("Công ty Cổ phần Vật liệu Xây dựng Đông Sơn Mới", _DDI, "", "quang_minh_2", 210_000_000_000),
    ("Công ty TNHH Điện tử Viễn thông An Khang", _DDI, "", "nam_thang_long", 58_000_000_000),
    ("Công ty Cổ phần May xuất khẩu Hà Đông Việt", _DDI, "", "phu_nghia", 75_000_000_000),
    ("Công ty TNHH In ấn Phương Đông Mới", _DDI, "", "thach_that_quoc_oai", 26_000_000_000),
    ("Công ty Cổ phần Cơ điện lạnh Đại Việt Hưng", _DDI, "", "quang_minh_1", 95_000_000_000),
)

ENTERPRISES: tuple[EnterpriseSpec, ...] = tuple(
    EnterpriseSpec(
        key=f"E{i:02d}",
        name=name,
        investment_type=kind,
        investor_country=country,
        zone_key=zone,
        registered_capital=Decimal(capital),
        tax_code=demo_tax_code(i),
    )
    for i, (name, kind, country, zone, capital) in enumerate(_ROWS, start=1)
)
