"""The page "Kiểm tra điều kiện khen thưởng": an officer checks a case without writing JSON."""

from __future__ import annotations

import html
import json

import pytest

from tdkt.commendations.services import rule_parameter_set

from .pages import giveaways, main_text

pytestmark = pytest.mark.django_db

URL = "/rules/evaluate/"
ELIGIBLE = '<strong class="eligible">Đủ điều kiện</strong>'
NOT_ELIGIBLE = '<strong class="not-eligible">Chưa đủ điều kiện</strong>'


def _example_3(as_of: str, year: int, **more: str) -> dict[str, str]:
    """legal-rules.md §11 example 3: CSTĐCS, HTXSNV in the year, no initiative, ballot 13/15."""
    return {
        "mode": "form",
        "kind": "individual",
        "year": str(year),
        "as_of": as_of,
        "rule_set": "auto",
        "rating_0": "excellent",
        "rating_1": "good",
        "ballot_yes": "13",
        "ballot_members": "15",
        "candidates": "grassroots_emulation_fighter",
        **more,
    }


def _page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_officer_checks_cstdcs_without_initiative_under_r2022(client, registry):
    """HTXSNV 2024, ballot 13/15, decision 20/12/2024: eligible, 2.340.000 đ, in words."""
    client.force_login(registry.officer)
    page = _page(client.post(URL, _example_3("2024-12-20", 2024)))
    assert "Chiến sĩ thi đua cơ sở" in page
    assert ELIGIBLE in page
    assert NOT_ELIGIBLE not in page
    assert "2.340.000 đồng" in page
    assert "Hai triệu ba trăm bốn mươi nghìn đồng" in page
    text = main_text(page, skip=("advanced",))
    assert (
        "Áp dụng Luật TĐKT 2022 + Nghị định 98/2023/NĐ-CP · ngày quyết định 20/12/2024 · năm "
        "xét thành tích 2024 · mức lương cơ sở 2.340.000 đồng." in text
    )
    assert giveaways(text) == []
    assert "Luật TĐKT 2022, Điều 23" in page  # each condition shows its article


def test_same_facts_under_r2013_fail_on_the_initiative(client, registry):
    """Under R2013 (decision 20/12/2022) CSTĐCS needs an initiative: not eligible, ✗ shown."""
    client.force_login(registry.officer)
    page = _page(client.post(URL, _example_3("2022-12-20", 2022)))
    assert "Luật TĐKT 2003 (sửa đổi 2013) + Nghị định 91/2017/NĐ-CP" in page
    assert NOT_ELIGIBLE in page
    assert ELIGIBLE not in page
    failed = [
        line for line in page.splitlines() if 'class="failed"' in line and "sáng kiến" in line
    ]
    assert failed, "the initiative condition is shown as failed"
    assert "✗" in failed[0]


def test_bad_json_in_the_advanced_box_shows_the_path_and_keeps_the_text(client, registry):
    """A typo in the pasted JSON is named by its path; the page is a 200 with the text kept."""
    client.force_login(registry.investment_head)
    case = {
        "as_of": "2024-12-20",
        "year": 2024,
        "subject": {"kind": "individual"},
        "ratings": {"2024": "excelent"},
    }
    text = json.dumps(case)
    response = client.post(URL, {"mode": "json", "case_json": text})
    page = _page(response)
    assert 'ratings.2024: Không có xếp loại "excelent".' in page  # path and Vietnamese
    assert text in page  # the textarea keeps what was pasted
    assert ELIGIBLE not in page and NOT_ELIGIBLE not in page


def test_pasted_json_gives_the_same_verdict_as_the_form(client, registry):
    """The advanced box evaluates the contract JSON as is."""
    client.force_login(registry.officer)
    case = {
        "as_of": "2024-12-20",
        "year": 2024,
        "subject": {"kind": "individual"},
        "ratings": {"2024": "excellent"},
        "ballot": {"yes": 13, "members": 15},
        "candidates": ["grassroots_emulation_fighter"],
    }
    page = _page(client.post(URL, {"mode": "json", "case_json": json.dumps(case)}))
    assert ELIGIBLE in page and "2.340.000" in page


def test_htmx_submit_returns_only_the_results(client, registry):
    """With htmx the response is the results section; errors swap the whole form instead."""
    client.force_login(registry.officer)
    ok = client.post(URL, _example_3("2024-12-20", 2024), HTTP_HX_REQUEST="true")
    assert "<form" not in ok.content.decode()
    assert ELIGIBLE in ok.content.decode()
    bad = client.post(URL, _example_3("2022-12-20", 2024), HTTP_HX_REQUEST="true")
    assert bad["HX-Retarget"] == "#rule-evaluate"
    assert "Năm xét 2024 sau ngày quyết định 20/12/2022." in bad.content.decode()


def test_collective_form_uses_officer_parameters(client, registry):
    """13 of 20 LĐTT: not a TT LĐTT at the default 70 %, eligible once 65 % is set."""
    client.force_login(registry.officer)
    data = {
        "mode": "form",
        "kind": "collective",
        "year": "2025",
        "as_of": "2026-01-15",
        "rating_0": "good",
        "members": "20",
        "members_completing_tasks": "20",
        "members_advanced_worker": "13",
        "candidates": "advanced_collective",
    }
    assert NOT_ELIGIBLE in _page(client.post(URL, data))
    rule_parameter_set(
        actor=registry.officer,
        name="advanced_collective.min_advanced_worker_percent",
        value="65",
        basis="QĐ thành phố",
    )
    page = _page(client.post(URL, data))
    assert ELIGIBLE in page and NOT_ELIGIBLE not in page


def test_empty_form_and_link_from_rule_list(client, registry):
    """The rules page links to the checker, which opens with an empty form."""
    client.force_login(registry.viewer)
    assert URL in client.get("/rules/").content.decode()
    page = _page(client.get(URL))
    assert "Kiểm tra điều kiện khen thưởng" in page
    assert 'name="rating_5"' in page


def test_the_checker_speaks_to_a_civil_servant(client, registry):
    """No API, command or JSON outside the "advanced" corner; labels and choices in
    Vietnamese; the rule sets by their documents; no internal code on the page."""
    client.force_login(registry.viewer)
    page = _page(client.get(URL))
    text = main_text(page, skip=("advanced",))
    for shown in (
        "Năm xét thành tích",
        "Ngày quyết định khen thưởng",
        "Tự động theo ngày quyết định",
        "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Chiến sĩ thi đua toàn quốc",
        "khiển trách",
        "cấp bộ/tỉnh",
    ):
        assert shown in text, shown
    assert giveaways(text) == []
    advanced = main_text(page)
    assert "JSON" in advanced and "tdkt rules evaluate" in advanced  # kept in the corner


def test_a_refused_input_is_explained_in_vietnamese_under_it(client, registry):
    """16 yes votes from a council of 15: the message is under the input, in Vietnamese."""
    client.force_login(registry.officer)
    page = _page(client.post(URL, _example_3("2024-12-20", 2024, ballot_yes="16")))
    assert "Số phiếu đồng ý (16) lớn hơn tổng số thành viên Hội đồng (15)." in page
    assert ELIGIBLE not in page


def test_anonymous_user_is_sent_to_login(client, db):
    """Signed-out visitors are redirected to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
