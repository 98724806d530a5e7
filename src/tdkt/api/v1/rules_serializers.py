"""OpenAPI shapes of the rule-engine endpoints (shared/contracts/rules-evaluate.md).

The case serializers are derived from the engine's case schema (``tdkt.rules.schema``) and
only *document* the request: the body is validated by the engine's own parser, which names
every problem by its JSON path, so the API, the web page and ``tdkt rules evaluate`` refuse
exactly the same documents. The output serializers describe what
``evaluation_to_json``/``unit_to_json`` return and are not used to render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from tdkt.api.schema import component
from tdkt.rules import REGISTRY
from tdkt.rules.codes import AWARD_CODES, SUBJECT_KINDS
from tdkt.rules.schema import CASE, UNIT, Field
from tdkt.rules.text import LANGUAGES

VOTES = ("not_required", "pending", "passed", "failed")
PARAMETER_TYPES = ("int", "decimal", "choice", "bool", "date")


def _inline_enum(choices: Sequence[str]) -> Callable[..., serializers.ChoiceField]:
    """Return a choice field documented as an inline enum, not a shared ``…Enum`` component.

    The engine's vocabularies reuse field names of other resources (``kind``, ``category``)
    and appear under several names (``code``, ``candidates``, ``used_for``). drf-spectacular
    turns every top-level ``enum`` into a component named after the field, which would rename
    the existing ``KindEnum`` and warn; an enum inside ``allOf`` stays where it is.
    """

    @extend_schema_field({"type": "string", "allOf": [{"enum": list(choices)}]})
    class Field(serializers.ChoiceField):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(choices=choices, **kwargs)

    return Field


def _inline_enum_list(choices: Sequence[str]) -> Callable[..., serializers.ListField]:
    """Return a list of choices documented with an inline enum (see ``_inline_enum``)."""

    @extend_schema_field(
        {"type": "array", "items": {"type": "string", "allOf": [{"enum": list(choices)}]}}
    )
    class Field(serializers.ListField):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(child=serializers.ChoiceField(choices=choices), **kwargs)

    return Field


KindField = _inline_enum(SUBJECT_KINDS)
CodeField = _inline_enum(AWARD_CODES)
VoteField = _inline_enum(VOTES)
ParameterTypeField = _inline_enum(PARAMETER_TYPES)
CategoryField = _inline_enum(("title", "form"))
LangField = _inline_enum(LANGUAGES)
RuleSetField = _inline_enum(REGISTRY.names())
RuleSetOrAutoField = _inline_enum(("auto", *REGISTRY.names()))
CodeListField = _inline_enum_list(AWARD_CODES)
KindListField = _inline_enum_list(SUBJECT_KINDS)


# --- request: a case or a unit batch, derived from the engine's case schema -----------------

# Component names of the schema's objects (kept from the first hand-written serializers).
COMPONENTS = {
    "subject": "RuleSubject",
    "award": "RuleAward",
    "initiative": "RuleInitiative",
    "discipline_record": "RuleDiscipline",
    "ballot": "RuleBallot",
    "collective": "RuleCollectiveFacts",
    "case": "RuleUnitMember",
    "unit": "RuleUnit",
}
_DOC_TYPES = {"date": "a date YYYY-MM-DD", "year": "a year", "count": "a whole number"}


def _help(spec: Field) -> dict[str, Any]:
    text = spec.help.en or spec.label.en
    return {"help_text": text} if text else {}


def serializer_field(spec: Field) -> serializers.Field:
    """Return the DRF field documenting one schema field (its type, limits and choices).

    The API validates a case with the engine's parser, not with these fields; they exist so
    that the OpenAPI schema says exactly what the parser accepts (a test compares them).
    """
    optional: dict[str, Any] = {"required": spec.required, "allow_null": not spec.required}
    if spec.kind == "date":
        return serializers.DateField(**optional, **_help(spec))
    if spec.kind in ("year", "count"):
        limits: dict[str, Any] = {"min_value": spec.minimum, "max_value": spec.maximum}
        return serializers.IntegerField(
            **{k: v for k, v in limits.items() if v is not None}, **optional, **_help(spec)
        )
    if spec.kind == "choice":
        return _inline_enum(spec.choices)(**optional, **_help(spec))
    if spec.kind == "text":
        length: dict[str, Any] = {} if spec.max_length is None else {"max_length": spec.max_length}
        return serializers.CharField(**length, **optional, **_help(spec))
    if spec.kind == "flag":
        return serializers.BooleanField(**optional, **_help(spec))
    if spec.kind == "object":
        return serializer_for(spec)(**optional, **_help(spec))
    if spec.kind == "year_map" and spec.item is not None:
        return serializers.DictField(
            child=serializer_field(replace(spec.item, required=True)), **optional, **_help(spec)
        )
    if spec.kind == "list" and spec.item is not None:
        if spec.item.kind == "choice":
            return _inline_enum_list(spec.item.choices)(
                max_length=spec.max_items, **optional, **_help(spec)
            )
        return serializers.ListSerializer(
            child=serializer_for(spec.item)(),
            max_length=spec.max_items,
            **optional,
            **_help(spec),
        )
    raise TypeError(f"no serializer field for the {spec.kind} field {spec.name}")


_SERIALIZERS: dict[tuple[str, Field], type[serializers.Serializer]] = {}


def serializer_for(spec: Field, component_name: str | None = None) -> type[serializers.Serializer]:
    """Return a serializer class for an object of the schema, named as an OpenAPI component."""
    name = component_name or COMPONENTS[spec.name]
    cached = _SERIALIZERS.get((name, spec))
    if cached is not None:
        return cached
    attrs: dict[str, Any] = {f.name: serializer_field(f) for f in spec.fields}
    attrs["__doc__"] = spec.help.en or spec.label.en
    cls = component(name)(type(name + "Serializer", (serializers.Serializer,), attrs))
    _SERIALIZERS[(name, spec)] = cls
    return cls


CaseSerializer = serializer_for(CASE, "RuleCase")
UnitBatchSerializer = serializer_for(UNIT, "RuleUnitBatch")

EVALUATE_REQUEST = PolymorphicProxySerializer(
    component_name="RuleEvaluate",
    serializers=[CaseSerializer, UnitBatchSerializer],
    resource_type_field_name=None,
)


# --- response ---------------------------------------------------------------------------------


@component("RuleConditionResult")
class ConditionResultSerializer(serializers.Serializer):
    ok = serializers.BooleanField(
        allow_null=True, help_text="null: not decided yet (a pending council vote)."
    )
    text = serializers.CharField(help_text="What holds or what is missing, in the language.")
    citation = serializers.CharField(help_text="The article the condition comes from.")


@component("RuleVerdict")
class VerdictSerializer(serializers.Serializer):
    code = CodeField()
    eligible = serializers.BooleanField()
    vote = VoteField()
    prize_coefficient = serializers.FloatField(allow_null=True, help_text="null: unknown.")
    prize_vnd = serializers.IntegerField(
        allow_null=True, help_text="Coefficient × base salary on as_of, rounded to 10,000 VND."
    )
    conditions = ConditionResultSerializer(many=True)


class _OutputHeader(serializers.Serializer):
    rule_set = serializers.CharField()
    as_of = serializers.DateField()
    year = serializers.IntegerField()
    base_salary_vnd = serializers.IntegerField(allow_null=True)


@component("RuleEvaluation")
class EvaluationSerializer(_OutputHeader):
    """The verdicts for one case."""

    results = VerdictSerializer(many=True)


@component("RuleUnitMemberEvaluation")
class UnitMemberEvaluationSerializer(serializers.Serializer):
    id = serializers.CharField(allow_null=True)
    results = VerdictSerializer(many=True)


@component("RuleCap")
class CapSerializer(serializers.Serializer):
    code = CodeField()
    eligible = serializers.IntegerField()
    max = serializers.IntegerField()
    basis = serializers.CharField()
    citation = serializers.CharField()


@component("RuleUnitEvaluation")
class UnitEvaluationSerializer(_OutputHeader):
    """The verdicts for every case of a unit, and the unit's caps."""

    results = UnitMemberEvaluationSerializer(many=True)
    caps = CapSerializer(many=True)


