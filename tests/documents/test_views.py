"""The /imports/ pages: an upload starts a background import whose page shows the result, the
error report and a re-run of the kept file; read-only users are refused; templates."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.models import BackgroundJob, JobStatus
from tdkt.organizations.models import Person

from .helpers import BOARD, ORG_HEADERS, PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db
URL = "/imports/"


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """POST a file as ``user`` (the job runs at once on commit); return the import's page."""

    def post(user, rows, *, headers=PEOPLE_HEADERS, name="nhan-su.xlsx", **fields):
        client.force_login(user)
        data = {"importer": "people", "file": SimpleUploadedFile(name, xlsx(headers, rows))}
        data.update(fields)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, data)
        if response.status_code != 302:
            return response
        return client.get(response["Location"])

    return post


def _job() -> BackgroundJob:
    return BackgroundJob.objects.get()


def test_page_lists_importers_with_template_links(client, registry):
    """An officer sees both importers with a "Tải mẫu" link each, and no internal codes."""
    client.force_login(registry.officer)
    response = client.get(reverse("documents:import-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tải mẫu" in html
    assert reverse("documents:import-template", args=["people"]) in html
    assert reverse("documents:import-template", args=["organizations"]) in html
    assert "<code>people</code>" not in html


def test_officer_upload_runs_as_a_background_job_and_shows_counts(upload, registry):
    """A valid upload starts a job owned by the officer; its page shows the counts and the
    person is added."""
    response = upload(registry.officer, [person_row()])

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="import-ok"' in html and "Thêm mới: 1" in html
    assert Person.objects.filter(citizen_id="001190004321").exists()
    job = _job()
    assert (job.owner, job.kind, job.status) == (registry.officer, "import.people", "succeeded")
    assert "nhan-su.xlsx" in job.title


def test_the_kind_is_recognised_from_the_headers(upload, registry):
    """Left on "recognise", a people file is imported as people and an organisations file as
    organisations."""
    people = upload(registry.officer, [person_row()], importer="auto")
    assert 'id="import-ok"' in people.content.decode()
    assert "Cá nhân" in people.content.decode()

    row = ["Phòng Thanh tra", "", "Phòng", BOARD, "", "", "", "", "", "", ""]
    orgs = upload(registry.officer, [row], headers=ORG_HEADERS, name="don-vi.xlsx", importer="auto")
    assert 'id="import-ok"' in orgs.content.decode()
    assert "Đơn vị, doanh nghiệp" in orgs.content.decode()


def test_a_file_of_no_known_kind_keeps_the_file_and_asks_for_the_kind(upload, client, registry):
    """Headers that fit no importer end the job with advice to choose; the page offers the
    kind and runs the kept file again without a new upload."""
    response = upload(registry.officer, [["x"]], headers=["Cột lạ"], importer="auto")

    html = response.content.decode()
    assert 'id="import-failed"' in html and "hãy chọn loại dữ liệu" in html
    assert 'id="rerun-form"' in html
    first = _job()
    with_kind = client.post(
        reverse("documents:import-rerun", args=[first.uuid]), {"importer": "people"}
    )
    assert with_kind.status_code == 302
    second = BackgroundJob.objects.exclude(pk=first.pk).get()
    assert second.kind == "import.people"


def test_rejected_upload_shows_every_row_error_and_offers_the_marked_workbook(
    upload, client, registry
):
    """A bad date is listed by row, column and value; the error report is the user's sheet
    with the bad cell filled and commented, and a sheet listing every error."""
    response = upload(registry.officer, [person_row(**{"Từ ngày": "31/02/2020"})])

    html = response.content.decode()
    assert 'id="import-rejected"' in html
    assert 'data-label="Dòng">2</td>' in html and "31/02/2020" in html
    assert "không tồn tại" in html
    assert not Person.objects.filter(citizen_id="001190004321").exists()
    job = _job()
    assert job.status == JobStatus.FAILED
    report = client.get(reverse("web:job-download", args=[job.uuid]))
    assert report.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(report.streaming_content)))
    data, listing = workbook.worksheets
    start = data.cell(row=2, column=PEOPLE_HEADERS.index("Từ ngày") + 1)
    assert start.value == "31/02/2020"
    assert start.fill.fgColor.rgb.endswith("FFC7CE")
    assert "không tồn tại" in start.comment.text
    assert "Từ ngày" in data.cell(row=2, column=len(PEOPLE_HEADERS) + 1).value
    assert [c.value for c in listing[2]][:3] == [2, "Từ ngày", "31/02/2020"]


