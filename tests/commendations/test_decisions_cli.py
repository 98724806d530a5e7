"""``tdkt decisions …`` and ``tdkt certificates …`` exactly as shared/contracts/decisions.md."""

from __future__ import annotations

import io
import json
from datetime import date

import docx
import pytest
from django.core.management import ManagementUtility, call_command
from docx.shared import Mm
from pypdf import PdfReader

from tdkt.commendations.services import (
    award_revoke,
    decision_draft_create,
    decision_sign,
    document_series_align,
)
from tests.documents.official.helpers import (
    assert_in_order,
    docx_paragraphs,
    pdf_fonts,
    pdf_pages_text,
)
from tests.documents.official.test_certificates import _decode, _qr_images

from .voted import voted_round

pytestmark = pytest.mark.django_db

TITLE = (
    "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong thực "
    "hiện nhiệm vụ năm 2019"
)


@pytest.fixture
def signed(registry):
    """The 2019 Giấy khen decision 125/QĐ-BQL of 10/01/2020 with three lines."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    document_series_align(actor=registry.officer, year=2020, last_number=124)
    return decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=date(2020, 1, 10)
    )


def run(*args: str):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def test_list_prints_each_decision_of_the_year(signed):
    """One object per decision dated in the year, every key and type of the contract."""
    assert run("decisions", "list", "--year", "2020", "--format", "json") == [
        {
            "number": "125/QĐ-BQL",
            "date": "2020-01-10",
            "status": "signed",
            "signer": "Trưởng ban",
            "title": TITLE,
            "collectives": 1,
            "individuals": 2,
            "total_prize_vnd": 1_790_000,
        }
    ]
    assert run("decisions", "list", "--year", "2019", "--format", "json") == []


def test_list_includes_drafts_without_number_or_date(registry, signed):
    """A draft of the year is listed with null number and date and status draft."""
    other = voted_round(registry, year=2025, name="Tổng kết năm 2025")
    draft = decision_draft_create(actor=registry.officer, round=other.round)
    [listed] = run("decisions", "list", "--year", str(draft.year), "--format", "json")
    assert (listed["number"], listed["date"], listed["status"]) == (None, None, "draft")
    assert listed["individuals"] == 2 and listed["collectives"] == 1
    assert isinstance(listed["total_prize_vnd"], int)


def test_show_prints_the_decision_and_every_line(signed):
    """The decision with rule set, base salary, total in figures and words, and its list."""
    shown = run("decisions", "show", "125/QĐ-BQL", "--year", "2020", "--format", "json")
    assert shown == {
        "number": "125/QĐ-BQL",
        "date": "2020-01-10",
        "status": "signed",
        "rule_set": "R2013",
        "base_salary_vnd": 1_490_000,
        "total_prize_vnd": 1_790_000,
        "total_in_words": "Một triệu bảy trăm chín mươi nghìn đồng",
        "lines": [
            {
                "recipient_kind": "individual",
                "name": "Nguyễn Văn Ánh",
                "unit": "Chuyên viên, Phòng Quản lý Đầu tư",
                "code": "certificate_of_merit",
                "issuer_level": "department",
                "prize_vnd": 450_000,
                "status": "granted",
            },
            {
                "recipient_kind": "collective",
                "name": "Phòng Quản lý Đầu tư",
                "unit": "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
                "code": "certificate_of_merit",
                "issuer_level": "department",
                "prize_vnd": 890_000,
                "status": "granted",
            },
            {
                "recipient_kind": "individual",
                "name": "Trần Minh Đức",
                "unit": "Phó Trưởng phòng, Phòng Quy hoạch và Xây dựng",
                "code": "certificate_of_merit",
                "issuer_level": "department",
                "prize_vnd": 450_000,
                "status": "granted",
            },
        ],
    }
    assert run("decisions", "show", "125", "--year", "2020", "--format", "json") == shown


def test_a_decision_whose_lines_are_all_revoked_reports_revoked(registry, signed):
    """Lines revoked one by one: "signed" until the last, then "revoked"; the total keeps
    what the decision says."""
    awards = list(signed.awards.order_by("list_position"))
    for award in awards[:-1]:
        award_revoke(actor=registry.officer, award=award, reason="Sai", revoking_decision="1/QĐ")
    shown = run("decisions", "show", "125", "--year", "2020")
    assert shown["status"] == "signed"
    assert [line["status"] for line in shown["lines"]] == ["revoked", "revoked", "granted"]
    award_revoke(actor=registry.officer, award=awards[-1], reason="Sai", revoking_decision="1/QĐ")
    shown = run("decisions", "show", "125", "--year", "2020")
    assert shown["status"] == "revoked" and shown["total_prize_vnd"] == 1_790_000
    [listed] = run("decisions", "list", "--year", "2020")
    assert listed["status"] == "revoked"


@pytest.mark.parametrize(
    "argv",
    [
        ["decisions", "show", "999", "--year", "2020", "--format", "json"],
        ["decisions", "show", "125", "--year", "2021", "--format", "json"],
        ["decisions", "render", "12x", "--year", "2020", "--format", "pdf", "--output", "x"],
        ["certificates", "render", "999", "--year", "2020", "--output", "x.pdf"],
    ],
)
def test_unknown_number_exits_2_with_one_line(signed, argv, capsys, tmp_path, monkeypatch):
    """An unknown number (or year) exits with status 2 and one line on standard error."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["tdkt", *argv]).execute()
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Không có quyết định số" in err
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.pdf").exists()


