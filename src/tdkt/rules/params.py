"""Named parameters of a rule set, and local overrides layered on top of them.

Every number the law leaves to a ministry or province, and every value legal-rules.md marks
UNVERIFIED, is a parameter with a name, a default, a unit, a citation, an `unverified` flag,
a type and a legal range, so an officer-facing screen can list and change it
(`list_parameters`) and a value outside the range is refused where it is typed, never when a
case is evaluated. Overrides are a flat mapping `{name: value}`; a key `"R2022b:name"` applies
to one rule set only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from .codes import DISCIPLINE_LEVELS, RATINGS
from .labels import DISCIPLINE_TEXT, RATING_TEXT
from .text import Text

VALUE_TYPES: Final = ("int", "decimal", "choice", "bool", "date")

# Units a parameter may be counted in; a value is shown with its unit's label.
UNITS: Final = {
    "coefficient": Text("× lương cơ sở", "× base salary"),
    "percent": Text("%", "%"),
    "council_percent": Text("% tổng số thành viên Hội đồng", "% of all council members"),
    "months": Text("tháng", "months"),
    "years": Text("năm", "years"),
    "titles": Text("danh hiệu", "titles"),
    "initiatives": Text("sáng kiến", "initiatives"),
    "none": Text("", ""),
}

# Labels of the values a choice parameter may take (a value names one thing everywhere).
CHOICE_TEXT: Final = {
    "ceiling": Text("làm tròn lên", "round up"),
    "nearest": Text("làm tròn đến số gần nhất", "round to the nearest"),
    "period": Text("theo thời kỳ (các lần liên tiếp)", "by period (back-to-back titles)"),
    "calendar": Text("theo năm liền kề", "adjacent years"),
    **{level: DISCIPLINE_TEXT[level] for level in DISCIPLINE_LEVELS},
    **{rating: RATING_TEXT[rating] for rating in RATINGS},
}
BOOL_TEXT: Final = {True: Text("Có", "Yes"), False: Text("Không", "No")}

ERRORS: Final = {
    "required": Text("cần nhập một giá trị", "a value is required"),
    "not_integer": Text(
        "cần một số nguyên, không phải {raw}", "expected a whole number, got {raw}"
    ),
    "not_number": Text("cần một số, không phải {raw}", "expected a number, got {raw}"),
    "too_small": Text("không được nhỏ hơn {minimum}", "must be at least {minimum}"),
    "too_large": Text("không được lớn hơn {maximum}", "must be at most {maximum}"),
    "too_many_places": Text(
        "chỉ được có tối đa {places} chữ số sau dấu phẩy", "at most {places} decimal places"
    ),
    "not_a_choice": Text("cần một trong: {choices}", "expected one of {choices}, got {raw}"),
    "not_bool": Text("cần «có» hoặc «không»", "expected true or false, got {raw}"),
    "not_date": Text("cần một ngày dạng ngày/tháng/năm", "expected a date YYYY-MM-DD, got {raw}"),
    "unknown": Text("không có tham số này", "unknown parameter"),
}

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]{1,4})?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_VN_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_TRUE = ("true", "1", "yes", "on", "có")
_FALSE = ("false", "0", "no", "off", "không")


class ParameterError(ValueError):
    """An override names an unknown parameter or carries a value outside its type or range.

    `str(error)` is the English line the command line prints (`name: message`); `render`
    gives the message alone in a language, for a form or the API.
    """

    def __init__(self, name: str, code: str, **params: Any) -> None:
        self.name, self.code, self.params = name, code, params
        super().__init__(f"{name}: {self.render('en')}")

    def render(self, lang: str = "vi") -> str:
        """Return the message (without the parameter name) in a language."""
        params = dict(self.params)
        if "choices" in params:
            choices = params["choices"]
            params["choices"] = (
                ", ".join(choices)
                if lang == "en"
                else ", ".join(f"«{CHOICE_TEXT[c].vi}»" for c in choices)
            )
        return ERRORS[self.code].get(lang).format(**params)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A tunable value of a rule set, with the range the law allows it to take.

    `default=None` on a nullable parameter means "unknown" (a coefficient) or "no rule" (a
    cap); it is never replaced by a guess. `minimum`/`maximum` bound numbers (and dates);
    `places` bounds the decimals of a `decimal`.
    """

    name: str
    default: Any
    unit: str
    citation: str
    label: Text
    description: Text
    unverified: bool = False
    type: str = "decimal"
    choices: tuple[str, ...] = ()
    nullable: bool = False
    minimum: Any = None
    maximum: Any = None
    places: int = 2

    def coerce(self, raw: Any) -> Any:
        """Turn a raw override (JSON value, CLI or form string) into a value of this parameter.

        Raise `ParameterError` for a wrong type or a value outside the legal range.
        """
        if raw is None or (isinstance(raw, str) and raw.strip().lower() in ("null", "none", "")):
            if self.nullable:
                return None
            raise ParameterError(self.name, "required")
        value = _COERCERS[self.type](self, raw)
        if self.minimum is not None and value < self.minimum:
            raise ParameterError(self.name, "too_small", minimum=format_plain(self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise ParameterError(self.name, "too_large", maximum=format_plain(self.maximum))
        return value


def _shown(raw: Any) -> str:
    text = repr(raw) if not isinstance(raw, str) else f'"{raw}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _to_int(p: Parameter, raw: Any) -> int:
    if isinstance(raw, bool):
        raise ParameterError(p.name, "not_integer", raw=_shown(raw))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float | Decimal) and Decimal(raw).is_finite() and raw == int(raw):
        return int(raw)
    text = str(raw).strip()
    if isinstance(raw, str) and _INTEGER.fullmatch(text) and len(text) <= 12:
        return int(text)
    raise ParameterError(p.name, "not_integer", raw=_shown(raw))


def _to_decimal(p: Parameter, raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise ParameterError(p.name, "not_number", raw=_shown(raw))
    text = str(raw).strip()
    if isinstance(raw, str):
        if not _DECIMAL.fullmatch(text) or len(text) > 30:
            raise ParameterError(p.name, "not_number", raw=_shown(raw))
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ParameterError(p.name, "not_number", raw=_shown(raw)) from None
    if not value.is_finite():
        raise ParameterError(p.name, "not_number", raw=_shown(raw))
    if p.maximum is not None and value > p.maximum:
        raise ParameterError(p.name, "too_large", maximum=format_plain(p.maximum))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > p.places:
        raise ParameterError(p.name, "too_many_places", places=p.places)
    return value


def _to_choice(p: Parameter, raw: Any) -> str:
    value = str(raw).strip().lower() if isinstance(raw, str) else None
    if value not in p.choices:
        raise ParameterError(p.name, "not_a_choice", choices=p.choices, raw=_shown(raw))
    return value


def _to_bool(p: Parameter, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower() if isinstance(raw, str | int) else None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ParameterError(p.name, "not_bool", raw=_shown(raw))


def _to_date(p: Parameter, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    text = raw.strip() if isinstance(raw, str) else ""
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        if match := _VN_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise ParameterError(p.name, "not_date", raw=_shown(raw))


_COERCERS = {
    "int": _to_int,
    "decimal": _to_decimal,
    "choice": _to_choice,
    "bool": _to_bool,
    "date": _to_date,
}


def format_plain(value: Any) -> str:
    """Format a value as the command line and storage write it (ISO dates, `0.3`, `true`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """A parameter with the value in effect after overrides (for listings and docs)."""

    parameter: Parameter
    value: Any
    overridden: bool


def split_key(key: str) -> tuple[str | None, str]:
    """Split `"R2022b:name"` into `("R2022b", "name")`; a plain key has no rule-set scope."""
    scope, sep, name = key.partition(":")
    return (scope, name) if sep else (None, key)


def resolve(
    rule_set: str,
    parameters: Iterable[Parameter],
    overrides: Mapping[str, Any] | None,
    *,
    known_names: frozenset[str],
) -> dict[str, ParameterValue]:
    """Return the effective value of each parameter of `rule_set`.

    A plain override applies to every rule set that has the parameter (a city's percentages
    follow it across regimes); a scoped one only to its rule set, and wins over a plain one.
    Names that no rule set knows raise `ParameterError`, so a typo never passes silently.
    """
    by_name = {p.name: p for p in parameters}
    values = {name: ParameterValue(p, p.default, False) for name, p in by_name.items()}
    # Plain keys first, then scoped ones, so the more specific value wins.
    ordered = sorted((overrides or {}).items(), key=lambda kv: (":" in kv[0], kv[0]))
    for key, raw in ordered:
        scope, name = split_key(key)
        if name not in known_names:
            raise ParameterError(key, "unknown")
        if scope is not None and scope != rule_set:
            continue
        param = by_name.get(name)
        if param is None:
            continue
        values[name] = ParameterValue(param, param.coerce(raw), True)
    return values
