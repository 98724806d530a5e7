"""The /imports/ pages: upload as a writer, refusal for read-only users, templates."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.organizations.models import Person

from .helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db
URL = "/imports/"


def _upload(client, user, rows, **extra):
    client.force_login(user)
    upload = SimpleUploadedFile("nhan-su.xlsx", xlsx(PEOPLE_HEADERS, rows))
    return client.post(URL, {"importer": "people", "file": upload, **extra})


def test_page_lists_importers_with_template_links(client, registry):
    """An officer sees both importers and a "Tải mẫu" link for each."""
    client.force_login(registry.officer)
    response = client.get(reverse("documents:import-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tải mẫu" in html
    assert reverse("documents:import-template", args=["people"]) in html
    assert reverse("documents:import-template", args=["organizations"]) in html


def test_officer_upload_imports_and_shows_counts(client, registry):
    """Uploading a valid file as an officer adds the person and shows the counts."""
    response = _upload(client, registry.officer, [person_row()])

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="import-ok"' in html and "Thêm mới: 1" in html
    assert Person.objects.filter(citizen_id="001190004321").exists()


def test_rejected_upload_shows_every_row_error_in_vietnamese(client, registry):
    """A file with an impossible date shows a table naming the row, column and value."""
    response = _upload(client, registry.officer, [person_row(**{"Từ ngày": "31/02/2020"})])

    html = response.content.decode()
    assert 'id="import-rejected"' in html
    assert "<td>2</td>" in html and "Từ ngày" in html and "31/02/2020" in html
    assert "không tồn tại" in html
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_viewer_upload_is_refused_with_403_and_nothing_written(client, registry):
    """A read-only user gets 403 for the same upload, nothing is written, and the denial is
    recorded as a security event."""
    response = _upload(client, registry.viewer, [person_row()])

    assert response.status_code == 403
    assert not Person.objects.filter(citizen_id="001190004321").exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).exists()
    assert client.get(URL).status_code == 403


def test_unit_head_upload_into_another_unit_shows_row_error(client, registry):
    """A unit head may open the page, but a row for another unit is refused."""
    row = person_row(**{"Đơn vị": "Phòng Quy hoạch và Xây dựng"})
    response = _upload(client, registry.investment_head, [row])

    assert response.status_code == 200
    assert 'id="import-rejected"' in response.content.decode()
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_dry_run_checkbox_writes_nothing(client, registry):
    """ "Chỉ kiểm tra" reports the would-be counts without writing."""
    response = _upload(client, registry.officer, [person_row()], dry_run="on")

    assert "Chạy thử" in response.content.decode()
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_template_download_is_an_xlsx_with_the_headers(client, registry):
    """ "Tải mẫu" returns an .xlsx attachment whose first row is the importer's headers."""
    client.force_login(registry.officer)
    response = client.get(reverse("documents:import-template", args=["organizations"]))

    assert response.status_code == 200
    assert "mau-nhap-organizations.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["A1"].value == "Tên đơn vị*"


def test_unknown_importer_template_is_404(client, registry):
    """A template for an importer that does not exist is a 404 page."""
    client.force_login(registry.officer)
    assert client.get("/imports/nothing/template/").status_code == 404


def test_anonymous_user_is_sent_to_login(client, registry):
    """Without signing in the import page redirects to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
