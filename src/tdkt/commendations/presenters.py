"""How the rules pages say things: rule sets by their documents, dates, money, parameters.

The engine speaks in codes (`R2022b`, `ceiling`, `Decimal("0.3")`, ISO dates); an officer
reads "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP", "làm tròn lên", "0,3 × lương cơ sở",
"01/07/2025" and "710.000 đồng". Everything shown on a rules page goes through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.commendations.models import RuleParameterOverride
from tdkt.rules.explain import format_value
from tdkt.rules.params import UNITS, Parameter, ParameterValue, split_key
from tdkt.rules.regimes.base import RuleSet


def current_lang() -> str:
    """Return the engine language of the active UI language."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def day(value: date | None) -> str:
    """Format a date as dd/mm/yyyy (the UI's date format in both languages)."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def money(amount: int | None, lang: str | None = None) -> str:
    """Format đồng with Vietnamese grouping: `1.234.567 đồng` (English: `1,234,567 VND`)."""
    if amount is None:
        return "—"
    if (lang or current_lang()) == "en":
        return f"{amount:,} VND"
    return f"{amount:,}".replace(",", ".") + " đồng"


@dataclass(frozen=True)
class RuleSetChoice:
    """A rule set as a page names it: its documents and the decisions it applies to."""

    name: str
    title: str
    period: str
    active: bool


def rule_set_choice(rs: RuleSet, overrides: Mapping[str, Any], lang: str) -> RuleSetChoice:
    """Describe a rule set by its documents and period, after officer-set dates."""
    values = rules.REGISTRY.values(rs, overrides)
    start = values[f"regime.{rs.name}.effective_from"].value
    end = values[f"regime.{rs.name}.effective_to"].value
    active = bool(values[f"regime.{rs.name}.active"].value)
    if end is None:
        period = _("quyết định từ ngày %(start)s") % {"start": day(start)}
    else:
        period = _("quyết định từ ngày %(start)s đến ngày %(end)s") % {
            "start": day(start),
            "end": day(end),
        }
    if not active:
        period = _("%(period)s — chưa áp dụng") % {"period": period}
    return RuleSetChoice(rs.name, rs.title.get(lang), period, active)


def rule_set_choices(overrides: Mapping[str, Any], lang: str) -> list[RuleSetChoice]:
    """Return every rule set, oldest first, as pages list them."""
    return [
        rule_set_choice(rules.REGISTRY.get(name), overrides, lang)
        for name in rules.REGISTRY.names()
    ]


def parameter_value(p: Parameter, value: Any, lang: str) -> str:
    """Format a parameter's value with its unit: `0,3 × lương cơ sở`, `6 tháng`, `Có`."""
    if value is None:
        return _("chưa xác định") if p.unit in ("coefficient", "council_percent") else _("không")
    text = format_value(value, lang)
    unit = UNITS[p.unit].get(lang)
    if not unit:
        return text
    return f"{text}{unit}" if unit.startswith("%") else f"{text} {unit}"


def parameter_input_value(p: Parameter, value: Any) -> str:
    """Return the value as the edit form shows it (decimal comma, dd/mm/yyyy)."""
    if value is None:
        return ""
    if p.type == "decimal":
        return format_value(value, "vi")
    if p.type == "date":
        return day(value)
    if p.type == "bool":
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class LocalValue:
    """A value an officer stored, as the parameters page shows it."""

    key: str
    value: str
    basis: str
    applies_to: str
    changed_by: str
    changed_on: str
    version: str
    valid: bool


def local_value(record: RuleParameterOverride, p: Parameter, lang: str, version: str) -> LocalValue:
    """Describe a stored value: what it is, where it applies, who typed which legal basis."""
    scope, _name = split_key(record.key)
    if scope is None:
        applies = _("mọi bộ quy tắc có tham số này")
    else:
        applies = rules.REGISTRY.get(scope).title.get(lang)
    try:
        shown = parameter_value(p, p.coerce(record.value), lang)
        valid = True
    except rules.ParameterError:
        shown, valid = record.value, False
    user = record.updated_by
    return LocalValue(
        key=record.key,
        value=shown,
        basis=record.basis,
        applies_to=applies,
        changed_by="" if user is None else (user.get_full_name() or user.get_username()),
        changed_on=""
        if record.updated_at is None
        else timezone.localtime(record.updated_at).strftime("%d/%m/%Y %H:%M"),
        version=version,
        valid=valid,
    )


def parameter_row(
    pv: ParameterValue,
    rule_set: str,
    records: Mapping[str, RuleParameterOverride],
    lang: str,
    versions: Mapping[str, str],
) -> dict[str, Any]:
    """Everything the parameters page shows for one parameter of one rule set."""
    p = pv.parameter
    keys = (f"{rule_set}:{p.name}", p.name)
    return {
        "name": p.name,
        "anchor": "p-" + p.name.replace(".", "-"),
        "label": p.label.get(lang),
        "description": p.description.get(lang),
        "citation": p.citation,
        "unverified": p.unverified,
        "value": parameter_value(p, pv.value, lang),
        "default": parameter_value(p, p.default, lang),
        "overridden": pv.overridden,
        "locals": [local_value(records[k], p, lang, versions[k]) for k in keys if k in records],
        "type": p.type,
        "choices": [(c, format_value(c, lang)) for c in p.choices],
        "nullable": p.nullable,
        "minimum": p.minimum if p.type in ("int", "decimal") else None,
        "maximum": p.maximum if p.type in ("int", "decimal") else None,
        "unit": UNITS[p.unit].get(lang),
        "input": parameter_input_value(p, pv.value),
        "version_one": versions.get(keys[0], ""),
        "version_all": versions.get(keys[1], ""),
    }
