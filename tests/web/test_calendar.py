"""Officers keep the calendar of days off and make-up days on their own page (not the admin)."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.models import CalendarDay
from tdkt.core.selectors import working_calendar
from tdkt.core.services import calendar_day_set
from tests.giveaways import find_giveaways

pytestmark = pytest.mark.django_db

URL = "/calendar/"
MONDAY = date(2026, 9, 7)


def _add(client, **fields):
    data = {"day": "2026-09-07", "kind": "day_off", "note": "Thông báo 123/TB-BNV", **fields}
    return client.post(f"{URL}?year=2026", data)


def test_officer_adds_a_day_off_and_deadlines_follow(client_for):
    """The officer adds an announced day off from the page: it is listed under its year in
    dd/mm/yyyy, audited, and working-day deadlines skip it at once."""
    client = client_for("officer")
    response = _add(client)
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?year=2026"
    page = client.get(response["Location"]).content.decode()
    assert "07/09/2026" in page and "Thông báo 123/TB-BNV" in page
    assert "Ngày nghỉ (nghỉ bù, hoán đổi)" in page
    assert not working_calendar().is_working_day(MONDAY)
    assert AuditEvent.objects.filter(event_type=AuditEventType.CALENDAR_DAY_SET).count() == 1
    assert find_giveaways(page) == []


def test_the_same_day_twice_is_refused_not_overwritten(client_for):
    """A second officer entering a day that is already listed is told so; the first entry
    stays as it was."""
    client = client_for("officer")
    _add(client)
    response = _add(client, kind="working_day", note="Khác")
    assert response.status_code == 200
    assert "Ngày này đã có trong lịch" in response.content.decode()
    entry = CalendarDay.objects.get(day=MONDAY)
    assert (entry.kind, entry.note) == ("day_off", "Thông báo 123/TB-BNV")


def test_missing_basis_is_shown_in_vietnamese(client_for):
    """An entry without its announcing document is refused with a Vietnamese message."""
    response = _add(client_for("officer"), note="")
    assert response.status_code == 200
    assert "Cần ghi văn bản công bố." in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_officer_removes_a_day_after_confirming(client_for, registry):
    """Removing asks first (a page, no JavaScript needed), then the day is ordinary again."""
    calendar_day_set(actor=registry.officer, day=MONDAY, kind="day_off", note="TB 1")
    client = client_for("officer")
    confirm = client.get(f"{URL}2026-09-07/remove/")
    assert confirm.status_code == 200
    assert "07/09/2026" in confirm.content.decode()
    assert CalendarDay.objects.filter(day=MONDAY).exists()
    response = client.post(f"{URL}2026-09-07/remove/")
    assert response.status_code == 302
    assert not CalendarDay.objects.exists()
    assert working_calendar().is_working_day(MONDAY)


@pytest.mark.parametrize("name", ["leader", "council", "investment_head", "viewer"])
def test_readers_see_the_list_without_actions_and_are_refused_writes(client_for, registry, name):
    """Everyone signed in may read the calendar; only officers see the form and the remove
    links, and a read-only user's add or remove is 403 before the input is read."""
    calendar_day_set(actor=registry.officer, day=MONDAY, kind="day_off", note="TB 1")
    client = client_for(name)
    page = client.get(f"{URL}?year=2026").content.decode()
    assert "07/09/2026" in page
    assert "Thêm vào lịch" not in page and "/remove/" not in page
    assert _add(client, day="not a date").status_code == 403
    assert client.get(f"{URL}2026-09-07/remove/").status_code == 403
    assert client.post(f"{URL}2026-09-07/remove/").status_code == 403
    assert CalendarDay.objects.filter(day=MONDAY).exists()


def test_menu_shows_the_calendar_to_officers_only(client_for):
    """The officers' menu has the calendar; a unit head's does not."""
    assert 'href="/calendar/"' in client_for("officer").get("/").content.decode()
    assert 'href="/calendar/"' not in client_for("investment_head").get("/").content.decode()


@pytest.mark.parametrize("url", ["/calendar/?year=1800", "/calendar/2026-02-30/remove/"])
def test_impossible_years_and_days_are_not_found(client_for, url):
    """A year outside the calendar or a day that does not exist is 404, never a 500."""
    assert client_for("officer").get(url).status_code == 404
