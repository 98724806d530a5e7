"""Registry writes: validation in Vietnamese, permission checks, audit in the same transaction."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.organizations.constants import GroupKind, OrganizationKind, PersonnelCategory
from tdkt.organizations.models import Employment, EmulationGroup, Organization, Person
from tdkt.organizations.services import (
    employment_add,
    employment_update,
    group_create,
    group_leadership_set,
    group_members_set,
    group_update,
    organization_create,
    organization_update,
    person_create,
    person_update,
    zone_update,
)

pytestmark = pytest.mark.django_db


def _new_person(registry, actor, **overrides):
    data = {
        "actor": actor,
        "full_name": "Phạm Thị Đào",
        "category": PersonnelCategory.PUBLIC_EMPLOYEE,
        "organization": registry.investment,
        "start_date": date(2020, 1, 1),
        "gender": "female",
        "date_of_birth": date(1990, 2, 3),
        "citizen_id": "001190001122",
    }
    return person_create(**(data | overrides))


def test_name_is_stored_nfc(registry):
    """A name typed in decomposed form (NFD) is stored composed, so searches match."""
    decomposed = unicodedata.normalize("NFD", "Phạm  Thị Đào ")
    person = _new_person(registry, registry.officer, full_name=decomposed)
    assert person.full_name == "Phạm Thị Đào"
    assert unicodedata.is_normalized("NFC", person.full_name)


@pytest.mark.parametrize(
    ("citizen_id", "message"),
    [
        ("00119000112", "12 chữ số"),
        ("00119000112a", "12 chữ số"),
        ("099190001122", "mã tỉnh"),
        ("001185001122", "năm sinh"),
        ("001090001122", "giới tính"),
    ],
)
def test_invalid_citizen_id_is_refused_and_nothing_is_written(registry, citizen_id, message):
    """A wrong CCCD is explained in Vietnamese and neither person nor audit row is added."""
    people, events = Person.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ApplicationError) as exc:
        _new_person(registry, registry.officer, citizen_id=citizen_id)
    assert message in exc.value.fields["citizen_id"][0]
    assert (Person.objects.count(), AuditEvent.objects.count()) == (people, events)


def test_duplicate_citizen_id_is_refused(registry):
    """One person is one record: a second person with Ánh's CCCD is refused."""
    with pytest.raises(ApplicationError) as exc:
        _new_person(
            registry,
            registry.officer,
            citizen_id="001085012345",
            gender="male",
            date_of_birth=date(1985, 1, 1),
        )
    assert "đã có" in exc.value.fields["citizen_id"][0]


def test_unit_head_cannot_add_people_to_another_unit(registry):
    """The planning head may add to planning but not to investment; nothing is written."""
    ok = _new_person(registry, registry.planning_head, organization=registry.planning)
    assert ok.employments.get().organization == registry.planning
    count = Person.objects.count()
    with pytest.raises(PermissionDeniedError):
        _new_person(
            registry,
            registry.planning_head,
            organization=registry.investment,
            citizen_id="001190001123",
        )
    assert Person.objects.count() == count


def test_viewer_and_leader_cannot_write(registry):
    """Read-only roles are refused even inside their own scope."""
    for actor in (registry.viewer, registry.leader, registry.council):
        with pytest.raises(PermissionDeniedError):
            person_update(actor=actor, person=registry.anh, phone="0912345678")
    assert Person.objects.get(pk=registry.anh.pk).phone == ""


def test_update_records_before_and_after(registry):
    """Editing a person writes an audit event with the old and the new value."""
    person_update(actor=registry.investment_head, person=registry.anh, phone="0912345678")
    event = AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).latest("seq")
    assert event.changes == {"phone": ["", "0912345678"]}
    assert event.actor == registry.investment_head


def test_transfer_closes_the_current_post(registry):
    """A transfer ends the current post the day before the new one starts."""
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.centre,
        start_date=date(2025, 7, 1),
    )
    posts = list(Employment.objects.filter(person=registry.anh).order_by("start_date"))
    assert [(p.organization, p.end_date) for p in posts] == [
        (registry.investment, date(2025, 6, 30)),
        (registry.centre, None),
    ]


