"""Bulk helpers of the batch services: inserting many rows, pausing the cyclic collector."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from tdkt.core.bulk import bulk_insert, collector_paused
from tdkt.organizations.models import Employment, Person
from tdkt.organizations.services.people import set_derived_fields

pytestmark = pytest.mark.django_db


def test_bulk_insert_stores_every_field_and_sets_the_new_primary_keys(registry):
    """Rows inserted in bulk read back exactly as ``save`` would have stored them, more than
    one statement's worth of them, and each object knows its new id."""
    people = [
        Person(
            full_name=f"Người {i}",
            gender="female",
            date_of_birth=date(1990, 1, 1 + i % 28),
            citizen_id=f"001190{i:06d}",
            category="worker",
            email=f"n{i}@example.vn",
        )
        for i in range(250)
    ]
    for person in people:  # the derived keys, as every writer sets them (sort_key is unique)
        set_derived_fields(person)
    fields = [f.name for f in Person._meta.concrete_fields if not f.primary_key]
    bulk_insert(Person, people, fields)
    posts = [
        Employment(person=p, organization=registry.centre, start_date=date(2020, 1, 1))
        for p in people
    ]
    bulk_insert(Employment, posts, ["person", "organization", "position", "start_date", "end_date"])

    assert all(p.pk for p in people) and len({p.pk for p in people}) == 250
    stored = Person.objects.get(pk=people[37].pk)
    assert (stored.uuid, stored.full_name, stored.date_of_birth, stored.citizen_id) == (
        people[37].uuid,
        "Người 37",
        date(1990, 1, 10),
        "001190000037",
    )
    assert Employment.objects.get(pk=posts[249].pk).person_id == people[249].pk


def test_the_collector_is_paused_inside_and_restored_after_the_last_pause():
    """Nested pauses keep the collector off until the outermost ends; a collector that was
    off before stays off."""
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()

    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
