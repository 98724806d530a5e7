"""People and their employment history (one record per person across transfers)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tdkt.accounts.privacy import birth_year, mask_citizen_id, sees_personal_data
from tdkt.api.base import ApiView, ListApiView
from tdkt.api.fields import OrganizationReferenceField
from tdkt.api.schema import component, described, error_responses
from tdkt.organizations.constants import Gender, PersonnelCategory
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.permissions import ensure_can_add_records, ensure_can_change_person
from tdkt.organizations.selectors import person_get, person_list
from tdkt.organizations.services import employment_add, person_create, person_update

from .refs import OrganizationRefSerializer

TAGS = ["people"]

VALIDATIONS = """
Validations (messages in Vietnamese, per field):

* `full_name` is required (stored NFC-normalised, single spaces);
* `citizen_id` (CCCD): exactly 12 digits, a valid province code (001–096) and century/gender
  digit, agreeing with `date_of_birth` and `gender` when those are given; unique;
* `nationality`: ISO 3166-1 alpha-2 in capitals; `date_of_birth` not before 1900;
* the caller must be allowed to change the person's current unit (403 otherwise, checked
  before the body is read).
"""


@component("Employment")
class EmploymentOutputSerializer(serializers.ModelSerializer):
    """One post of a person; `end_date` null means the person still holds it."""

    organization = OrganizationRefSerializer(read_only=True)

    class Meta:
        model = Employment
        fields = ["organization", "position", "start_date", "end_date"]
        read_only_fields = fields


PRIVACY = (
    "Shown in full only to a caller who may change the person (administrators and emulation "
    "officers; a unit head or enterprise representative for the unit's people) and to the "
    "person's own account; other readers get "
)
MASKED_FIELDS = {
    "citizen_id": {"help_text": PRIVACY + "the last three digits, e.g. `•••••••••567`."},
    "date_of_birth": {"help_text": PRIVACY + "`null` (see `birth_year`)."},
}


class PersonalDataSerializer(serializers.ModelSerializer):
    """Mask the CCCD and the date of birth for readers who do not need them (decision 0053)."""

    birth_year = serializers.SerializerMethodField(
        help_text="Year of birth, shown to every reader of the person (null when unknown)."
    )

    def get_birth_year(self, person: Person) -> int | None:
        return birth_year(person.date_of_birth)

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        request = self.context.get("request")
        if not sees_personal_data(getattr(request, "user", None), person_id=instance.pk):
            if "citizen_id" in data:
                data["citizen_id"] = mask_citizen_id(instance.citizen_id) or None
            data["date_of_birth"] = None
        return data


@component("PersonListItem")
class PersonListOutputSerializer(PersonalDataSerializer):
    """A person in a list, with the posts held today."""

    current_posts = EmploymentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "uuid",
            "full_name",
            "gender",
            "date_of_birth",
            "birth_year",
            "category",
            "nationality",
            "current_posts",
        ]
        read_only_fields = fields
        extra_kwargs = MASKED_FIELDS


@component("Person")
class PersonDetailOutputSerializer(PersonalDataSerializer):
    """A person with the whole employment history, newest post first."""

    employments = EmploymentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "uuid",
            "full_name",
            "gender",
            "date_of_birth",
            "birth_year",
            "citizen_id",
            "nationality",
            "category",
            "email",
            "phone",
            "employments",
        ]
        read_only_fields = fields
        extra_kwargs = MASKED_FIELDS


@component("PersonUpdate")
class PersonInputSerializer(serializers.Serializer):
    """A person's own fields (all optional in a partial update)."""

    full_name = serializers.CharField(**described(Person, "full_name", max_length=200))
    category = serializers.ChoiceField(
        choices=PersonnelCategory.choices, **described(Person, "category")
    )
    gender = serializers.ChoiceField(
        choices=Gender.choices, **described(Person, "gender", required=False, allow_blank=True)
    )
    date_of_birth = serializers.DateField(
        **described(Person, "date_of_birth", required=False, allow_null=True)
    )
    citizen_id = serializers.CharField(
        **described(Person, "citizen_id", required=False, allow_null=True, allow_blank=True)
    )
    nationality = serializers.CharField(
        **described(Person, "nationality", required=False, allow_blank=True)
    )
    email = serializers.EmailField(**described(Person, "email", required=False, allow_blank=True))
    phone = serializers.CharField(
        **described(Person, "phone", max_length=20, required=False, allow_blank=True)
    )


@component("PersonCreate")
class PersonCreateInputSerializer(PersonInputSerializer):
    """A new person and their first post."""

    organization = OrganizationReferenceField(**described(Employment, "organization"))
    start_date = serializers.DateField(**described(Employment, "start_date"))
    position = serializers.CharField(
        **described(Employment, "position", max_length=200, required=False, allow_blank=True)
    )


