"""Helpers the rule endpoints share: the answer's language, the rule set asked, a parameter."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from rest_framework.request import Request

from tdkt import rules
from tdkt.commendations.models import RuleParameterOverride
from tdkt.commendations.services import version_of
from tdkt.rules.params import UNITS

from . import rules_serializers as s

TAGS = ["rules"]


def lang_of(request: Request) -> str:
    """Return ``?lang=`` when given, else the language negotiated from Accept-Language."""
    data = s.LangQuerySerializer(data=request.query_params)
    data.is_valid(raise_exception=True)
    if data.validated_data.get("lang"):
        return str(data.validated_data["lang"])
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def rule_set_of(query: dict[str, Any], overrides: dict[str, str]) -> Any:
    """Return the rule set a query names, or the latest active one."""
    name = query.get("rule_set")
    return rules.REGISTRY.get(name) if name else rules.REGISTRY.latest(overrides)


def json_value(value: Any) -> Any:
    """Turn a parameter value into JSON: numbers stay numbers, dates become ISO strings."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return float(value)  # Decimal


def local_json(record: RuleParameterOverride | None) -> dict[str, Any] | None:
    if record is None:
        return None
    user = record.updated_by
    return {
        "key": record.key,
        "value": record.value,
        "basis": record.basis,
        "updated_by": None if user is None else user.get_username(),
        "updated_at": record.updated_at,
        "version": version_of(record),
    }


def parameter_json(
    pv: rules.ParameterValue,
    lang: str,
    rule_set: str,
    records: dict[str, RuleParameterOverride],
) -> dict[str, Any]:
    p = pv.parameter
    record = records.get(f"{rule_set}:{p.name}") or records.get(p.name)
    return {
        "name": p.name,
        "label": p.label.get(lang),
        "value": json_value(pv.value),
        "default": json_value(p.default),
        "type": p.type,
        "choices": list(p.choices),
        "minimum": json_value(p.minimum),
        "maximum": json_value(p.maximum),
        "nullable": p.nullable,
        "unit": UNITS[p.unit].get(lang),
        "citation": p.citation,
        "unverified": p.unverified,
        "overridden": pv.overridden,
        "description": p.description.get(lang),
        "local": local_json(record) if pv.overridden else None,
    }
