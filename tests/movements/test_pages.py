"""The movement and registration pages: what each role sees and may do, in Vietnamese."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.movements.constants import MovementState, SheetState
from tdkt.movements.models import Movement, RegistrationSheet
from tdkt.movements.services import sheet_start
from tdkt.movements.workflow import movement_transition
from tests.commendations.pages import giveaways, main_text

from .pages import MISSING, page_of
from .registration_helpers import open_year

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def vietnamese(response) -> str:
    """The page's main text, asserting that no English word or internal code shows (the
    history names accounts by their user names, which are the test's own)."""
    assert response.status_code == 200, response.status_code
    text = main_text(response.content.decode(), skip=("timeline",))
    assert giveaways(text) == [], giveaways(text)
    return text


def launch(w, capture):
    with capture(execute=True):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="launched")
    w.movement.refresh_from_db()


def test_an_officer_creates_a_movement_with_its_plan_through_the_pages(registry):
    client = signed_in(registry.officer)
    vietnamese(client.get(reverse("movements:movement-create")))
    plan = io.BytesIO(PDF)
    plan.name = "KH 163.pdf"
    response = client.post(
        reverse("movements:movement-create"),
        {
            "code": "ATTP-2019",
            "name": "An toàn thực phẩm",
            "kind": "thematic",
            "starts_on": "2019-01-23",
            "ends_on": "2019-12-31",
            "plan_number": "163/KH-BQL",
            "plan_date": "2019-01-23",
            "plan_file": plan,
        },
    )
    movement = Movement.objects.get()
    assert response["Location"] == reverse(
        "movements:movement-detail", kwargs={"uuid": movement.uuid}
    )
    text = vietnamese(client.get(response["Location"]))
    assert "Số 163/KH-BQL ngày 23/01/2019" in text
    assert "KH 163.pdf" in text
    download = client.get(reverse("movements:movement-plan", kwargs={"uuid": movement.uuid}))
    assert download.content == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]


def test_form_errors_show_in_vietnamese_on_the_form(registry):
    client = signed_in(registry.officer)
    response = client.post(
        reverse("movements:movement-create"),
        {
            "code": "X",
            "name": "Y",
            "kind": "regular",
            "starts_on": "2019-05-01",
            "ends_on": "2020-01-31",
        },
    )
    assert response.status_code == 200
    assert "Phong trào thường xuyên hằng năm nằm trong một năm." in response.content.decode()
    assert not Movement.objects.exists()


def test_every_officer_page_of_a_movement_is_vietnamese(w, django_capture_on_commit_callbacks):
    client = signed_in(w.r.officer)
    uuid = w.movement.uuid
    for name in (
        "movement-detail",
        "movement-update",
        "movement-participants",
        "criterion-create",
        "deadline-create",
    ):
        vietnamese(client.get(reverse(f"movements:{name}", kwargs={"uuid": uuid})))
    vietnamese(
        client.get(
            reverse(
                "movements:criterion-update", kwargs={"uuid": uuid, "criterion_id": w.safety.pk}
            )
        )
    )
    vietnamese(client.get(reverse("movements:movement-list")))
    response = client.post(
        reverse("movements:movement-transition", kwargs={"uuid": uuid}),
        {"to_state": "launched", "version": w.movement.version},
    )
    assert response.status_code == 302
    w.movement.refresh_from_db()
    assert w.movement.state == MovementState.LAUNCHED
    text = vietnamese(client.get(reverse("movements:movement-detail", kwargs={"uuid": uuid})))
    assert "Phong trào đã chuyển sang “Đã phát động”." in text
    assert "Chưa xác nhận" in text
    vietnamese(client.get(reverse("movements:score-table", kwargs={"uuid": uuid})))
    edit = reverse("movements:score-edit", kwargs={"uuid": uuid, "org_uuid": w.r.investment.uuid})
    vietnamese(client.get(edit))
    response = client.post(
        edit,
        {
            f"points_{w.safety.pk}": "9,5",
            f"points_{w.reform.pk}": "4",
            f"bonus_{w.reform.pk}": "1",
            f"v_{w.safety.pk}": "0",
            f"v_{w.reform.pk}": "0",
        },
    )
    assert response.status_code == 302
    table = vietnamese(client.get(reverse("movements:score-table", kwargs={"uuid": uuid})))
    assert "18,5" in table  # 9,5 + 2 × 4 + 1


