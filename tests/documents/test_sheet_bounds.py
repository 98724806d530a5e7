"""The streaming sheet reader: same values as openpyxl, and small files that would inflate
into gigabytes are refused while they stream, with memory flat in the file's size."""

from __future__ import annotations

import io
import os
import random
import tracemalloc
from datetime import date

import openpyxl
import pytest

from tdkt.documents.xlsx import FileRejectedError, Limits, read_table

from .ooxml import MAIN, excel_like, package, workbook_xml

MB = 1024 * 1024


def _openpyxl_rows(data: bytes) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return rows


def _trimmed(values: tuple) -> tuple:
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _peak(read) -> tuple[int, Exception | None]:
    """Run ``read`` under tracemalloc; return the peak of traced memory and what it raised."""
    tracemalloc.start()
    raised = None
    try:
        read()
    except Exception as exc:  # returned to the test, which checks its type
        raised = exc
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, raised


def test_a_file_saved_like_excel_reads_as_openpyxl_reads_it():
    """Shared strings, numbers, real dates, booleans and text-formatted digits come out as
    openpyxl gives them, row numbers included."""
    rows = [
        ["Nguyễn Văn Ánh", date(1985, 5, 17), "001085012345", 12, 7.5, True],
        [None, None, None, None, None, None],
        ["Trần Minh Đức", date(2020, 1, 6), "0912345678", -3, 1e-3, False],
    ]
    data = excel_like(["Họ và tên", "Ngày", "CCCD", "Số", "Thực", "Đúng"], rows, text_columns=[2])
    table = read_table(data, filename="a.xlsx")

    expected = [r for r in _openpyxl_rows(data)[1:] if any(v is not None for v in r)]
    assert [r.values for r in table.rows] == [_trimmed(r) for r in expected]
    assert [r.number for r in table.rows] == [2, 4]
    assert table.rows[0].values[1].date() == date(1985, 5, 17)
    assert table.headers == ["Họ và tên", "Ngày", "CCCD", "Số", "Thực", "Đúng"]


def test_dates_of_a_1904_workbook_and_inline_strings_with_rich_text():
    """A Mac (1904) workbook's date serials and rich-text inline strings are read correctly;
    phonetic hints are not part of the text; formulas give their saved value."""
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Ngày</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Tên</t></is></c><c r="C1" t="inlineStr"><is><t>Tổng'
        "</t></is></c></row>"
        '<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>Lê </t></r>'
        "<r><t>Thị Hoa</t></r><rPh><t>れ</t></rPh></is></c>"
        '<c r="C2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>'
    )
    data = package(sheet, workbook=workbook_xml(date1904=True))
    table = read_table(data, filename="mac.xlsx")

    day, name, total = table.rows[0].values
    assert (day.date(), name, total) == (date(1904, 1, 2), "Lê Thị Hoa", 2)


def test_prefixed_spreadsheetml_parts_are_understood():
    """Some generators write the SpreadsheetML namespace with a prefix (x:row, x:c)."""
    sheet = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr">'
        '<x:is><x:t>A</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c>'
        "</x:row></x:sheetData></x:worksheet>"
    )
    table = read_table(package(sheet), filename="x.xlsx")
    assert table.headers == ["A"] and table.rows[0].values == (5,)


def test_one_row_of_hundreds_of_thousands_of_cells_is_refused_with_flat_memory():
    """Issue #7: a small file whose one row holds millions of cells took 1.5 GB. The reader
    refuses the row once it passes Excel's own column limit, having kept only a hundred
    cells: memory stays a few megabytes."""
    numbers = random.Random(7)
    cells = "".join(f"<c><v>{numbers.randrange(10**9)}</v></c>" for _ in range(400_000))
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    data = package(sheet)
    assert len(data) < 4 * MB

    peak, raised = _peak(lambda: read_table(data, filename="row.xlsx"))

    assert isinstance(raised, FileRejectedError)
    assert "quá nhiều ô" in raised.message and "Dòng 1" in raised.message
    assert peak < 8 * MB


