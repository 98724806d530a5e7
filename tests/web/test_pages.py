"""Pages show real figures and readable Vietnamese text (what each role sees and may do on
each page is in ``test_scope_matrix.py``)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_user_is_sent_to_login(client):
    """A visitor who is not signed in is redirected to the sign-in page."""
    response = client.get(reverse("organizations:person-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_dashboard_shows_real_counts_for_officer(client_for, registry):
    """The officer's dashboard counts the registry: 3 civil servants/enterprise workers, 1 FDI."""
    response = client_for("officer").get(reverse("web:dashboard"))
    people = {t.value: t.count for t in response.context["people"]}
    assert people["civil_servant"] == 2
    assert people["enterprise_worker"] == 1
    enterprises = {t.value: t.count for t in response.context["enterprises"]}
    assert enterprises == {"fdi": 1, "ddi": 0}
    zones = {t.value: t.count for t in response.context["zones"]}
    assert zones == {"planned": 0, "operating": 1}
    kinds = {t.value: t.count for t in response.context["organizations"]}
    assert kinds["department"] == 2
    assert "Thêm cá nhân" in response.content.decode()  # the recent-changes timeline


def test_dashboard_of_unit_head_counts_only_their_unit(client_for, registry):
    """A unit head's dashboard counts only their own unit's people and organisations."""
    response = client_for("planning_head").get(reverse("web:dashboard"))
    people = {t.value: t.count for t in response.context["people"]}
    assert sum(people.values()) == 1
    kinds = {t.value: t.count for t in response.context["organizations"]}
    assert sum(kinds.values()) == 1
    body = response.content.decode()
    assert "Trần Minh Đức" in body  # their own person's creation is in recent changes
    assert "Nguyễn Văn Ánh" not in body


def test_organization_tree_shows_units_nested(client_for, registry):
    """The tree lists the Board and its units, linking to each detail page."""
    body = client_for("officer").get(reverse("organizations:organization-list")).content.decode()
    assert "Phòng Quản lý Đầu tư" in body
    assert (
        reverse("organizations:organization-detail", kwargs={"uuid": registry.investment.uuid})
        in body
    )
    assert body.index("Ban Quản lý các khu công nghiệp") < body.index("Phòng Quản lý Đầu tư")


def test_organization_detail_shows_people_profile_and_history(client_for, registry):
    """An enterprise page shows its profile, its worker and its creation in the history."""
    url = reverse("organizations:organization-detail", kwargs={"uuid": registry.enterprise.uuid})
    body = client_for("officer").get(url).content.decode()
    assert "0101234567" in body
    assert "Lê Thị Hoa" in body
    assert "KCN Thăng Long" in body
    assert "Thêm tổ chức" in body


def test_person_detail_shows_history_timeline(client_for, registry):
    """A person's page shows their post and a readable, local-time audit timeline."""
    url = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    response = client_for("officer").get(url)
    body = response.content.decode()
    assert "Phòng Quản lý Đầu tư" in body
    assert "01/03/2015" in body
    assert "Thêm cá nhân" in body
    assert "Công chức" in body  # category shown by its label, not its code


def test_write_buttons_are_hidden_from_read_only_roles(client_for, registry):
    """A council member sees a person but no edit button; an officer sees it."""
    url = reverse("organizations:person-detail", kwargs={"uuid": registry.anh.uuid})
    edit = reverse("organizations:person-update", kwargs={"uuid": registry.anh.uuid})
    assert edit not in client_for("council").get(url).content.decode()
    assert edit in client_for("officer").get(url).content.decode()


def test_unknown_person_gives_vietnamese_404(client_for):
    """An unknown id gives a 404 page saying the person was not found."""
    url = reverse(
        "organizations:person-detail", kwargs={"uuid": "00000000-0000-0000-0000-000000000000"}
    )
    response = client_for("officer").get(url)
    assert response.status_code == 404
    assert "Không tìm thấy cá nhân" in response.content.decode()
