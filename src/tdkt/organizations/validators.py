"""Pure validators for identifiers in the registry (shared by forms, API and importers).

Each returns an error message in Vietnamese, or None when the value is valid, so an importer
can collect every problem of a row instead of stopping at the first. They take identifiers
already normalised by ``tdkt.core.text.normalize_identifier`` and accept ASCII digits only
(a regex ``[0-9]``: ``\\d`` would also match full-width and Arabic-Indic digits: ADR 0035).
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _

TAX_CODE_RE = re.compile(r"^[0-9]{10}(-[0-9]{3})?$")
CITIZEN_ID_RE = re.compile(r"^[0-9]{12}$")
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


# Working age: the Labour Code 2019 (Art. 3, 143) sets 15 as the age of an adult worker; the
# upper bound only catches typing errors (1925 for 1952).
MIN_WORKING_AGE = 15
MAX_AGE = 100
# Records of posts start with the Democratic Republic of Vietnam (1945); a post may be
# recorded ahead of time, at most until the end of next year (a typo such as 2062 for 2026).
FIRST_POST_YEAR = 1945


def age_on(date_of_birth: date, today: date) -> int:
    """Return the age in whole years on ``today``."""
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - before_birthday


def birth_date_error(value: date | None, *, today: date) -> str | None:
    """A date of birth is in the past and gives an age between 15 and 100 today."""
    if value is None:
        return None
    if value > today:
        return _("Ngày sinh không được sau ngày hôm nay.")
    age = age_on(value, today)
    if age < MIN_WORKING_AGE:
        return _(
            "Người lao động phải từ đủ %(min)s tuổi trở lên (ngày sinh cho thấy %(age)s tuổi)."
        ) % {"min": MIN_WORKING_AGE, "age": age}
    if age > MAX_AGE:
        return _("Ngày sinh cho thấy hơn %(max)s tuổi: kiểm tra lại ngày sinh.") % {"max": MAX_AGE}
    return None


def post_dates_errors(start: date | None, end: date | None, *, today: date) -> dict[str, list[str]]:
    """Return the field errors of a post's dates: both between 1945 and the end of next year,
    and the end not before the start."""
    errors: dict[str, list[str]] = {}
    last_year = today.year + 1
    for name, value in (("start_date", start), ("end_date", end)):
        if value is None:
            continue
        if value.year < FIRST_POST_YEAR:
            errors[name] = [_("Ngày không được trước năm %(year)s.") % {"year": FIRST_POST_YEAR}]
        elif value.year > last_year:
            errors[name] = [_("Ngày không được sau năm %(year)s.") % {"year": last_year}]
    if start is not None and end is not None and end < start and "end_date" not in errors:
        errors["end_date"] = [
            _("Đến ngày không được trước Từ ngày (%(start)s).")
            % {"start": start.strftime("%d/%m/%Y")}
        ]
    return errors


def phone_error(value: str) -> str | None:
    """A phone number is 8–15 digits, grouped by spaces, dots, hyphens or brackets."""
    if not value:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE_RE.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return _("Số điện thoại chỉ gồm 8–15 chữ số (có thể có dấu cách, chấm, gạch ngang).")
    return None
