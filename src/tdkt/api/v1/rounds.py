"""Rounds and the eligibility list of a unit: the same selectors and verdict path as the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.api.base import ApiView, ListApiView
from tdkt.api.schema import component, error_responses
from tdkt.commendations.constants import RoundState
from tdkt.commendations.models import Round
from tdkt.commendations.selectors import eligibility, round_deadline, round_get, round_list
from tdkt.core.errors import ApplicationError
from tdkt.organizations.selectors import organization_get

TAGS = ["rounds"]


@component("Round")
class RoundOutputSerializer(serializers.ModelSerializer):
    """A call for proposals (đợt xét) with its deadline in working days."""

    working_days_left = serializers.SerializerMethodField(
        help_text="Working days from today to the deadline (negative: days late)."
    )

    class Meta:
        model = Round
        fields = [
            "uuid",
            "name",
            "kind",
            "year",
            "accepted_codes",
            "unit_deadline",
            "working_days_left",
            "state",
            "rule_set",
            "description",
            "version",
        ]
        read_only_fields = fields

    def get_working_days_left(self, round_: Round) -> int:
        return round_deadline(round_).days_left


class RoundListApi(ListApiView):
    """List the rounds."""

    class FilterSerializer(serializers.Serializer):
        state = serializers.ChoiceField(choices=RoundState.choices, required=False)

    @extend_schema(
        tags=TAGS,
        summary="List rounds",
        description="Every signed-in user with an organisation sees the rounds, newest first.",
        parameters=[FilterSerializer],
        responses={200: RoundOutputSerializer(many=True), **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        return self.paginate(round_list(actor=self.actor, **filters), RoundOutputSerializer)


class RoundDetailApi(ApiView):
    """Read one round."""

    @extend_schema(
        tags=TAGS,
        summary="Get a round",
        responses={200: RoundOutputSerializer, **error_responses(404)},
    )
    def get(self, request: Request, uuid: str) -> Response:
        return self.render(RoundOutputSerializer, round_get(actor=self.actor, uuid=uuid))


class ReasonSerializer(serializers.Serializer):
    ok = serializers.BooleanField(allow_null=True, help_text="Met, not met, or pending (null).")
    text = serializers.CharField(help_text="The condition in the request's language.")
    citation = serializers.CharField(help_text="The article it comes from.")


class VerdictSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Award code of the rule engine.")
    eligible = serializers.BooleanField()
    vote = serializers.CharField(help_text="not_required, pending, passed or failed.")
    proposed = serializers.BooleanField(help_text="Already on the unit's proposal.")
    reasons = ReasonSerializer(many=True)


class SubjectSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["individual", "collective"])
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    where = serializers.CharField(help_text="Position and unit, or the parent unit.")
    verdicts = VerdictSerializer(many=True)


@component("Eligibility")
class EligibilitySerializer(serializers.Serializer):
    rule_set = serializers.CharField()
    total = serializers.IntegerField(help_text="Subjects after the filters, on every page.")
    eligible_counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Eligible subjects of the unit per code."
    )
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = SubjectSerializer(many=True)


class RoundEligibilityApi(ApiView):
    """Who in a unit is eligible for each code of a round."""

    class FilterSerializer(serializers.Serializer):
        unit = serializers.UUIDField(
            required=False, help_text="The unit (default: the caller's own organisation)."
        )
        search = serializers.CharField(required=False, allow_blank=True)
        only_eligible = serializers.BooleanField(required=False, default=False)
        page = serializers.IntegerField(required=False, min_value=1, default=1)
        page_size = serializers.IntegerField(required=False, min_value=1, max_value=200, default=50)

    @extend_schema(
        tags=TAGS,
        summary="Eligibility of a unit's people and collectives",
        description=(
            "Every person working in the unit today and every collective of its subtree, with "
            "the rule engine's verdict for each code the round accepts. The rows of the page "
            "are explained (reasons and citations, in the request's language); the counts are "
            "over the whole unit. A unit outside the caller's scope is 404."
        ),
        parameters=[FilterSerializer],
        responses={200: EligibilitySerializer, **error_responses(400, 404)},
    )
    def get(self, request: Request, uuid: str) -> Response:
        round_ = round_get(actor=self.actor, uuid=uuid)
        filters = self.parse_query(self.FilterSerializer)
        unit = (
            organization_get(actor=self.actor, uuid=filters["unit"])
            if filters.get("unit")
            else getattr(self.actor, "organization", None)
        )
        if unit is None:
            raise ApplicationError(_("Cần chọn đơn vị."), fields={"unit": [_("Bắt buộc.")]})
        view = eligibility(
            actor=self.actor,
            round=round_,
            organization=unit,
            search=filters.get("search", ""),
            only_eligible=filters["only_eligible"],
            page=filters["page"],
            page_size=filters["page_size"],
        )
        body: dict[str, Any] = {
            "rule_set": view.rule_set,
            "total": view.total,
            "eligible_counts": view.eligible_counts,
            "page": view.page.number,
            "pages": view.page.paginator.num_pages,
            "results": [
                {
                    "kind": row.kind,
                    "uuid": row.uuid,
                    "name": row.name,
                    "where": row.where,
                    "verdicts": [
                        {
                            "code": cell.code,
                            "eligible": cell.eligible,
                            "vote": cell.vote,
                            "proposed": cell.proposed,
                            "reasons": [
                                {"ok": r.ok, "text": r.text, "citation": r.citation}
                                for r in cell.reasons or ()
                            ],
                        }
                        for cell in row.cells
                        if cell is not None
                    ],
                }
                for row in view.page.object_list
            ],
        }
        return Response(EligibilitySerializer(body).data)
