"""The .docx files: Decree 30/2020 page setup and font, texts in order, the list as a table."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from tdkt.core.vnwords import amount_in_words
from tdkt.documents.official import (
    render_decision_docx,
    render_minutes_docx,
    render_proposal_docx,
)
from tdkt.documents.official.docx_builder import BUILDERS, TEMPLATES, build
from tdkt.documents.official.formatting import money
from tdkt.documents.official.samples import sample_decision, sample_minutes, sample_proposal

from .helpers import assert_in_order, docx_paragraphs, pdf_pages_text, xml_parts


@pytest.fixture(scope="module")
def decision_docx() -> bytes:
    return render_decision_docx(sample_decision(lines=24))


def _mm(length) -> float:
    return length / Mm(1)


def test_page_setup_follows_decree_30(decision_docx):
    """A4 portrait, margins top/bottom 20–25, left 30–35, right 15–20 mm, in every section."""
    document = docx.Document(io.BytesIO(decision_docx))
    assert len(document.sections) == 2  # the decision, then the attached list
    for section in document.sections:
        assert round(_mm(section.page_width)) == 210
        assert round(_mm(section.page_height)) == 297
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert 20 <= round(_mm(section.top_margin)) <= 25
        assert 20 <= round(_mm(section.bottom_margin)) <= 25
        assert 30 <= round(_mm(section.left_margin)) <= 35
        assert 15 <= round(_mm(section.right_margin)) <= 20
        assert section.different_first_page_header_footer  # no number on page 1


def test_every_style_is_times_new_roman(decision_docx):
    """The body is Times New Roman 14 pt, and no style names another font."""
    document = docx.Document(io.BytesIO(decision_docx))
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    house = [s for s in document.styles if s.name.startswith("TDKT")]
    assert len(house) > 10
    assert {s.font.name for s in house} == {"Times New Roman"}


def test_decision_texts_in_order(decision_docx):
    """Header, title, bases, articles, signature, recipients, then the attached list."""
    doc = sample_decision(lines=24)
    total = sum(line.amount for line in doc.lines)
    texts = docx_paragraphs(decision_docx)
    assert_in_order(
        texts,
        [
            "UBND THÀNH PHỐ HÀ NỘI",
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 125/QĐ-BQL",
            "Hà Nội, ngày 10 tháng 01 năm 2020",
            "QUYẾT ĐỊNH",
            "Về việc tặng Giấy khen",
            "TRƯỞNG BAN BAN QUẢN LÝ",
            "Căn cứ Luật Thi đua, Khen thưởng",
            "Xét đề nghị của Chánh Văn phòng Ban",
            "QUYẾT ĐỊNH:",
            "Điều 1.",
            "Điều 2.",
            "Điều 3.",
            "Nơi nhận:",
            "- Như Điều 3;",
            "- Lưu: VT, VP.",
            "KT. TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
            "Trần Thị Minh Hà",
            "DANH SÁCH",
            "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2019",
            "(Kèm theo Quyết định số 125/QĐ-BQL ngày 10 tháng 01 năm 2020",
            "I. Tập thể (4)",
            doc.lines[0].name,
            "Cộng",
            "II. Cá nhân (20)",
            doc.lines[4].name,
            doc.lines[-1].name,
            "Tổng cộng",
            money(total),
            f"Bằng chữ: {amount_in_words(total)}.",
        ],
    )
    assert not any("{{" in t or "{%" in t for t in texts)  # every placeholder was filled


def test_attached_list_has_one_row_per_line_with_its_amount(decision_docx):
    """Rows: header, per group a heading, its lines and a subtotal, then the total."""
    doc = sample_decision(lines=24)
    table = docx.Document(io.BytesIO(decision_docx)).tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:3] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác"]
    line_rows = [r for r in rows if r[0].isdigit()]
    assert [(r[1], r[2], r[3]) for r in line_rows] == [
        (line.name, line.position_unit, money(line.amount)) for line in doc.lines
    ]
    assert rows[-1][0] == "Tổng cộng"
    assert rows[-1][3] == money(sum(line.amount for line in doc.lines))
    subtotals = [r[3] for r in rows if r[0] == "Cộng"]
    assert subtotals == ["3.560.000", "9.000.000"]


def test_mixed_awards_get_their_own_column():
    """When a list mixes forms, each row shows its title or form."""
    doc = sample_decision(lines=6)
    lines = (*doc.lines[:-1], replace(doc.lines[-1], award="Lao động tiên tiến"))
    data = render_decision_docx(replace(doc, lines=lines))
    table = docx.Document(io.BytesIO(data)).tables[-1]
    assert table.rows[0].cells[3].text == "Danh hiệu / Hình thức"
    assert table.rows[-3].cells[3].text == "Lao động tiên tiến"  # then subtotal, total


def test_draft_shows_a_blank_number_and_day():
    """A draft prints "Số:      /QĐ-BQL" and "ngày    tháng    năm 2020"."""
    texts = docx_paragraphs(render_decision_docx(sample_decision(number=None)))
    number = next(t for t in texts if t.startswith("Số:"))
    assert number.replace("\u00a0", " ").split() == ["Số:", "/QĐ-BQL"]
    place = next(t for t in texts if t.startswith("Hà Nội, ngày"))
    assert place.replace("\u00a0", " ").split() == ["Hà", "Nội,", "ngày", "tháng", "năm", "2020"]
    assert any("(Kèm theo Quyết định số" in t and "125" not in t for t in texts)


def test_landscape_list_section():
    """The attached list may be landscape; the decision itself stays portrait."""
    document = docx.Document(io.BytesIO(render_decision_docx(sample_decision(landscape=True))))
    first, annex = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert round(_mm(annex.page_width)) == 297 and round(_mm(annex.page_height)) == 210


def test_markup_in_names_is_printed_as_text():
    """Names with "&" or "<" do not break the document's XML."""
    doc = sample_decision(lines=3)
    name = "Công ty TNHH A & B <Việt Nam>"
    data = render_decision_docx(
        replace(doc, lines=(replace(doc.lines[0], name=name), *doc.lines[1:]))
    )
    assert name in docx_paragraphs(data)


