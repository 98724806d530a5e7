"""The people batch services: the person services' rules and events, for thousands at once."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ConflictError, PermissionDeniedError
from tdkt.organizations.models import DuplicateContext, DuplicateReview, Employment, Person
from tdkt.organizations.services import (
    PersonBatch,
    PersonEntry,
    employment_add,
    person_batch_plan,
    person_batch_save,
    person_create,
    person_update,
)

pytestmark = pytest.mark.django_db

MAI = {
    "full_name": "Phạm Thị Mai",
    "category": "civil_servant",
    "gender": "female",
    "date_of_birth": date(1990, 3, 12),
    "citizen_id": "001190004321",
    "email": "mai.pt@example.vn",
    "phone": "0912 345 678",
}


def _entry(organization, **values):
    data = {**MAI, "start_date": date(2021, 2, 1), "position": "Chuyên viên"} | values
    return PersonEntry(organization=organization, **data)


def _save(actor, entries):
    batch = person_batch_plan(actor=actor, entries=entries)
    assert batch.ok, [s.errors for s in batch.steps]
    return person_batch_save(actor=actor, batch=batch)


def _last_changes(event_type):
    return AuditEvent.objects.filter(event_type=event_type).order_by("-seq").first().changes


def test_a_new_person_gets_the_same_row_post_and_event_as_person_create(registry):
    """Created by the batch or by ``person_create``, a person has the same fields, post and
    audit event content (the one-at-a-time service is the reference)."""
    person_create(
        actor=registry.officer,
        organization=registry.investment,
        start_date=date(2021, 2, 1),
        position="Chuyên viên",
        **MAI,
    )
    by_service = Person.objects.get(citizen_id=MAI["citizen_id"])
    service_event = _last_changes(AuditEventType.PERSON_CREATED)
    service_values = Person.objects.filter(pk=by_service.pk).values(
        "full_name", "gender", "date_of_birth", "nationality", "category", "email", "phone"
    )[0]
    by_service.employments.all().delete()
    by_service.delete()

    _save(registry.officer, [_entry(registry.investment)])

    person = Person.objects.get(citizen_id=MAI["citizen_id"])
    assert Person.objects.filter(pk=person.pk).values(*service_values)[0] == service_values
    assert person.search_key == by_service.search_key
    post = person.employments.get()
    assert (post.organization, post.position, post.end_date) == (
        registry.investment,
        "Chuyên viên",
        None,
    )
    assert _last_changes(AuditEventType.PERSON_CREATED) == service_event
    event = AuditEvent.objects.filter(event_type=AuditEventType.PERSON_CREATED).latest("seq")
    assert (event.actor, event.object_id) == (registry.officer, str(person.uuid))


def test_a_transfer_is_recorded_as_employment_add_records_it(registry):
    """Moving Ánh to planning through the batch closes his post the day before and records
    the same ``employment.added`` content as ``employment_add``."""
    employment_add(
        actor=registry.officer,
        person=registry.duc,
        organization=registry.investment,
        start_date=date(2024, 1, 1),
    )
    reference = _last_changes(AuditEventType.EMPLOYMENT_ADDED)
    entry = _entry(
        registry.investment,
        full_name="Trần Minh Đức",
        citizen_id=None,
        gender=None,
        date_of_birth=None,
        email=None,
        phone=None,
        category="civil_servant",
        start_date=date(2024, 1, 1),
        position=None,
    )
    assert person_batch_plan(actor=registry.officer, entries=[entry]).steps[0].outcome == (
        "unchanged"
    )

    anh = _entry(
        registry.planning,
        full_name="Nguyễn Văn Ánh",
        citizen_id="001085012345",
        gender="male",
        date_of_birth=date(1985, 5, 17),
        email=None,
        phone=None,
        start_date=date(2024, 1, 1),
        position=None,
    )
    _save(registry.officer, [anh])

    posts = list(Employment.objects.filter(person=registry.anh).order_by("start_date"))
    assert [(p.organization, str(p.end_date)) for p in posts] == [
        (registry.investment, "2023-12-31"),
        (registry.planning, "None"),
    ]
    changes = _last_changes(AuditEventType.EMPLOYMENT_ADDED)
    assert set(changes) == set(reference) == {"closed", "employment"}
    assert changes["employment"][1]["organization"] == registry.planning.pk
    assert changes["closed"][1]["end_date"] == "2023-12-31"


def test_planning_reads_a_few_queries_whatever_the_number_of_people(registry):
    """Matching and checking 400 entries costs the same statements as 40: none per entry."""

    def queries(count):
        entries = [
            _entry(
                registry.investment,
                full_name=f"Người Thứ {i}",
                citizen_id=f"001190{i:06d}",
                email=None,
            )
            for i in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            batch = person_batch_plan(actor=registry.officer, entries=entries)
        assert batch.ok
        return len(captured.captured_queries)

    assert queries(400) == queries(40)


def test_a_person_changed_after_the_plan_refuses_the_whole_batch(registry):
    """Optimistic concurrency: someone edits Ánh between the check and the write; the batch
    writes nothing (not even the new person) and names the entry to check again."""
    anh = _entry(
        registry.investment,
        full_name="Nguyễn Văn Ánh",
        citizen_id="001085012345",
        gender="male",
        date_of_birth=date(1985, 5, 17),
        email="anh@example.vn",
        start_date=date(2015, 3, 1),
    )
    batch = person_batch_plan(actor=registry.officer, entries=[_entry(registry.planning), anh])
    assert [s.outcome for s in batch.steps] == ["created", "updated"]
    person_update(actor=registry.investment_head, person=registry.anh, phone="0987654321")
    events = AuditEvent.objects.count()

    with pytest.raises(ConflictError) as refused:
        person_batch_save(actor=registry.officer, batch=batch)

    assert set(refused.value.extra["errors"]) == {1}
    assert not Person.objects.filter(citizen_id=MAI["citizen_id"]).exists()
    assert Person.objects.get(pk=registry.anh.pk).email == ""
    assert AuditEvent.objects.count() == events


def test_a_cccd_taken_after_the_plan_refuses_the_batch(registry):
    """A number free when checked but taken before the write refuses the batch."""
    batch = person_batch_plan(actor=registry.officer, entries=[_entry(registry.planning)])
    person_create(
        actor=registry.officer,
        organization=registry.centre,
        start_date=date(2020, 1, 1),
        **MAI,
    )
    with pytest.raises(ConflictError) as refused:
        person_batch_save(actor=registry.officer, batch=batch)
    # The row is refused without saying the number is now taken (whose it is, the duplicate
    # rule decides when the file is checked again).
    message = "Dữ liệu của dòng này vừa thay đổi; hãy chạy lại."
    assert refused.value.extra["errors"] == {0: {"citizen_id": [message]}}
    assert Person.objects.filter(citizen_id=MAI["citizen_id"]).count() == 1


def test_the_duplicate_cccd_rule_is_one_function_for_forms_and_imports(registry, monkeypatch):
    """The person services and the batch both ask ``citizen_id_conflicts``: changing its
    wording changes what both say."""
    from tdkt.organizations.services import duplicates

    monkeypatch.setattr(
        duplicates,
        "citizen_id_conflicts",
        lambda *, actor, claims, context: {
            c.key: duplicates.Conflict("QUY TẮC MỚI", routed=False) for c in claims
        },
    )
    batch = person_batch_plan(actor=registry.investment_head, entries=[_entry(registry.investment)])
    assert batch.steps[0].errors == {"citizen_id": ["QUY TẮC MỚI"]}
    with pytest.raises(Exception) as refused:
        person_create(
            actor=registry.officer,
            organization=registry.investment,
            start_date=date(2021, 1, 1),
            **MAI,
        )
    assert refused.value.fields["citizen_id"] == ["QUY TẮC MỚI"]


def test_someone_outside_the_unit_head_scope_is_never_matched_or_named(registry):
    """The head of investment enters a CCCD held by a person of planning: it is not an
    update of that person (out of scope) but the duplicate rule's refusal."""
    person_update(actor=registry.officer, person=registry.duc, citizen_id="001088007777")
    entry = _entry(
        registry.investment,
        full_name="Trần Minh Đức",
        citizen_id="001088007777",
        gender="male",
        date_of_birth=date(1988, 1, 1),
    )
    batch = person_batch_plan(actor=registry.investment_head, entries=[entry])
    step = batch.steps[0]
    assert step.person is None and step.outcome == "created"
    assert list(step.errors) == ["citizen_id"]
    # As with person_create: the row names no one, and the attempt goes to the officers.
    assert "001088007777" not in step.errors["citizen_id"][0]
    assert "Đức" not in step.errors["citizen_id"][0]
    review = DuplicateReview.objects.get()
    assert (review.person, review.context, review.organization) == (
        registry.duc,
        DuplicateContext.IMPORT,
        registry.investment,
    )


