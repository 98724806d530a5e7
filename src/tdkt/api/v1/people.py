"""People and their employment history (one record per person across transfers)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from tdkt.api.base import ApiView
from tdkt.api.fields import OrganizationReferenceField
from tdkt.api.schema import component, described, error_responses, versioned
from tdkt.organizations.constants import Gender, PersonnelCategory
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.permissions import ensure_can_add_records, ensure_can_change_person
from tdkt.organizations.selectors import PersonPage, person_get, person_page
from tdkt.organizations.services import employment_add, person_create, person_update
from tdkt.organizations.versions import history_version, version_of

from .refs import OrganizationRefSerializer

TAGS = ["people"]

VALIDATIONS = """
Validations (messages in Vietnamese, per field):

* `full_name` is required (stored NFC-normalised, single spaces);
* `citizen_id` (CCCD): exactly 12 digits, a valid province code (001–096) and century/gender
  digit, agreeing with `date_of_birth` and `gender` when those are given; unique;
* `nationality`: ISO 3166-1 alpha-2 in capitals;
* `date_of_birth`: not in the future, an age of 15 to 100 years today;
* `start_date` (creation): from 1945 to the end of next year; a post that starts later than
  today is recorded, and the person enters the caller's lists on that day;
* identifiers (`citizen_id`, `phone`, `nationality`) are stored in ASCII digits and letters
  (full-width or Arabic-Indic digits are converted), and invisible or control characters are
  removed from every text field;
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


@component("PersonListItem")
class PersonListOutputSerializer(serializers.ModelSerializer):
    """A person in a list, with the posts held today."""

    current_posts = EmploymentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "uuid",
            "full_name",
            "gender",
            "date_of_birth",
            "category",
            "nationality",
            "current_posts",
        ]
        read_only_fields = fields


@component("Person")
class PersonDetailOutputSerializer(serializers.ModelSerializer):
    """A person with the whole employment history, newest post first."""

    employments = EmploymentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "uuid",
            "full_name",
            "gender",
            "date_of_birth",
            "citizen_id",
            "nationality",
            "category",
            "email",
            "phone",
            "employments",
        ]
        read_only_fields = fields


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


@component("PersonPage")
class PersonPageSerializer(serializers.Serializer):
    """One page of people, in Vietnamese order, with the links to the pages around it."""

    count = serializers.IntegerField(
        allow_null=True,
        help_text="How many people match, when known exactly: always for a filtered list of "
        "at most 1,000 and for board-wide readers' unfiltered (or category-only) list; "
        "otherwise null, and more than 1,000 match (follow `next` to the end).",
    )
    next = serializers.URLField(allow_null=True, help_text="The next page, null on the last.")
    previous = serializers.URLField(
        allow_null=True, help_text="The previous page, null on the first."
    )
    results = PersonListOutputSerializer(many=True)


