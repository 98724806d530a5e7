"""Read a JSON value against a schema: collect every problem, return the clean values.

The reader never raises on bad input: each problem is recorded with its JSON path and the
walk goes on, so a law expert fixes a whole case in one pass. It only descends into the
fields a schema declares, so the depth of the work is bounded by the schema, whatever the
input.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from tdkt.rules.text import Text

from .fields import Field, year
from .problems import Problem, json_kind, shown

INVALID: Final = object()  # a value that failed; the problem is already recorded
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_KEY = re.compile(r"[0-9]{1,6}")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")
_YEAR = year("year", Text("Năm", "Year"))


def join(path: str, key: str) -> str:
    """Append an object key to a path, quoting keys that are not plain words."""
    part = key if _PLAIN_KEY.fullmatch(key) else shown(key)
    return f"{path}.{part}" if path else part


class Reader:
    """Collects problems while reading values against their fields."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, path: str, problem: str, /, **params: Any) -> None:
        """Record a problem: its path, its code (`problems.MESSAGES`) and the message's values."""
        self.problems.append(Problem(path or "$", problem, params))

    # --- scalars ------------------------------------------------------------------------------

    def scalar(self, spec: Field, raw: Any, path: str) -> Any:
        """Return a clean scalar (date, int, str, bool) or `INVALID`; `raw` is not null."""
        return getattr(self, f"_{spec.kind}")(spec, raw, path)

    def _date(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str):
            self.bad(path, "not_date", got=json_kind(raw))
            return INVALID
        try:
            if _ISO_DATE.fullmatch(raw):
                return date.fromisoformat(raw)
        except ValueError:
            pass
        self.bad(path, "impossible_date", raw=shown(raw))
        return INVALID

    def _year(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, int) or isinstance(raw, bool):
            self.bad(path, "not_year", got=json_kind(raw))
            return INVALID
        if not spec.minimum <= raw <= spec.maximum:  # type: ignore[operator]
            self.bad(path, "year_range", raw=shown(raw), minimum=spec.minimum, maximum=spec.maximum)
            return INVALID
        return raw

    def _count(self, spec: Field, raw: Any, path: str) -> Any:
        minimum = spec.minimum or 0
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < minimum:
            sign = "positive" if minimum > 0 else "non-negative"
            self.bad(path, "not_count", sign=sign, minimum=minimum, raw=shown(raw))
            return INVALID
        if spec.maximum is not None and raw > spec.maximum:
            self.bad(path, "too_large", maximum=spec.maximum, raw=shown(raw))
            return INVALID
        return raw

    def _choice(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str) or raw not in spec.choices:
            self.bad(path, "unknown_choice", what=spec.vocabulary, raw=shown(raw))
            return INVALID
        return raw

    def _text(self, spec: Field, raw: Any, path: str) -> Any:
        if spec.accept_int and isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            self.bad(path, "not_text")
            return INVALID
        if not raw.strip():
            self.bad(path, "empty_text")
            return INVALID
        if spec.max_length is not None and len(raw) > spec.max_length:
            self.bad(path, "too_long", max_length=spec.max_length)
            return INVALID
        return raw

    def _flag(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, bool):
            self.bad(path, "not_flag", got=json_kind(raw))
            return INVALID
        return raw

    # --- containers ---------------------------------------------------------------------------

    def value(self, spec: Field, raw: Any, path: str) -> Any:
        """Read any value; `None` for an absent (null) one, `INVALID` after a problem."""
        if raw is None:
            if spec.required:
                self.bad(path, "missing")
                return INVALID
            return None
        if spec.kind == "object":
            return self.object(spec, raw, path)
        if spec.kind == "list":
            return self._list(spec, raw, path)
        if spec.kind == "year_map":
            return self._year_map(spec, raw, path)
        return self.scalar(spec, raw, path)

    def object(self, spec: Field, raw: Any, path: str) -> Any:
        """Read an object: unknown keys first, then each declared field, then its checks."""
        if not isinstance(raw, dict):
            self.bad(path, "not_object", got=json_kind(raw))
            return INVALID
        declared = {f.name for f in spec.fields}
        for key in raw:
            if key not in declared:
                self.bad(join(path, key), "unknown_field")
        clean: dict[str, Any] = {}
        for f in spec.fields:
            clean[f.name] = self.value(f, raw.get(f.name), join(path, f.name))
        for check in spec.checks:
            check(self, clean, path)
        return clean

    def _list(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, list):
            self.bad(path, "not_list", got=json_kind(raw))
            return INVALID
        if spec.max_items is not None and len(raw) > spec.max_items:
            code = "too_many_cases" if spec.name == "cases" else "too_many"
            self.bad(path, code, max_items=spec.max_items, count=len(raw))
            return INVALID
        item = _item(spec)
        out = [self.value(item, value, f"{path}[{i}]") for i, value in enumerate(raw)]
        for check in spec.checks:
            check(self, out, path)
        return out

    def _year_map(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, dict):
            self.bad(path, "not_object", got=json_kind(raw))
            return INVALID
        item = _item(spec)
        out: list[tuple[int, Any]] = []
        for key, value in raw.items():
            p = join(path, key)
            y: Any = INVALID
            if _YEAR_KEY.fullmatch(key):
                y = self._year(_YEAR, int(key), p)
            else:
                self.bad(p, "not_year_key", key=shown(key))
            clean = self.value(item, value, p) if value is not None else INVALID
            if value is None:
                self.bad(p, "missing")
            if y is not INVALID and clean is not INVALID:
                out.append((y, clean))
        return out


def _item(spec: Field) -> Field:
    if spec.item is None:
        raise TypeError(f"{spec.name}: a list or map field needs an item")
    return spec.item
