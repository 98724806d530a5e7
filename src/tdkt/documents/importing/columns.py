"""Column specifications and the cell parsers importers share.

A parser receives a non-blank raw cell value (text from CSV; text, number, date or datetime
from XLSX) and returns the clean value, or raises ``CellError`` with a Vietnamese message.
Blank cells never reach a parser: the framework turns them into ``None`` (or a "required"
error), so every parser handles only real input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from tdkt.core.text import fold, normalize_name

Parser = Callable[[Any], Any]


class CellError(ValueError):
    """A cell value cannot be used; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_text(value: Any) -> str:
    """Return the text of a cell; whole numbers lose Excel's ".0" (1085012345.0 → "1085012345")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        raise CellError(_("Ô này phải là chữ, không phải ngày tháng."))
    return normalize_name(str(value))


def text(max_length: int) -> Parser:
    """Return a parser for free text of at most ``max_length`` characters."""

    def parse(value: Any) -> str:
        result = parse_text(value)
        if len(result) > max_length:
            raise CellError(_("Dài quá %(max)s ký tự.") % {"max": max_length})
        return result

    return parse


def checked(check: Callable[[str], str | None], *, upper: bool = False) -> Parser:
    """Return a parser for an identifier checked by ``check`` (message or None), e.g. a
    registry validator. Spaces are removed; a number cell gets advice about leading zeros,
    which Excel drops from numbers typed into a General-format column."""

    def parse(value: Any) -> str:
        result = parse_text(value).replace(" ", "")
        result = result.upper() if upper else result
        if message := check(result):
            if isinstance(value, int | float):
                message += " " + _(
                    "Excel có thể đã bỏ số 0 ở đầu: hãy định dạng cột là Văn bản (Text)."
                )
            raise CellError(message)
        return result

    return parse


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value: Any) -> date:
    """Accept an Excel date, "dd/mm/yyyy" (also with "-" or ".") or ISO "yyyy-mm-dd"."""
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    else:
        raw = str(value).strip()
        if match := _DMY.match(raw):
            day, month, year = (int(g) for g in match.groups())
        elif match := _ISO.match(raw):
            year, month, day = (int(g) for g in match.groups())
        else:
            raise CellError(_("Ngày phải có dạng dd/mm/yyyy, ví dụ 17/05/1985."))
        try:
            result = date(year, month, day)
        except ValueError as exc:
            raise CellError(_("Ngày %(value)s không tồn tại.") % {"value": raw}) from exc
    if not 1900 <= result.year <= 2100:
        raise CellError(_("Năm phải trong khoảng 1900–2100."))
    return result


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_decimal(value: Any) -> Decimal:
    """Accept a number cell or Vietnamese-formatted text: "7.700.000.000", "12,5", "1.234,5".

    A dot is a thousands separator and a comma the decimal mark; "12.5" is refused because it
    is ambiguous (twelve and a half, or a typo for 12.500).
    """
    if isinstance(value, bool):
        raise CellError(_("Phải là một số."))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    raw = re.sub(r"[\s\u00a0]", "", str(value))
    if "," in raw:
        candidate = raw.replace(".", "").replace(",", ".", 1) if raw.count(",") == 1 else ""
        if "." in raw and not _THOUSANDS.match(raw.split(",")[0]):
            candidate = ""
    elif "." in raw:
        candidate = raw.replace(".", "") if _THOUSANDS.match(raw) else ""
    else:
        candidate = raw
    try:
        if not re.fullmatch(r"-?\d+(\.\d+)?", candidate):
            raise InvalidOperation
        return Decimal(candidate)
    except InvalidOperation as exc:
        raise CellError(
            _(
                "Số không hợp lệ: dùng dấu chấm phân cách hàng nghìn và dấu phẩy cho phần "
                "thập phân, ví dụ 7.700.000.000 hoặc 12,5."
            )
        ) from exc


def parse_email(value: Any) -> str:
    """Return a lower-cased, valid e-mail address."""
    result = str(value).strip().lower()
    try:
        validate_email(result)
    except ValidationError as exc:
        raise CellError(_("Địa chỉ thư điện tử không hợp lệ.")) from exc
    return result


def choice(options: Iterable[tuple[str, Any]], *, extra: dict[str, str] | None = None) -> Parser:
    """Return a parser that accepts a code or its Vietnamese label, case- and accent-free.

    ``options`` are Django-style (value, label) pairs; labels are matched in Vietnamese
    whatever the active language, because files are written in Vietnamese.
    """
    pairs = list(options)
    tables: dict[str, dict[str, str]] = {}

    def lookup() -> dict[str, str]:
        # Built once per UI language, not per cell (9 % of an import's time when it was).
        language = translation.get_language() or ""
        keys = tables.get(language)
        if keys is None:
            keys = {fold(str(k)): str(v) for k, v in (extra or {}).items()}
            for value, label in pairs:
                keys[fold(str(value))] = value
                keys.setdefault(fold(str(label)), value)
                with translation.override("vi"):
                    keys.setdefault(fold(str(label)), value)
            tables[language] = keys
        return keys

    def parse(raw: Any) -> str:
        found = lookup().get(fold(str(raw)))
        if found is None:
            raise CellError(
                _("Giá trị không hợp lệ; chọn một trong: %(allowed)s.")
                % {"allowed": ", ".join(vietnamese_labels(pairs))}
            )
        return found

    return parse


def vietnamese_labels(options: Iterable[tuple[str, Any]]) -> list[str]:
    """Return the Vietnamese labels of (value, label) pairs, for help texts and drop-downs."""
    with translation.override("vi"):
        return [str(label) for _value, label in options]


@dataclass(frozen=True)
class Column:
    """One column of an import file.

    ``header`` is the Vietnamese header written in templates and matched in files (never
    translated: the file format is Vietnamese). ``aliases`` are other accepted headers.
    ``options`` are the (value, label) pairs behind a drop-down list in the template;
    ``example`` fills the sample row of the template's guide.
    """

    key: str
    header: str
    required: bool = False
    parser: Parser = parse_text
    help: Any = ""
    example: Any = ""
    options: Sequence[tuple[str, Any]] = ()
    aliases: tuple[str, ...] = ()
    as_text: bool = False  # digits with leading zeros (CCCD, tax code, phone): Text format

    @property
    def headers(self) -> tuple[str, ...]:
        """Return every header text accepted for this column."""
        return (self.header, *self.aliases)
