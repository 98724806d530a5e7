"""Certificates: one page per recipient with its fields and a QR code of its own URL."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
import segno
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tdkt.documents.official import (
    CertificateKind,
    DocumentReference,
    render_certificate_pdf,
    render_certificates_pdf,
)
from tdkt.documents.official.samples import sample_certificates

from .helpers import pdf_fonts, pdf_page_sizes_mm, pdf_pages_text


def _drawn_images(page) -> list[str]:
    """Names of the XObjects the page's content actually draws (``/Name Do``).

    WeasyPrint shares one resource dictionary between the pages of a document, so the
    resources list every picture of the chunk; the content stream says which one is drawn.
    """
    content = page.get_contents().get_data().decode("latin-1")
    return re.findall(r"(/[\w.+-]+)\s+Do\b", content)


def _qr_images(data: bytes) -> list[Image.Image]:
    images = []
    for page in PdfReader(io.BytesIO(data)).pages:
        [name] = _drawn_images(page)  # exactly one picture per page: the QR code
        xobject = page["/Resources"]["/XObject"][name].get_object()
        if xobject["/Subtype"] == "/Form":  # WeasyPrint wraps images in a form XObject
            [inner] = _drawn_images_of(xobject)
            xobject = xobject["/Resources"]["/XObject"][inner].get_object()
        images.append(xobject.decode_as_image())
    return images


def _drawn_images_of(form) -> list[str]:
    return re.findall(r"(/[\w.+-]+)\s+Do\b", form.get_data().decode("latin-1"))


def _decode(image: Image.Image) -> str:
    """Decode the embedded QR picture (enlarged, as a scanner sees the printed code)."""
    grey = image.convert("L")
    big = grey.resize((grey.width * 8, grey.height * 8), Image.Resampling.NEAREST)
    barcode = zxingcpp.read_barcode(big)
    assert barcode is not None, "no QR code found"
    return barcode.text


def _batch(certs, **kwargs) -> bytes:
    out = io.BytesIO()
    pages = render_certificates_pdf(certs, out, **kwargs)
    assert pages == len(certs)
    return out.getvalue()


def test_batch_has_one_page_per_certificate_with_its_own_fields_and_qr():
    """Across chunk boundaries each page shows its recipient, decision and a QR of its URL."""
    certs = sample_certificates(7)
    data = _batch(certs, chunk_size=3)
    texts = [" ".join(t.split()) for t in pdf_pages_text(data)]
    assert len(texts) == 7
    for cert, text, image in zip(certs, texts, _qr_images(data), strict=True):
        assert f"{cert.salutation} {cert.name}" in text or f"Tập thể {cert.name}" in text
        assert cert.achievement in text
        assert "Quyết định số: 125/QĐ-BQL, ngày 10/01/2020" in text
        assert "Hà Nội, ngày 10 tháng 01 năm 2020" in text
        assert _decode(image) == cert.verification_url


def test_qr_picture_is_exactly_the_code_of_the_url():
    """Module for module, the picture is segno's code of the URL with its quiet zone."""
    cert = sample_certificates(1)[0]
    [image] = _qr_images(render_certificate_pdf(cert))
    expected = segno.make(cert.verification_url, error="m", micro=False)
    grey = image.convert("L")
    dark = [[grey.getpixel((x, y)) < 128 for x in range(grey.width)] for y in range(grey.height)]
    assert dark == [[bool(m) for m in row] for row in expected.matrix_iter(scale=1, border=4)]


def test_collectives_are_introduced_as_such_and_fonts_are_embedded():
    """A collective reads "Tập thể <name>"; the fonts are embedded subsets of the serif."""
    collective = next(c for c in sample_certificates(6) if c.recipient_kind == "collective")
    data = render_certificate_pdf(collective)
    assert f"Tập thể {collective.name}" in " ".join(pdf_pages_text(data)[0].split())
    fonts = pdf_fonts(data)
    assert fonts and all(f["embedded"] and "TDKT-Serif" in name for name, f in fonts.items())


def test_paper_sizes_per_kind():
    """Giấy khen on A4 landscape, Bằng khen on A3 landscape, both in one batch."""
    merit, other = sample_certificates(2)
    commendation = replace(other, kind=CertificateKind.CERTIFICATE_OF_COMMENDATION)
    data = _batch([merit, commendation])
    assert pdf_page_sizes_mm(data) == [(297, 210), (420, 297)]
    texts = pdf_pages_text(data)
    assert "GIẤY KHEN" in texts[0] and "BẰNG KHEN" in texts[1]


def test_on_blank_prints_only_the_variable_fields():
    """Printing onto the official blank leaves out its pre-printed headings."""
    cert = sample_certificates(1)[0]
    text = pdf_pages_text(render_certificate_pdf(cert, on_blank=True))[0]
    assert cert.name in text
    assert "GIẤY KHEN" not in text and "CỘNG HÒA" not in text


def test_a_generator_is_consumed_and_nothing_to_print_is_refused():
    """The batch takes any iterable; an empty batch is an error, not an empty file."""
    certs = sample_certificates(3)
    assert len(PdfReader(io.BytesIO(_batch(certs, chunk_size=2))).pages) == 3
    out = io.BytesIO()
    assert render_certificates_pdf((c for c in certs), out, chunk_size=2) == 3
    with pytest.raises(ValueError):
        render_certificates_pdf(iter(()), io.BytesIO())


def test_no_certificate_for_a_draft_decision_or_a_relative_url():
    """A certificate needs a numbered, dated decision and an absolute verification URL."""
    cert = sample_certificates(1)[0]
    with pytest.raises(ValueError):
        replace(cert, decision=DocumentReference(symbol="QĐ-BQL"))
    with pytest.raises(ValueError):
        replace(cert, verification_url="/verify/abc/")
