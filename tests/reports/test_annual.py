"""The annual report: sections and figures from the data, the officer's text kept across
regenerations, a lost update refused, the file formats readable, and board-wide only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ConflictError, PermissionDeniedError
from tdkt.documents.official.annual import render_annual_report_docx, render_annual_report_pdf
from tdkt.reports.models import ReportNarrative
from tdkt.reports.selectors import annual_report
from tdkt.reports.services import narrative_save
from tests.documents.official.helpers import assert_in_order, docx_paragraphs, pdf_pages_text

pytestmark = pytest.mark.django_db


def test_the_docx_has_every_section_with_the_years_figures(w) -> None:
    data = render_annual_report_docx(annual_report(actor=w.r.officer, year=2019))
    texts = docx_paragraphs(data)
    assert_in_order(
        texts,
        [
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI",
            "BÁO CÁO",
            "Tổng kết công tác thi đua, khen thưởng năm 2019",
            "I. ĐÁNH GIÁ CHUNG",
            "triển khai 3 phong trào thi đua",
            "II. TỔ CHỨC CÁC PHONG TRÀO THI ĐUA VÀ KẾT QUẢ",
            "Phong trào ATTP-2019 (Kế hoạch số 163/KH-BQL ngày 23/01/2019)",
            "III. ĐĂNG KÝ THI ĐUA",
            "2/4 tập thể, cá nhân đăng ký thi đua, đạt 50 % (chỉ tiêu 100 %)",
            "IV. CÔNG TÁC KHEN THƯỞNG",
            # 10 awards in 2019: 4 collectives, 6 individuals (the 2018 one is not counted)
            "10 lượt, gồm 4 lượt tập thể và 6 lượt cá nhân",
            "Bằng khen của Bộ trưởng / Chủ tịch UBND cấp tỉnh",
            "Khen thưởng theo đơn vị",
            "Phòng Quản lý Đầu tư",
            "V. MỘT SỐ CHỈ TIÊU CHÍNH",
            "VI. CẢI CÁCH HÀNH CHÍNH",
            "VII. THU HÚT ĐẦU TƯ",
            "VIII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TIẾP THEO",
            "Nơi nhận:",
        ],
    )
    assert "Phong trào NHAP-2019" not in "\n".join(texts)  # a draft is not reported


def test_awards_by_title_count_collectives_and_individuals(w) -> None:
    report = annual_report(actor=w.r.officer, year=2019)
    awards = next(s for s in report.sections if s.heading == "Công tác khen thưởng")
    by_title = {row[1]: row[2:] for row in awards.tables[0].rows}
    assert by_title["Bằng khen của Bộ trưởng / Chủ tịch UBND cấp tỉnh"] == ("2", "2", "4")
    assert by_title["Giấy khen"] == ("0", "1", "1")
    by_unit = {row[1]: row[2] for row in awards.tables[1].rows}
    # Ánh works in the investment department: its 2 collective awards and his 3.
    assert by_unit["Phòng Quản lý Đầu tư"] == "5"


def test_the_pdf_text_is_extractable_vietnamese(w) -> None:
    pages = pdf_pages_text(render_annual_report_pdf(annual_report(actor=w.r.officer, year=2019)))
    text = " ".join(" ".join(pages).split())
    assert "CÔNG TÁC KHEN THƯỞNG" in text
    assert "4 lượt tập thể và 6 lượt cá nhân" in text


def test_officer_text_survives_regeneration_and_new_figures(w) -> None:
    narrative_save(
        actor=w.r.officer,
        year=2019,
        section="awards",
        text="Công tác khen thưởng kịp thời, đúng quy định.\n"
        "Đã chú trọng người lao động trực tiếp.",
        expected_version=0,
    )
    first = docx_paragraphs(render_annual_report_docx(annual_report(actor=w.r.officer, year=2019)))
    from tdkt.commendations.services.archive import awards_record
    from tdkt.rules import codes
    from tests.reports.conftest import _award

    awards_record(
        actor=w.r.officer, entries=[_award(w.r, codes.CERTIFICATE_OF_MERIT, person=w.r.duc)]
    )
    second = docx_paragraphs(render_annual_report_docx(annual_report(actor=w.r.officer, year=2019)))
    for texts in (first, second):
        assert_in_order(
            texts,
            [
                "IV. CÔNG TÁC KHEN THƯỞNG",
                "Khen thưởng theo đơn vị",
                "Công tác khen thưởng kịp thời, đúng quy định.",
                "Đã chú trọng người lao động trực tiếp.",
                "V. MỘT SỐ CHỈ TIÊU CHÍNH",
            ],
        )
    assert any("10 lượt" in t for t in first) and any("11 lượt" in t for t in second)


def test_saving_is_audited_and_a_stale_page_is_refused(w) -> None:
    first = narrative_save(
        actor=w.r.officer, year=2019, section="overview", text="Bản A", expected_version=0
    )
    assert first.version == 1
    event = AuditEvent.objects.filter(event_type="report.narrative_saved").latest("id")
    assert event.changes == {"text": [None, "Bản A"]}
    narrative_save(actor=w.r.admin, year=2019, section="overview", text="Bản B", expected_version=1)
    with pytest.raises(ConflictError):
        narrative_save(
            actor=w.r.officer, year=2019, section="overview", text="Bản C", expected_version=1
        )
    with pytest.raises(ConflictError):  # a second "first" save of the same section
        narrative_save(
            actor=w.r.officer, year=2019, section="overview", text="Bản D", expected_version=0
        )
    assert ReportNarrative.objects.get(year=2019, section="overview").text == "Bản B"


def test_readers_may_not_write(w) -> None:
    for actor in (w.r.leader, w.r.investment_head):
        with pytest.raises(PermissionDeniedError):
            narrative_save(actor=actor, year=2019, section="overview", text="x", expected_version=0)
    assert not ReportNarrative.objects.exists()


def test_edit_page_saves_and_refuses_a_stale_copy(w, client) -> None:
    client.force_login(w.r.officer)
    url = reverse("reports:narrative-edit", kwargs={"year": 2019, "section": "direction"})
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Phát động thi đua năm 2020.", "version": "0"})
    assert response.status_code == 302
    stale = client.post(url, {"text": "Bản khác", "version": "0"})
    assert stale.status_code == 200
    assert "vừa được người khác sửa" in stale.content.decode()
    page = client.get(reverse("reports:annual", kwargs={"year": 2019})).content.decode()
    assert "Phát động thi đua năm 2020." in page


def test_pages_and_files_are_board_wide_only(w, client) -> None:
    annual = reverse("reports:annual", kwargs={"year": 2019})
    docx = reverse("reports:annual-file", kwargs={"year": 2019, "fmt": "docx"})
    edit = reverse("reports:narrative-edit", kwargs={"year": 2019, "section": "overview"})
    client.force_login(w.r.leader)
    assert client.get(annual).status_code == 200
    response = client.get(docx)
    assert response.status_code == 200 and response["Content-Type"].endswith("document")
    page = client.get(annual).content.decode()
    assert "Viết, sửa nhận xét" not in page  # a leader reads, does not write
    assert client.post(edit, {"text": "x", "version": "0"}).status_code == 403
    client.force_login(w.r.investment_head)
    assert client.get(annual).status_code == 403
    assert client.get(docx).status_code == 403
    assert client.post(edit, {"text": "x", "version": "0"}).status_code == 403
    assert not ReportNarrative.objects.exists()


def test_bad_input_answers_without_a_crash(w, client) -> None:
    client.force_login(w.r.officer)
    pdf = reverse("reports:annual-file", kwargs={"year": 2019, "fmt": "exe"})
    assert client.get(pdf).status_code == 404
    far = reverse("reports:annual", kwargs={"year": 3000})
    assert client.get(far).status_code == 400
    odd = reverse("reports:narrative-edit", kwargs={"year": 2019, "section": "nope"})
    assert client.get(odd).status_code == 404
    long = reverse("reports:narrative-edit", kwargs={"year": 2019, "section": "overview"})
    response = client.post(long, {"text": "x" * 20_001, "version": "0"})
    assert response.status_code == 200 and not ReportNarrative.objects.exists()
    assert (
        client.get(reverse("reports:annual", kwargs={"year": 2019}) + "?as_of=abc").status_code
        == 200
    )
