"""Forms 0601–0605: the figures equal the hand-counted awards and movements of the fixture,
the frame is the circular's, and only board-wide readers download them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tdkt.commendations.models import Award
from tdkt.commendations.services.revocation import award_revoke
from tdkt.documents.official.statistics import render_statistics_xlsx
from tdkt.reports.selectors import statistics_sheet
from tdkt.reports.statistics import duration_row, person_category
from tdkt.rules import codes

from .helpers import form_rows

pytestmark = pytest.mark.django_db


def _form(w, form: str, year_from: int = 2019, year_to: int = 2019):
    sheet = statistics_sheet(actor=w.r.officer, form=form, year_from=year_from, year_to=year_to)
    return form_rows(render_statistics_xlsx(sheet))


def test_0603_counts_the_city_level_awards_of_the_year(w) -> None:
    """Columns: 1 total, 2 Bằng khen, 3 CSTĐ, 4 Cờ, 5 Huy hiệu; rows by object and method."""
    rows, _ = _form(w, "0603")
    figures = {code: row[3:8] for code, row in rows.items()}
    assert figures["01"] == [6, 4, 1, 1, 0]  # the 2018 Bằng khen and the Giấy khen are out
    assert figures["02"] == [3, 2, 0, 1, 0]  # collectives
    assert figures["03"] == [1, 1, 0, 0, 0]  # of which the enterprise
    assert figures["04"] == [0, 0, 0, 0, 0]  # households
    assert figures["05"] == [3, 2, 1, 0, 0]  # individuals
    assert figures["09"] == [2, 1, 1, 0, 0]  # other leaders (phó trưởng phòng)
    assert figures["10"] == [1, 1, 0, 0, 0]  # direct workers
    assert figures["11"] == [6, 4, 1, 1, 0]  # regular (imported decisions)
    assert figures["12"] == [0, 0, 0, 0, 0]  # thematic


def test_0602_counts_state_awards_split_collective_individual(w) -> None:
    """Column 2 (Huân chương) and 7 (Bằng khen TTg) are split TT / CN."""
    rows, sheet = _form(w, "0602")
    headings = next([c for c in row if c] for row in sheet if row[0] == "Chỉ tiêu")
    assert headings[:4] == ["Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số"]
    # A B C 1 | 2: TT CN | 3: CN | 4: CN | 5: TT CN | 6: TT | 7: TT CN | 8: CN | 9: TT CN
    total = rows["01"][3:]
    assert total == [3, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]
    assert rows["03"][3] == 3  # submitted through the City
    assert rows["06"][3] == 1  # collectives
    assert rows["07"][3] == 0  # of which enterprises
    assert rows["09"][3] == 2  # individuals
    assert rows["12"][3] == 1  # an entrepreneur (the company's director)
    assert rows["14"][3] == 1  # a direct worker


def test_0601_counts_the_launched_movements_by_duration_and_kind(w) -> None:
    """Drafts are not counted; all are the Board's own (column 4, row 05)."""
    rows, _ = _form(w, "0601")
    assert rows["01"][2:6] == [3, 0, 0, 3]
    assert rows["05"][2] == 3
    assert [rows[c][2] for c in ("06", "07", "08", "09", "10")] == [1, 1, 0, 0, 1]
    assert rows["11"][2] == 1 and rows["12"][2] == 2


def test_the_frame_names_the_form_the_circular_and_the_signatures(w) -> None:
    _rows, sheet = _form(w, "0603")
    texts = [str(c) for row in sheet for c in row if c]
    assert texts[0] == "Biểu số: 0603.N/BNV-TĐKT"
    assert "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023" in texts
    assert any(t.startswith("Đơn vị báo cáo: ") for t in texts)
    assert "Năm 2019" in texts
    assert "Người lập biểu" in texts and "(Ký, họ tên, đóng dấu)" in texts


def test_a_period_of_several_years_adds_them_up(w) -> None:
    rows, sheet = _form(w, "0603", 2018, 2019)
    assert rows["01"][3] == 7
    assert "Từ năm 2018 đến năm 2019" in [c for row in sheet for c in row]


def test_0604_and_0605_are_blank_grids_to_fill_in(w) -> None:
    rows, _ = _form(w, "0605")
    assert list(rows) == [f"{n:02d}" for n in range(1, 16)]
    assert rows["01"][2:4] == [None, None]


def test_a_name_typed_as_a_formula_stays_text(w) -> None:
    """No user text reaches these grids but the frame still escapes every text cell."""
    from tdkt.documents.official.statistics import StatisticsSheet

    sheet = statistics_sheet(actor=w.r.officer, form="0601", year_from=2019, year_to=2019)
    hostile = StatisticsSheet(**{**sheet.__dict__, "reporting_unit": '=HYPERLINK("x")'})
    _rows, values = form_rows(render_statistics_xlsx(hostile))
    cell = next(c for row in values for c in row if isinstance(c, str) and "HYPERLINK" in c)
    assert not cell.startswith("=")


def test_position_and_duration_rules() -> None:
    assert person_category(position="Trưởng ban", in_enterprise=False) == "department_leader"
    assert person_category(position="Phó Chánh Văn phòng", in_enterprise=False) == "other_leader"
    assert person_category(position="Tổng Giám đốc", in_enterprise=True) == "entrepreneur"
    assert person_category(position="Kỹ sư", in_enterprise=True) == "worker"
    assert duration_row(date(2019, 1, 1), date(2019, 12, 31)) == "07"
    assert duration_row(date(2019, 1, 1), date(2021, 12, 31)) == "09"
    assert duration_row(date(2019, 5, 1), date(2020, 6, 30)) == "08"


def test_board_wide_readers_download_and_a_unit_head_is_refused(w, client) -> None:
    url = reverse("reports:statistics-download", kwargs={"form": "0603"}) + "?year_from=2019"
    client.force_login(w.r.leader)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows, _ = form_rows(b"".join(response))
    assert rows["01"][3] == 6
    client.force_login(w.r.investment_head)
    assert client.get(url).status_code == 403
    assert client.get(reverse("reports:statistics")).status_code == 403


def test_bad_input_is_refused_not_a_crash(w, client) -> None:
    client.force_login(w.r.officer)
    base = reverse("reports:statistics-download", kwargs={"form": "0603"})
    assert client.get(base + "?year_from=abc").status_code == 404
    assert client.get(base + "?year_from=2019&year_to=2018").status_code == 400
    assert client.get(base + "?year_from=2000&year_to=2030").status_code == 400
    other = reverse("reports:statistics-download", kwargs={"form": "0999"})
    assert client.get(other).status_code == 404


def test_a_revoked_award_is_not_counted(w) -> None:
    flag = Award.objects.get(code=codes.PROVINCIAL_FLAG, organization=w.r.planning)
    award_revoke(
        actor=w.r.officer, award=flag, reason="Phát hiện sai phạm", revoking_decision="7/QĐ-UBND"
    )
    rows, _ = _form(w, "0603")
    assert rows["01"][3:8] == [5, 4, 1, 0, 0]
