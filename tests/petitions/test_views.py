"""The petition screens: who sees what, the steps on a petition, the Excel register."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.petitions.constants import PetitionState
from tdkt.petitions.models import Petition
from tdkt.petitions.services import petition_register

from .conftest import data

pytestmark = pytest.mark.django_db

LIST = reverse("petitions:petition-list")


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_the_officer_receives_a_petition_and_sees_its_deadline(client, registry):
    _signed_in(client, registry.officer)
    page = client.get(reverse("petitions:petition-create"))
    assert page.status_code == 200
    response = client.post(
        reverse("petitions:petition-create"),
        {
            "kind": "denunciation",
            "received_on": "2026-11-27",
            "channel": "post",
            "sender_name": "Trần Văn Bình",
            "summary": "Tố cáo kê khai sai thành tích.",
        },
        follow=True,
    )
    petition = Petition.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "petitions:petition-detail", kwargs={"uuid": petition.uuid}
    )
    text = response.content.decode()
    assert "Đã tiếp nhận đơn số 001/2026. Hạn thụ lý: 08/12/2026." in text
    assert "Thụ lý" in text and "Không thụ lý" in text


def test_a_form_with_errors_keeps_what_was_typed(client, registry):
    _signed_in(client, registry.officer)
    response = client.post(
        reverse("petitions:petition-create"),
        {
            "kind": "complaint",
            "complaint_round": "first",
            "received_on": "2026-11-02",
            "known_on": "2026-11-20",
            "channel": "direct",
            "sender_name": "Lê Minh Tuấn",
            "summary": "Khiếu nại mức tiền thưởng.",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Ngày biết được quyết định phải trước ngày nhận đơn." in text
    assert "Lê Minh Tuấn" in text
    assert not Petition.objects.exists()


def test_steps_are_shown_only_to_those_who_may_take_them(client, registry, complaint):
    url = reverse("petitions:petition-detail", kwargs={"uuid": complaint.uuid})
    officer_page = _signed_in(client, registry.officer).get(url).content.decode()
    assert (
        'action="{}"'.format(
            reverse("petitions:petition-step", kwargs={"uuid": complaint.uuid, "step": "accept"})
        )
        in officer_page
    )
    leader_page = _signed_in(client, registry.leader).get(url)
    assert leader_page.status_code == 200
    assert "petition-step" not in leader_page.content.decode()
    assert "/accept/" not in leader_page.content.decode()
    refused = client.post(
        reverse("petitions:petition-step", kwargs={"uuid": complaint.uuid, "step": "accept"}),
        {"accept-accepted_on": "2026-11-03", "accept-version": complaint.version},
    )
    assert refused.status_code == 403
    assert Petition.objects.get().state == PetitionState.RECEIVED


@pytest.mark.parametrize("who", ["investment_head", "enterprise_rep", "council", "viewer"])
def test_outsiders_get_not_found_and_no_menu_link(client, registry, complaint, who):
    _signed_in(client, getattr(registry, who))
    for url in (
        LIST,
        reverse("petitions:petition-detail", kwargs={"uuid": complaint.uuid}),
        reverse("petitions:petition-export"),
        reverse("petitions:deadline-list"),
        reverse("petitions:petition-create"),
    ):
        assert client.get(url).status_code == 404, url
    assert LIST not in client.get(reverse("web:dashboard")).content.decode()


def test_readers_see_the_menu_link(client, registry):
    for user in (registry.officer, registry.leader):
        assert LIST in _signed_in(client, user).get(reverse("web:dashboard")).content.decode()


def test_accepting_through_the_page_shows_the_resolution_deadline(client, registry, complaint):
    _signed_in(client, registry.officer)
    response = client.post(
        reverse("petitions:petition-step", kwargs={"uuid": complaint.uuid, "step": "accept"}),
        {"accept-accepted_on": "2026-11-05", "accept-version": complaint.version},
        follow=True,
    )
    assert "Đã thụ lý đơn. Hạn giải quyết: 07/12/2026." in response.content.decode()
    # Another step posted from the old copy of the page is refused without a change.
    stale = client.post(
        reverse("petitions:petition-step", kwargs={"uuid": complaint.uuid, "step": "withdraw"}),
        {
            "withdraw-ended_on": "2026-11-06",
            "withdraw-reason": "Người khiếu nại rút đơn.",
            "withdraw-version": complaint.version,
        },
    )
    assert stale.status_code == 412
    assert "vừa được người khác cập nhật" in stale.content.decode()
    assert Petition.objects.get().state == PetitionState.ACCEPTED


def test_an_unknown_step_is_not_found(client, registry, complaint):
    _signed_in(client, registry.officer)
    response = client.post(
        reverse("petitions:petition-step", kwargs={"uuid": complaint.uuid, "step": "delete"})
    )
    assert response.status_code == 404


def test_the_register_marks_late_petitions_and_the_dashboard_counts_them(client, registry):
    today = timezone.localdate()
    petition_register(actor=registry.officer, data=data(received_on=today - timedelta(days=40)))
    _signed_in(client, registry.officer)
    text = client.get(LIST).content.decode()
    assert "Quá hạn" in text
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    assert "Đơn thư quá hạn giải quyết" in dashboard
    # A leader reads the register but has no petition work waiting.
    leader = _signed_in(client, registry.leader).get(reverse("web:dashboard")).content.decode()
    assert "Đơn thư quá hạn giải quyết" not in leader


def test_the_excel_register_keeps_typed_formulas_as_text(client, registry):
    petition_register(
        actor=registry.officer,
        data=data(sender_name='=HYPERLINK("http://x")', summary="+1 khiếu nại"),
    )
    response = _signed_in(client, registry.leader).get(reverse("petitions:petition-export"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "001/2026"
    assert sheet["B2"].value.date() == date(2026, 11, 2)
    assert sheet["D2"].value.startswith("'=")
    assert sheet["E2"].value.startswith("'+")


def test_the_officer_changes_a_period_on_the_parameters_page(client, registry):
    _signed_in(client, registry.officer)
    url = reverse("petitions:deadline-list")
    assert "chưa kiểm chứng" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": "complaint_acceptance",
            "days": "5",
            "unit": "working",
            "note": "",
            "version": "0",
        },
        follow=True,
    )
    assert "Đã lưu" in response.content.decode()
    bad = client.post(
        url,
        {"name": "complaint_acceptance", "days": "400", "unit": "working", "version": "1"},
    )
    assert bad.status_code == 400
    leader = _signed_in(client, registry.leader)
    assert leader.get(url).status_code == 200
    assert (
        leader.post(url, {"name": "complaint_acceptance", "days": "6", "version": "1"}).status_code
        == 403
    )


def test_the_officer_names_the_concerned_person_from_a_search(client, registry, complaint):
    _signed_in(client, registry.officer)
    url = reverse("petitions:petition-detail", kwargs={"uuid": complaint.uuid})
    found = client.get(url, {"who": registry.anh.full_name}).content.decode()
    assert str(registry.anh.uuid) in found
    client.post(
        reverse("petitions:petition-concern", kwargs={"uuid": complaint.uuid}),
        {"person": str(registry.anh.uuid), "version": complaint.version},
    )
    assert Petition.objects.get().concerned_person == registry.anh
