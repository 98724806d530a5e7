"""The rule engine's parameters over HTTP: list them, read one, set one (officers only).

Writes go through ``rule_parameter_set``, the service the page /rules/parameters/ uses:
permission first (403 before the body is read), the engine's legal ranges, the audit trail.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt import rules
from tdkt.api.base import ApiView
from tdkt.api.schema import error_responses
from tdkt.commendations.selectors import (
    rule_overrides,
    rule_parameter_get,
    rule_parameter_records,
)
from tdkt.commendations.services import (
    ensure_can_change_parameters,
    rule_parameter_set,
    version_of,
)

from . import rules_serializers as s
from .rules_common import TAGS, lang_of, parameter_json, rule_set_of


class RuleParameterListApi(ApiView):
    """The parameters of a rule set with their effective values."""

    @extend_schema(
        tags=TAGS,
        summary="List rule parameters",
        description="Every parameter of a rule set (default: the latest active one): the "
        "effective value after officer-set overrides, the engine default, its type and legal "
        "range, unit, citation, whether the value is unverified, and the local value in "
        "effect with the legal basis the officer typed.",
        parameters=[s.RuleSetQuerySerializer],
        responses={200: s.ParameterListSerializer, **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        query = self.parse_query(s.RuleSetQuerySerializer)
        lang = lang_of(request)
        overrides = rule_overrides()
        records = rule_parameter_records(actor=self.actor)
        rule_set = rule_set_of(query, overrides)
        return Response(
            {
                "rule_set": rule_set.name,
                "title": rule_set.title.get(lang),
                "parameters": [
                    parameter_json(pv, lang, rule_set.name, records)
                    for pv in rules.list_parameters(rule_set.name, overrides)
                ],
            }
        )


def _effective(name: str, rule_set: str, lang: str, actor: Any) -> dict[str, Any]:
    """Return one parameter as it applies in a rule set (for the answer of a change)."""
    records = rule_parameter_records(actor=actor)
    pv = next(
        v for v in rules.list_parameters(rule_set, rule_overrides()) if v.parameter.name == name
    )
    return parameter_json(pv, lang, rule_set, records)


class RuleParameterDetailApi(ApiView):
    """One parameter: read it, or set its local value (emulation officers only)."""

    @extend_schema(
        tags=TAGS,
        summary="Get a rule parameter",
        operation_id="v1_rules_parameter_retrieve",
        description="The parameter as it applies in a rule set (default: the latest active "
        "one that has it). Unknown name: 404.",
        parameters=[s.RuleSetQuerySerializer],
        responses={200: s.ParameterSerializer, **error_responses(400, 404)},
    )
    def get(self, request: Request, name: str) -> Response:
        name = rule_parameter_get(actor=self.actor, name=name)
        query = self.parse_query(s.RuleSetQuerySerializer)
        rule_set = _rule_set_having(name, query.get("rule_set"), rule_overrides())
        return Response(_effective(name, rule_set, lang_of(request), self.actor))

    @extend_schema(
        tags=TAGS,
        summary="Set a rule parameter",
        operation_id="v1_rules_parameter_update",
        description=(
            "Store a local value with its legal basis, for one rule set (`rule_set`) or every "
            "rule set that has the parameter — the same service as the page /rules/parameters/, "
            "recorded in the audit trail. Only emulation officers and the administrator: others "
            "get 403 before the body is read. The value must fit the parameter's type and legal "
            "range (`minimum`, `maximum`, `choices`; e.g. a prize coefficient 0–50): otherwise "
            "400 with the reason under `value`. Unknown name: 404. With `version` and a value "
            "changed since: 409 `conflict`, nothing written."
        ),
        parameters=[s.LangQuerySerializer],
        request=s.ParameterChangeSerializer,
        responses={200: s.ParameterChangedSerializer, **error_responses(400, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "Hanoi's share of Advanced Workers",
                value={
                    "value": 65,
                    "basis": "QĐ 32/2024/QĐ-UBND, Điều 8",
                    "rule_set": "R2022b",
                },
                request_only=True,
            )
        ],
    )
    def put(self, request: Request, name: str) -> Response:
        name = rule_parameter_get(actor=self.actor, name=name)  # 404 first: no oracle
        ensure_can_change_parameters(self.actor)  # 403 before the input is validated
        data = self.parse(s.ParameterChangeSerializer)
        scope = data.get("rule_set") or ""
        override = rule_parameter_set(
            actor=self.actor,
            name=name,
            value=data["value"],
            basis=data["basis"],
            rule_set=scope,
            expected_version=data.get("version"),
        )
        lang = lang_of(request)
        rule_set = _rule_set_having(name, scope or None, rule_overrides())
        return Response(
            {
                "key": override.key,
                "rule_set": scope or None,
                "value": override.value,
                "basis": override.basis,
                "version": version_of(override),
                "parameter": _effective(name, rule_set, lang, self.actor),
            }
        )


def _rule_set_having(name: str, wanted: str | None, overrides: dict[str, str]) -> str:
    """Return the rule set to show a parameter in: the one asked, else the latest having it."""
    if wanted:
        return wanted
    latest = rules.REGISTRY.latest(overrides)
    candidates = [latest.name, *reversed(rules.REGISTRY.names())]
    for candidate in candidates:
        if any(p.name == name for p in rules.REGISTRY.get(candidate).all_parameters()):
            return candidate
    return latest.name