def test_the_batch_normalises_identifiers_and_checks_dates_like_the_services(registry):
    """A CCCD typed with full-width digits is the same number (it matches the person holding
    it), and implausible dates are refused as ``person_create`` refuses them."""
    _save(registry.officer, [_entry(registry.investment)])
    wide = "".join(chr(ord(d) + 0xFEE0) for d in MAI["citizen_id"])
    batch = person_batch_plan(
        actor=registry.officer,
        entries=[_entry(registry.investment, citizen_id=wide, phone="0912 000 111")],
    )
    assert batch.steps[0].person is not None and batch.steps[0].outcome == "updated"
    assert batch.steps[0].changes == {"phone": "0912 000 111"}
    batch = person_batch_plan(
        actor=registry.officer,
        entries=[
            _entry(
                registry.investment,
                citizen_id=None,
                full_name="Lê Văn Nhỏ",
                date_of_birth=date(2020, 1, 1),
            ),
            _entry(
                registry.investment,
                citizen_id=None,
                full_name="Lê Văn Sớm",
                date_of_birth=None,
                start_date=date(1900, 1, 1),
            ),
        ],
    )
    assert list(batch.steps[0].errors) == ["date_of_birth"]
    assert list(batch.steps[1].errors) == ["start_date"]


def test_new_people_get_their_sort_key_like_person_create(registry):
    """The batch writes the Vietnamese sort key (and search key) ``person_create`` writes."""
    from tdkt.organizations.keys import person_keys

    _save(registry.officer, [_entry(registry.investment)])
    person = Person.objects.get(citizen_id=MAI["citizen_id"])
    assert {"search_key": person.search_key, "sort_key": person.sort_key} == person_keys(
        person.full_name, person.uuid
    )
    _save(registry.officer, [_entry(registry.investment, full_name="Phạm Thị Mơ")])
    person.refresh_from_db()
    assert person.full_name == "Phạm Thị Mơ"
    assert person.sort_key == person_keys("Phạm Thị Mơ", person.uuid)["sort_key"]


def test_read_only_users_are_refused_before_anything_is_read(registry):
    """A viewer's batch is refused with 403 before any query."""
    with CaptureQueriesContext(connection) as captured, pytest.raises(PermissionDeniedError):
        person_batch_plan(actor=registry.viewer, entries=[_entry(registry.investment)])
    assert len(captured.captured_queries) == 0
    with pytest.raises(PermissionDeniedError):
        person_batch_save(actor=registry.viewer, batch=PersonBatch([]))


def test_a_bad_phone_is_refused_like_person_create_refuses_it(registry):
    """ "abc" is no phone number, in the batch as in the service."""
    batch = person_batch_plan(
        actor=registry.officer, entries=[_entry(registry.investment, phone="abc")]
    )
    assert list(batch.steps[0].errors) == ["phone"]
    with pytest.raises(Exception) as refused:
        person_create(
            actor=registry.officer,
            organization=registry.investment,
            start_date=date(2021, 1, 1),
            **(MAI | {"phone": "abc"}),
        )
    assert list(refused.value.fields) == ["phone"]