def test_the_review_report_is_a_word_draft_with_the_movements_figures(
    w, django_capture_on_commit_callbacks
):
    launch(w, django_capture_on_commit_callbacks)
    client = signed_in(w.r.officer)
    response = client.get(
        reverse("movements:movement-review", kwargs={"uuid": w.movement.uuid, "kind": "final"})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="bao-cao-tong-ket-attp-2019.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text
    assert "Tổng kết phong trào thi đua “An toàn thực phẩm trong các KCN năm 2019”" in text
    assert "Thực hiện Kế hoạch số 163/KH-BQL ngày 23/01/2019 của Ban Quản lý." in text
    assert "tới 2 phòng, đơn vị và doanh nghiệp; 0 đơn vị đã xác nhận" in text
    assert "Phong trào có 2 tiêu chí, tổng điểm tối đa 20,00 điểm" in text
    assert "[Cán bộ thi đua – khen thưởng bổ sung" in text
    for role in ("investment_head", "viewer"):
        hidden = signed_in(getattr(w.r, role)).get(
            reverse("movements:movement-review", kwargs={"uuid": w.movement.uuid, "kind": "final"})
        )
        assert hidden.status_code == 404


def test_units_see_launched_movements_they_take_part_in_and_nothing_else(
    w, django_capture_on_commit_callbacks
):
    """A draft, or a movement of other units, answers exactly like a missing one."""
    detail = reverse("movements:movement-detail", kwargs={"uuid": w.movement.uuid})
    missing = reverse("movements:movement-detail", kwargs={"uuid": MISSING})
    head = signed_in(w.r.investment_head)
    hidden, absent = head.get(detail), head.get(missing)
    assert hidden.status_code == absent.status_code == 404
    assert page_of(hidden.content, w.movement.uuid) == page_of(absent.content)
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).exists()
    launch(w, django_capture_on_commit_callbacks)
    text = vietnamese(head.get(detail))
    assert "Xác nhận đã nhận phát động cho Phòng Quản lý Đầu tư" in text
    assert "Phát động" not in re.sub(
        r"Xác nhận đã nhận phát động|Ngày phát động|nhận phát động", "", text
    )
    outsider = signed_in(w.r.enterprise_rep)
    assert outsider.get(detail).status_code == 404
    assert w.movement.name not in outsider.get(reverse("movements:movement-list")).content.decode()
    assert (
        outsider.get(
            reverse("movements:movement-plan", kwargs={"uuid": w.movement.uuid})
        ).status_code
        == 404
    )
    response = head.post(
        reverse(
            "movements:movement-acknowledge",
            kwargs={"uuid": w.movement.uuid, "org_uuid": w.r.investment.uuid},
        ),
        {"note": "Đã phổ biến"},
    )
    assert response.status_code == 302
    assert w.movement.participants.get(organization=w.r.investment).acknowledged_at is not None


def test_a_reader_who_may_not_change_gets_403_before_the_input_is_read(
    w, django_capture_on_commit_callbacks
):
    """The leader sees the movement but every write answers 403, even with invalid input."""
    launch(w, django_capture_on_commit_callbacks)
    leader = signed_in(w.r.leader)
    uuid = w.movement.uuid
    assert (
        leader.get(reverse("movements:movement-detail", kwargs={"uuid": uuid})).status_code == 200
    )
    for name, data in (
        ("movement-update", {"code": ""}),
        ("movement-transition", {"to_state": "nonsense"}),
        ("criterion-create", {"max_points": "abc"}),
        ("movement-participants", {"organizations": ["x"]}),
    ):
        response = leader.post(reverse(f"movements:{name}", kwargs={"uuid": uuid}), data)
        assert response.status_code == 403, name
    other = signed_in(w.r.planning_head)
    response = other.post(
        reverse(
            "movements:movement-acknowledge",
            kwargs={"uuid": uuid, "org_uuid": w.r.investment.uuid},
        )
    )
    assert response.status_code == 404  # another unit's participation is not theirs to see