EVALUATE_RESPONSE = PolymorphicProxySerializer(
    component_name="RuleEvaluateResponse",
    serializers=[EvaluationSerializer, UnitEvaluationSerializer],
    resource_type_field_name=None,
)


# --- codes, explanations and parameters -------------------------------------------------------


@component("RuleCode")
class CodeSerializer(serializers.Serializer):
    code = CodeField()
    category = CategoryField(help_text="title: danh hiệu thi đua; form: hình thức khen.")
    label_vi = serializers.CharField()
    label_en = serializers.CharField()
    subject_kinds = KindListField()


@component("RuleLocalValue")
class LocalValueSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="`name` (every rule set) or `RULESET:name` (one).")
    value = serializers.CharField(help_text="As stored (canonical form; empty: null).")
    basis = serializers.CharField(help_text="The legal basis the officer typed.")
    updated_by = serializers.CharField(allow_null=True)
    updated_at = serializers.DateTimeField()
    version = serializers.CharField(help_text="Send it back as `version` to change it safely.")


@component("RuleParameterChange")
class ParameterChangeSerializer(serializers.Serializer):
    """An officer's change of one parameter."""

    value = serializers.JSONField(
        allow_null=True,
        help_text="The new value: a number, text (`0,3`, `01/07/2025`), true/false, or null "
        "for a nullable parameter (unknown, no rule). Checked against the legal range.",
    )
    basis = serializers.CharField(
        max_length=500, help_text="Mandatory legal basis or reason, e.g. QĐ 32/2024/QĐ-UBND."
    )
    rule_set = RuleSetField(
        required=False,
        allow_null=True,
        help_text="Only this rule set; absent or null: every rule set that has the parameter.",
    )
    version = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="`local.version` as last read (empty: there was no local value). When given "
        "and the value changed since, the answer is 409 and nothing is written.",
    )


