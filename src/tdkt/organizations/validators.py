"""Pure validators for identifiers in the registry (shared by forms, API and importers).

Each returns an error message in Vietnamese, or None when the value is valid, so an importer
can collect every problem of a row instead of stopping at the first.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _

TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")
CITIZEN_ID_RE = re.compile(r"^\d{12}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# A phone number as people write it: digits with spaces, dots, hyphens or brackets between
# groups, an optional leading "+" (0912 345 678, 024.3825.1234, +84 912 345 678).
PHONE_RE = re.compile(r"^\+?[0-9][0-9 .\-()]*$")
PHONE_DIGITS = (8, 15)

# CCCD digit 4 encodes century and gender (Circular 07/2016/TT-BCA, Art 7):
# 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd, ...
_CENTURY_BASE = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100}


def tax_code_error(value: str) -> str | None:
    """A tax code is 10 digits, or 10 digits, a hyphen and 3 digits for a branch."""
    if not TAX_CODE_RE.match(value or ""):
        return _("Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số (chi nhánh).")
    return None


def citizen_id_error(value: str, *, date_of_birth: date | None, gender: str) -> str | None:
    """A CCCD has 12 digits: a province code (001–096), a century/gender digit, a birth year.

    When the date of birth and gender are known they must agree with the number, which
    catches most typing errors (swapped digits, someone else's number).
    """
    if not CITIZEN_ID_RE.match(value or ""):
        return _("Số CCCD phải gồm đúng 12 chữ số.")
    province = int(value[:3])
    if not 1 <= province <= 96:
        return _("Số CCCD có mã tỉnh (3 chữ số đầu) không hợp lệ.")
    code = int(value[3])
    if code not in _CENTURY_BASE:
        return _("Số CCCD có chữ số thế kỷ/giới tính (chữ số thứ 4) không hợp lệ.")
    if date_of_birth is not None:
        year = _CENTURY_BASE[code] + int(value[4:6])
        if year != date_of_birth.year:
            return _("Số CCCD không khớp với năm sinh.")
    if gender:
        is_female = code % 2 == 1
        if is_female != (gender == "female"):
            return _("Số CCCD không khớp với giới tính.")
    return None


def country_error(value: str) -> str | None:
    """Countries are ISO 3166-1 alpha-2 codes in capitals (VN, JP, KR …)."""
    if value and not COUNTRY_RE.match(value):
        return _("Quốc gia phải là mã ISO 2 chữ cái viết hoa, ví dụ VN, JP, KR.")
    return None


def phone_error(value: str) -> str | None:
    """A phone number is 8–15 digits, grouped by spaces, dots, hyphens or brackets."""
    if not value:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE_RE.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return _("Số điện thoại chỉ gồm 8–15 chữ số (có thể có dấu cách, chấm, gạch ngang).")
    return None