def test_after_a_dry_run_the_same_file_is_imported_without_uploading_it_again(
    upload, client, registry, django_capture_on_commit_callbacks
):
    """ "Chỉ kiểm tra" writes nothing; the button on its page imports the kept file."""
    checked = upload(registry.officer, [person_row()], dry_run="on")
    assert (
        "Chạy thử" in checked.content.decode()
        and 'id="import-for-real"' in checked.content.decode()
    )
    assert not Person.objects.filter(citizen_id="001190004321").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:import-rerun", args=[_job().uuid]), {"importer": "people"}
        )
    page = client.get(response["Location"])
    assert 'id="import-ok"' in page.content.decode()
    assert Person.objects.filter(citizen_id="001190004321").exists()


def test_viewer_upload_is_refused_with_403_and_nothing_written(client, registry):
    """A read-only user gets 403 for the same upload, nothing is kept or written, and the
    denial is recorded as a security event."""
    client.force_login(registry.viewer)
    upload = SimpleUploadedFile("nhan-su.xlsx", xlsx(PEOPLE_HEADERS, [person_row()]))
    response = client.post(URL, {"importer": "people", "file": upload})

    assert response.status_code == 403
    assert not Person.objects.filter(citizen_id="001190004321").exists()
    assert not BackgroundJob.objects.exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).exists()
    assert client.get(URL).status_code == 403


def test_another_users_import_is_not_found(upload, client, registry):
    """An import's page, its re-run and its report answer 404 to anyone but its owner."""
    upload(registry.officer, [person_row(**{"Từ ngày": "31/02/2020"})])
    job = _job()
    client.force_login(registry.investment_head)

    assert client.get(reverse("documents:import-run", args=[job.uuid])).status_code == 404
    rerun = client.post(reverse("documents:import-rerun", args=[job.uuid]), {"importer": "people"})
    assert rerun.status_code == 404
    assert client.get(reverse("web:job-download", args=[job.uuid])).status_code == 404
    assert BackgroundJob.objects.count() == 1


def test_unit_head_upload_into_another_unit_shows_row_error(upload, registry):
    """A unit head may upload, but a row for another unit is refused."""
    row = person_row(**{"Đơn vị": "Phòng Quy hoạch và Xây dựng"})
    response = upload(registry.investment_head, [row])

    assert response.status_code == 200
    assert 'id="import-rejected"' in response.content.decode()
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_the_running_page_polls_and_a_poll_gets_the_panel_only(client, registry):
    """While the job waits, its page polls itself; an htmx poll gets the panel, not a page."""
    from tdkt.documents.jobs import import_start

    job = import_start(
        actor=registry.officer,
        importer="people",
        data=xlsx(PEOPLE_HEADERS, [person_row()]),
        filename="nhan-su.xlsx",
        dry_run=False,
    )  # the test's transaction never commits: the job stays queued
    client.force_login(registry.officer)
    url = reverse("documents:import-run", args=[job.uuid])

    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and "<html" in page
    panel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'id="import-run"' in panel and "<html" not in panel


def test_recent_imports_are_listed_on_the_import_page(upload, client, registry):
    """The import page lists the user's latest imports with links to their pages."""
    upload(registry.officer, [person_row()])
    page = client.get(URL).content.decode()
    assert reverse("documents:import-run", args=[_job().uuid]) in page


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


def test_uploads_are_kept_only_while_they_may_be_run_again(upload, registry):
    """An imported file is deleted at once (it holds personal data); a rejected one stays for
    a re-run until ``prune_import_files`` deletes the uploads of imports ended long enough ago."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from tdkt.documents.selectors import source_path

    upload(registry.officer, [person_row()])
    imported = _job()
    assert source_path(imported) is None
    upload(registry.officer, [person_row(**{"Từ ngày": "31/02/2020"})])
    rejected = BackgroundJob.objects.exclude(pk=imported.pk).get()
    assert source_path(rejected) is not None

    call_command("prune_import_files", "--days", "14")
    assert source_path(rejected) is not None
    BackgroundJob.objects.filter(pk=rejected.pk).update(
        finished_at=timezone.now() - timedelta(days=15)
    )
    call_command("prune_import_files", "--days", "14")
    assert source_path(rejected) is None
