"""The PDFs: A4 pages, real extractable Vietnamese text, every font embedded and ours."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from tdkt.documents.official import (
    render_decision_pdf,
    render_minutes_pdf,
    render_proposal_pdf,
)
from tdkt.documents.official.fonts import (
    VIETNAMESE_LETTERS,
    FontMissingError,
    document_fonts,
    missing_letters,
)
from tdkt.documents.official.formatting import money
from tdkt.documents.official.samples import sample_decision, sample_minutes, sample_proposal

from .helpers import assert_in_order, pdf_fonts, pdf_page_sizes_mm, pdf_pages_text


@pytest.fixture(scope="module")
def decision_pdf() -> bytes:
    return render_decision_pdf(sample_decision(lines=40))


def test_decision_pdf_text_is_extractable_and_in_order(decision_pdf):
    """The PDF holds the decision as Unicode text, Vietnamese letters intact."""
    doc = sample_decision(lines=40)
    pages = pdf_pages_text(decision_pdf)
    assert_in_order(
        pages,
        [
            "UBND THÀNH PHỐ HÀ NỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 125/QĐ-BQL",
            "Hà Nội, ngày 10 tháng 01 năm 2020",
            "QUYẾT ĐỊNH",
            "Căn cứ Luật Thi đua, Khen thưởng",
            "QUYẾT ĐỊNH:",
            "Điều 1.",
            "Điều 2.",
            "Điều 3.",
            "Nơi nhận:",
            "KT. TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
            "Trần Thị Minh Hà",
            "DANH SÁCH",
            "I. Tập thể (8)",
            "II. Cá nhân (32)",
            doc.lines[-1].name,
            "Tổng cộng",
            "Bằng chữ:",
        ],
    )
    text = " ".join("\n".join(pages).split())  # table cells wrap long names
    assert money(sum(line.amount for line in doc.lines)) in text
    for line in doc.lines:
        assert line.name in text


def test_decision_pdf_is_a4_and_the_list_may_be_landscape(decision_pdf):
    """Decision pages are A4 portrait; a landscape list turns only its own pages."""
    assert set(pdf_page_sizes_mm(decision_pdf)) == {(210, 297)}
    sizes = pdf_page_sizes_mm(render_decision_pdf(sample_decision(lines=40, landscape=True)))
    assert sizes[0] == (210, 297)
    assert sizes[-1] == (297, 210)


def test_annex_numbers_its_own_pages(decision_pdf):
    """Page 1 and the list's first page show no number; the list restarts at 2 on its page 2.

    The page number is drawn in the top margin box, which the text extraction reads last.
    """
    numbers = [page.splitlines()[-1] for page in pdf_pages_text(decision_pdf)]
    annex = next(i for i, p in enumerate(pdf_pages_text(decision_pdf)) if "DANH SÁCH" in p)
    assert annex == 2 and len(numbers) > annex + 1
    assert not numbers[0].isdigit() and numbers[1] == "2"
    assert not numbers[annex].isdigit()
    assert numbers[annex + 1 :] == [str(n) for n in range(2, len(numbers) - annex + 1)]


def test_every_font_is_embedded_and_is_the_document_serif(decision_pdf):
    """Fonts are embedded TrueType subsets of the serif; no fallback font stands in."""
    fonts = pdf_fonts(decision_pdf)
    assert fonts
    family = TTFont(str(document_fonts().regular))["name"].getDebugName(1)
    for name, font in fonts.items():
        assert font["embedded"], name
        assert "TDKT-Serif" in name, name  # a fallback (DejaVu…) would mean missing letters
        embedded = TTFont(io.BytesIO(font["program"]))
        assert embedded["name"].getDebugName(1) == family


def test_the_document_font_prints_every_vietnamese_letter():
    """The chosen serif has every letter; Liberation 1.x, which lacks them, is refused."""
    assert missing_letters(document_fonts().regular) == ""
    assert "ệ" in VIETNAMESE_LETTERS and "Ữ" in VIETNAMESE_LETTERS


def test_an_unusable_font_directory_is_not_chosen(tmp_path, monkeypatch):
    """A custom directory without complete Vietnamese fonts is skipped, never used."""
    (tmp_path / "LiberationSerif-Regular.ttf").write_bytes(b"")
    monkeypatch.setenv("TDKT_DOCUMENT_FONT_DIR", str(tmp_path))
    document_fonts.cache_clear()
    try:
        assert document_fonts().regular.parent != tmp_path
    finally:
        document_fonts.cache_clear()
    monkeypatch.setattr("tdkt.documents.official.fonts._SEARCH", ())
    try:
        with pytest.raises(FontMissingError):
            document_fonts()
    finally:
        document_fonts.cache_clear()


def test_proposal_and_minutes_pdf():
    """The tờ trình and the minutes render with their statutory text."""
    proposal = "\n".join(pdf_pages_text(render_proposal_pdf(sample_proposal())))
    for snippet in ("TỜ TRÌNH", "Kính gửi:", "I. Cá nhân (5)", "xem xét, quyết định./."):
        assert snippet in proposal
    minutes = "\n".join(pdf_pages_text(render_minutes_pdf(sample_minutes())))
    for snippet in ("BIÊN BẢN", "Số: 01/BB-HĐTĐKT", "71,43", "THƯ KÝ", "CHỦ TỌA"):
        assert snippet in minutes
