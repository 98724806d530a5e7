"""The rules pages speak Vietnamese to a civil servant: titles, articles, rule sets, values."""

from __future__ import annotations

import html

import pytest

from tdkt.rules.codes import AWARDS

from .pages import giveaways, main_text

pytestmark = pytest.mark.django_db

R2022B = "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP"


def _get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_rule_list_names_every_title_and_form_by_category_without_codes(client, registry):
    """A unit head sees titles and forms by name and kind, the rule set by its documents."""
    client.force_login(registry.investment_head)
    page = _get(client, "/rules/?rule_set=R2022b")
    text = main_text(page)
    assert "Danh hiệu thi đua" in text and "Hình thức khen thưởng" in text
    for award in AWARDS:
        assert award.label.vi in text
    assert "Chiến sĩ thi đua cơ sở (cá nhân)" in text
    assert "Giấy khen (cá nhân, tập thể)" in text
    assert "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP" in text
    assert f"{R2022B}: áp dụng cho các quyết định từ ngày 01/07/2025." in text
    assert giveaways(text) == []


def test_rule_set_titles_say_which_documents_and_period(client, registry):
    """Each rule set is named by its law and decree, with the decisions it applies to."""
    client.force_login(registry.viewer)
    text = main_text(_get(client, "/rules/?rule_set=R2022a"))
    assert "Luật TĐKT 2022 + Nghị định 98/2023/NĐ-CP" in text
    assert "quyết định từ ngày 01/01/2024 đến ngày 30/06/2025" in text
    options = main_text(_get(client, "/rules/"))
    assert "Luật TĐKT 2003 (sửa đổi 2013) + Nghị định 91/2017/NĐ-CP" in options
    assert "Luật TĐKT 2022 sửa đổi năm 2026 (dự thảo, chưa áp dụng)" in options


def test_explain_page_is_a_real_page_with_conditions_citations_and_parameters(client, registry):
    """CSTĐ bộ/tỉnh under R2022b: headings, each condition with its article, the parameters
    in a table with their values in Vietnamese; no text dump."""
    client.force_login(registry.investment_head)
    page = _get(client, "/rules/provincial_emulation_fighter/?rule_set=R2022b")
    assert "<pre" not in page
    text = main_text(page)
    assert "Chiến sĩ thi đua cấp bộ, ngành, tỉnh (thành phố)" in text
    assert "Đối với cá nhân" in text and "Điều kiện" in text and "Tham số áp dụng" in text
    assert "Đạt Chiến sĩ thi đua cơ sở 3 năm liên tục đến năm xét" in text
    assert "Luật TĐKT 2022, Điều 22" in text
    assert "Được từ 90% tổng số thành viên Hội đồng TĐKT đồng ý (bỏ phiếu kín)" in text
    assert "Hệ số tiền thưởng Chiến sĩ thi đua cấp bộ, ngành, tỉnh (thành phố)" in text
    assert "3 × lương cơ sở" in text
    assert "làm tròn lên" in text
    assert "Có" in text  # no overlapping periods: a yes/no value in Vietnamese
    assert "chưa xác minh" in text
    assert giveaways(text) == []
    assert page.count('<ol class="conditions">') == 1


def test_explain_page_nests_alternatives_and_shows_notes_in_vietnamese(client, registry):
    """Bằng khen cấp tỉnh: criterion (d) has two routes, shown as a nested list; the note
    saying what the officer appraises is in Vietnamese, for both subject kinds."""
    client.force_login(registry.viewer)
    page = _get(client, "/rules/provincial_certificate_of_commendation/?rule_set=R2022b")
    text = main_text(page)
    assert "Đối với cá nhân" in text and "Đối với tập thể" in text
    assert "Đạt một trong các điều kiện sau:" in text
    assert page.count("<ol>") >= 2  # the routes and the parts of the second route
    assert "Hệ thống chỉ kiểm tra được tiêu chuẩn điểm d" in text
    assert giveaways(text) == []


@pytest.mark.parametrize("rule_set", ["R2013", "R2022a", "R2022b", "R2026"])
def test_every_explain_page_of_every_rule_set_is_vietnamese(client, registry, rule_set):
    """No English word or internal code on any title's page, under any rule set."""
    client.force_login(registry.viewer)
    for award in AWARDS:
        text = main_text(_get(client, f"/rules/{award.code}/?rule_set={rule_set}"))
        assert award.label.vi in text
        assert giveaways(text) == [], (award.code, rule_set)


def test_unknown_code_is_404(client, registry):
    """A title that does not exist answers "not found"."""
    client.force_login(registry.viewer)
    assert client.get("/rules/gold_medal/").status_code == 404


def test_english_interface_shows_english_labels(client, registry):
    """With the English switch, the same page reads in English."""
    client.force_login(registry.viewer)
    client.cookies["django_language"] = "en"
    text = main_text(_get(client, "/rules/advanced_worker/?rule_set=R2022b"))
    assert "Advanced Worker" in text
    assert "× base salary" in text