def test_overlapping_posts_are_refused(registry):
    """A closed post cannot be re-opened over another period."""
    with pytest.raises(ApplicationError):
        employment_add(
            actor=registry.officer,
            person=registry.anh,
            organization=registry.centre,
            start_date=date(2010, 1, 1),
            end_date=date(2016, 1, 1),
            close_current=False,
        )


def test_enterprise_needs_valid_tax_code(registry):
    """Tax codes are 10 digits or 10-3; a branch code is accepted."""
    branch = organization_create(
        actor=registry.officer,
        name="Chi nhánh Công ty Sao Mai",
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={
            "tax_code": "0101234567-001",
            "investment_type": "fdi",
            "investor_country": "JP",
        },
    )
    assert branch.enterprise.tax_code == "0101234567-001"
    with pytest.raises(ApplicationError) as exc:
        organization_create(
            actor=registry.officer,
            name="Công ty X",
            kind=OrganizationKind.ENTERPRISE,
            parent=registry.board,
            enterprise={"tax_code": "01012345", "investment_type": "ddi"},
        )
    assert "10 chữ số" in exc.value.fields["tax_code"][0]


def test_moving_a_unit_moves_its_subtree(registry):
    """A team under investment moves with it when investment moves under the centre."""
    team = organization_create(
        actor=registry.officer,
        name="Tổ Xúc tiến",
        kind=OrganizationKind.DEPARTMENT,
        parent=registry.investment,
    )
    organization_update(
        actor=registry.officer, organization=registry.investment, parent=registry.centre
    )
    team.refresh_from_db()
    assert team.path.startswith(Organization.objects.get(pk=registry.centre.pk).path)
    with pytest.raises(ApplicationError):
        organization_update(actor=registry.officer, organization=registry.centre, parent=team)


def test_block_leader_and_deputy_must_be_distinct_members(registry):
    """Leadership is elected among the year's members; leader and deputy differ."""
    block = group_create(
        actor=registry.officer, name="Khối thi đua đồng bằng sông Hồng", kind=GroupKind.BLOCK
    )
    other = organization_create(
        actor=registry.officer,
        name="Ban Quản lý các KCN Bắc Ninh",
        kind=OrganizationKind.EXTERNAL_BODY,
    )
    group_members_set(
        actor=registry.officer, group=block, year=2020, members=[registry.board, other]
    )
    leadership = group_leadership_set(
        actor=registry.officer, group=block, year=2020, leader=other, deputy=registry.board
    )
    assert (leadership.leader, leadership.deputy) == (other, registry.board)
    with pytest.raises(ApplicationError):
        group_leadership_set(actor=registry.officer, group=block, year=2021, leader=other)
    with pytest.raises(ApplicationError):
        group_leadership_set(
            actor=registry.officer, group=block, year=2020, leader=other, deputy=other
        )
    with pytest.raises(PermissionDeniedError):
        group_members_set(actor=registry.investment_head, group=block, year=2021, members=[other])


def test_group_names_are_required_unique_and_stored_tidy(registry):
    """A block's name is kept with single spaces; an empty or repeated name (any case) is refused
    with a plain Vietnamese message and nothing changes."""
    block = group_create(actor=registry.officer, name="Khối các phòng chuyên môn", kind="block")
    cluster = group_create(actor=registry.officer, name="Cụm thi đua Hà Nội", kind="cluster")
    with pytest.raises(ApplicationError) as exc:
        group_create(actor=registry.officer, name="khối các phòng  chuyên môn", kind="cluster")
    assert exc.value.fields["name"] == ["Khối, cụm thi đua này đã có trong hệ thống."]
    with pytest.raises(ApplicationError) as exc:
        group_update(actor=registry.officer, group=cluster, name="Khối các phòng chuyên môn")
    assert exc.value.fields["name"] == ["Khối, cụm thi đua này đã có trong hệ thống."]
    with pytest.raises(ApplicationError) as exc:
        group_update(actor=registry.officer, group=block, name="   ")
    assert exc.value.fields["name"] == ["Tên khối, cụm thi đua là bắt buộc."]
    renamed = group_update(
        actor=registry.officer, group=block, name="  Khối   phòng chuyên môn ", organizer=" BQL "
    )
    assert (renamed.name, renamed.organizer) == ("Khối phòng chuyên môn", "BQL")
    assert sorted(EmulationGroup.objects.values_list("name", flat=True)) == [
        "Cụm thi đua Hà Nội",
        "Khối phòng chuyên môn",
    ]
    assert AuditEvent.objects.filter(event_type=AuditEventType.GROUP_UPDATED).count() == 1


