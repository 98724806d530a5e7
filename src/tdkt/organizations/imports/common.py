"""Cell parsers and lookups shared by the registry importers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.core.text import normalize_identifier
from tdkt.documents.importing import (
    CellError,
)
from tdkt.documents.importing.columns import (
    Parser,
    checked,
    parse_decimal,
    parse_text,
)
from tdkt.documents.importing.lookup import NameIndex
from tdkt.organizations.models import Organization
from tdkt.organizations.validators import (
    citizen_id_error,
    country_error,
    phone_error,
    tax_code_error,
)

# --- cell parsers specific to the registry ------------------------------------------------------


def identifier(check: Callable[[str], str | None], *, upper: bool = False) -> Parser:
    """Return a cell parser for an identifier: normalised to ASCII digits like every entry
    path (``normalize_identifier``), then checked by the registry validator ``check``."""
    parse = checked(check, upper=upper)
    return lambda value: parse(normalize_identifier(value) if isinstance(value, str) else value)


parse_tax_code = identifier(tax_code_error)
parse_citizen_id = identifier(lambda value: citizen_id_error(value, date_of_birth=None, gender=""))
parse_country = identifier(country_error, upper=True)


def parse_phone(value: Any) -> str:
    """A phone number as typed, 8–15 digits. A number cell has lost its leading 0 (every
    Vietnamese number starts with 0 or +84), so it is refused with advice."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(
            _(
                "Số điện thoại bị Excel đổi thành số và mất số 0 ở đầu: hãy định dạng cột là "
                "Văn bản (Text) rồi nhập lại."
            )
        )
    result = parse_text(value)
    if message := phone_error(result):
        raise CellError(message)
    if len(result) > 20:
        raise CellError(_("Dài quá %(max)s ký tự.") % {"max": 20})
    return result


def parse_amount(value: Any) -> Any:
    """A non-negative amount in Vietnamese number format."""
    result = parse_decimal(value)
    if result < 0:
        raise CellError(_("Vốn đăng ký không được âm."))
    return result


# --- shared lookups ---------------------------------------------------------------------------


def org_index(orgs: Iterable[Organization]) -> NameIndex[Organization]:
    """Index organisations by name and short name."""
    return NameIndex(orgs, lambda org: (org.name, org.short_name))


AMBIGUOUS_ORG = gettext_lazy("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt để phân biệt.")


def in_batches(queryset: Any, field_name: str, values: list[Any], size: int = 500) -> list[Any]:
    """Return ``queryset`` filtered on ``field_name__in=values``, a few hundred values per
    query, so a file of thousands of rows stays under the databases' parameter limits."""
    found: list[Any] = []
    for start in range(0, len(values), size):
        found.extend(queryset.filter(**{f"{field_name}__in": values[start : start + size]}))
    return found
