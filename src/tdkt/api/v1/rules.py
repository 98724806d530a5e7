"""The legal rule engine over HTTP: evaluate a case, list codes, explain a code, list parameters.

``POST /rules/evaluate/`` answers exactly what ``tdkt rules evaluate`` prints for the same
document (shared/contracts/rules-evaluate.md), with the parameters officers set. It reads
nothing else from the database, so every signed-in user may call it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt import rules
from tdkt.api.base import ApiView
from tdkt.api.parsers import BoundedJSONParser
from tdkt.api.schema import ErrorSerializer, error_responses
from tdkt.commendations.evaluation import MAX_CASES, CaseError, evaluate_document
from tdkt.commendations.selectors import (
    rule_overrides,
    rule_parameter_records,
)
from tdkt.rules.codes import AWARD_CODES, CODES_BY_KIND, FORMS, SUBJECT_KINDS
from tdkt.rules.explain import lines, parameters_of
from tdkt.rules.labels import CODE_LABELS

from . import rules_serializers as s
from .rules_common import TAGS, lang_of, parameter_json, rule_set_of

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


class RuleEvaluateApi(ApiView):
    """Evaluate a case or a unit batch, as ``tdkt rules evaluate`` does.

    The body is read as text and handed to the engine's parser, not to DRF's, so invalid JSON
    is reported like the command reports it (``$: invalid JSON at line …``).
    """

    parser_classes = [BoundedJSONParser]

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
            '`"awards[0].code"`; `"$"` for the document itself, e.g. invalid JSON); the '
            "messages are in the answer's language (the command prints them in English). The "
            "case is checked against the same schema as the command and the page "
            "(`RuleCase`, `RuleUnitBatch` below: types, limits and choices). "
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
                    "fields": {"ratings.2024": ['Không có xếp loại "excelent".']},
                },
                response_only=True,
                status_codes=[400],
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        lang = lang_of(request)
        if (request.content_type or "").split(";")[0].strip() != "application/json":
            raise exceptions.UnsupportedMediaType(request.content_type)
        too_large = PayloadTooLarge(
            _("Nội dung yêu cầu quá lớn: tối đa %(mib)s MB.") % {"mib": MAX_BODY_BYTES // _MIB}
        )
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isdecimal() and int(length) > MAX_BODY_BYTES:
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
        lang = lang_of(request)
        overrides = rule_overrides()
        records = rule_parameter_records(actor=self.actor)
        rule_set = rule_set_of(query, overrides)
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
                        parameter_json(pv, lang, rule_set.name, records)
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