class PersonListApi(ApiView):
    """List and create people."""

    class FilterSerializer(serializers.Serializer):
        search = serializers.CharField(
            required=False,
            allow_blank=True,
            help_text="Words of the name, accent- and case-insensitive, in order, the last one "
            "possibly unfinished ('nguyen van a' finds 'Nguyễn Văn Anh'; 'duc' finds 'Đức'), "
            "or an exact CCCD number.",
        )
        organization = OrganizationReferenceField(
            required=False,
            help_text="Only people working today in this organisation or its subtree "
            "(a field error when it is unknown or outside the caller's scope).",
        )
        category = serializers.ChoiceField(
            choices=PersonnelCategory.choices, required=False, help_text="Personnel category."
        )
        after = serializers.RegexField(
            r"^[0-9a-f]{1,600}$",
            required=False,
            help_text="Start after this position (from a `next` link); positions are opaque.",
        )
        before = serializers.RegexField(
            r"^[0-9a-f]{1,600}$",
            required=False,
            help_text="End before this position (from a `previous` link).",
        )
        page_size = serializers.IntegerField(
            required=False,
            min_value=1,
            max_value=200,
            default=50,
            help_text="People per page (default 50, at most 200).",
        )

    @extend_schema(
        operation_id="v1_people_list",
        tags=TAGS,
        summary="List people",
        description=(
            "Only people who work today in an organisation of the caller's scope; board-wide "
            "roles also see people without a current post. Ordered by name in Vietnamese order "
            "(given name, then family name, then middle names). Pages follow each other by "
            "position (`next`/`previous` links): a person added meanwhile is neither repeated "
            "nor skips another, and a deep page costs what the first does."
        ),
        parameters=[FilterSerializer],
        responses={200: PersonPageSerializer, **error_responses(400)},
    )
    def get(self, request: Request) -> Response:
        filters = self.parse_query(self.FilterSerializer)
        size = filters.pop("page_size")
        page = person_page(actor=self.actor, size=size, **filters)
        return Response(
            {
                "count": page.count,
                "next": self._link(page, after=page.next_after),
                "previous": self._link(page, before=page.previous_before),
                "results": PersonListOutputSerializer(
                    page.people, many=True, context=self.get_serializer_context()
                ).data,
            }
        )

    def _link(self, page: PersonPage, **position: str | None) -> str | None:
        """Return this request's URL moved to ``position`` (None when there is no such page)."""
        ((key, value),) = position.items()
        if value is None:
            return None
        url = self.request.build_absolute_uri()
        for other in ("after", "before", "page"):
            url = remove_query_param(url, other)
        return replace_query_param(url, key, value)

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
        # The answer is the created person itself: re-reading it through the scoped selector
        # would answer 404 to a unit head whose new person starts work later (issue #7).
        person = person_create(actor=self.actor, **data)
        return self.render(PersonDetailOutputSerializer, person, status=201)


class PersonDetailApi(ApiView):
    """Read and change one person."""

    @extend_schema(
        tags=TAGS,
        summary="Get a person with the employment history",
        description="404 when the person does not exist or does not work today in the "
        "caller's scope.",
        responses={200: PersonDetailOutputSerializer, **error_responses(404)},
        parameters=versioned(write=False),
    )
    def get(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        return self.render(PersonDetailOutputSerializer, person, version=version_of(person))

    @extend_schema(
        tags=TAGS,
        summary="Change a person (partial)",
        description="Only the given fields change; the change is audited." + VALIDATIONS,
        request=PersonInputSerializer,
        responses={200: PersonDetailOutputSerializer, **error_responses(400, 403, 404, 412)},
        parameters=versioned(write=True),
    )
    def patch(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        ensure_can_change_person(self.actor, person)
        data = self.parse(PersonInputSerializer, partial=True)
        person_update(actor=self.actor, person=person, expected_version=self.if_match(), **data)
        person = person_get(actor=self.actor, uuid=uuid)
        return self.render(PersonDetailOutputSerializer, person, version=version_of(person))


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
        parameters=versioned(write=False),
    )
    def get(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        return self.render(
            EmploymentOutputSerializer,
            person.employments.all(),
            many=True,
            version=history_version(person),
        )

    @extend_schema(
        tags=TAGS,
        summary="Add a post (transfer)",
        description=(
            "Records a new post; with `close_current` (default) the open post ends the day "
            "before. The caller must be allowed to change both the person's current unit and "
            "the target organisation, so a unit cannot take a person from another unit alone.\n\n"
            "Validations: `start_date` and `end_date` from 1945 to the end of next year, "
            "`end_date` not before `start_date`; a transfer (`close_current`) leads to a post "
            "not ended before today; posts of one person may touch but not overlap."
        ),
        request=InputSerializer,
        responses={201: EmploymentOutputSerializer, **error_responses(400, 403, 404, 412)},
        parameters=versioned(write=True),
    )
    def post(self, request: Request, uuid: str) -> Response:
        person = person_get(actor=self.actor, uuid=uuid)
        ensure_can_change_person(self.actor, person)
        data = self.parse(self.InputSerializer)
        employment = employment_add(
            actor=self.actor, person=person, expected_version=self.if_match(), **data
        )
        return self.render(
            EmploymentOutputSerializer,
            employment,
            status=201,
            version=history_version(employment.person),
        )
