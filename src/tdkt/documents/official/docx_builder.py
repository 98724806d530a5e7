"""Build the committed .docx templates of the official documents (docxtpl + python-docx).

Run ``python -m tdkt.documents.official.docx_builder`` after changing the layout; the templates
in ``templates/`` are committed so that officers can also open and adjust them in Word, and a
test checks that they match this builder. Every placeholder reads the view composed in
``content`` (``v``); templates hold no wording logic.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.shared import Mm, Pt

from .docx_layout import (
    A4,
    add_styles,
    cell_text,
    para,
    repeat_header_row,
    rule,
    setup_section,
    table,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
LEFT, RIGHT = 62.0, 98.0  # header cells, mm (3500 and 5571 twips, §1.2)


def _new_document() -> Document:
    document = docx.Document()
    add_styles(document)
    setup_section(document.sections[0], restart_numbering=False)
    # python-docx's blank document starts with no paragraph; keep it that way.
    return document


def header_block(document: Document) -> None:
    """Borderless 2 × 2 table: issuing body | national title; number | place and date."""
    tbl = table(document, 2, [LEFT, RIGHT], borders=False)
    left, right = tbl.rows[0].cells
    cell_text(left, "{{ v.header.superior }}", "TDKT Header")
    para(left, "{{ v.header.name }}", "TDKT Header Bold")
    rule(left, indent_mm=LEFT / 3)
    cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TDKT Header Bold")
    para(right, "Độc lập - Tự do - Hạnh phúc", "TDKT Header Bold").runs[0].font.size = Pt(13)
    rule(right, indent_mm=(RIGHT - 62) / 2)
    number, place_date = tbl.rows[1].cells
    cell_text(number, "{{ v.header.number }}", "TDKT Header")
    cell_text(place_date, "{{ v.header.place_date }}", "TDKT Place Date")


def copies_and_signature(document: Document, width: float = A4.text_width) -> None:
    """Nơi nhận on the left, the signature block on the right (boxes 7–9)."""
    tbl = table(document, 1, [width * 0.45, width * 0.55], borders=False)
    copies, signature = tbl.rows[0].cells
    cell_text(copies, "Nơi nhận:", "TDKT Copies Heading")
    para(copies, "{%p for c in v.copies %}", "TDKT Copies")
    para(copies, "- {{ c }}", "TDKT Copies")
    para(copies, "{%p endfor %}", "TDKT Copies")
    signature_cell(signature, "v.signature")


def signature_cell(cell: object, expression: str, *, caption: str = "") -> None:
    """Optional caption, authority and title lines, room for signature and seal, the name."""
    first = caption or f"{{%p for line in {expression}.lines %}}"
    cell_text(cell, first, "TDKT Signature")  # type: ignore[arg-type]
    if caption:
        para(cell, f"{{%p for line in {expression}.lines %}}", "TDKT Signature")
    para(cell, "{{ line }}", "TDKT Signature")
    para(cell, "{%p endfor %}", "TDKT Signature")
    for _ in range(4):  # about four blank 14 pt lines for signature and seal (practice)
        para(cell, "", "TDKT Signature")
    para(cell, f"{{{{ {expression}.name }}}}", "TDKT Signature")


def decision(document: Document) -> None:
    """Mẫu 1.2: decision skeleton, then the attached list in its own section."""
    header_block(document)
    para(document, "QUYẾT ĐỊNH", "TDKT Type")
    para(document, "{{ v.subject }}", "TDKT Subject")
    rule(document, indent_mm=A4.text_width / 3)
    para(document, "{{ v.authority }}", "TDKT Authority")
    para(document, "{%p for b in v.bases %}", "TDKT Basis")
    para(document, "{{ b }}", "TDKT Basis")
    para(document, "{%p endfor %}", "TDKT Basis")
    para(document, "QUYẾT ĐỊNH:", "TDKT Decides")
    _articles(document)
    copies_and_signature(document)
    para(document, "{%p if v.has_list %}", "TDKT Body")
    document.add_section(WD_SECTION.NEW_PAGE)
    setup_section(document.sections[-1], restart_numbering=True)
    para(document, "DANH SÁCH", "TDKT Annex Title")
    para(document, "{{ v.list_title }}", "TDKT Annex Title")
    para(document, "{{ v.list_reference }}", "TDKT Annex Reference")
    para(document, "{%p if v.mixed_awards %}", "TDKT Body")
    _list_table(document, mixed=True)
    para(document, "{%p else %}", "TDKT Body")
    _list_table(document, mixed=False)
    para(document, "{%p endif %}", "TDKT Body")
    para(
        document, "Bằng chữ: {{ v.total_words }}.", "TDKT Basis"
    ).paragraph_format.space_before = Mm(2)
    para(document, "{%p endif %}", "TDKT Body")


def _articles(document: Document) -> None:
    para(document, "{%p for a in v.articles %}", "TDKT Body")
    paragraph = para(document, "", "TDKT Body")
    paragraph.add_run("{{ a.label }}").bold = True
    paragraph.add_run(" {{ a.text }}")
    para(document, "{%p endfor %}", "TDKT Body")


def _list_table(document: Document, *, mixed: bool) -> None:
    """STT | name | position and unit | (award) | amount | note, grouped, with totals (§2)."""
    if mixed:
        widths = [12.0, 38.0, 42.0, 30.0, 24.0, 14.0]
        heads = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác",
                 "Danh hiệu / Hình thức", "Số tiền (đồng)", "Ghi chú"]  # fmt: skip
        cells = ["{{ r.index }}", "{{ r.name }}", "{{ r.position_unit }}", "{{ r.award }}",
                 "{{ r.amount }}", "{{ r.note }}"]  # fmt: skip
    else:
        widths = [12.0, 48.0, 56.0, 26.0, 18.0]
        heads = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác",
                 "Số tiền (đồng)", "Ghi chú"]  # fmt: skip
        cells = ["{{ r.index }}", "{{ r.name }}", "{{ r.position_unit }}", "{{ r.amount }}",
                 "{{ r.note }}"]  # fmt: skip
    amount_col = len(widths) - 2
    tbl = table(document, 8, widths, borders=True)
    for cell, head in zip(tbl.rows[0].cells, heads, strict=True):
        cell_text(cell, head, "TDKT Table Head")
    repeat_header_row(tbl)
    cell_text(tbl.rows[1].cells[0], "{%tr for g in v.groups %}", "TDKT Table")
    heading = tbl.rows[2].cells[0].merge(tbl.rows[2].cells[-1])
    cell_text(heading, "{{ g.heading }}", "TDKT Table").runs[0].bold = True
    cell_text(tbl.rows[3].cells[0], "{%tr for r in g.rows %}", "TDKT Table")
    for i, (cell, text) in enumerate(zip(tbl.rows[4].cells, cells, strict=True)):
        style = "TDKT Table Number" if i == amount_col else "TDKT Table"
        cell_text(cell, text, "TDKT Table Head" if i == 0 else style).runs[0].bold = False
    cell_text(tbl.rows[5].cells[0], "{%tr endfor %}", "TDKT Table")
    _sum_row(tbl.rows[6].cells, amount_col, "Cộng", "{{ g.subtotal }}")
    cell_text(tbl.rows[7].cells[0], "{%tr endfor %}", "TDKT Table")
    total = tbl.add_row().cells
    _sum_row(total, amount_col, "Tổng cộng", "{{ v.total }}")


def _sum_row(cells: tuple[object, ...], amount_col: int, label: str, value: str) -> None:
    merged = cells[0].merge(cells[amount_col - 1])  # type: ignore[attr-defined]
    cell_text(merged, label, "TDKT Table Head")
    cell_text(cells[amount_col], value, "TDKT Table Number").runs[0].bold = True  # type: ignore[arg-type]


def proposal(document: Document) -> None:
    """Mẫu 1.4 with a Kính gửi block: the tờ trình of §3."""
    header_block(document)
    para(document, "TỜ TRÌNH", "TDKT Type")
    para(document, "{{ v.subject }}", "TDKT Subject")
    rule(document, indent_mm=A4.text_width / 3)
    addressees = para(document, "", "TDKT Authority")
    addressees.add_run("Kính gửi: {{ v.addressee_inline }}").bold = False
    para(document, "{%p for a in v.addressee_lines %}", "TDKT Body")
    para(document, "{{ a }}", "TDKT Authority").paragraph_format.space_before = Mm(0)
    para(document, "{%p endfor %}", "TDKT Body")
    para(document, "{%p for b in v.bases %}", "TDKT Basis")
    para(document, "{{ b }}", "TDKT Basis")
    para(document, "{%p endfor %}", "TDKT Basis")
    para(document, "{{ v.request }}", "TDKT Body")
    para(document, "{%p for g in v.groups %}", "TDKT Body")
    para(document, "{{ g.heading }}", "TDKT Group")
    para(document, "{%p for item in g.items %}", "TDKT Body")
    para(document, "{{ item }}", "TDKT Body")
    para(document, "{%p endfor %}", "TDKT Body")
    para(document, "{%p endfor %}", "TDKT Body")
    para(document, "{{ v.achievement }}", "TDKT Body")
    para(document, "{{ v.enclosures }}", "TDKT Basis")
    para(document, "{{ v.closing }}", "TDKT Body")
    copies_and_signature(document)


def minutes(document: Document) -> None:
    """Mẫu 1.9: the council's minutes, member list and tally, THƯ KÝ left, CHỦ TỌA right."""
    header_block(document)
    para(document, "BIÊN BẢN", "TDKT Type")
    para(document, "{{ v.meeting_name }}", "TDKT Subject")
    rule(document, indent_mm=A4.text_width / 3)
    _paragraphs(document, "v.opening", "TDKT Body")
    members = table(document, 4, [12.0, 50.0, 40.0, 35.0, 23.0], borders=True)
    for cell, head in zip(
        members.rows[0].cells,
        ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Hội đồng", "Tham dự"],
        strict=True,
    ):
        cell_text(cell, head, "TDKT Table Head")
    cell_text(members.rows[1].cells[0], "{%tr for m in v.members %}", "TDKT Table")
    for cell, text in zip(
        members.rows[2].cells,
        [
            "{{ m.index }}",
            "{{ m.name }}",
            "{{ m.position }}",
            "{{ m.council_role }}",
            "{{ m.attendance }}",
        ],
        strict=True,
    ):
        cell_text(cell, text, "TDKT Table")
    cell_text(members.rows[3].cells[0], "{%tr endfor %}", "TDKT Table")
    para(document, "Nội dung cuộc họp:", "TDKT Group").paragraph_format.space_before = Mm(3)
    _paragraphs(document, "v.proceedings", "TDKT Body")
    para(document, "{%p if v.results %}", "TDKT Body")
    para(document, "Kết quả biểu quyết:", "TDKT Group")
    _paragraphs(document, "v.ballot", "TDKT Body")
    widths = [10.0, 38.0, 30.0, 28.0, 14.0, 14.0, 14.0, 12.0]
    results = table(document, 4, widths, borders=True)
    heads = ["STT", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu / Hình thức", "Số phiếu đồng ý",
             "Tổng số thành viên HĐ", "Tỷ lệ %", "Kết quả"]  # fmt: skip
    for cell, head in zip(results.rows[0].cells, heads, strict=True):
        cell_text(cell, head, "TDKT Table Head")
    repeat_header_row(results)
    cell_text(results.rows[1].cells[0], "{%tr for r in v.results %}", "TDKT Table")
    fields = ["index", "name", "unit", "award", "votes_for", "members_total", "percent", "outcome"]
    for cell, name in zip(results.rows[2].cells, fields, strict=True):
        numeric = name in {"votes_for", "members_total", "percent"}
        cell_text(cell, f"{{{{ r.{name} }}}}", "TDKT Table Number" if numeric else "TDKT Table")
    cell_text(results.rows[3].cells[0], "{%tr endfor %}", "TDKT Table")
    para(document, "{%p endif %}", "TDKT Body")
    para(document, "{{ v.closing }}", "TDKT Body")
    signatures = table(document, 1, [A4.text_width / 2] * 2, borders=False)
    secretary, chair = signatures.rows[0].cells
    signature_cell(secretary, "v.secretary_signature", caption="THƯ KÝ")
    signature_cell(chair, "v.chair_signature", caption="CHỦ TỌA")
    para(document, "Nơi nhận:", "TDKT Copies Heading").paragraph_format.space_before = Mm(4)
    para(document, "{%p for c in v.copies %}", "TDKT Copies")
    para(document, "- {{ c }}", "TDKT Copies")
    para(document, "{%p endfor %}", "TDKT Copies")


