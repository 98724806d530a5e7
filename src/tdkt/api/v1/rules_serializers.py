"""OpenAPI shapes of the rule-engine endpoints (shared/contracts/rules-evaluate.md).

The case serializers only *document* the request: the body is validated by the engine's own
parser (``tdkt.rules.case_io``), which names every problem by its JSON path, so the API, the
web page and ``tdkt rules evaluate`` refuse exactly the same documents. The output serializers
describe what ``evaluation_to_json``/``unit_to_json`` return and are not used to render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from tdkt.api.schema import component
from tdkt.rules import REGISTRY
from tdkt.rules.codes import AWARD_CODES, DISCIPLINE_LEVELS, RATINGS, SCOPES, SUBJECT_KINDS
from tdkt.rules.labels import LANGUAGES

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
RatingField = _inline_enum(RATINGS)
ScopeField = _inline_enum(SCOPES)
DisciplineField = _inline_enum(DISCIPLINE_LEVELS)
VoteField = _inline_enum(VOTES)
ParameterTypeField = _inline_enum(PARAMETER_TYPES)
CategoryField = _inline_enum(("title", "form"))
LangField = _inline_enum(LANGUAGES)
RuleSetField = _inline_enum(REGISTRY.names())
RuleSetOrAutoField = _inline_enum(("auto", *REGISTRY.names()))
CodeListField = _inline_enum_list(AWARD_CODES)
KindListField = _inline_enum_list(SUBJECT_KINDS)


# --- request: a case or a unit batch --------------------------------------------------------


@component("RuleSubject")
class SubjectSerializer(serializers.Serializer):
    kind = KindField()
    recruited_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Start of continuous service in the agency; absent: the whole year.",
    )


@component("RuleAward")
class AwardSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Achievement year of the award.")
    code = CodeField()


@component("RuleInitiative")
class InitiativeSerializer(serializers.Serializer):
    id = serializers.CharField()
    year = serializers.IntegerField()
    scope = ScopeField()
    used_for = CodeField(
        allow_null=True,
        required=False,
        help_text="Code of the award this initiative already served, or null.",
    )


@component("RuleDiscipline")
class DisciplineSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    level = DisciplineField()


@component("RuleBallot")
class BallotSerializer(serializers.Serializer):
    yes = serializers.IntegerField(min_value=0)
    members = serializers.IntegerField(min_value=1, help_text="All members of the council.")


@component("RuleCollectiveFacts")
class CollectiveSerializer(serializers.Serializer):
    members = serializers.IntegerField(min_value=1)
    rating = RatingField(required=False, allow_null=True)
    members_completing_tasks = serializers.IntegerField(min_value=0, required=False)
    members_advanced_worker = serializers.IntegerField(min_value=0, required=False)
    members_grassroots_fighter = serializers.IntegerField(min_value=0, required=False)
    members_disciplined_warning_or_above = serializers.IntegerField(min_value=0, required=False)
    leads_block = serializers.BooleanField(required=False, allow_null=True)


class _CaseBody(serializers.Serializer):
    subject = SubjectSerializer()
    ratings = serializers.DictField(
        child=RatingField(),
        required=False,
        help_text='Yearly rating by year, e.g. {"2024": "excellent"}.',
    )
    awards = AwardSerializer(many=True, required=False)
    initiatives = InitiativeSerializer(many=True, required=False)
    discipline = DisciplineSerializer(many=True, required=False)
    ballot = BallotSerializer(
        required=False, allow_null=True, help_text="Absent: the vote is reported as pending."
    )
    collective = CollectiveSerializer(
        required=False, allow_null=True, help_text="Required for a collective subject."
    )
    candidates = CodeListField(
        required=False,
        allow_null=True,
        help_text="Only evaluate these codes; default: every code for the subject kind.",
    )


class _Header(serializers.Serializer):
    as_of = serializers.DateField(help_text="Decision date: selects rule set and base salary.")
    year = serializers.IntegerField(help_text="Achievement year evaluated.")
    rule_set = RuleSetOrAutoField(required=False, default="auto")
    dossier_lodged_on = serializers.DateField(required=False, allow_null=True)


@component("RuleCase")
class CaseSerializer(_Header, _CaseBody):
    """One subject (person or collective) to evaluate."""


@component("RuleUnitMember")
class UnitMemberSerializer(_CaseBody):
    id = serializers.CharField(help_text="Your identifier of the case, echoed in the output.")


@component("RuleUnit")
class UnitSerializer(serializers.Serializer):
    name = serializers.CharField(required=False)
    advanced_workers = serializers.IntegerField(
        min_value=0, required=False, help_text="Lao động tiên tiến not listed in `cases`."
    )


@component("RuleUnitBatch")
class UnitBatchSerializer(_Header):
    """A whole unit for one year, where caps and ratios apply."""

    unit = UnitSerializer(required=False)
    cases = UnitMemberSerializer(many=True)


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


@component("RuleParameter")
class ParameterSerializer(serializers.Serializer):
    name = serializers.CharField()
    value = serializers.JSONField(help_text="Effective value after officer-set overrides.")
    default = serializers.JSONField(help_text="The engine's value (null: unknown or no rule).")
    type = ParameterTypeField()
    choices = serializers.ListField(child=serializers.CharField())
    unit = serializers.CharField()
    citation = serializers.CharField()
    unverified = serializers.BooleanField(help_text="The value is not verified against the law.")
    overridden = serializers.BooleanField(help_text="An officer set a local value.")
    description = serializers.CharField()


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
