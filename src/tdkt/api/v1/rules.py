"""The legal rule engine over HTTP: evaluate a case, list codes, explain a code, list parameters.

``POST /rules/evaluate/`` answers exactly what ``tdkt rules evaluate`` prints for the same
document (shared/contracts/rules-evaluate.md), with the parameters officers set. It reads
nothing else from the database, so every signed-in user may call it.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt import rules
from tdkt.api.base import ApiView
from tdkt.api.schema import ErrorSerializer, error_responses
from tdkt.commendations.evaluation import MAX_CASES, CaseError, evaluate_document
from tdkt.commendations.models import RuleParameterOverride
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
from tdkt.rules.codes import AWARD_CODES, CODES_BY_KIND, FORMS, SUBJECT_KINDS
from tdkt.rules.explain import lines, parameters_of
from tdkt.rules.labels import CODE_LABELS
from tdkt.rules.params import UNITS

from . import rules_serializers as s

TAGS = ["rules"]

# A case is a few hundred bytes; 1 MiB holds a batch of MAX_CASES with room to spare.
MAX_BODY_BYTES = 1024 * 1024
_MIB = 1024 * 1024

SAMPLE_CASE = {
    "as_of": "2026-01-15",
    "year": 2025,
    "rule_set": "auto",
    "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
    "ratings": {"2023": "excellent", "2024": "excellent", "2025": "good"},
    "awards": [
        {"year": 2023, "code": "grassroots_emulation_fighter"},
        {"year": 2019, "code": "provincial_certificate_of_commendation"},
    ],
    "initiatives": [{"id": "SK-2024-07", "year": 2024, "scope": "grassroots", "used_for": None}],
    "discipline": [{"year": 2025, "level": "reprimand"}],
    "ballot": {"yes": 13, "members": 15},
    "collective": None,
    "candidates": ["advanced_worker", "grassroots_emulation_fighter"],
}
SAMPLE_OUTPUT = {
    "rule_set": "R2022b",
    "as_of": "2026-01-15",
    "year": 2025,
    "base_salary_vnd": 2340000,
    "results": [
        {
            "code": "advanced_worker",
            "eligible": True,
            "vote": "not_required",
            "prize_coefficient": 0.3,
            "prize_vnd": 710000,
            "conditions": [
                {
                    "ok": True,
                    "text": "Hoàn thành tốt nhiệm vụ năm 2025",
                    "citation": "Luật TĐKT 2022, Điều 24",
                }
            ],
        }
    ],
}


class PayloadTooLarge(exceptions.APIException):
    """The body is over ``MAX_BODY_BYTES``."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"


