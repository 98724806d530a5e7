"""A movement's states: draft → launched → under review → closed, one transition function."""

from __future__ import annotations

import pytest
from django.core import mail

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.movements.constants import MovementState
from tdkt.movements.models import MovementTransition
from tdkt.movements.services import movement_acknowledge, movement_participants_set
from tdkt.movements.workflow import movement_transition
from tdkt.notifications.models import Notification
from tests.movements.conftest import mailed_head

pytestmark = pytest.mark.django_db


def launch(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return movement_transition(
            actor=w.r.officer,
            movement=w.movement,
            to_state=MovementState.LAUNCHED,
            expected_version=w.movement.version,
        )


def test_launch_notifies_every_account_of_the_participating_units_in_the_app_and_by_email(
    w, django_capture_on_commit_callbacks
):
    """The unit heads of both units get a notification; those with an address get an e-mail
    (after the commit); nobody outside the two units hears of it."""
    moved = launch(w, django_capture_on_commit_callbacks)
    assert moved.state == MovementState.LAUNCHED
    assert moved.launched_on is not None
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {
        "investment_head",
        "planning_head",
        "viewer",
        "dautu.mail",
        "quyhoach.mail",
    }
    note = Notification.objects.get(recipient=w.investment_mail)
    assert note.title == "Phát động phong trào thi đua: An toàn thực phẩm trong các KCN năm 2019"
    assert "Kế hoạch số 163/KH-BQL ngày 23/01/2019" in note.body
    assert note.link == f"/movements/{w.movement.uuid}/"
    assert sorted(m.to[0] for m in mail.outbox) == ["dautu@example.vn", "quyhoach@example.vn"]
    assert mail.outbox[0].subject.startswith("[TĐKT] Phát động phong trào thi đua")
    assert f"/movements/{w.movement.uuid}/" in mail.outbox[0].body
    events = list(AuditEvent.objects.filter(object_id=str(w.movement.uuid)).order_by("seq"))
    assert events[-1].event_type == AuditEventType.MOVEMENT_TRANSITIONED
    assert events[-1].changes["state"] == ["draft", "launched"]
    assert AuditEvent.objects.filter(event_type=AuditEventType.NOTIFICATIONS_SENT).count() == 1


def test_a_launch_rolled_back_sends_no_email(w, django_capture_on_commit_callbacks):
    """E-mails go only after the commit: a failing transaction e-mails nobody."""
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="launched")
        raise RuntimeError("boom")
    assert mail.outbox == []
    assert not Notification.objects.exists()
    w.movement.refresh_from_db()
    assert w.movement.state == MovementState.DRAFT


def test_launch_needs_participants(registry):
    """A movement without participating units cannot be launched."""
    from datetime import date

    from tdkt.movements.services import movement_create

    movement = movement_create(
        actor=registry.officer,
        code="X-1",
        name="Phong trào thử",
        kind="thematic",
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 6, 30),
    )
    with pytest.raises(ApplicationError, match="Chưa chọn đơn vị tham gia"):
        movement_transition(actor=registry.officer, movement=movement, to_state="launched")


def test_only_officers_move_a_movement(w):
    """A unit head, a leader or a viewer is refused (403) whatever the move."""
    for actor in (w.r.investment_head, w.r.leader, w.r.viewer):
        with pytest.raises(PermissionDeniedError):
            movement_transition(actor=actor, movement=w.movement, to_state="launched")
    w.movement.refresh_from_db()
    assert w.movement.state == MovementState.DRAFT


def test_the_whole_life_reopening_needs_a_reason(w, django_capture_on_commit_callbacks):
    """launched → under review → (reopen with a reason) → under review → closed; every step
    is on the timeline."""
    launch(w, django_capture_on_commit_callbacks)
    o = w.r.officer
    movement_transition(actor=o, movement=w.movement, to_state="under_review")
    with pytest.raises(ApplicationError, match="Cần ghi lý do"):
        movement_transition(actor=o, movement=w.movement, to_state="launched")
    movement_transition(
        actor=o, movement=w.movement, to_state="launched", reason="Bổ sung số liệu quý IV"
    )
    movement_transition(actor=o, movement=w.movement, to_state="under_review")
    closed = movement_transition(actor=o, movement=w.movement, to_state="closed")
    assert closed.state == MovementState.CLOSED
    steps = list(
        MovementTransition.objects.filter(movement=w.movement).values_list("to_state", "reason")
    )
    assert steps == [
        ("launched", ""),
        ("under_review", ""),
        ("launched", "Bổ sung số liệu quý IV"),
        ("under_review", ""),
        ("closed", ""),
    ]


def test_a_move_not_in_the_list_is_refused_and_a_stale_page_is_a_conflict(
    w, django_capture_on_commit_callbacks
):
    """draft → closed does not exist; a second officer acting on the version they saw after
    the first one launched gets a conflict, not a second launch."""
    with pytest.raises(ConflictError, match="Không thể chuyển phong trào"):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="closed")
    seen = w.movement.version
    launch(w, django_capture_on_commit_callbacks)
    with pytest.raises(ConflictError, match="vừa được người khác thay đổi"):
        movement_transition(
            actor=w.r.admin, movement=w.movement, to_state="under_review", expected_version=seen
        )


def test_units_acknowledge_their_own_participation_once(w, django_capture_on_commit_callbacks):
    """The unit head acknowledges for their unit (audited); another unit's head is refused;
    a second acknowledgement is a conflict; before the launch there is nothing to acknowledge."""
    investment = w.movement.participants.get(organization=w.r.investment)
    with pytest.raises(ConflictError, match="chưa được phát động"):
        movement_acknowledge(actor=w.r.investment_head, participant=investment)
    launch(w, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDeniedError):
        movement_acknowledge(actor=w.r.planning_head, participant=investment)
    with pytest.raises(PermissionDeniedError):
        movement_acknowledge(actor=w.r.viewer, participant=investment)
    done = movement_acknowledge(
        actor=w.r.investment_head, participant=investment, note="Đã phổ biến tới cán bộ"
    )
    assert done.acknowledged_by == w.r.investment_head
    with pytest.raises(ConflictError, match="đã xác nhận"):
        movement_acknowledge(actor=w.r.investment_head, participant=investment)
    event = AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_ACKNOWLEDGED).get()
    assert event.changes["organization"] == [None, w.r.investment.pk]


def test_units_added_after_the_launch_are_told_at_once_and_none_removed(
    w, django_capture_on_commit_callbacks
):
    """Once launched a unit may join (and is notified) but nobody is dropped."""
    launch(w, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    centre_head = mailed_head("trungtam", w.r.centre, "tt@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        movement_participants_set(
            actor=w.r.officer,
            movement=w.movement,
            organizations=[w.r.investment, w.r.planning, w.r.centre],
        )
    assert Notification.objects.filter(recipient=centre_head).count() == 1
    assert [m.to for m in mail.outbox] == [["tt@example.vn"]]
    with pytest.raises(ApplicationError, match="không bỏ được"):
        movement_participants_set(
            actor=w.r.officer, movement=w.movement, organizations=[w.r.investment]
        )