def review(document: Document) -> None:
    """Mẫu 1.4 (báo cáo): numbered sections of paragraphs, each with an optional table."""
    header_block(document)
    para(document, "BÁO CÁO", "TDKT Type")
    para(document, "{{ v.subject }}", "TDKT Subject")
    rule(document, indent_mm=A4.text_width / 3)
    para(document, "{%p for s in v.sections %}", "TDKT Body")
    para(document, "{{ s.heading }}", "TDKT Group")
    _paragraphs(document, "s.paragraphs", "TDKT Body")
    para(document, "{%p if s.table %}", "TDKT Body")
    para(document, "{{ s.table.title }}", "TDKT Basis")
    widths = [12.0, 64.0, 28.0, 28.0, 28.0]
    tbl = table(document, 4, widths, borders=True)
    for i, cell in enumerate(tbl.rows[0].cells):
        cell_text(cell, f"{{{{ s.table.headings[{i}] }}}}", "TDKT Table Head")
    repeat_header_row(tbl)
    cell_text(tbl.rows[1].cells[0], "{%tr for r in s.table.rows %}", "TDKT Table")
    for i, cell in enumerate(tbl.rows[2].cells):
        style = "TDKT Table" if i == 1 else "TDKT Table Number"
        cell_text(cell, f"{{{{ r[{i}] }}}}", "TDKT Table Head" if i == 0 else style)
        cell.paragraphs[0].runs[0].bold = False
    cell_text(tbl.rows[3].cells[0], "{%tr endfor %}", "TDKT Table")
    para(document, "{%p endif %}", "TDKT Body")
    para(document, "{%p endfor %}", "TDKT Body")
    copies_and_signature(document)


