"""The dashboard's recent changes for every scope size, and a record's history page by page."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.selectors import audit_events_recent, history, history_page
from tdkt.organizations.services import person_create, person_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(registry):
    """Eight people join the enterprise, then the Board's units change a lot afterwards."""
    workers = [
        person_create(
            actor=registry.officer,
            full_name=f"Công Nhân Số {i}",
            category=PersonnelCategory.ENTERPRISE_WORKER,
            organization=registry.enterprise,
            start_date=date(2021, 1, 4),
        )
        for i in range(8)
    ]
    for i in range(12):
        person_update(actor=registry.officer, person=registry.anh, phone=f"09120000{i:02d}")
    return registry, workers


def _objects(events) -> list[str]:
    return [event.object_repr for event in events]


@pytest.mark.parametrize(
    ("few", "chunk", "chunks"),
    [
        (500, 500, 20),  # a small scope: matched by its ids
        (3, 4, 20),  # a large scope: found walking the latest events
        (3, 4, 1),  # a large scope with no recent change: looked up person by person
    ],
)
def test_a_scope_of_any_size_sees_its_latest_changes(busy, monkeypatch, few, chunk, chunks):
    """The enterprise representative sees the latest changes to their people, newest first,
    and nothing of the Board's units, whether their scope counts few or many records."""
    registry, workers = busy
    monkeypatch.setattr(history, "FEW_OBJECTS", few)
    monkeypatch.setattr(history, "WALK_CHUNK", chunk)
    monkeypatch.setattr(history, "WALK_CHUNKS", chunks)
    events = audit_events_recent(actor=registry.enterprise_rep, limit=5)
    assert _objects(events) == [w.full_name for w in reversed(workers)][:5]
    assert [e.seq for e in events] == sorted((e.seq for e in events), reverse=True)


def test_a_large_scope_keeps_its_organisation_changes(busy, monkeypatch):
    """Changes to the enterprise itself count among its representative's recent changes."""
    registry, _ = busy
    monkeypatch.setattr(history, "FEW_OBJECTS", 2)
    monkeypatch.setattr(history, "WALK_CHUNK", 3)
    events = audit_events_recent(actor=registry.enterprise_rep, limit=50)
    assert registry.enterprise.name in _objects(events)
    assert registry.anh.full_name not in _objects(events)


def test_the_dashboard_always_shows_recent_changes(client, busy, monkeypatch):
    """Above the old limit of 500 records a scoped reader still sees the section."""
    registry, workers = busy
    monkeypatch.setattr(history, "FEW_OBJECTS", 1)
    client.force_login(registry.enterprise_rep)
    body = client.get(reverse("web:dashboard")).content.decode()
    assert "Thay đổi gần đây" in body
    assert workers[-1].full_name in body


def test_a_history_is_read_a_page_at_a_time(busy):
    """Thirteen changes of Ánh: 5, 5, then 3 (the creation), newest first, none twice."""
    registry, _ = busy
    pages, before = [], None
    while True:
        page = history_page(obj=registry.anh, before=before, size=5)
        pages.append([e.seq for e in page.events])
        if page.older is None:
            break
        before = page.older
    assert [len(p) for p in pages] == [5, 5, 3]
    seqs = [seq for p in pages for seq in p]
    assert seqs == sorted(set(seqs), reverse=True)


def test_the_person_page_links_to_older_changes(client, busy):
    """The person page shows the latest 20 changes and links to the older ones."""
    registry, _ = busy
    for i in range(10):
        person_update(actor=registry.officer, person=registry.anh, phone=f"09130000{i:02d}")
    client.force_login(registry.officer)
    url = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    first = client.get(url)
    assert len(first.context["timeline"]) == 20
    older = first.context["history"].older
    assert f"history_before={older}" in first.content.decode()
    second = client.get(url, {"history_before": older})
    assert len(second.context["timeline"]) == 3
    assert "Thay đổi mới nhất" in second.content.decode()
    assert client.get(url, {"history_before": "abc"}).context["history"].older == older