def test_proposal_and_minutes_docx():
    """The tờ trình and the minutes carry their statutory parts in order."""
    proposal = docx_paragraphs(render_proposal_docx(sample_proposal()))
    assert_in_order(
        proposal,
        [
            "Số: 08/TTr-BQL",
            "TỜ TRÌNH",
            "Đề nghị tặng Bằng khen",
            "Kính gửi:",
            "- Ủy ban nhân dân thành phố Hà Nội;",
            "- Ban Thi đua - Khen thưởng Thành phố.",
            "Căn cứ Biên bản họp Hội đồng",
            "cho 05 cá nhân và 01 tập thể",
            "I. Cá nhân (5)",
            "II. Tập thể (1)",
            "(Có biên bản, danh sách, báo cáo thành tích kèm theo)",
            "xem xét, quyết định./.",
            "Nơi nhận:",
            "- Như trên;",
            "TRƯỞNG BAN",
            "Nguyễn Văn Hùng",
        ],
    )
    minutes = docx_paragraphs(render_minutes_docx(sample_minutes()))
    assert_in_order(
        minutes,
        [
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "Số: 01/BB-HĐTĐKT",
            "BIÊN BẢN",
            "Họp xét, đề nghị khen thưởng năm 2019",
            "Thời gian: bắt đầu lúc 08 giờ 30 phút",
            "Nội dung cuộc họp:",
            "Kết quả biểu quyết:",
            "71,43",
            "Không đạt",
            "Cuộc họp kết thúc lúc 11 giờ 00 phút cùng ngày./.",
            "THƯ KÝ",
            "CHỦ TỌA",
            "Nơi nhận:",
        ],
    )
    assert not any(t.startswith("Hà Nội, ngày") for t in minutes)  # no date line (Mẫu 1.9)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_committed_templates_match_their_builder(name, tmp_path):
    """Editing the builder without rebuilding the templates (or the reverse) is caught."""
    path = tmp_path / f"{name}.docx"
    build(name).save(str(path))
    assert xml_parts(path.read_bytes()) == xml_parts((TEMPLATES / f"{name}.docx").read_bytes())


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice is not installed (optional)")
def test_libreoffice_converts_the_decision(decision_docx, tmp_path):
    """LibreOffice opens the .docx and converts it to a PDF that holds the same text."""
    source = tmp_path / "decision.docx"
    source.write_bytes(decision_docx)
    profile = tmp_path / "profile"
    subprocess.run(  # noqa: S603 (fixed arguments, our own temporary files)
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = "\n".join(pdf_pages_text((tmp_path / "decision.pdf").read_bytes()))
    for snippet in ("QUYẾT ĐỊNH", "Độc lập - Tự do - Hạnh phúc", "Tổng cộng", "Điều 3."):
        assert snippet in text
