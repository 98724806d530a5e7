"""Certificates (Bằng khen, Giấy khen) as PDF: one per recipient, or a batch file.

Each page prints the variable fields at positions in millimetres (documents-and-forms.md §6.3:
"store positions in mm, render the PDF at true size with no scaling"), onto the pre-printed
blank or, for a test print on plain paper, with the blank's headings as well. Every page has a
QR code of the line's public verification URL.

A batch is rendered in chunks of ``chunk_size`` pages, each laid out by WeasyPrint on its own
and appended to the output with pypdf, so memory stays flat in the number of pages instead of
holding the layout of a whole round at once (measured in ``bench/documents_bench.py``).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice
from typing import BinaryIO

import segno
from pypdf import PdfReader, PdfWriter

from .formatting import number_symbol, place_and_date, short_date
from .model import Certificate, CertificateKind, RecipientKind
from .pdf_render import environment, html_to_pdf

CHUNK_SIZE = 50


@dataclass(frozen=True)
class Box:
    """Where and how one field prints, in mm and points (a LifeSoft ``toado_<field>``)."""

    top: float
    left: float
    width: float
    size: float = 16
    bold: bool = False
    italic: bool = False
    align: str = "center"
    color: str = "#000"


@dataclass(frozen=True)
class CertificateLayout:
    """Paper size and field boxes of one certificate type (every size a setting, §6.1)."""

    width: float
    height: float
    heading: str
    boxes: Mapping[str, Box]
    qr_size: float = 22

    def scaled(self, factor: float, *, heading: str) -> CertificateLayout:
        """The same layout on a paper ``factor`` times larger (A4 → A3 is √2)."""
        return replace(
            self,
            width=round(self.width * factor, 1),
            height=round(self.height * factor, 1),
            heading=heading,
            boxes={
                name: replace(
                    box,
                    top=round(box.top * factor, 1),
                    left=round(box.left * factor, 1),
                    width=round(box.width * factor, 1),
                    size=round(box.size * factor, 1),
                )
                for name, box in self.boxes.items()
            },
            qr_size=round(self.qr_size * factor, 1),
        )


# Giấy khen on A4 landscape (LifeSoft's default, §6.3). Boxes named "blank_*" are pre-printed
# on the official blank and printed only on plain paper.
_MERIT = CertificateLayout(
    width=297,
    height=210,
    heading="GIẤY KHEN",
    boxes={
        "blank_nation": Box(top=16, left=28, width=241, size=14, bold=True),
        "blank_motto": Box(top=23, left=28, width=241, size=14, bold=True),
        "blank_issuer": Box(top=36, left=28, width=241, size=17, bold=True, color="#c00000"),
        "blank_give": Box(top=54, left=28, width=241, size=16, bold=True),
        "blank_heading": Box(top=62, left=28, width=241, size=40, bold=True, color="#c00000"),
        "name": Box(top=88, left=28, width=241, size=24, bold=True),
        "position_unit": Box(top=101, left=28, width=241, size=16),
        "achievement": Box(top=113, left=40, width=217, size=16, italic=True),
        "place_date": Box(top=140, left=150, width=125, size=15, italic=True),
        "signer_title": Box(top=148, left=150, width=125, size=15, bold=True),
        "signer_name": Box(top=183, left=150, width=125, size=16, bold=True),
        "decision": Box(top=170, left=28, width=110, size=12, align="left"),
        "register": Box(top=177, left=28, width=110, size=12, align="left"),
        "qr": Box(top=143, left=28, width=22),
    },
)
DEFAULT_LAYOUTS: dict[CertificateKind, CertificateLayout] = {
    CertificateKind.CERTIFICATE_OF_MERIT: _MERIT,
    # Bằng khen on A3 landscape (420 × 297 mm).
    CertificateKind.CERTIFICATE_OF_COMMENDATION: _MERIT.scaled(420 / 297, heading="BẰNG KHEN"),
}


@dataclass(frozen=True)
class _Field:
    name: str
    text: str
    box: Box


@dataclass(frozen=True)
class _Page:
    kind: str
    fields: list[_Field]
    qr: str
    qr_box: Box
    qr_size: float


def qr_png(url: str) -> bytes:
    """The QR code of ``url`` as a PNG with one pixel per module and the 4-module quiet zone.

    One pixel per module keeps the file tiny; the page scales it without smoothing
    (``image-rendering: pixelated``), so the printed code is exact at any size.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=4)
    return buffer.getvalue()


