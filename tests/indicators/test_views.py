"""The indicator and dossier pages: Vietnamese figures, scope, uploads and downloads."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.indicators.models import IndicatorValue, ProcedureDossier

from .helpers import indicator_file

pytestmark = pytest.mark.django_db


def _without_csrf(response):
    """The page without what differs by request: the CSRF token and the page's own URL."""
    text = re.sub(r"[0-9A-Za-z]{64}", "TOKEN", response.content.decode())
    return re.sub(r"/indicators/view/\w+/", "URL", text)


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def test_officer_sees_the_years_figures_in_vietnamese_and_the_upload(figures, client_for):
    """Numbers use "." for thousands and "," for decimals; % of plan and growth are shown;
    no internal code appears; the officer gets the upload form and the template link."""
    response = client_for("officer").get("/indicators/?year=2019")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ tiêu năm 2019" in text
    for shown in ("7.700.000.000", "7.702.000.000", "100,0 %", "6,3 %", "Cả Ban", "110,0 %"):
        assert shown in text, shown
    assert "5.603.510.000.000" in text and "(đồng)" in text
    assert ">doanh_thu<" not in text and "lao_dong" not in text.replace("/view/lao_dong/", "")
    assert "Nhập chỉ tiêu từ Excel" in text and "/indicators/template/" in text
    assert "Tỷ giá quy đổi: 1 USD = 23.155 đồng." in text


def test_a_unit_head_sees_only_the_units_figures_and_no_upload(figures, client_for):
    """A unit head's list shows their unit's line only, without upload or dossier link."""
    text = client_for("investment_head").get("/indicators/?year=2019").content.decode()

    assert "Phòng Quản lý Đầu tư" in text
    assert "Phòng Quy hoạch và Xây dựng" not in text and "Doanh thu" not in text
    assert "Nhập chỉ tiêu từ Excel" not in text
    assert "Hồ sơ thủ tục hành chính" not in text


def test_an_indicator_page_shows_plan_actual_percent_and_growth_by_year(figures, client_for):
    """The revenue page lists 2019 then 2018 for the Board, with growth against 2018."""
    response = client_for("leader").get("/indicators/view/doanh_thu/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Doanh thu</h1>" in text
    assert text.index("2019") < text.index("2018")
    for shown in ("7.245.000.000", "100,0 %", "6,3 %"):
        assert shown in text, shown


def test_an_indicator_outside_the_users_figures_looks_like_an_unknown_one(figures, client_for):
    """Revenue (Board only) answers a unit head exactly as a code that does not exist; only the
    hidden one is recorded as ACCESS_DENIED (decision 0013)."""
    client = client_for("investment_head")
    denied = AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED)
    before = denied.count()
    hidden = client.get("/indicators/view/doanh_thu/")
    assert denied.count() == before + 1
    unknown = client.get("/indicators/view/khong_co/")
    assert denied.count() == before + 1

    assert hidden.status_code == unknown.status_code == 404
    assert _without_csrf(hidden) == _without_csrf(unknown)
    assert "Không tìm thấy chỉ tiêu." in hidden.content.decode()
    assert client.get("/indicators/view/lao_dong/").status_code == 200


def test_the_excel_download_holds_only_the_users_figures(figures, client_for):
    """The unit head's Excel file has their line only."""
    response = client_for("investment_head").get("/indicators/report.xlsx?year=2019")

    assert response["Content-Disposition"] == 'attachment; filename="chi-tieu-2019.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[3] for r in rows[4:]] == ["Phòng Quản lý Đầu tư"]


def test_uploading_a_good_file_imports_it_and_a_bad_one_lists_its_errors(registry, client_for):
    """The page's upload runs the same import: a report of counts, or of every bad cell."""
    client = client_for("officer")
    good = indicator_file([["doanh_thu", "Doanh thu", "USD", None, 2019, 1, 2]])
    bad = indicator_file([["doanh_thu", "Doanh thu", "USD", None, 2019, "7,7 tỷ", 2]])

    rejected = client.post("/indicators/import/", {"file": _upload("xau.xlsx", bad)})
    assert rejected.status_code == 200
    assert "Tệp bị từ chối: 1 lỗi" in rejected.content.decode()
    assert "7,7 tỷ" in rejected.content.decode()
    assert not IndicatorValue.objects.exists()

    accepted = client.post("/indicators/import/", {"file": _upload("tot.xlsx", good)})
    assert "Đã nhập xong." in accepted.content.decode()
    assert IndicatorValue.objects.count() == 1


def test_read_only_users_may_not_upload_and_get_403_before_the_file_is_read(registry, client_for):
    """A leader's POST is refused with 403, even with a broken file."""
    response = client_for("leader").post(
        "/indicators/import/", {"file": _upload("x.xlsx", b"not a spreadsheet")}
    )

    assert response.status_code == 403
    assert client_for("leader").get("/indicators/template/").status_code == 403


def test_the_template_has_the_data_sheet_and_the_rates_sheet(registry, client_for):
    """ "Tải mẫu" gives the headers of both sheets."""
    response = client_for("officer").get("/indicators/template/")

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:2] == ["Chỉ tiêu", "Tỷ giá"]
    assert [c.value for c in workbook["Tỷ giá"][1]] == ["Năm*", "Ngoại tệ*", "Tỷ giá (VND)*"]
    assert workbook["Chỉ tiêu"]["A1"].value == "Mã chỉ tiêu*"


