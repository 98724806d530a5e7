"""The main menu as a user reaches it: on a phone it is folded behind the menu button."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

NAV_NAME = "Điều hướng chính"
TOGGLE_NAME = "Danh mục chức năng"


def main_menu(page: Page) -> Locator:
    """Return the main navigation, tapping the menu button first when the menu is folded."""
    nav = page.get_by_role("navigation", name=NAV_NAME)
    menu = nav.locator("details.nav-menu")
    toggle = nav.locator("summary", has_text=TOGGLE_NAME)
    if menu.get_attribute("open") is None and toggle.is_visible():
        toggle.click()
    return nav