class PersonListApi(ListApiView):
    """List and create people."""

    class FilterSerializer(serializers.Serializer):
        search = serializers.CharField(
            required=False,
            allow_blank=True,
            help_text="Part of the name, accent- and case-insensitive ('nguyen van anh' finds "
            "'Nguyễn Văn Ánh'), or an exact CCCD number.",
        )
        organization = OrganizationReferenceField(
            required=False,
            help_text="Only people working today in this organisation or its subtree "
            "(a field error when it is unknown or outside the caller's scope).",
        )
        category = serializers.ChoiceField(
            choices=PersonnelCategory.choices, required=False, help_text="Personnel category."
        )

    @extend_schema(
        tags=TAGS,
        summary="List people",
        description=(
            "Only people who work today in an organisation of the caller's scope; board-wide "
            "roles also see people without a current post. Ordered by name (Vietnamese order)."
        ),
        parameters=[FilterSerializer],
        responses={200: PersonListOutputSerializer(many=True), **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        return self.paginate(person_list(actor=self.actor, **filters), PersonListOutputSerializer)

    @extend_schema(
        tags=TAGS,
        summary="Create a person with their first post",
        description="A person always enters the registry through a post in `organization`, "
        "which the caller must be allowed to change." + VALIDATIONS,
        request=PersonCreateInputSerializer,
        responses={201: PersonDetailOutputSerializer, **error_responses(400, 403)},
        examples=[
            OpenApiExample(
                "Civil servant",
                value={
                    "full_name": "Phạm Thu Trang",
                    "category": "civil_servant",
                    "gender": "female",
                    "date_of_birth": "1990-04-02",
                    "citizen_id": "001190004567",
                    "organization": "6f1c2d3e-0000-4000-8000-000000000002",
                    "start_date": "2024-01-02",
                    "position": "Chuyên viên",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        ensure_can_add_records(self.actor)
        data = self.parse(PersonCreateInputSerializer)
        person = person_create(actor=self.actor, **data)
        person = person_get(actor=self.actor, uuid=person.uuid)
        return self.render(PersonDetailOutputSerializer, person, status=201)


class PersonDetailApi(ApiView):
    """Read and change one person."""

    @extend_schema(
        tags=TAGS,
        summary="Get a person with the employment history",
        description="404 when the person does not exist or does not work today in the "
        "caller's scope.",
        responses={200: PersonDetailOutputSerializer, **error_responses(404)},
    )
    def get(self, request: Request, uuid: str) -> Response:
        return self.render(PersonDetailOutputSerializer, person_get(actor=self.actor, uuid=uuid))

    @extend_schema(
        tags=TAGS,
        summary="Change a person (partial)",
        description="Only the given fields change; the change is audited." + VALIDATIONS,
        request=PersonInputSerializer,
        responses={200: PersonDetailOutputSerializer, **error_responses(400, 403, 404)},
    )
    def patch(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        ensure_can_change_person(self.actor, person)
        data = self.parse(PersonInputSerializer, partial=True)
        person_update(actor=self.actor, person=person, **data)
        return self.render(PersonDetailOutputSerializer, person_get(actor=self.actor, uuid=uuid))


class PersonEmploymentsApi(ApiView):
    """A person's posts: list them, or add one (a transfer)."""

    @component("EmploymentAdd")
    class InputSerializer(serializers.Serializer):
        organization = OrganizationReferenceField(**described(Employment, "organization"))
        start_date = serializers.DateField(**described(Employment, "start_date"))
        position = serializers.CharField(
            **described(Employment, "position", max_length=200, required=False, allow_blank=True)
        )
        end_date = serializers.DateField(
            **described(Employment, "end_date", required=False, allow_null=True)
        )
        close_current = serializers.BooleanField(
            default=True,
            help_text="End the open post the day before `start_date` (a transfer).",
        )

    @extend_schema(
        tags=TAGS,
        summary="List a person's posts",
        description="The whole employment history, newest first (not paginated).",
        responses={200: EmploymentOutputSerializer(many=True), **error_responses(404)},
    )
    def get(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        return self.render(EmploymentOutputSerializer, person.employments.all(), many=True)

    @extend_schema(
        tags=TAGS,
        summary="Add a post (transfer)",
        description=(
            "Records a new post; with `close_current` (default) the open post ends the day "
            "before. The caller must be allowed to change both the person's current unit and "
            "the target organisation, so a unit cannot take a person from another unit alone.\n\n"
            "Validations: `end_date` not before `start_date`; posts of one person may touch "
            "but not overlap."
        ),
        request=InputSerializer,
        responses={201: EmploymentOutputSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        ensure_can_change_person(self.actor, person)
        data = self.parse(self.InputSerializer)
        employment = employment_add(actor=self.actor, person=person, **data)
        return self.render(EmploymentOutputSerializer, employment, status=201)
