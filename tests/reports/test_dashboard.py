"""The dashboard: every chart's figures in a table beside it, a unit sees only its own."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from tdkt.reports.selectors import dashboard_data

pytestmark = pytest.mark.django_db


def _chart_data(content: str) -> dict:
    match = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', content)
    assert match, "the page carries its chart data as JSON"
    return json.loads(match.group(1))


def test_awards_by_unit_and_year_for_the_board(w) -> None:
    board = dashboard_data(actor=w.r.officer, year=2019)
    assert board.award_years == [2015, 2016, 2017, 2018, 2019]
    counts = {row["unit"]: row["counts"] for row in board.awards}
    assert counts["Phòng Quản lý Đầu tư"] == [0, 0, 0, 1, 5]
    assert counts["Phòng Quy hoạch và Xây dựng"] == [0, 0, 0, 0, 3]


def test_registration_rate_per_unit(w) -> None:
    board = dashboard_data(actor=w.r.officer, year=2019)
    rates = {r["unit"]: (r["registered"], r["eligible"], r["rate"]) for r in board.registrations}
    assert rates == {
        "Phòng Quản lý Đầu tư": (2, 2, 100.0),
        "Phòng Quy hoạch và Xây dựng": (0, 2, 0.0),
    }
    assert board.registration_target == 100


def test_a_unit_head_sees_only_the_units_own_figures(w) -> None:
    board = dashboard_data(actor=w.r.investment_head, year=2019)
    assert [row["unit"] for row in board.awards] == ["Phòng Quản lý Đầu tư"]
    assert [row["unit"] for row in board.registrations] == ["Phòng Quản lý Đầu tư"]
    assert board.procedures == []


def test_a_persons_earlier_unit_is_not_named_to_a_unit_head(w) -> None:
    """Đức moves to the investment department in 2020: his 2019 awards stay with planning,
    which the investment head's dashboard counts without naming it."""
    from datetime import date

    from tdkt.organizations.services import employment_add

    employment_add(
        actor=w.r.officer,
        person=w.r.duc,
        organization=w.r.investment,
        start_date=date(2020, 1, 1),
        position="Chuyên viên",
    )
    board = dashboard_data(actor=w.r.investment_head, year=2019)
    counts = {row["unit"]: row["counts"][-1] for row in board.awards}
    assert counts == {"Phòng Quản lý Đầu tư": 5, "Đơn vị khác": 2}


def test_the_page_draws_charts_from_the_tables_figures(w, client) -> None:
    client.force_login(w.r.officer)
    response = client.get(reverse("reports:report-dashboard") + "?year=2019")
    assert response.status_code == 200
    content = response.content.decode()
    data = _chart_data(content)
    assert data["award_years"][-1] == 2019
    table = content[content.index('id="table-awards"') :]
    for row in data["awards"]:
        assert row["label"] in table
    assert 'src="/static/reports/vendor/chart.umd.js"' in content
    assert "<script>" not in content  # no inline code (CSP)


def test_the_unit_heads_page_names_no_other_unit(w, client) -> None:
    client.force_login(w.r.investment_head)
    content = client.get(reverse("reports:report-dashboard") + "?year=2019").content.decode()
    assert "Phòng Quản lý Đầu tư" in content
    assert "Phòng Quy hoạch và Xây dựng" not in content
    assert "Báo cáo năm" not in content and "Biểu thống kê" not in content


def test_a_bad_year_is_not_found(w, client) -> None:
    client.force_login(w.r.viewer)
    assert client.get(reverse("reports:report-dashboard") + "?year=abc").status_code == 404
    assert client.get(reverse("reports:report-dashboard") + "?year=1200").status_code == 404
