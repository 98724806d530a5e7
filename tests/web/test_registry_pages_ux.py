"""What a newcomer trips over on the registry pages (issue #8 §2): countries and capital in
words, a tree search, breadcrumbs and buttons that lead only where the user may go, and a
person's CCCD and birth date masked for readers who do not need them."""

from __future__ import annotations

import pytest

from tests.giveaways import find_giveaways

pytestmark = pytest.mark.django_db


def test_enterprise_page_names_the_country_and_groups_the_capital(client_for, registry):
    """The investor country is "Nhật Bản", not JP; the capital reads 12.000.000 USD."""
    page = client_for("officer").get(f"/organizations/{registry.enterprise.uuid}/")
    html = page.content.decode()
    assert "Nhật Bản" in html and "12.000.000 USD" in html
    assert find_giveaways(html) == []


def test_tree_search_finds_without_accents_and_names_the_parent(client_for, registry):
    """Typing "dau tu" lists Phòng Quản lý Đầu tư with the unit it belongs to, and nothing
    that does not match; the search stays in the box."""
    html = client_for("officer").get("/organizations/?q=dau tu").content.decode()
    assert "Phòng Quản lý Đầu tư" in html
    assert f"thuộc {registry.board.name}" in html
    assert registry.planning.name not in html
    assert 'value="dau tu"' in html


def test_a_unit_head_breadcrumb_does_not_link_the_board(client_for, registry):
    """The unit head's own unit names the Board above it without linking to a page that
    would answer "not found"; the officer gets the link."""
    board_link = f'href="/organizations/{registry.board.uuid}/"'
    url = f"/organizations/{registry.investment.uuid}/"
    head = client_for("investment_head").get(url).content.decode()
    assert registry.board.name in head and board_link not in head
    assert board_link in client_for("officer").get(url).content.decode()


def test_enterprise_representative_is_not_offered_adding_organisations(client_for, registry):
    """The representative edits the enterprise's contact details but adds no organisation:
    neither the tree nor the enterprise's page offers it, and the form is refused on GET."""
    client = client_for("enterprise_rep")
    assert "Thêm tổ chức" not in client.get("/organizations/").content.decode()
    page = client.get(f"/organizations/{registry.enterprise.uuid}/").content.decode()
    assert "Thêm đơn vị trực thuộc" not in page
    assert client.get("/organizations/new/").status_code == 403


@pytest.mark.parametrize(
    ("name", "full"),
    [("officer", True), ("investment_head", True), ("leader", False), ("council", False)],
)
def test_person_page_masks_cccd_and_birth_date_for_readers(client_for, registry, name, full):
    """Ánh's page shows the full CCCD and date of birth to who may change Ánh, and the last
    three digits and the year to other readers; the nationality is a country's name."""
    html = client_for(name).get(f"/people/{registry.anh.uuid}/").content.decode()
    assert ("001085012345" in html) is full
    assert ("17/05/1985" in html) is full
    if not full:
        assert "•••••••••345" in html and "sinh năm 1985" in html
    assert "Việt Nam" in html


@pytest.mark.parametrize(("name", "finds"), [("officer", True), ("leader", False)])
def test_only_readers_of_full_cccds_find_a_person_by_one(client_for, registry, name, finds):
    """A typed CCCD finds Ánh for an officer; for a leader, who sees masked numbers, it finds
    nobody: the search must not tell whose a number is."""
    html = client_for(name).get("/people/?q=001085012345").content.decode()
    assert ("Nguyễn Văn Ánh" in html) is finds
