"""The safe spreadsheet reader: hostile files are refused before parsing, good ones read."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from defusedxml.common import DefusedXmlException

from tdkt.documents.xlsx import FileRejectedError, Limits, match_headers, read_table

from .helpers import xlsx

XXE_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def _rewrite(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """Return ``data`` (an xlsx) with some members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename not in replacements:
                dst.writestr(info, src.read(info.filename))
        for name, content in replacements.items():
            dst.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_headers_match_without_case_accents_or_required_star():
    """ "HỌ VÀ TÊN*" and "ho va ten" are the same header; order does not matter."""
    table = read_table(xlsx(["so cccd", "HỌ VÀ TÊN*", "Ghi chú"], [["1", "An"]]), filename="a.xlsx")
    match = match_headers(
        table.headers,
        {"name": ["Họ và tên"], "id": ["Số CCCD"], "unit": ["Đơn vị"]},
        ["name", "unit"],
    )
    assert match.positions == {"id": 0, "name": 1}
    assert match.unknown == ["Ghi chú"]
    assert match.missing == ["unit"]


def test_rows_keep_excel_row_numbers_and_skip_blank_rows():
    """Blank rows are skipped but later rows keep the number Excel shows."""
    table = read_table(xlsx(["A"], [["x"], [None], ["  "], ["y"]]), filename="a.xlsx")
    assert [(r.number, r.values[0]) for r in table.rows] == [(2, "x"), (5, "y")]


def test_csv_with_bom_and_semicolons_reads_like_xlsx():
    """A UTF-8 CSV saved by Excel (BOM, ";" separator) gives the same rows."""
    data = "Họ và tên;Đơn vị\r\nNguyễn Văn Ánh;Phòng Quản lý Đầu tư\r\n".encode("utf-8-sig")
    table = read_table(data, filename="nhan-su.csv")
    assert table.headers == ["Họ và tên", "Đơn vị"]
    assert table.rows[0].number == 2
    assert table.rows[0].values == ("Nguyễn Văn Ánh", "Phòng Quản lý Đầu tư")


def test_csv_not_in_utf8_is_refused_with_advice():
    """A CSV in a legacy code page is refused, telling the user to save as CSV UTF-8."""
    with pytest.raises(FileRejectedError, match="UTF-8"):
        read_table("Họ và tên\nÁnh\n".encode("utf-16"), filename="a.csv")


def test_oversized_file_is_refused_before_reading(settings):
    """A file over TDKT_IMPORT_MAX_BYTES is refused with its size and the limit."""
    settings.TDKT_IMPORT_MAX_BYTES = 1024
    with pytest.raises(FileRejectedError, match="quá lớn"):
        read_table(xlsx(["A"], [["x"]] * 10), filename="a.xlsx")


def test_non_zip_file_named_xlsx_is_refused():
    """A text file renamed to .xlsx is refused as not a valid Excel file."""
    with pytest.raises(FileRejectedError, match="không phải tệp Excel"):
        read_table(b"hello, world", filename="a.xlsx")


def test_old_xls_or_password_protected_file_is_refused_with_advice():
    """An OLE2 file (.xls, or an encrypted .xlsx) gets advice to save as plain .xlsx."""
    with pytest.raises(FileRejectedError, match=r"\.xls"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, filename="a.xlsx")


def test_zip_bomb_is_refused_by_compression_ratio():
    """A member that inflates far beyond its packed size is refused before parsing."""
    bomb = _rewrite(xlsx(["A"], [["x"]]), {"xl/media/zeros.bin": b"\0" * (5 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(FileRejectedError, match="zip bomb"):
        read_table(bomb, filename="bomb.xlsx")


def test_zip_with_too_much_uncompressed_data_is_refused():
    """The total uncompressed size is capped even when each ratio looks harmless."""
    data = _rewrite(xlsx(["A"], [["x"]]), {"xl/media/a.bin": bytes(range(256)) * 2000})
    with pytest.raises(FileRejectedError, match="zip bomb"):
        read_table(data, filename="a.xlsx", limits=Limits(max_uncompressed=100_000))


def test_path_traversal_member_names_are_refused():
    """A member named "../x" is refused (it could be extracted outside its folder)."""
    data = _rewrite(xlsx(["A"], [["x"]]), {"../../etc/cron.d/x": b"* * * * * root id"})
    with pytest.raises(FileRejectedError, match="đường dẫn"):
        read_table(data, filename="a.xlsx")


def test_xxe_external_entity_is_refused():
    """A sheet declaring an external entity is refused and /etc/passwd is never read."""
    data = _rewrite(xlsx(["A"], [["x"]]), {"xl/worksheets/sheet1.xml": XXE_SHEET})
    with pytest.raises(FileRejectedError, match="XXE"):
        read_table(data, filename="xxe.xlsx")


def test_openpyxl_itself_refuses_entities_behind_the_zip_check():
    """Second line of defence: openpyxl parses with defusedxml, so even a file that slipped
    past the zip scan raises instead of expanding the entity."""
    import tdkt.documents.xlsx  # noqa: F401  (defuses the stdlib and asserts DEFUSEDXML)

    assert openpyxl.xml.DEFUSEDXML is True
    data = _rewrite(xlsx(["A"], [["x"]]), {"xl/worksheets/sheet1.xml": XXE_SHEET})
    with pytest.raises(ValueError) as caught:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        list(workbook.worksheets[0].iter_rows(values_only=True))
    assert isinstance(caught.value.__cause__, DefusedXmlException)


def test_entity_hidden_from_the_scan_is_still_refused_as_xxe(monkeypatch):
    """With the DTD scan switched off, the defused parser still refuses the file and the user
    is told it looks like an XXE attack, not just "damaged"."""
    monkeypatch.setattr("tdkt.documents.xlsx._scan_xml_member", lambda archive, info: None)
    data = _rewrite(xlsx(["A"], [["x"]]), {"xl/worksheets/sheet1.xml": XXE_SHEET})
    with pytest.raises(FileRejectedError, match="XXE"):
        read_table(data, filename="xxe.xlsx")


def test_formulas_are_never_evaluated():
    """A formula cell yields its cached value (none here), never the formula or its result."""
    table = read_table(
        xlsx(["A", "B", "C"], [["x", "=1+1", '=HYPERLINK("http://x")']]), filename="f.xlsx"
    )
    assert table.rows[0].values[:3] == ("x", None, None)