def test_registration_pages_from_opening_to_approval(registry, django_capture_on_commit_callbacks):
    officer, head = signed_in(registry.officer), signed_in(registry.investment_head)
    vietnamese(officer.get(reverse("movements:registration-home")))
    vietnamese(officer.get(reverse("movements:campaign-create")))
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            reverse("movements:campaign-create"),
            {
                "year": "2020",
                "deadline": "2020-02-14",
                "target_percent": "100",
                "organizations": [registry.investment.pk, registry.planning.pk],
            },
        )
    assert response["Location"] == reverse("movements:registration-year", kwargs={"year": 2020})
    text = vietnamese(head.get(response["Location"]))
    assert "Lập bản đăng ký" in text and "Phòng Quy hoạch" not in text
    response = head.post(
        reverse(
            "movements:sheet-start",
            kwargs={"year": 2020, "org_uuid": registry.investment.uuid},
        )
    )
    sheet = RegistrationSheet.objects.get()
    assert response["Location"] == reverse("movements:sheet-detail", kwargs={"uuid": sheet.uuid})
    text = vietnamese(head.get(response["Location"]))
    assert "Lao động tiên tiến" in text and "Gửi bản đăng ký" in text
    head.post(
        reverse("movements:sheet-line-add", kwargs={"uuid": sheet.uuid}),
        {
            "registrant": f"p:{registry.anh.uuid}",
            "code": "grassroots_emulation_fighter",
            "version": sheet.version,
        },
    )
    sheet.refresh_from_db()
    assert sheet.lines.count() == 3
    head.post(
        reverse("movements:sheet-transition", kwargs={"uuid": sheet.uuid}),
        {"to_state": "submitted", "version": sheet.version},
    )
    sheet.refresh_from_db()
    assert sheet.state == SheetState.SUBMITTED
    refused = head.post(
        reverse("movements:sheet-transition", kwargs={"uuid": sheet.uuid}),
        {"to_state": "approved", "version": "garbage"},
    )
    assert refused.status_code == 403
    text = vietnamese(officer.get(reverse("movements:sheet-detail", kwargs={"uuid": sheet.uuid})))
    assert "Duyệt" in text and "Trả lại để sửa" in text
    officer.post(
        reverse("movements:sheet-transition", kwargs={"uuid": sheet.uuid}),
        {"to_state": "approved", "version": sheet.version},
    )
    sheet.refresh_from_db()
    assert sheet.state == SheetState.APPROVED
    text = vietnamese(officer.get(reverse("movements:registration-year", kwargs={"year": 2020})))
    assert "2/4 đã đăng ký (50,0%)" in text
    export = officer.get(reverse("movements:sheet-export", kwargs={"uuid": sheet.uuid}))
    ws = load_workbook(io.BytesIO(export.content)).active
    assert ws["A4"].value == "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2020"
    summary = officer.get(reverse("movements:registration-export", kwargs={"year": 2020}))
    assert summary["Content-Type"].startswith("application/vnd.openxmlformats")
    other = signed_in(registry.planning_head)
    assert (
        other.get(reverse("movements:sheet-detail", kwargs={"uuid": sheet.uuid})).status_code == 404
    )
    assert (
        other.get(reverse("movements:sheet-export", kwargs={"uuid": sheet.uuid})).status_code == 404
    )


def test_a_unit_cannot_start_another_units_sheet(registry):
    y = open_year(registry, with_team=False)
    response = signed_in(registry.planning_head).post(
        reverse(
            "movements:sheet-start", kwargs={"year": 2020, "org_uuid": registry.investment.uuid}
        )
    )
    assert response.status_code == 404
    sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=date(2020, 1, 20),
    )
    response = signed_in(registry.viewer).post(
        reverse(
            "movements:sheet-start", kwargs={"year": 2020, "org_uuid": registry.investment.uuid}
        )
    )
    assert response.status_code == 403


def test_the_english_catalogue_covers_the_pages(w, client):
    """With English chosen, the movement page reads in English."""
    client.force_login(w.r.officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("movements:movement-detail", kwargs={"uuid": w.movement.uuid}))
    text = main_text(page.content.decode())
    assert "Participating units" in text
    assert "Tiêu chí thi đua" not in text


def test_odd_years_and_states_answer_without_a_server_error(w, registry):
    """A year far outside the calendar is "not found"; an unknown move is refused politely."""
    officer = signed_in(registry.officer)
    for year in (0, 99999, 10**20):
        assert officer.get(f"/registrations/{year}/").status_code == 404
    response = officer.post(
        reverse("movements:movement-transition", kwargs={"uuid": w.movement.uuid}),
        {"to_state": "exploded", "version": w.movement.version},
        follow=True,
    )
    assert response.status_code == 200
    assert "Không thể chuyển phong trào" in response.content.decode()
