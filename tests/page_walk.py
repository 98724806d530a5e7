"""Which pages a role reaches: its menu, and one page of each kind linked from there.

Shared by the page walk through the Django client (``tests/web/test_vietnamese_pages.py``) and
the phone walk in a real browser (``tests/e2e/test_phone_walk.py``).
"""

from __future__ import annotations

import re

#: The demo logins, one per role (``tdkt.demo.accounts``).
DEMO_ROLES = [
    "admin", "canbo.tdkt", "truongphong.dautu", "hoidong", "doanhnghiep", "lanhdao", "xem",
]  # fmt: skip

NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
MAIN = re.compile(r"<main>(.*)</main>", re.S)
HREF = re.compile(r'href="(/[^"#?]*)"')
# Files, not pages: downloads, exports, documents and the admin (Django's own screens).
NOT_PAGES = re.compile(
    r"(download|export|/file|/files/|template|\.xlsx|\.docx|\.pdf|\.csv|/pdf/|/docx/|/xlsx/"
    r"|^/admin/|^/api/|/static/|/media/|/verify/|/logout/)"
)
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+")


def menu_links(html: str) -> list[str]:
    """Return the menu's page links in order (without the admin's)."""
    found = NAV.search(html)
    links = HREF.findall(found.group(0)) if found else []
    return [link for link in dict.fromkeys(links) if not NOT_PAGES.search(link)]


def kind_of(url: str) -> str:
    """Return the URL with its ids replaced: one page per kind is enough."""
    return ID.sub("N", url)


def linked_pages(html: str) -> list[str]:
    """Return the pages linked from a page's main part."""
    found = MAIN.search(html)
    links = HREF.findall(found.group(1)) if found else []
    return [link for link in dict.fromkeys(links) if not NOT_PAGES.search(link)]


def one_per_kind(urls: list[str], skip: set[str]) -> list[str]:
    """Return the first URL of each kind not in ``skip`` (whose kinds are skipped too)."""
    seen = {kind_of(url) for url in skip}
    chosen = []
    for url in urls:
        kind = kind_of(url)
        if kind not in seen:
            seen.add(kind)
            chosen.append(url)
    return chosen