def annual(document: Document) -> None:
    """The annual report (Mẫu 1.4): the body is built at render time in the paragraph marked
    ``{{ body }}`` (``annual.render_annual_report_docx``), since its tables vary in width."""
    header_block(document)
    para(document, "BÁO CÁO", "TDKT Type")
    para(document, "{{ v.subject }}", "TDKT Subject")
    rule(document, indent_mm=A4.text_width / 3)
    para(document, "{{ body }}", "TDKT Body")
    copies_and_signature(document)


def _paragraphs(document: Document, expression: str, style: str) -> None:
    para(document, f"{{%p for text in {expression} %}}", style)
    para(document, "{{ text }}", style)
    para(document, "{%p endfor %}", style)


BUILDERS: dict[str, Callable[[Document], None]] = {
    "decision": decision,
    "proposal": proposal,
    "minutes": minutes,
    "review": review,
    "annual": annual,
}


def build(name: str) -> Document:
    """Return the template ``name`` as a python-docx document."""
    document = _new_document()
    BUILDERS[name](document)
    return document


def main(argv: list[str] | None = None) -> int:
    """Write every template into ``templates/`` (or the folder given)."""
    target = Path(argv[0]) if argv else TEMPLATES
    target.mkdir(parents=True, exist_ok=True)
    for name in BUILDERS:
        path = target / f"{name}.docx"
        data = io.BytesIO()
        build(name).save(data)
        if path.is_file() and _xml(path.read_bytes()) == _xml(data.getvalue()):
            continue  # unchanged: keep the committed file byte for byte
        path.write_bytes(data.getvalue())
        print(path)
    return 0


def _xml(data: bytes) -> dict[str, bytes]:
    """The document parts of a .docx (the zip's timestamps differ on every save)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("word/")}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