@component("RuleParameter")
class ParameterSerializer(serializers.Serializer):
    name = serializers.CharField()
    # Declared fields are popped by the serializer metaclass; not `Field.label`.
    label = serializers.CharField(help_text="What the value is, in the language.")  # type: ignore[assignment]
    value = serializers.JSONField(help_text="Effective value after officer-set overrides.")
    default = serializers.JSONField(help_text="The engine's value (null: unknown or no rule).")
    type = ParameterTypeField()
    choices = serializers.ListField(child=serializers.CharField())
    minimum = serializers.JSONField(help_text="Lowest legal value (numbers, dates), or null.")
    maximum = serializers.JSONField(help_text="Highest legal value (numbers, dates), or null.")
    nullable = serializers.BooleanField(help_text="null is a legal value (unknown, no rule).")
    unit = serializers.CharField()
    citation = serializers.CharField()
    unverified = serializers.BooleanField(help_text="The value is not verified against the law.")
    overridden = serializers.BooleanField(help_text="An officer set a local value.")
    description = serializers.CharField()
    local = LocalValueSerializer(
        allow_null=True,
        help_text="The local value in effect for this rule set (scoped first), or null.",
    )


@component("RuleParameterChanged")
class ParameterChangedSerializer(serializers.Serializer):
    key = serializers.CharField()
    rule_set = serializers.CharField(allow_null=True)
    value = serializers.CharField(help_text="As stored (canonical form; empty: null).")
    basis = serializers.CharField()
    version = serializers.CharField()
    parameter = ParameterSerializer(help_text="The parameter as it now applies.")


@component("RuleParameterList")
class ParameterListSerializer(serializers.Serializer):
    rule_set = serializers.CharField()
    title = serializers.CharField()
    parameters = ParameterSerializer(many=True)


@component("RuleExplainLine")
class ExplainLineSerializer(serializers.Serializer):
    depth = serializers.IntegerField(help_text="0 for a condition, 1+ for its sub-conditions.")
    text = serializers.CharField()
    citation = serializers.CharField()


@component("RuleExplainRule")
class ExplainRuleSerializer(serializers.Serializer):
    subject_kind = KindField()
    conditions = ExplainLineSerializer(many=True)
    note = serializers.CharField(allow_blank=True)
    parameters = ParameterSerializer(many=True)


@component("RuleExplanation")
class ExplanationSerializer(serializers.Serializer):
    code = CodeField()
    # Declared fields are popped by the serializer metaclass; not `Field.label`.
    label = serializers.CharField()  # type: ignore[assignment]
    rule_set = serializers.CharField()
    rule_set_title = serializers.CharField()
    rules = ExplainRuleSerializer(many=True)
    text = serializers.CharField(help_text="The plain text of `tdkt rules explain`.")


# --- query strings ----------------------------------------------------------------------------


class LangQuerySerializer(serializers.Serializer):
    lang = LangField(
        required=False,
        help_text="Language of texts; default from Accept-Language, else Vietnamese.",
    )


class RuleSetQuerySerializer(LangQuerySerializer):
    rule_set = RuleSetField(
        required=False,
        help_text="Default: the latest active rule set.",
    )