def test_procedures_page_shows_the_figures_and_the_overdue_list(dossiers, client_for):
    """The officer sees counts, shares as percentages and the overdue dossier with its days."""
    response = client_for("officer").get(
        "/indicators/procedures/?date_from=2019-01-01&date_to=2019-12-31&as_of=2019-11-20"
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Hồ sơ tiếp nhận từ 01/01/2019 đến 31/12/2019, tình trạng tại ngày 20/11/2019." in text
    assert "66,67 %" in text  # two of three online
    assert "HS-3" in text and "15/10/2019" in text  # due date of the overdue dossier
    assert "Nhập hồ sơ từ hệ thống một cửa" in text


def test_procedures_page_defaults_to_the_latest_year_with_dossiers(dossiers, client_for):
    """Without a period the page shows the whole latest year."""
    text = client_for("leader").get("/indicators/procedures/").content.decode()

    assert "Hồ sơ tiếp nhận từ 01/01/2019 đến 31/12/2019" in text
    assert "Nhập hồ sơ từ hệ thống một cửa" not in text


def test_a_reversed_period_is_shown_as_a_form_error_not_a_500(dossiers, client_for):
    """Bad input on the period form gives a Vietnamese message and the default period."""
    response = client_for("officer").get(
        "/indicators/procedures/?date_from=2019-12-31&date_to=2019-01-01&as_of=2019-12-31"
    )

    assert response.status_code == 200
    assert "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." in response.content.decode()


@pytest.mark.parametrize("who", ["investment_head", "viewer", "enterprise_rep"])
def test_unit_users_get_403_on_the_procedures_pages(dossiers, client_for, who):
    """The Board's dossier statistics and their downloads are board-wide data."""
    client = client_for(who)
    for url in (
        "/indicators/procedures/",
        "/indicators/procedures/report.xlsx",
        "/indicators/procedures/report.docx",
    ):
        assert client.get(url).status_code == 403, url


def test_report_files_download_for_board_readers(dossiers, client_for):
    """Excel and Word files of the period are offered with dated names."""
    client = client_for("leader")
    query = "?date_from=2019-01-01&date_to=2019-11-30&as_of=2019-11-30"
    xlsx = client.get("/indicators/procedures/report.xlsx" + query)
    docx = client.get("/indicators/procedures/report.docx" + query)

    assert xlsx["Content-Disposition"].endswith('thu-tuc-hanh-chinh-20190101-20191130.xlsx"')
    assert docx["Content-Disposition"].endswith('.docx"') and docx.content[:2] == b"PK"


def test_uploading_dossiers_from_the_page(registry, client_for):
    """The dossier upload imports through the same service and links back to the page."""
    from .helpers import dossier_file, dossier_row

    response = client_for("officer").post(
        "/indicators/procedures/import/",
        {"file": _upload("hs.xlsx", dossier_file([dossier_row()])), "dry_run": "on"},
    )

    assert "Chạy thử: tệp hợp lệ" in response.content.decode()
    assert not ProcedureDossier.objects.exists()


def test_the_navigation_shows_the_indicators_link_to_users_with_a_scope(registry, client_for):
    """Every user with a scope sees "Chỉ tiêu" in the menu."""
    text = client_for("viewer").get("/").content.decode()
    assert 'href="/indicators/"' in text


def test_the_import_hub_runs_the_same_bulk_import(
    registry, client_for, django_capture_on_commit_callbacks
):
    """/imports/ lists both importers and hands the file to the bulk import."""
    from .helpers import dossier_file, dossier_row

    client = client_for("officer")
    page = client.get("/imports/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the job starts after the commit
        response = client.post(
            "/imports/",
            {"importer": "procedures", "file": _upload("hs.xlsx", dossier_file([dossier_row()]))},
        )
    response = client.get(response["Location"])  # the upload lands on its job's page

    assert "Hồ sơ thủ tục hành chính" in page and "Chỉ tiêu" in page
    assert "Đã nhập xong." in response.content.decode()
    assert ProcedureDossier.objects.filter(code="HS-0001").exists()


def test_the_pages_are_available_in_english(figures, dossiers, client_for):
    """After the language switch the headings, labels and number format are English."""
    client = client_for("officer")
    client.post("/i18n/setlang/", {"language": "en", "next": "/indicators/"})

    indicators = client.get("/indicators/?year=2019").content.decode()
    procedures = client.get("/indicators/procedures/").content.decode()

    assert "Indicators 2019" in indicators and "Against plan" in indicators
    assert "7,702,000,000" in indicators and "100.0 %" in indicators and "Whole Board" in indicators
    assert "Administrative-procedure dossiers" in procedures and "Of which overdue" in procedures


def test_overdue_list_pages_keep_the_period(registry, client_for):
    """With more overdue dossiers than a page holds, "Trang sau" keeps the chosen period, and
    a page number alone (default period) shows no form error."""
    from tdkt.indicators.services import procedures_import

    from .helpers import dossier_file, dossier_row

    rows = [dossier_row(**{"Mã hồ sơ": f"HS-{i:03d}", "Ngày trả kết quả": None}) for i in range(55)]
    procedures_import(actor=registry.officer, data=dossier_file(rows), filename="hs.xlsx")
    client = client_for("officer")
    query = "date_from=2019-01-01&date_to=2019-12-31&as_of=2019-12-31"

    first = client.get(f"/indicators/procedures/?{query}").content.decode()
    second = client.get(f"/indicators/procedures/?{query}&page=2").content.decode()
    alone = client.get("/indicators/procedures/?page=2").content.decode()

    assert "Trang 1/2" in first and "page=2" in first and "date_from=2019-01-01" in first
    assert "HS-054" in second and "HS-000" not in second
    assert "Trang 2/2" in alone and "errorlist" not in alone and 'role="alert"' not in alone