def test_too_many_cells_in_the_sheet_are_refused():
    """Rows of ordinary width add up: the sheet's cells are counted against a bound too."""
    row = "".join(f'<c r="{chr(65 + i)}{{n}}"><v>1</v></c>' for i in range(20))
    rows = "".join(f'<row r="{n}">{row.format(n=n)}</row>' for n in range(1, 101))
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'

    with pytest.raises(FileRejectedError, match="Trang tính có quá nhiều ô"):
        read_table(package(sheet), filename="cells.xlsx", limits=Limits(max_cells=1_000))
    assert len(read_table(package(sheet), filename="cells.xlsx").rows) == 99


def test_a_declared_huge_shared_string_table_is_refused_before_its_items_are_read():
    """Issue #7: two million shared strings took 430 MB. A table declaring more strings than
    the bound is refused on its first tag."""
    shared = f'<sst xmlns="{MAIN}" count="2000000" uniqueCount="2000000"><si><t>a</t></si></sst>'
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'

    with pytest.raises(FileRejectedError, match="bảng chuỗi ký tự quá lớn"):
        read_table(package(sheet, shared), filename="sst.xlsx")


def test_a_shared_string_table_that_lies_about_its_size_is_refused_while_streaming():
    """A table declaring one string but holding more than the bound is stopped at the bound,
    so memory never holds more than the bound allows."""
    items = "".join(f"<si><t>s{i}</t></si>" for i in range(450_000))
    shared = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1">{items}</sst>'
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'
    data = package(sheet, shared)

    peak, raised = _peak(lambda: read_table(data, filename="sst.xlsx"))

    assert isinstance(raised, FileRejectedError)
    assert "bảng chuỗi ký tự quá lớn" in raised.message
    assert peak < 64 * MB


def test_shared_strings_are_bounded_in_characters_too():
    """A few enormous strings are refused by their total length."""
    text = os.urandom(300_000).hex()  # 600,000 characters that do not compress away
    shared = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'

    with pytest.raises(FileRejectedError, match="bảng chuỗi ký tự quá lớn"):
        read_table(
            package(sheet, shared), filename="sst.xlsx", limits=Limits(max_shared_chars=500_000)
        )


def test_only_the_first_columns_are_kept():
    """Cells past the hundredth column are not kept (nor stored while reading)."""
    cells = "".join(f"<c><v>{i}</v></c>" for i in range(1, 151))
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row>'
        f'<row r="2">{cells}</row></sheetData></worksheet>'
    )
    table = read_table(package(sheet), filename="wide.xlsx")
    assert len(table.headers) == 100 and table.rows[0].values[-1] == 100


def test_header_row_must_be_row_1():
    """A sheet that starts on row 3 has no header row: it is refused with that reason."""
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>A'
        "</t></is></c></row></sheetData></worksheet>"
    )
    with pytest.raises(FileRejectedError, match="Dòng 1 phải là dòng tiêu đề"):
        read_table(package(sheet), filename="a.xlsx")


def test_a_damaged_sheet_and_a_bad_string_index_are_refused_in_vietnamese():
    """Broken XML and a reference to a shared string that does not exist are "damaged"."""
    broken = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c><v>1</row>'
    with pytest.raises(FileRejectedError, match="bị hỏng"):
        read_table(package(broken), filename="a.xlsx")
    dangling = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c t="s"><v>7</v></c></row>'
        "</sheetData></worksheet>"
    )
    with pytest.raises(FileRejectedError, match="bị hỏng"):
        read_table(package(dangling), filename="a.xlsx")


def test_a_csv_line_with_too_many_fields_is_refused_before_splitting():
    """A CSV line of a million separators is refused by counting, not by building the list."""
    data = ("A,B\n" + "," * 1_000_000 + "\n").encode()
    with pytest.raises(FileRejectedError, match="Dòng 2 có quá nhiều ô"):
        read_table(data, filename="a.csv")
