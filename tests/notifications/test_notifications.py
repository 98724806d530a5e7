"""Notifications: sent to active accounts, read only by their recipient, opened safely, and
e-mailed after the commit through Django's mail backend."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.notifications.models import Notification
from tdkt.notifications.selectors import notification_unread_count
from tdkt.notifications.services import notify, notify_organizations
from tests.builders import PASSWORD
from tests.movements.pages import MISSING, page_of
from tests.web.helpers import password_login

pytestmark = pytest.mark.django_db


def client_for(username: str) -> Client:
    client = Client()
    assert password_login(client, username, PASSWORD)
    return client


def test_notify_reaches_each_active_account_of_the_units_once(registry):
    sent = notify_organizations(
        actor=registry.officer,
        organizations=[registry.investment, registry.investment],
        kind="test.notice",
        title="Thông báo thử",
        link="/movements/",
    )
    assert sorted(n.recipient.username for n in sent) == ["investment_head", "viewer"]
    event = AuditEvent.objects.filter(event_type=AuditEventType.NOTIFICATIONS_SENT).get()
    assert event.changes["recipients"] == [None, 2]
    assert event.changes["usernames"] == [None, ["investment_head", "viewer"]]


def test_links_stay_inside_tdkt(registry):
    for link in ("https://evil.example/", "//evil.example/", "javascript:alert(1)", "\\\\x"):
        with pytest.raises(ValueError):
            notify(actor=None, recipients=[registry.viewer], kind="x", title="T", link=link)
    assert not Notification.objects.exists()


def test_emails_follow_the_commit_and_carry_the_public_link(
    registry, settings, django_capture_on_commit_callbacks
):
    settings.TDKT_PUBLIC_URL = "https://tdkt.example.vn"
    registry.viewer.email = "xem@example.vn"
    registry.viewer.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(
            actor=None,
            recipients=[registry.viewer, registry.leader],
            kind="test.notice",
            title="Nhắc hạn",
            body="Hạn 05/02/2025.",
            link="/registrations/2025/",
        )
        assert mail.outbox == []  # nothing before the commit
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["xem@example.vn"]]
    assert mail.outbox[0].subject == "[TĐKT] Nhắc hạn"
    assert "Xem chi tiết: https://tdkt.example.vn/registrations/2025/" in mail.outbox[0].body


def test_the_list_shows_own_notifications_and_the_header_counts_the_unread(registry):
    notify(actor=None, recipients=[registry.viewer], kind="x", title="Thông báo A", link="/")
    notify(actor=None, recipients=[registry.leader], kind="x", title="Thông báo B", link="/")
    client = client_for("viewer")
    page = client.get("/notifications/").content.decode()
    assert "Thông báo A" in page and "Thông báo B" not in page
    assert '<span class="unread-count"' in client.get("/").content.decode()
    assert notification_unread_count(actor=registry.viewer) == 1


def test_opening_marks_read_and_goes_to_the_link_another_users_is_not_found(registry):
    (mine,) = notify(
        actor=None, recipients=[registry.viewer], kind="x", title="A", link="/movements/"
    )
    (theirs,) = notify(actor=None, recipients=[registry.leader], kind="x", title="B", link="/")
    client = client_for("viewer")
    response = client.post(f"/notifications/{mine.uuid}/open/")
    assert (response.status_code, response["Location"]) == (302, "/movements/")
    mine.refresh_from_db()
    assert mine.is_read
    hidden = client.post(f"/notifications/{theirs.uuid}/open/")
    missing = client.post(f"/notifications/{MISSING}/open/")
    assert hidden.status_code == missing.status_code == 404
    assert page_of(hidden.content, theirs.uuid) == page_of(missing.content)
    theirs.refresh_from_db()
    assert not theirs.is_read
    assert client.get(f"/notifications/{mine.uuid}/open/").status_code == 405


def test_mark_all_read_is_audited_once(registry):
    for title in ("A", "B", "C"):
        notify(actor=None, recipients=[registry.viewer], kind="x", title=title)
    client = client_for("viewer")
    client.post("/notifications/read-all/")
    assert notification_unread_count(actor=registry.viewer) == 0
    event = AuditEvent.objects.filter(event_type=AuditEventType.NOTIFICATIONS_READ).get()
    assert event.changes["count"] == [None, 3]


def test_inactive_accounts_get_nothing(registry):
    registry.viewer.is_active = False
    registry.viewer.save(update_fields=["is_active"])
    assert notify_organizations(
        actor=None, organizations=[registry.investment], kind="x", title="A"
    ) == [n for n in Notification.objects.filter(recipient=registry.investment_head)]
