"""Formula-injection guard and the downloadable templates."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tdkt.documents.importing import get_importer
from tdkt.documents.safe import cell_value
from tdkt.documents.services import import_run
from tdkt.documents.template_builder import GUIDE_TITLE, build_template
from tdkt.organizations.models import Person


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+84912345678", "'+84912345678"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Nguyễn Văn Ánh", "Nguyễn Văn Ánh"),
        ("a=b", "a=b"),
        (-5, -5),
        (None, None),
    ],
)
def test_cell_value_guards_text_that_would_run_as_a_formula(value, expected):
    """Text starting with = + - @ (or tab/CR) gets a leading apostrophe; other values and
    real numbers pass unchanged."""
    assert cell_value(value) == expected


def test_guarded_text_is_stored_as_text_not_as_a_formula():
    """Written through the guard, a hostile name stays a plain string cell in Excel."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = cell_value("=cmd|' /C calc'!A0")
    buffer = io.BytesIO()
    workbook.save(buffer)
    cell = load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")


def test_template_has_marked_headers_guide_and_dropdowns():
    """The people template has bold headers with "*" on required columns, a guide sheet
    listing every column with allowed values, and drop-down lists."""
    importer = get_importer("people")
    workbook = load_workbook(io.BytesIO(build_template(importer)))
    data = workbook.worksheets[0]
    headers = [c.value for c in data[1]]
    assert headers[:3] == ["Họ và tên*", "Giới tính", "Ngày sinh"]
    assert "Đối tượng*" in headers and "Từ ngày*" in headers
    assert all(c.font.bold for c in data[1])
    guide = workbook[GUIDE_TITLE]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "Công chức" in text and "Viên chức" in text and "Người lao động" in text
    assert "001085012399" in text  # the sample row
    ranges = [str(v.sqref) for v in data.data_validations.dataValidation]
    assert any(r.startswith("B2") for r in ranges)  # Giới tính
    assert data["D2"].number_format == "@"  # Số CCCD keeps its leading zeros


def test_template_contains_no_formula_cells():
    """No cell of any template is a formula (the sample row and help go through the guard)."""
    for name in ("people", "organizations"):
        workbook = load_workbook(io.BytesIO(build_template(get_importer(name))))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                assert all(c.data_type != "f" for c in row), (name, sheet.title)


def test_filled_in_template_imports(registry):
    """A template downloaded, filled in on its first sheet and uploaded is accepted."""
    workbook = load_workbook(io.BytesIO(build_template(get_importer("people"))))
    workbook.worksheets[0].append(
        [
            "Vũ Thị Lan",
            "Nữ",
            "02/02/1992",
            "001192000123",
            "VN",
            "Viên chức",
            "Trung tâm Dịch vụ hỗ trợ doanh nghiệp",
            "",
            "01/06/2022",
            "",
            "",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_run(
        actor=registry.officer, importer="people", data=buffer.getvalue(), filename="mau.xlsx"
    )

    assert result.ok, result.errors
    assert result.warnings == []
    lan = Person.objects.get(citizen_id="001192000123")
    assert lan.category == "public_employee"
    assert lan.employments.get().organization == registry.centre