def _lang(request: Request) -> str:
    """Return ``?lang=`` when given, else the language negotiated from Accept-Language."""
    data = s.LangQuerySerializer(data=request.query_params)
    data.is_valid(raise_exception=True)
    if data.validated_data.get("lang"):
        return str(data.validated_data["lang"])
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def _json_value(value: Any) -> Any:
    """Turn a parameter value into JSON: numbers stay numbers, dates become ISO strings."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return float(value)  # Decimal


def _local(record: RuleParameterOverride | None) -> dict[str, Any] | None:
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


def _parameter(
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
        "value": _json_value(pv.value),
        "default": _json_value(p.default),
        "type": p.type,
        "choices": list(p.choices),
        "minimum": _json_value(p.minimum),
        "maximum": _json_value(p.maximum),
        "nullable": p.nullable,
        "unit": UNITS[p.unit].get(lang),
        "citation": p.citation,
        "unverified": p.unverified,
        "overridden": pv.overridden,
        "description": p.description.get(lang),
        "local": _local(record) if pv.overridden else None,
    }


def _rule_set(query: dict[str, Any], overrides: dict[str, str]) -> Any:
    name = query.get("rule_set")
    return rules.REGISTRY.get(name) if name else rules.REGISTRY.latest(overrides)


class RuleEvaluateApi(ApiView):
    """Evaluate a case or a unit batch, as ``tdkt rules evaluate`` does.

    The body is read as text and handed to the engine's parser, not to DRF's, so invalid JSON
    is reported like the command reports it (``$: invalid JSON at line …``).
    """

    parser_classes = [JSONParser]

    @extend_schema(
        tags=TAGS,
        summary="Evaluate a case against the legal rules",
        description=(
            "The body is the case JSON of `tdkt rules evaluate` (a single case, or a unit batch "
            "with `cases`); the answer is exactly what that command prints for the same "
            "document, with the parameters officers set on /rules/parameters/. Texts are "
            "Vietnamese unless `?lang=en` or `Accept-Language: en`.\n\n"
            "A malformed case answers 400 `invalid` with one entry per problem in `fields`, "
            'keyed by its JSON path as the command prints it (`"ratings.2024"`, '
            '`"awards[0].code"`; `"$"` for the document itself, e.g. invalid JSON). '
            f"Limits: a body of at most {MAX_BODY_BYTES // _MIB} MiB (413 "
            f"`payload_too_large`) and at most {MAX_CASES} cases in a batch (400 on `cases`)."
        ),
        parameters=[s.LangQuerySerializer],
        request=s.EVALUATE_REQUEST,
        responses={
            200: s.EVALUATE_RESPONSE,
            **error_responses(400),
            413: OpenApiResponse(ErrorSerializer, description="The body is over 1 MiB."),
            415: OpenApiResponse(ErrorSerializer, description="The body is not JSON."),
        },
        examples=[
            OpenApiExample("Case of the contract", value=SAMPLE_CASE, request_only=True),
            OpenApiExample(
                "Verdicts (shortened)", value=SAMPLE_OUTPUT, response_only=True, status_codes=[200]
            ),
            OpenApiExample(
                "Malformed case",
                value={
                    "code": "invalid",
                    "message": "Dữ liệu không hợp lệ.",
                    "fields": {"ratings.2024": ['unknown rating "excelent"']},
                },
                response_only=True,
                status_codes=[400],
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        lang = _lang(request)
        if (request.content_type or "").split(";")[0].strip() != "application/json":
            raise exceptions.UnsupportedMediaType(request.content_type)
        too_large = PayloadTooLarge(
            _("Nội dung yêu cầu quá lớn: tối đa %(mib)s MB.") % {"mib": MAX_BODY_BYTES // _MIB}
        )
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            raise too_large  # refuse before reading the body
        body = request.body
        if len(body) > MAX_BODY_BYTES:
            raise too_large
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.ValidationError({"$": ["the body is not UTF-8 text"]}) from None
        try:
            return Response(evaluate_document(text, lang=lang))
        except CaseError as exc:
            raise exceptions.ValidationError(exc.by_path(lang)) from None


class RuleCodeListApi(ApiView):
    """The titles and forms the engine knows."""

    @extend_schema(
        tags=TAGS,
        summary="List award codes",
        description="Every title (danh hiệu) and form (hình thức) with its labels and the kinds "
        "of subject it applies to.",
        responses={200: s.CodeSerializer(many=True), **error_responses()},
    )
    def get(self, request: Request) -> Response:
        return Response(
            [
                {
                    "code": code,
                    "category": "form" if code in FORMS else "title",
                    "label_vi": CODE_LABELS["vi"][code],
                    "label_en": CODE_LABELS["en"][code],
                    "subject_kinds": [k for k in SUBJECT_KINDS if code in CODES_BY_KIND[k]],
                }
                for code in AWARD_CODES
            ]
        )


class RuleExplainApi(ApiView):
    """The conditions of one code under a rule set, with citations and parameters."""

    @extend_schema(
        tags=TAGS,
        summary="Explain a title or form",
        description="The conditions per subject kind as structured lines (sub-conditions have "
        "a higher `depth`), the parameters they read, and the plain text of "
        "`tdkt rules explain`. Unknown code: 404.",
        parameters=[s.RuleSetQuerySerializer],
        responses={200: s.ExplanationSerializer, **error_responses(400, 404)},
    )
    def get(self, request: Request, code: str) -> Response:
        if code not in AWARD_CODES:
            raise exceptions.NotFound
        query = self.parse_query(s.RuleSetQuerySerializer)
        lang = _lang(request)
        overrides = rule_overrides()
        records = rule_parameter_records(actor=self.actor)
        rule_set = _rule_set(query, overrides)
        values = rules.REGISTRY.values(rule_set, overrides)
        plain = {name: pv.value for name, pv in values.items()}
        explained = []
        for kind in SUBJECT_KINDS:
            rule = rule_set.rule(code, kind)
            if rule is None:
                continue
            explained.append(
                {
                    "subject_kind": kind,
                    "conditions": [
                        {"depth": ln.depth, "text": ln.text, "citation": ln.citation}
                        for ln in lines(rule, plain, lang)
                    ],
                    "note": rule.note.get(lang),
                    "parameters": [
                        _parameter(pv, lang, rule_set.name, records)
                        for pv in parameters_of(rule, values)
                    ],
                }
            )
        return Response(
            {
                "code": code,
                "label": CODE_LABELS[lang][code],
                "rule_set": rule_set.name,
                "rule_set_title": rule_set.title.get(lang),
                "rules": explained,
                "text": rules.explain_text(rule_set, code, values, lang),
            }
        )


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
        lang = _lang(request)
        overrides = rule_overrides()
        records = rule_parameter_records(actor=self.actor)
        rule_set = _rule_set(query, overrides)
        return Response(
            {
                "rule_set": rule_set.name,
                "title": rule_set.title.get(lang),
                "parameters": [
                    _parameter(pv, lang, rule_set.name, records)
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
    return _parameter(pv, lang, rule_set, records)


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
        return Response(_effective(name, rule_set, _lang(request), self.actor))

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
        lang = _lang(request)
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
