"""Cell parsers of the indicator and dossier files (on top of ``tdkt.documents``' parsers).

They run once per cell of files of 100,000 rows, so lookups are built once, not per call.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from tdkt.core.text import fold
from tdkt.documents.importing.columns import CellError, parse_decimal, parse_text
from tdkt.indicators.constants import HOME_CURRENCY, VALUE_DECIMALS, VALUE_DIGITS, Channel

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_QUANTUM = Decimal(1).scaleb(-VALUE_DECIMALS)
_MAX_VALUE = Decimal(10) ** (VALUE_DIGITS - VALUE_DECIMALS)


def parse_indicator_code(value: Any) -> str:
    """A stable code such as ``doanh_thu``: lowercase letters without accents, digits, "_"."""
    code = parse_text(value).lower()
    if not _CODE.match(code):
        raise CellError(
            _(
                "Mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu "
                "bằng chữ, tối đa 50 ký tự; ví dụ doanh_thu."
            )
        )
    return code


def parse_year(value: Any) -> int:
    """A year between 1900 and 2100, typed as a number or as text."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdecimal() or not 1900 <= int(text) <= 2100:
        raise CellError(_("Năm phải là số trong khoảng 1900–2100, ví dụ 2019."))
    return int(text)


# The text forms ``parse_decimal`` accepts, without spaces: digits, or digits grouped by dots
# in threes, then optionally a comma and decimals.
_VIETNAMESE_NUMBER = re.compile(r"^-?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$")


def vietnamese_decimal(value: Any) -> Decimal:
    """``parse_decimal`` with a fast path for the common forms (number cells, "1.234,5").

    Anything else goes to ``parse_decimal`` itself, so what is accepted, and every error
    message, stay exactly those of the shared parser (a test checks that both agree).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str) and _VIETNAMESE_NUMBER.match(value):
        return Decimal(value.replace(".", "").replace(",", "."))
    return parse_decimal(value)


def parse_value(value: Any) -> Decimal:
    """A figure in Vietnamese number format ("7.700.000.000", "12,5"), kept to 6 decimals."""
    number = vietnamese_decimal(value).quantize(_QUANTUM, rounding=ROUND_HALF_UP)
    if abs(number) >= _MAX_VALUE:
        raise CellError(_("Số quá lớn."))
    return number


def parse_rate(value: Any) -> Decimal:
    """An exchange rate in đồng per unit of the currency: a positive number."""
    number = vietnamese_decimal(value)
    if number <= 0 or number >= Decimal("1e14"):
        raise CellError(_("Tỷ giá phải là số dương (số đồng cho một đơn vị ngoại tệ)."))
    return number.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def parse_currency(value: Any) -> str:
    """A foreign currency as its three-letter ISO code (USD, EUR, JPY ...), not VND."""
    code = parse_text(value).upper()
    if not _CURRENCY.match(code):
        raise CellError(_("Ngoại tệ ghi bằng mã ba chữ cái, ví dụ USD, EUR, JPY."))
    if code == HOME_CURRENCY:
        raise CellError(_("VND là đồng Việt Nam, không cần tỷ giá."))
    return code


def is_currency(unit: str) -> bool:
    """Return True when a unit of measure is a currency code (VND, USD ...)."""
    return bool(_CURRENCY.match(unit))


def parse_days(value: Any) -> int:
    """A statutory processing time: a whole number of working days, 0 to 365."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdecimal() or int(text) > 365:
        raise CellError(_("Số ngày giải quyết phải là số nguyên từ 0 đến 365."))
    return int(text)


_LEVEL_WORDS = {"toan trinh": 4, "mot phan": 3}
_LEVEL_PREFIX = re.compile(r"^(muc do|muc)\s*")


def parse_service_level(value: Any) -> int:
    """The online service level: 2, 3 or 4 ("Mức độ 3", "toàn trình" = 4 are accepted)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = _LEVEL_PREFIX.sub("", fold(str(value)))
    level = _LEVEL_WORDS.get(key)
    if level is None and key in {"2", "3", "4"}:
        level = int(key)
    if level is None:
        raise CellError(_("Mức độ phải là 2, 3 hoặc 4 (4 = toàn trình)."))
    return level


class ChannelParser:
    """``Hình thức nộp``: Trực tuyến, Trực tiếp or Bưu chính, without case or accents.

    The lookup is built on first use and kept, because the generic ``choice`` parser rebuilds
    it (with a language switch) on every cell.
    """

    def __init__(self) -> None:
        self._lookup: dict[str, str] = {}

    def _build(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        with translation.override("vi"):
            for value, label in Channel.choices:
                lookup[fold(str(label))] = value
                lookup[fold(value)] = value
        lookup.update({"buu dien": Channel.POST, "qua buu chinh": Channel.POST})
        return lookup

    def __call__(self, value: Any) -> str:
        lookup = self._lookup or self._build()
        self._lookup = lookup
        found = lookup.get(fold(str(value)))
        if found is None:
            raise CellError(
                _("Hình thức nộp không hợp lệ; chọn một trong: Trực tuyến, Trực tiếp, Bưu chính.")
            )
        return found


class Memo:
    """Wrap a cell parser so each distinct raw value is parsed once per process.

    Dossier files repeat a few hundred procedure names, fields and dates over 100,000 rows;
    parsing each once saves most of the per-cell work. The cache is bounded, keyed by type
    and value (so ``True`` and ``1`` stay apart), and only successful results are kept: an
    error is raised again, in the reader's language, every time.
    """

    def __init__(self, parser: Any, limit: int = 20_000) -> None:
        self._parser = parser
        self._limit = limit
        self._cache: dict[tuple[type, Any], Any] = {}

    def __call__(self, value: Any) -> Any:
        key = (value.__class__, value)
        try:
            return self._cache[key]
        except KeyError:
            pass
        except TypeError:  # pragma: no cover - cells are hashable scalars
            return self._parser(value)
        result = self._parser(value)
        if len(self._cache) < self._limit:
            self._cache[key] = result
        return result
