"""Every response carries the strict Content-Security-Policy: pages, htmx partials, API, docs."""

from __future__ import annotations

import pytest
from django.test import Client


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize(
    "path", ["/login/", "/", "/people/?q=nguyen", "/api/v1/me/", "/api/docs/", "/no-such-page/"]
)
def test_responses_send_a_self_only_policy_without_inline_code(registry, path):
    """Scripts and styles only from this origin: no 'unsafe-inline', no 'unsafe-eval', no CDN;
    the site cannot be framed and forms post only to itself."""
    client = Client()
    client.force_login(registry.officer)
    response = client.get(path, HTTP_HX_REQUEST="true" if "?" in path else None)
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe" not in header
    assert "http" not in header


def test_templates_have_no_inline_scripts_or_event_handlers():
    """The CSP would block them: every template keeps behaviour in static .js files."""
    import re
    from pathlib import Path

    from django.conf import settings

    offenders = []
    pattern = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+=\"|javascript:|<style|\sstyle=\"")
    for template in Path(settings.SRC_DIR).glob("*/templates/**/*.html"):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{template.relative_to(settings.SRC_DIR)}:{number}: {line}")
    assert offenders == []
