"""Small generated PDFs for the demo proposals' dossiers (tờ trình, báo cáo, biên bản).

A real dossier is a scanned or exported document; the demo needs only files that the upload
checks accept as PDF and that open in a viewer. They are written by hand here (one page, the
PDF core font Helvetica) instead of through WeasyPrint, so seeding stays quick. The core
fonts have no Vietnamese letters, so the text is written without diacritics; the page says it
is a demo file.
"""

from __future__ import annotations

import unicodedata


def ascii_text(text: str) -> str:
    """Vietnamese text without diacritics, safe inside a PDF string."""
    text = text.replace("Đ", "D").replace("đ", "d")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and a few lines of text."""
    rows = [f"BT /F1 16 Tf 72 770 Td ({ascii_text(title)}) Tj ET"]
    for index, line in enumerate([*lines, "Tai lieu mau cua du lieu demo tdkt."], start=1):
        rows.append(f"BT /F1 11 Tf 72 {760 - 22 * index} Td ({ascii_text(line)}) Tj ET")
    stream = "\n".join(rows).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
