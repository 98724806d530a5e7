"""Readers for the rendered files: text in document order, page sizes, fonts, images."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

MM_PER_PT = 25.4 / 72


def docx_paragraphs(data: bytes) -> list[str]:
    """Every non-empty paragraph of the body, tables included, in document order."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            texts.append(text)
    return texts


def assert_in_order(texts: list[str], expected: list[str]) -> None:
    """Each expected snippet appears in ``texts``, after the previous one."""
    whole = "\n".join(texts)
    position = 0
    for snippet in expected:
        found = whole.find(snippet, position)
        if found < 0:
            raise AssertionError(f"{snippet!r} not found after {whole[:position][-80:]!r}")
        position = found + len(snippet)


def pdf_pages_text(data: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def pdf_page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    """Width and height of each page, rounded to the millimetre."""
    return [
        (round(float(p.mediabox.width) * MM_PER_PT), round(float(p.mediabox.height) * MM_PER_PT))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def pdf_fonts(data: bytes) -> dict[str, dict]:
    """Every font of every page: base name → {embedded: bool, subtype}."""
    fonts: dict[str, dict] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descriptor_owner = font
            if "/DescendantFonts" in font:
                descriptor_owner = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor_owner["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            program = None
            if "/FontFile2" in descriptor:
                program = descriptor["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"])] = {"embedded": embedded, "program": program}
    return fonts


def xml_parts(data: bytes, prefix: str = "word/") -> dict[str, bytes]:
    """The XML parts of a .docx under ``prefix``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith(prefix)}
