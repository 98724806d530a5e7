"""A change and its audit event commit together or not at all; security events survive.

These tests commit for real (transactional database), as production does, on SQLite and on
PostgreSQL alike.
"""

from __future__ import annotations

import contextlib

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from tdkt.audit import services as audit_services
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditChainHead, AuditEvent
from tdkt.audit.services import record, verify
from tdkt.core.errors import ApplicationError
from tdkt.organizations.models import Person
from tdkt.organizations.services import person_update
from tests.builders import build_registry

pytestmark = pytest.mark.django_db(transaction=True)


class BoomError(Exception):
    pass


def _state(person: Person) -> tuple[str, int, int]:
    head = AuditChainHead.objects.get(pk=1)
    return Person.objects.get(pk=person.pk).phone, AuditEvent.objects.count(), head.last_seq


def test_a_write_that_fails_leaves_no_event():
    """A change rolled back after its event was recorded takes the event with it."""
    registry = build_registry()
    before = _state(registry.anh)
    with pytest.raises(BoomError), transaction.atomic():
        person_update(actor=registry.officer, person=registry.anh, phone="0911111111")
        raise BoomError
    assert _state(registry.anh) == before
    with pytest.raises(ApplicationError):
        person_update(actor=registry.officer, person=registry.anh, full_name="")
    assert _state(registry.anh) == before
    assert verify().ok


@pytest.fixture
def break_appending(monkeypatch):
    """Return a switch that makes appending to the chain fail, as a full disk would."""

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    return lambda: monkeypatch.setattr(audit_services, "_append", fail)


def test_an_audit_record_that_fails_leaves_no_write(break_appending):
    """If the event cannot be appended, the change it describes is not saved either."""
    registry = build_registry()
    before = _state(registry.anh)
    break_appending()
    with pytest.raises(DatabaseError):
        person_update(actor=registry.officer, person=registry.anh, phone="0911111111")
    assert _state(registry.anh) == before


def test_a_swallowed_audit_failure_still_undoes_the_write(break_appending):
    """Code that catches the failure and carries on cannot commit its unaudited change."""
    registry = build_registry()
    before = _state(registry.anh)
    break_appending()
    with transaction.atomic():
        Person.objects.filter(pk=registry.anh.pk).update(phone="0933333333")
        with contextlib.suppress(DatabaseError):
            record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    assert _state(registry.anh) == before


def test_a_refused_request_rolls_back_but_its_security_event_commits():
    """A forbidden API change writes nothing, and the access-denied event is committed."""
    registry = build_registry()
    client = Client()
    client.force_login(registry.viewer)
    before = _state(registry.anh)
    response = client.patch(
        f"/api/v1/people/{registry.anh.uuid}/",
        data='{"phone": "0900000000"}',
        content_type="application/json",
    )
    assert response.status_code == 403
    phone, count, last_seq = _state(registry.anh)
    assert phone == before[0]
    assert (count, last_seq) == (before[1] + 1, before[2] + 1)
    event = AuditEvent.objects.get(seq=last_seq)
    assert event.event_type == AuditEventType.ACCESS_DENIED
    assert event.actor == registry.viewer
    assert verify().ok


def test_a_failed_login_commits_its_event():
    """A wrong password fails the login, and the event stays."""
    build_registry()
    before = AuditEvent.objects.count()
    response = Client().post("/login/", {"username": "officer", "password": "wrong-Pass#1"})
    assert response.status_code == 200
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.latest("seq").event_type == AuditEventType.USER_LOGIN_FAILED
