"""People import: all-or-nothing, idempotent, scoped to the actor's units."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.documents.services import import_run
from tdkt.organizations.models import Employment, Person

from .helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db


def _run(actor, rows, **kwargs):
    return import_run(
        actor=actor,
        importer="people",
        data=xlsx(PEOPLE_HEADERS, rows),
        filename="nhan-su.xlsx",
        **kwargs,
    )


def _state():
    return (
        list(Person.objects.order_by("pk").values_list("full_name", "citizen_id", "email")),
        list(
            Employment.objects.order_by("pk").values_list(
                "person_id", "organization_id", "end_date"
            )
        ),
    )


def test_valid_file_creates_people_with_posts_and_audit(registry):
    """A valid file adds each person with their post and records who imported it."""
    rows = [
        person_row(),
        person_row(
            **{
                "Họ và tên": "Đỗ Văn Bình",
                "Giới tính": "Nam",
                "Ngày sinh": "05/09/1988",
                "Số CCCD": "001088007777",
                "Đơn vị": "Phòng Quy hoạch và Xây dựng",
                "Email": "",
            }
        ),
    ]
    result = _run(registry.officer, rows)

    assert result.ok, result.errors
    assert (result.created, result.updated) == (2, 0)
    mai = Person.objects.get(citizen_id="001190004321")
    assert mai.full_name == "Phạm Thị Mai"
    assert mai.gender == "female"
    assert mai.employments.get().organization == registry.investment
    binh = Person.objects.get(citizen_id="001088007777")
    assert binh.employments.get().organization == registry.planning
    assert AuditEvent.objects.filter(event_type=AuditEventType.PERSON_CREATED).count() == 5
    event = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_COMPLETED)
    assert event.actor == registry.officer
    assert event.changes["created"] == [None, 2]
    assert event.changes["file"] == [None, "nhan-su.xlsx"]
