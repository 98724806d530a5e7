"""Registry writes are all-or-nothing with their audit event, on SQLite and PostgreSQL alike.

These tests run in real transactions (``transaction=True``): each service's own
``transaction.atomic`` is the outermost one, so a failure really rolls back (or would really
commit) as in production.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError
from tdkt.organizations import models
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
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
    zone_create,
    zone_update,
)
from tests.builders import Registry

pytestmark = pytest.mark.django_db(transaction=True)

REGISTRY_MODELS = [
    models.IndustrialZone,
    models.Organization,
    models.Enterprise,
    models.Person,
    models.Employment,
    models.EmulationGroup,
    models.GroupMembership,
    models.GroupLeadership,
]


def _state() -> dict[str, Any]:
    """Every registry row and the number of audit events: what a rollback must leave as is."""
    state: dict[str, Any] = {
        model.__name__: list(model.objects.order_by("pk").values()) for model in REGISTRY_MODELS
    }
    state["audit events"] = AuditEvent.objects.count()
    return state


def _group(registry: Registry) -> models.EmulationGroup:
    group = group_create(actor=registry.officer, name="Khối các phòng", kind="block")
    group_members_set(
        actor=registry.officer,
        group=group,
        year=2026,
        members=[registry.investment, registry.planning],
    )
    return group


# (service module whose ``record`` is patched, the call); each call would write something.
# The calls get the registry and a block with two members (``_group``), made beforehand.
Write = Callable[[Registry, models.EmulationGroup], Any]
WRITES: dict[str, tuple[str, Write]] = {
    "zone_create": ("zones", lambda r, g: zone_create(actor=r.officer, name="KCN Quang Minh")),
    "zone_update": (
        "zones",
        lambda r, g: zone_update(actor=r.officer, zone=r.zone, status="planned"),
    ),
    "organization_create": (
        "organizations",
        lambda r, g: organization_create(
            actor=r.officer, name="Phòng Mới", kind=OrganizationKind.DEPARTMENT, parent=r.board
        ),
    ),
    "organization_update (move)": (
        "organizations",
        lambda r, g: organization_update(
            actor=r.officer, organization=r.investment, parent=r.centre
        ),
    ),
    "organization_update (profile)": (
        "organizations",
        lambda r, g: organization_update(
            actor=r.officer,
            organization=r.enterprise,
            address="Lô 12, KCN Thăng Long",
            enterprise={"registered_capital": Decimal("1")},
        ),
    ),
    "person_create": (
        "people",
        lambda r, g: person_create(
            actor=r.officer,
            full_name="Phạm Thu Trang",
            category=PersonnelCategory.CIVIL_SERVANT,
            organization=r.planning,
            start_date=date(2024, 1, 2),
        ),
    ),
    "person_update": (
        "people",
        lambda r, g: person_update(actor=r.officer, person=r.anh, phone="0987654321"),
    ),
    "employment_add (transfer)": (
        "people",
        lambda r, g: employment_add(
            actor=r.officer, person=r.anh, organization=r.planning, start_date=date(2025, 1, 1)
        ),
    ),
    "employment_update": (
        "people",
        lambda r, g: employment_update(
            actor=r.officer, employment=r.anh.employments.get(), position="Chuyên viên chính"
        ),
    ),
    "group_create": (
        "groups",
        lambda r, g: group_create(actor=r.officer, name="Cụm", kind="cluster"),
    ),
    "group_update": (
        "groups",
        lambda r, g: group_update(actor=r.officer, group=g, description="Mô tả"),
    ),
    "group_members_set": (
        "groups",
        lambda r, g: group_members_set(actor=r.officer, group=g, year=2026, members=[r.centre]),
    ),
    "group_leadership_set": (
        "groups",
        lambda r, g: group_leadership_set(
            actor=r.officer, group=g, year=2026, leader=r.investment, deputy=r.planning
        ),
    ),
}


class AuditDownError(Exception):
    """The audit trail could not be written."""


@pytest.mark.parametrize("name", list(WRITES))
def test_a_failing_audit_record_leaves_no_write(registry, monkeypatch, name):
    """When recording the audit event fails, the service's change is rolled back with it:
    every registry row is as before and no event was added."""
    module, write = WRITES[name]
    group = _group(registry)  # set up before the audit trail breaks
    before = _state()

    def broken_record(**kwargs: Any) -> None:
        raise AuditDownError

    monkeypatch.setattr(f"tdkt.organizations.services.{module}.record", broken_record)
    with pytest.raises(AuditDownError):
        write(registry, group)
    assert _state() == before


@pytest.mark.parametrize("name", list(WRITES))
def test_each_write_of_the_table_does_write_and_audit(registry, name):
    """The writes above really change rows and add events when nothing breaks, so the
    rollback test cannot pass because a call did nothing."""
    _, write = WRITES[name]
    group = _group(registry)
    before = _state()
    write(registry, group)
    after = _state()
    assert after["audit events"] > before["audit events"]
    assert {k: v for k, v in after.items() if k != "audit events"} != {
        k: v for k, v in before.items() if k != "audit events"
    }


def test_profile_rejected_after_the_organisation_was_saved_leaves_nothing(registry):
    """An enterprise whose profile fails validation only after its organisation row was
    saved (unknown currency) leaves neither the organisation nor an event."""
    before = _state()
    with pytest.raises(ApplicationError):
        organization_create(
            actor=registry.officer,
            name="Công ty TNHH Bình Minh",
            kind=OrganizationKind.ENTERPRISE,
            parent=registry.board,
            enterprise={
                "tax_code": "0107654321",
                "investment_type": "ddi",
                "capital_currency": "X",
            },
        )
    assert _state() == before


def test_move_with_a_rejected_profile_change_moves_nothing(registry):
    """Moving the enterprise under another enterprise (as its branch) together with an
    invalid profile change is refused as a whole: its place in the tree is unchanged and no
    event is recorded."""
    holding = organization_create(
        actor=registry.officer,
        name="Tập đoàn Sao Mai",
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={"tax_code": "0107654321", "investment_type": "ddi"},
    )
    before = _state()
    with pytest.raises(ApplicationError) as exc:
        organization_update(
            actor=registry.officer,
            organization=registry.enterprise,
            parent=holding,
            enterprise={"capital_currency": "X"},
        )
    assert "capital_currency" in exc.value.fields
    assert _state() == before


def test_transfer_with_a_rejected_new_post_keeps_the_current_post_open(registry):
    """A transfer closes the current post, then the new post is refused (it ends before it
    starts): the current post is still open and no event is recorded."""
    before = _state()
    with pytest.raises(ApplicationError):
        employment_add(
            actor=registry.officer,
            person=registry.anh,
            organization=registry.planning,
            start_date=date(2025, 1, 1),
            end_date=date(2024, 1, 1),
        )
    assert _state() == before
    assert registry.anh.employments.get().end_date is None


def test_a_database_error_on_the_second_row_leaves_no_first_row(registry, monkeypatch):
    """When saving a new person's post fails in the database, the person saved just before
    is rolled back too, and no event is recorded."""
    before = _state()

    def failing_save(self: models.Employment, *args: Any, **kwargs: Any) -> None:
        raise IntegrityError("disk full")

    monkeypatch.setattr(models.Employment, "save", failing_save)
    with pytest.raises(IntegrityError):
        person_create(
            actor=registry.officer,
            full_name="Phạm Thu Trang",
            category=PersonnelCategory.CIVIL_SERVANT,
            organization=registry.planning,
            start_date=date(2024, 1, 2),
        )
    assert _state() == before
