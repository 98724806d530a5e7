"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server.

Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls from
a thread with a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The ORM calls here are
the test's own set-up, not request handling, so allowing them is safe.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("TDKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
# The documentation's screenshots are refreshed on purpose (`make screenshots`); an ordinary
# test run writes them under test-results/ so that it leaves the working tree unchanged.
SCREENSHOTS = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_SCREENSHOTS") == "1"
    else ROOT / "test-results" / "screenshots"
)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium per test process (never downloads a browser)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}; run `make browser-deps`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
