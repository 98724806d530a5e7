"""Receiving and handling petitions: numbers, deadlines, steps, permissions and audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import history_for
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StaleVersionError,
)
from tdkt.petitions.constants import Outcome, PetitionKind, PetitionState
from tdkt.petitions.models import Petition
from tdkt.petitions.selectors import petition_get, petition_list
from tdkt.petitions.services import (
    deadline_parameter_reset,
    deadline_parameter_set,
    filed_late_until,
    petition_accept,
    petition_extend,
    petition_refuse,
    petition_register,
    petition_resolve,
    petition_set_concerned,
    petition_update,
    petition_withdraw,
)

from .conftest import data

pytestmark = pytest.mark.django_db


def test_a_petition_gets_the_next_number_of_its_year_and_its_acceptance_deadline(registry):
    first = petition_register(actor=registry.officer, data=data())
    second = petition_register(actor=registry.officer, data=data(sender_name="Lê Minh Tuấn"))
    other_year = petition_register(
        actor=registry.officer, data=data(received_on=date(2025, 12, 30))
    )
    assert (first.reference, second.reference, other_year.reference) == (
        "001/2026",
        "002/2026",
        "001/2025",
    )
    # 10 days after Monday 02/11/2026 is Thursday 12/11/2026.
    assert first.acceptance_due_on == date(2026, 11, 12)
    assert first.state == PetitionState.RECEIVED
    event = history_for(first).get(event_type=AuditEventType.PETITION_RECEIVED)
    assert event.changes["sender_name"] == [None, "Nguyễn Thị Hồng Nhung"]


def test_a_complaint_filed_after_90_days_is_accepted_only_with_a_reason(registry):
    """It is registered (so that refusing it is on record too), but accepting it needs the
    valid reason of Art 9.2."""
    late = data(known_on=date(2026, 7, 1), received_on=date(2026, 11, 2))
    petition = petition_register(actor=registry.officer, data=late)
    assert filed_late_until(petition) == date(2026, 9, 29)
    with pytest.raises(ApplicationError) as caught:
        petition_accept(
            actor=registry.officer,
            petition=petition,
            expected_version=petition.version,
            accepted_on=date(2026, 11, 3),
        )
    assert "29/09/2026" in caught.value.message
    assert Petition.objects.get().state == PetitionState.RECEIVED
    late.late_reason = "Người khiếu nại điều trị tại bệnh viện từ tháng 8 đến tháng 10."
    petition = petition_update(
        actor=registry.officer, petition=petition, data=late, expected_version=petition.version
    )
    accepted = petition_accept(
        actor=registry.officer,
        petition=petition,
        expected_version=petition.version,
        accepted_on=date(2026, 11, 3),
    )
    assert accepted.state == PetitionState.ACCEPTED
    on_time = petition_register(actor=registry.officer, data=data(known_on=date(2026, 8, 20)))
    assert filed_late_until(on_time) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender_name", "   "),
        ("summary", ""),
        ("received_on", date(2100, 1, 1)),
        ("kind", "nonsense"),
        ("summary", "x" * 501),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(registry, field, value):
    with pytest.raises(ApplicationError) as caught:
        petition_register(actor=registry.officer, data=data(**{field: value}))
    assert caught.value.message
    assert not Petition.objects.exists()
    assert not AuditEvent.objects.filter(event_type=AuditEventType.PETITION_RECEIVED).exists()


def test_only_officers_handle_petitions_and_only_board_readers_see_them(registry, complaint):
    for user in (registry.leader,):
        assert petition_get(actor=user, uuid=complaint.uuid) == complaint
        with pytest.raises(PermissionDeniedError):
            petition_register(actor=user, data=data())
    for user in (
        registry.investment_head,
        registry.enterprise_rep,
        registry.council,
        registry.viewer,
    ):
        with pytest.raises(NotFoundError):
            petition_get(actor=user, uuid=complaint.uuid)
        with pytest.raises(NotFoundError):
            list(petition_list(actor=user))
        with pytest.raises(NotFoundError):
            petition_register(actor=user, data=data())
    assert Petition.objects.count() == 1


def test_accepting_a_complaint_sets_its_resolution_deadline(registry, complaint):
    accepted = petition_accept(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        accepted_on=date(2026, 11, 5),
        handler=registry.officer,
    )
    assert accepted.state == PetitionState.ACCEPTED
    # 30 days after 05/11/2026 is Saturday 05/12/2026: Monday 07/12/2026.
    assert accepted.due_on == date(2026, 12, 7)
    assert accepted.handler == registry.officer


def test_a_complex_complaint_gets_45_days(registry, complaint):
    accepted = petition_accept(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        accepted_on=date(2026, 11, 2),
        complex_case=True,
    )
    assert accepted.due_on == date(2026, 12, 17)


def test_a_step_drawn_from_a_stale_page_is_refused(registry, complaint):
    version = complaint.version
    petition_update(
        actor=registry.officer,
        petition=complaint,
        data=data(summary="Khiếu nại (bổ sung nội dung)."),
        expected_version=version,
    )
    with pytest.raises(StaleVersionError):
        petition_accept(
            actor=registry.officer,
            petition=complaint,
            expected_version=version,
            accepted_on=date(2026, 11, 3),
        )
    assert Petition.objects.get().state == PetitionState.RECEIVED


def test_a_complaint_is_resolved_only_after_acceptance(registry, complaint):
    with pytest.raises(ConflictError):
        petition_resolve(
            actor=registry.officer,
            petition=complaint,
            expected_version=complaint.version,
            ended_on=date(2026, 11, 20),
            outcome=Outcome.REJECTED,
            resolution_number="15/QĐ-BQL",
            resolution_text="Khiếu nại sai.",
        )
    accepted = petition_accept(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        accepted_on=date(2026, 11, 3),
    )
    with pytest.raises(ApplicationError):  # a feedback's outcome does not fit a complaint
        petition_resolve(
            actor=registry.officer,
            petition=accepted,
            expected_version=accepted.version,
            ended_on=date(2026, 11, 20),
            outcome=Outcome.ANSWERED,
            resolution_number="",
            resolution_text="Đã trả lời.",
        )
    done = petition_resolve(
        actor=registry.officer,
        petition=accepted,
        expected_version=accepted.version,
        ended_on=date(2026, 11, 20),
        outcome=Outcome.PARTLY,
        resolution_number="15/QĐ-BQL",
        resolution_text="Khiếu nại đúng một phần.",
    )
    assert done.state == PetitionState.RESOLVED
    assert done.outcome_label == "Khiếu nại đúng một phần"
    assert done.current_due_on is None


def test_feedback_is_answered_directly(registry):
    feedback = petition_register(
        actor=registry.officer, data=data(kind=PetitionKind.FEEDBACK, complaint_round="")
    )
    assert feedback.due_on == feedback.acceptance_due_on
    with pytest.raises(ConflictError):
        petition_accept(
            actor=registry.officer,
            petition=feedback,
            expected_version=feedback.version,
            accepted_on=date(2026, 11, 3),
        )
    answered = petition_resolve(
        actor=registry.officer,
        petition=feedback,
        expected_version=feedback.version,
        ended_on=date(2026, 11, 10),
        outcome=Outcome.ANSWERED,
        resolution_number="",
        resolution_text="Ban sẽ công bố danh sách sớm hơn từ năm sau.",
    )
    assert answered.state == PetitionState.RESOLVED


def test_a_denunciation_is_extended_at_most_the_allowed_number_of_times(registry, denunciation):
    accepted = petition_accept(
        actor=registry.officer,
        petition=denunciation,
        expected_version=denunciation.version,
        accepted_on=date(2026, 11, 2),
    )
    first_due = accepted.due_on
    for _ in range(2):
        accepted = petition_extend(
            actor=registry.officer,
            petition=accepted,
            expected_version=accepted.version,
            reason="Vụ việc phức tạp, cần xác minh thêm tại doanh nghiệp.",
        )
    assert accepted.extensions == 2
    assert accepted.due_on > first_due + timedelta(days=59)
    with pytest.raises(ConflictError):
        petition_extend(
            actor=registry.officer,
            petition=accepted,
            expected_version=accepted.version,
            reason="Thêm lần nữa.",
        )
    event = AuditEvent.objects.filter(event_type=AuditEventType.PETITION_EXTENDED).first()
    assert event.changes["reason"][1].startswith("Vụ việc phức tạp")


def test_a_complaint_cannot_be_extended(registry, complaint):
    accepted = petition_accept(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        accepted_on=date(2026, 11, 3),
    )
    with pytest.raises(ConflictError):
        petition_extend(
            actor=registry.officer,
            petition=accepted,
            expected_version=accepted.version,
            reason="Phức tạp.",
        )


def test_an_ended_petition_takes_no_more_steps(registry, complaint):
    refused = petition_refuse(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        ended_on=date(2026, 11, 4),
        reason="Đơn không có chữ ký của người khiếu nại.",
    )
    assert refused.state == PetitionState.NOT_ACCEPTED
    for step in (petition_withdraw,):
        with pytest.raises(ConflictError):
            step(
                actor=registry.officer,
                petition=refused,
                expected_version=refused.version,
                ended_on=date(2026, 11, 5),
                reason="Rút đơn.",
            )
    with pytest.raises(ConflictError):
        petition_update(
            actor=registry.officer,
            petition=refused,
            data=data(),
            expected_version=refused.version,
        )


def test_a_changed_period_applies_to_new_petitions_only(registry, complaint):
    deadline_parameter_set(
        actor=registry.officer,
        name="complaint_acceptance",
        days=5,
        unit="working",
        note="Theo quy chế mới của Ban.",
        expected_version=0,
    )
    later = petition_register(actor=registry.officer, data=data(sender_name="Lê Minh Tuấn"))
    complaint.refresh_from_db()
    assert complaint.acceptance_due_on == date(2026, 11, 12)
    assert later.acceptance_due_on == date(2026, 11, 9)  # 5 working days after 02/11
    with pytest.raises(StaleVersionError):  # another officer's page still shows no value
        deadline_parameter_set(
            actor=registry.officer,
            name="complaint_acceptance",
            days=7,
            unit="working",
            note="",
            expected_version=0,
        )
    with pytest.raises(PermissionDeniedError):
        deadline_parameter_set(
            actor=registry.leader,
            name="complaint_acceptance",
            days=7,
            unit="working",
            note="",
            expected_version=1,
        )
    deadline_parameter_reset(
        actor=registry.officer, name="complaint_acceptance", expected_version=1
    )
    again = petition_register(actor=registry.officer, data=data(sender_name="Phạm Thị Thu"))
    assert again.acceptance_due_on == date(2026, 11, 12)
    assert AuditEvent.objects.filter(event_type=AuditEventType.PETITION_DEADLINE_SET).count() == 2


@pytest.mark.parametrize("days", [0, 366, -1])
def test_a_period_out_of_range_is_refused(registry, days):
    with pytest.raises(ApplicationError):
        deadline_parameter_set(
            actor=registry.officer,
            name="complaint_first",
            days=days,
            unit="calendar",
            note="",
            expected_version=0,
        )


def test_the_register_finds_petitions_by_sender_without_accents(registry, complaint):
    from tdkt.petitions.selectors import PetitionFilters

    found = petition_list(actor=registry.officer, filters=PetitionFilters(text="hong nhung"))
    assert list(found) == [complaint]
    assert not petition_list(actor=registry.officer, filters=PetitionFilters(text="binh")).exists()
    found = petition_list(actor=registry.officer, filters=PetitionFilters(text="001/2026"))
    assert list(found) == [complaint]


def test_the_register_lists_late_petitions(registry):
    today = timezone.localdate()
    late = petition_register(
        actor=registry.officer, data=data(received_on=today - timedelta(days=40))
    )
    petition_register(actor=registry.officer, data=data(received_on=today))
    from tdkt.petitions.selectors import PetitionFilters

    overdue = petition_list(actor=registry.officer, filters=PetitionFilters(urgency="overdue"))
    assert list(overdue) == [late]


def test_naming_the_concerned_person_is_audited(registry, complaint):
    named = petition_set_concerned(
        actor=registry.officer,
        petition=complaint,
        expected_version=complaint.version,
        person=registry.anh,
    )
    assert named.concerned_person == registry.anh
    event = AuditEvent.objects.filter(event_type=AuditEventType.PETITION_UPDATED).get()
    assert event.changes["concerned_person"][1]["name"] == registry.anh.full_name
