"""Every page a role reaches from its menu reads as Vietnamese and offers only what the role
may do.

Walked with the demo data (``seed_demo``), as each demo login: the menu, one page of each kind
linked from a menu page, and the links found there. Each page reached must open and read as
Vietnamese: no English, no ISO dates, no country or rule codes, no raw ids, amounts grouped
(``tests/giveaways.py``); and no link of those pages may lead to a refusal (a button or a
breadcrumb that ends in "no permission" or "not found").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tdkt.accounts.models import User
from tests.giveaways import find_giveaways
from tests.page_walk import DEMO_ROLES, kind_of, linked_pages, menu_links, one_per_kind

pytestmark = pytest.mark.django_db

#: Links checked per kind of URL on the second level (enough to meet a breadcrumb or a button
#: of each kind without opening every person of a list).
LINKS_PER_KIND = 3


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Load the demo data once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@dataclass
class Walk:
    """What one role met: the HTML of each page read, and each link's answer."""

    pages: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)


def _walk(username: str) -> Walk:
    client = Client()
    client.force_login(User.objects.get(username=username))
    walk = Walk()

    def read(url: str, source: str) -> str | None:
        response = client.get(url)
        if response.status_code == 200:
            walk.pages[url] = response.content.decode()
            return walk.pages[url]
        if response.status_code != 302:
            walk.refused.append(f"{source} → {url}: HTTP {response.status_code}")
        return None

    menu = menu_links(client.get("/").content.decode())
    assert len(menu) >= 8, menu
    second: list[tuple[str, str]] = []
    for url in menu:
        html = read(url, "menu")
        second.extend((url, link) for link in linked_pages(html or ""))
    third: list[tuple[str, str]] = []
    for url in one_per_kind([link for _source, link in second], skip=set(menu)):
        html = read(url, "page")
        third.extend((url, link) for link in linked_pages(html or ""))
    per_kind: Counter[str] = Counter()
    for source, url in third:
        if url in walk.pages or per_kind[kind_of(url)] >= LINKS_PER_KIND:
            continue
        per_kind[kind_of(url)] += 1
        response = client.get(url)
        if response.status_code not in (200, 302):
            walk.refused.append(f"{source} → {url}: HTTP {response.status_code}")
    return walk


@pytest.fixture(scope="module")
def walks(seeded) -> dict[str, Walk]:
    return {username: _walk(username) for username in DEMO_ROLES}


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_every_page_a_role_reaches_reads_as_vietnamese(walks, username):
    """No page of the walk gives away English or internal codes."""
    problems = [
        f"{url}: {found}"
        for url, html in walks[username].pages.items()
        for found in find_giveaways(html)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_no_page_offers_a_link_that_is_refused(walks, username):
    """Menus, buttons and breadcrumbs lead only where the role may go: no 403, no 404."""
    assert not walks[username].refused, "\n".join(walks[username].refused)