def _salutation(cert: Certificate) -> str:
    if cert.recipient_kind == RecipientKind.COLLECTIVE:
        return "Tập thể"
    return cert.salutation


def _page(cert: Certificate, layout: CertificateLayout, *, on_blank: bool) -> _Page:
    decision = cert.decision
    if decision.issued_on is None:  # Certificate refuses this already; narrows the type
        raise ValueError("a certificate needs the decision's date")
    texts = {
        "blank_nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "blank_motto": "Độc lập - Tự do - Hạnh phúc",
        "blank_issuer": "\n".join(cert.issuer_lines),
        "blank_give": "TẶNG",
        "blank_heading": layout.heading,
        "name": " ".join(part for part in (_salutation(cert), cert.name) if part),
        "position_unit": cert.position_unit,
        "achievement": cert.achievement,
        "place_date": place_and_date(cert.place, decision),
        "signer_title": "\n".join(cert.signature.lines),
        "signer_name": cert.signature.name,
        "decision": (
            f"Quyết định số: {number_symbol(decision)}, ngày {short_date(decision.issued_on)}"
        ),
        "register": f"Số sổ vàng: {cert.register_number}" if cert.register_number else "",
    }
    fields = [
        _Field(name, texts[name], box)
        for name, box in layout.boxes.items()
        if name != "qr" and texts.get(name) and not (on_blank and name.startswith("blank_"))
    ]
    data = base64.b64encode(qr_png(cert.verification_url)).decode("ascii")
    return _Page(
        kind=cert.kind.value,
        fields=fields,
        qr=f"data:image/png;base64,{data}",
        qr_box=layout.boxes["qr"],
        qr_size=layout.qr_size,
    )


def _page_css(layouts: Mapping[CertificateKind, CertificateLayout]) -> str:
    return "\n".join(
        f"@page {kind.value} {{ size: {layout.width}mm {layout.height}mm; margin: 0; "
        "@top-center { content: none; } }"
        for kind, layout in layouts.items()
    )


def _render_chunk(
    certs: list[Certificate],
    layouts: Mapping[CertificateKind, CertificateLayout],
    *,
    on_blank: bool,
) -> bytes:
    pages = [_page(c, layouts[c.kind], on_blank=on_blank) for c in certs]
    html = environment().get_template("certificate.html").render(pages=pages)
    return html_to_pdf(html, extra_css=_page_css(layouts))


def _chunks(items: Iterable[Certificate], size: int) -> Iterator[list[Certificate]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def render_certificates_pdf(
    certificates: Iterable[Certificate],
    output: BinaryIO,
    *,
    on_blank: bool = False,
    layouts: Mapping[CertificateKind, CertificateLayout] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> int:
    """Write one PDF page per certificate to ``output``; return the number of pages.

    ``certificates`` may be a generator: it is consumed ``chunk_size`` at a time. With
    ``on_blank`` only the variable fields print (the blank carries the rest).
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    layouts = {**DEFAULT_LAYOUTS, **(layouts or {})}
    writer = PdfWriter()
    pages = 0
    for chunk in _chunks(certificates, chunk_size):
        writer.append(PdfReader(io.BytesIO(_render_chunk(chunk, layouts, on_blank=on_blank))))
        pages += len(chunk)
    if pages == 0:
        raise ValueError("no certificate to print")
    writer.add_metadata({"/Title": "Bằng khen, Giấy khen", "/Creator": "tdkt"})
    writer.write(output)
    return pages


def render_certificate_pdf(
    certificate: Certificate,
    *,
    on_blank: bool = False,
    layouts: Mapping[CertificateKind, CertificateLayout] | None = None,
) -> bytes:
    """Return the PDF of one certificate."""
    layouts = {**DEFAULT_LAYOUTS, **(layouts or {})}
    return _render_chunk([certificate], layouts, on_blank=on_blank)
