"""What an attacker and a careful officer found in the first version, kept fixed."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tdkt.commendations.constants import RoundKind
from tdkt.commendations.models import Proposal, ProposalLine, Round
from tdkt.petitions.constants import PetitionKind, PetitionState
from tdkt.petitions.models import Petition
from tdkt.petitions.services import (
    deadline_parameter_set,
    petition_accept,
    petition_extend,
    petition_register,
    petition_set_concerned,
    petition_update,
)
from tdkt.rules.codes import ADVANCED_WORKER

from .conftest import data

pytestmark = pytest.mark.django_db

FLAG = "Đang có đơn khiếu nại, tố cáo được xác minh, giải quyết"


def test_the_council_does_not_read_petitions_in_the_recent_changes(client, registry):
    petition_register(
        actor=registry.officer, data=data(summary="Tố cáo ông Lê Văn Cường kê khai khống.")
    )
    for user in (registry.council, registry.leader, registry.officer):
        client.force_login(user)
        page = client.get(reverse("web:dashboard")).content.decode()
        assert "Lê Văn Cường" not in page, user


def test_only_petition_readers_see_the_flag_on_a_proposal(client, registry, denunciation):
    round_ = Round.objects.create(
        name="Tổng kết năm 2026",
        kind=RoundKind.YEAR_END,
        year=2026,
        unit_deadline=date(2026, 12, 15),
    )
    proposal = Proposal.objects.create(round=round_, organization=registry.investment)
    ProposalLine.objects.create(proposal=proposal, person=registry.anh, code=ADVANCED_WORKER)
    named = petition_set_concerned(
        actor=registry.officer,
        petition=denunciation,
        expected_version=denunciation.version,
        person=registry.anh,
    )
    petition_accept(
        actor=registry.officer,
        petition=named,
        expected_version=named.version,
        accepted_on=date(2026, 11, 3),
    )
    url = reverse("commendations:proposal-detail", kwargs={"uuid": proposal.uuid})
    client.force_login(registry.officer)
    assert FLAG in client.get(url).content.decode()
    for user in (registry.investment_head, registry.council, registry.viewer):
        client.force_login(user)
        response = client.get(url)
        assert FLAG not in response.content.decode(), user


def test_correcting_a_phone_number_keeps_the_deadline_given(registry, complaint):
    deadline_parameter_set(
        actor=registry.officer,
        name="complaint_acceptance",
        days=3,
        unit="calendar",
        note="",
        expected_version=0,
    )
    edited = petition_update(
        actor=registry.officer,
        petition=complaint,
        data=data(sender_phone="0912 345 678"),
        expected_version=complaint.version,
    )
    assert edited.acceptance_due_on == date(2026, 11, 12)
    # A corrected date received is a new start: the deadline follows it.
    moved = petition_update(
        actor=registry.officer,
        petition=edited,
        data=data(sender_phone="0912 345 678", received_on=date(2026, 11, 4)),
        expected_version=edited.version,
    )
    assert moved.acceptance_due_on == date(2026, 11, 9)  # 3 days: Saturday 07 → Monday 09


def test_an_extension_adds_30_days_to_the_deadline_given(registry, denunciation):
    accepted = petition_accept(
        actor=registry.officer,
        petition=denunciation,
        expected_version=denunciation.version,
        accepted_on=date(2026, 11, 5),
    )
    assert accepted.due_on == date(2026, 12, 7)
    deadline_parameter_set(
        actor=registry.officer,
        name="denunciation_resolution",
        days=60,
        unit="calendar",
        note="",
        expected_version=0,
    )
    extended = petition_extend(
        actor=registry.officer,
        petition=accepted,
        expected_version=accepted.version,
        reason="Cần xác minh tại doanh nghiệp.",
    )
    assert extended.due_on == date(2027, 1, 6)
    assert extended.complex_case


def test_the_warning_period_is_always_in_working_days(registry):
    row = deadline_parameter_set(
        actor=registry.officer,
        name="due_soon",
        days=3,
        unit="calendar",
        note="",
        expected_version=0,
    )
    assert row.unit == "working"


def test_odd_input_gets_an_answer_not_a_crash(client, registry, complaint):
    client.force_login(registry.officer)
    response = client.post(
        reverse("petitions:petition-create"),
        {
            "kind": "complaint",
            "complaint_round": "first",
            "received_on": "2026-11-02",
            "known_on": "1999-01-01",
            "channel": "direct",
            "sender_name": "Lê Minh Tuấn",
            "summary": "Khiếu nại.",
        },
    )
    assert response.status_code == 400
    assert "01/01/2000" in response.content.decode()
    response = client.post(
        reverse("petitions:petition-concern", kwargs={"uuid": complaint.uuid}),
        {"person": str(registry.anh.uuid), "version": "²"},
    )
    assert response.status_code in (302, 412)
    assert Petition.objects.get(pk=complaint.pk).concerned_person is None


def test_a_step_that_does_not_fit_the_petition_is_not_run(client, registry):
    feedback = petition_register(
        actor=registry.officer, data=data(kind=PetitionKind.FEEDBACK, complaint_round="")
    )
    client.force_login(registry.officer)
    response = client.post(
        reverse("petitions:petition-step", kwargs={"uuid": feedback.uuid, "step": "refuse"}),
        {
            "refuse-ended_on": "2026-11-06",
            "refuse-reason": "Không thụ lý.",
            "refuse-version": feedback.version,
        },
    )
    assert response.status_code == 404
    assert Petition.objects.get().state == PetitionState.RECEIVED


def test_a_bad_filter_value_drops_only_that_filter(client, registry, complaint, denunciation):
    client.force_login(registry.officer)
    page = client.get(reverse("petitions:petition-list"), {"kind": "complaint", "year": "1999"})
    text = page.content.decode()
    assert complaint.sender_name in text
    assert denunciation.sender_name not in text