def test_render_docx_has_the_page_setup_and_the_list(signed, tmp_path):
    """The .docx: A4, Decree 30 margins, Times New Roman, header, articles, list and total."""
    target = tmp_path / "qd.docx"
    call_command(
        "decisions", "render", "125", "--year", "2020", "--format", "docx", "--output", target
    )
    data = target.read_bytes()
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (
            210,
            297,
        )
        assert 20 <= round(section.top_margin / Mm(1)) <= 25
        assert 20 <= round(section.bottom_margin / Mm(1)) <= 25
        assert 30 <= round(section.left_margin / Mm(1)) <= 35
        assert 15 <= round(section.right_margin / Mm(1)) <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert_in_order(
        docx_paragraphs(data),
        [
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 125/QĐ-BQL",
            "Hà Nội, ngày 10 tháng 01 năm 2020",
            "QUYẾT ĐỊNH",
            TITLE,
            "Căn cứ Luật Thi đua, Khen thưởng",
            "Điều 1.",
            "Điều 2.",
            "1.790.000",
            "Điều 3.",
            "TRƯỞNG BAN",
            "leader",
            "Nguyễn Văn Ánh",
            "Trần Minh Đức",
            "Tổng cộng",
            "Một triệu bảy trăm chín mươi nghìn đồng",
        ],
    )


def test_render_pdf_holds_vietnamese_text_with_embedded_fonts(signed, tmp_path):
    """The PDF's text is real Unicode and every font is embedded."""
    target = tmp_path / "qd.pdf"
    call_command(
        "decisions", "render", "125", "--year", "2020", "--format", "pdf", "--output", target
    )
    data = target.read_bytes()
    text = " ".join("\n".join(pdf_pages_text(data)).split())
    for snippet in (
        "Số: 125/QĐ-BQL",
        "QUYẾT ĐỊNH",
        "Phòng Quản lý Đầu tư",
        "Trần Minh Đức",
        "Tổng cộng",
        "Bằng chữ: Một triệu bảy trăm chín mươi nghìn đồng",
    ):
        assert snippet in text
    fonts = pdf_fonts(data)
    assert fonts and all(font["embedded"] for font in fonts.values())


def test_certificates_have_one_page_per_granted_line_with_its_qr(registry, signed, tmp_path):
    """A revoked line has no certificate; each page's QR code is its line's public URL."""
    awards = list(signed.awards.order_by("list_position"))
    award_revoke(actor=registry.officer, award=awards[1], reason="Sai", revoking_decision="1/QĐ")
    target = tmp_path / "gk.pdf"
    call_command("certificates", "render", "125", "--year", "2020", "--output", str(target))
    data = target.read_bytes()
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    pages = pdf_pages_text(data)
    assert "Nguyễn Văn Ánh" in pages[0] and "Trần Minh Đức" in pages[1]
    assert "125/QĐ-BQL" in pages[0] and "10/01/2020" in pages[0]
    urls = [_decode(image) for image in _qr_images(data)]
    assert urls == [
        f"http://127.0.0.1:8000/verify/{awards[0].verification_token}/",
        f"http://127.0.0.1:8000/verify/{awards[2].verification_token}/",
    ]
    assert all(font["embedded"] for font in pdf_fonts(data).values())
