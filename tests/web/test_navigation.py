"""The main menu: each role sees the links it may follow, and the current section is marked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tdkt.web.navigation import main_menu

NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>')


def _menu(client, url: str) -> dict[str, tuple[str, bool]]:
    """Return the menu of the page at ``url``: label → (target, marked current)."""
    html = NAV.search(client.get(url).content.decode())
    assert html is not None
    return {label: (href, bool(current)) for href, current, label in LINK.findall(html.group())}


def test_the_page_s_section_is_marked_and_only_it(client_for):
    menu = _menu(client_for("officer"), reverse("organizations:person-list"))
    assert menu["Cá nhân"] == (reverse("organizations:person-list"), True)
    assert [label for label, (_, current) in menu.items() if current] == ["Cá nhân"]


@pytest.mark.parametrize(
    ("url_name", "section"),
    [
        ("web:dashboard", "Tổng quan"),
        ("organizations:zone-list", "Khu công nghiệp"),
        ("movements:movement-list", "Phong trào thi đua"),
        ("movements:registration-home", "Đăng ký thi đua"),
        ("commendations:decision-list", "Quyết định khen thưởng"),
        ("web:calendar-list", "Lịch nghỉ, làm bù"),
    ],
)
def test_each_section_marks_its_own_link(client_for, url_name, section):
    menu = _menu(client_for("officer"), reverse(url_name))
    assert [label for label, (_, current) in menu.items() if current] == [section]


def test_writers_and_readers_see_different_links(client_for):
    officer = _menu(client_for("officer"), reverse("web:dashboard"))
    viewer = _menu(client_for("viewer"), reverse("web:dashboard"))
    for officers_only in ("Nhập dữ liệu", "Lịch nghỉ, làm bù", "Tài khoản"):
        assert officers_only in officer
        assert officers_only not in viewer
    assert "Cá nhân" in viewer


def test_the_council_link_is_for_the_board_and_council_members(registry, client_for):
    assert "Hội đồng" in _menu(client_for("officer"), reverse("web:dashboard"))
    assert "Hội đồng" not in _menu(client_for("enterprise_rep"), reverse("web:dashboard"))


def test_labels_follow_the_language(registry):
    with translation.override("en"):
        english = [link.label for link in main_menu(registry.officer, None)]
    with translation.override("vi"):
        vietnamese = [link.label for link in main_menu(registry.officer, None)]
    assert "Tổng quan" in vietnamese
    assert "Tổng quan" not in english
    assert len(english) == len(vietnamese)
    assert not any(link.current for link in main_menu(registry.officer, None))
