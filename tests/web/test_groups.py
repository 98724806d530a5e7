"""Blocks/clusters added and edited in the web UI by board-wide writers, with their history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import EmulationGroup
from tdkt.organizations.services import group_create, group_members_set

pytestmark = pytest.mark.django_db

NEW = {
    "name": "Cụm thi đua các KCN phía Bắc Hà Nội",
    "kind": "cluster",
    "organizer": "UBND Thành phố Hà Nội",
    "description": "Các KCN Đông Anh, Sóc Sơn, Mê Linh.",
}


@pytest.fixture
def block(registry):
    """A block whose 2026 members include the investment department and the enterprise, so
    its head, the viewer and the enterprise rep can all see it (and are refused only writing)."""
    group = group_create(
        actor=registry.officer, name="Khối các phòng chuyên môn", kind="block", organizer="BQL"
    )
    group_members_set(
        actor=registry.officer,
        group=group,
        year=2026,
        members=[registry.investment, registry.enterprise],
    )
    return group


def _update_url(group) -> str:
    return reverse("organizations:group-update", kwargs={"uuid": group.uuid})


def _events(event_type: str) -> int:
    return AuditEvent.objects.filter(event_type=event_type).count()


def test_officer_adds_a_cluster_and_lands_on_its_page(client_for, registry):
    """The form creates the cluster through the service; its page says so and shows the
    creation in its history; the groups page lists it although it has no members yet."""
    client = client_for("officer")
    response = client.post(reverse("organizations:group-create"), NEW, follow=True)
    group = EmulationGroup.objects.get(name=NEW["name"])
    assert response.redirect_chain == [
        (reverse("organizations:group-detail", kwargs={"uuid": group.uuid}), 302)
    ]
    assert (group.kind, group.organizer) == ("cluster", "UBND Thành phố Hà Nội")
    body = response.content.decode()
    assert "Đã thêm Cụm thi đua các KCN phía Bắc Hà Nội." in body
    assert "Thêm khối/cụm thi đua" in body  # the timeline entry
    assert "<ins>UBND Thành phố Hà Nội</ins>" in body
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.GROUP_CREATED, object_id=str(group.uuid)
    ).exists()
    listing = client.get(reverse("organizations:group-list"), {"year": 2026}).content.decode()
    assert "Chưa có thành viên năm 2026" in listing
    assert reverse("organizations:group-detail", kwargs={"uuid": group.uuid}) in listing


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Tên khối, cụm thi đua là bắt buộc."),
        ("khối các phòng chuyên môn", "Khối, cụm thi đua này đã có trong hệ thống."),
    ],
)
def test_empty_or_taken_name_is_shown_inline_and_nothing_is_written(
    client_for, registry, block, name, message
):
    """An empty name or the name of an existing block (any case) re-shows the form with a
    Vietnamese message; no group and no audit event is added."""
    created = _events(AuditEventType.GROUP_CREATED)
    response = client_for("officer").post(
        reverse("organizations:group-create"), NEW | {"name": name}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [message]
    assert message in response.content.decode()
    assert EmulationGroup.objects.count() == 1
    assert _events(AuditEventType.GROUP_CREATED) == created


def test_officer_edits_a_block_and_the_history_shows_before_and_after(client_for, registry, block):
    """Renaming and re-kinding through "Sửa" saves via ``group_update``; the page's history
    shows the old and new values."""
    client = client_for("officer")
    form = client.get(_update_url(block))
    assert form.context["form"].initial["organizer"] == "BQL"
    data = {"name": "Cụm các phòng chuyên môn", "kind": "cluster", "organizer": "BQL"}
    response = client.post(_update_url(block), data | {"description": ""}, follow=True)
    body = response.content.decode()
    assert "Đã lưu thay đổi." in body
    assert "<del>Khối các phòng chuyên môn</del> → <ins>Cụm các phòng chuyên môn</ins>" in body
    assert "<del>Khối thi đua</del> → <ins>Cụm thi đua</ins>" in body
    group = EmulationGroup.objects.get(pk=block.pk)
    assert (group.name, group.kind) == ("Cụm các phòng chuyên môn", "cluster")
    assert _events(AuditEventType.GROUP_UPDATED) == 1


def test_edit_to_a_taken_name_changes_nothing(client_for, registry, block):
    """Renaming a cluster to the block's name shows the message under the name; both stay."""
    cluster = group_create(actor=registry.officer, name="Cụm thi đua Hà Nội", kind="cluster")
    response = client_for("officer").post(
        _update_url(cluster), {"name": "Khối các phòng chuyên môn", "kind": "cluster"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Khối, cụm thi đua này đã có trong hệ thống."
    ]
    assert EmulationGroup.objects.get(pk=cluster.pk).name == "Cụm thi đua Hà Nội"
    assert _events(AuditEventType.GROUP_UPDATED) == 0


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("officer", True), ("investment_head", False), ("viewer", False), ("enterprise_rep", False)],
)
def test_only_board_wide_writers_add_or_edit_groups(client_for, registry, block, user, allowed):
    """The same add and edit POSTs: applied for the officer; for a member unit's head, a viewer
    and a member enterprise's rep (who all see the block) a 403 each, audited, nothing written."""
    client = client_for(user)
    denied = _events(AuditEventType.ACCESS_DENIED)
    assert (
        client.get(reverse("organizations:group-detail", kwargs={"uuid": block.uuid})).status_code
        == 200
    )
    created = client.post(reverse("organizations:group-create"), NEW)
    edited = client.post(_update_url(block), {"name": "Khối đổi tên", "kind": "block"})
    names = set(EmulationGroup.objects.values_list("name", flat=True))
    if allowed:
        assert (created.status_code, edited.status_code) == (302, 302)
        assert names == {NEW["name"], "Khối đổi tên"}
    else:
        assert (created.status_code, edited.status_code) == (403, 403)
        assert client.get(reverse("organizations:group-create")).status_code == 403
        assert client.get(_update_url(block)).status_code == 403
        assert names == {"Khối các phòng chuyên môn"}
        assert _events(AuditEventType.GROUP_UPDATED) == 0
        assert _events(AuditEventType.ACCESS_DENIED) == denied + 4


@pytest.mark.parametrize(("user", "shown"), [("officer", True), ("investment_head", False)])
def test_add_and_edit_buttons_are_shown_only_to_board_wide_writers(
    client_for, registry, block, user, shown
):
    """The officer sees "Thêm khối, cụm thi đua" and the block's "Sửa"; a member's head does not."""
    client = client_for(user)
    listing = client.get(reverse("organizations:group-list"), {"year": 2026}).content.decode()
    detail = client.get(
        reverse("organizations:group-detail", kwargs={"uuid": block.uuid})
    ).content.decode()
    assert "Khối các phòng chuyên môn" in listing
    assert (reverse("organizations:group-create") in listing) is shown
    assert (_update_url(block) in detail) is shown
    assert "Lịch sử thay đổi" in detail  # everyone who may see the block sees its history
