"""The audit timeline shows Hanoi local time, the actor and each change before → after.

(That interfaces never query or write models is checked in ``tests/test_architecture.py``.)
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.services import person_create, person_update


@pytest.mark.django_db
def test_timeline_shows_hanoi_time_actor_and_before_after(client_for, registry):
    """An edit at 20:30 UTC shows as 03:30 the next day (UTC+7), by the officer, old → new."""
    with time_machine.travel(datetime(2026, 3, 1, 20, 30, tzinfo=UTC), tick=False):
        person = person_create(
            actor=registry.officer,
            full_name="Vũ Thị Lan",
            category=PersonnelCategory.PUBLIC_EMPLOYEE,
            organization=registry.centre,
            start_date=date(2021, 9, 1),
        )
        person_update(actor=registry.officer, person=person, phone="0987654321")
    url = reverse("organizations:person-detail", kwargs={"uuid": person.uuid})
    body = client_for("officer").get(url).content.decode()
    assert "02/03/2026 03:30" in body
    # The machine-readable moment is the same instant, on the same clock.
    assert '<time datetime="2026-03-02T03:30:00+07:00">02/03/2026 03:30</time>' in body
    assert "Sửa cá nhân" in body
    assert re.search(r"Điện thoại:</span>\s*<del>—</del> → <ins>0987654321</ins>", body)
    assert "bởi officer" in body