def test_zone_area_must_be_positive(registry):
    """A zone with a zero or negative area is refused with a Vietnamese field message."""
    from tdkt.organizations.services import zone_create, zone_update

    with pytest.raises(ApplicationError) as exc:
        zone_create(actor=registry.officer, name="KCN Thử", area_ha=0)
    assert exc.value.fields["area_ha"] == ["Diện tích phải lớn hơn 0."]
    with pytest.raises(ApplicationError) as exc:
        zone_create(actor=registry.officer, name="kcn thăng long ")
    assert exc.value.fields["name"] == ["Khu công nghiệp này đã có trong hệ thống."]
    renamed = zone_update(
        actor=registry.officer, zone=registry.zone, name="KCN Thăng Long (mở rộng)"
    )
    assert renamed.name == "KCN Thăng Long (mở rộng)"
    with pytest.raises(PermissionDeniedError):
        zone_create(actor=registry.investment_head, name="KCN Mới", area_ha=10)


@pytest.mark.parametrize(
    "call",
    [
        lambda r: person_update(actor=r.officer, person=r.anh, phone_number="0912345678"),
        lambda r: organization_update(actor=r.officer, organization=r.investment, title="Phòng"),
        lambda r: organization_update(
            actor=r.officer, organization=r.enterprise, enterprise={"capital": "1"}
        ),
        lambda r: organization_create(
            actor=r.officer,
            name="Công ty TNHH Bình Minh",
            kind=OrganizationKind.ENTERPRISE,
            parent=r.board,
            enterprise={"tax_code": "0107654321", "investment_type": "ddi", "vốn": "1"},
        ),
        lambda r: zone_update(actor=r.officer, zone=r.zone, area=Decimal("10")),
        lambda r: employment_update(
            actor=r.officer, employment=r.anh.employments.get(), organization=r.planning
        ),
    ],
    ids=["person", "organization", "enterprise profile", "new enterprise", "zone", "employment"],
)
def test_update_services_refuse_a_field_they_do_not_know(registry, call):
    """A misspelt or unsupported field is an error, not a silently ignored key: nothing is
    saved and nothing is recorded."""
    events = AuditEvent.objects.count()
    orgs = list(Organization.objects.order_by("pk").values())
    with pytest.raises(TypeError):
        call(registry)
    assert AuditEvent.objects.count() == events
    assert list(Organization.objects.order_by("pk").values()) == orgs


def test_update_changes_only_what_is_given_and_none_clears_a_field(registry):
    """Fields left out keep their value; a field given as None is cleared."""
    person = person_update(actor=registry.officer, person=registry.anh, phone="0912345678")
    assert (person.phone, person.date_of_birth) == ("0912345678", date(1985, 5, 17))
    assert person.citizen_id == "001085012345"
    person = person_update(
        actor=registry.officer, person=registry.anh, date_of_birth=None, citizen_id=None
    )
    assert (person.phone, person.date_of_birth, person.citizen_id) == ("0912345678", None, None)
    event = AuditEvent.objects.filter(event_type=AuditEventType.PERSON_UPDATED).latest("seq")
    assert event.changes["date_of_birth"] == ["1985-05-17", None]
    assert set(event.changes) == {"date_of_birth", "citizen_id"}
