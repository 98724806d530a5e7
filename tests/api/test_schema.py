"""The committed OpenAPI schema matches the code, and generating it raises no warnings."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS

COMMITTED = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"


def test_committed_schema_is_up_to_date(tmp_path):
    """Regenerating the schema gives exactly docs/api/openapi.yaml, with zero warnings.

    If this fails after an API change, run
    ``.venv/bin/python manage.py spectacular --file docs/api/openapi.yaml --validate
    --fail-on-warn`` and commit the result.
    """
    generated = tmp_path / "openapi.yaml"
    GENERATOR_STATS.reset()
    with translation.override(settings.LANGUAGE_CODE):
        call_command(
            "spectacular", "--file", str(generated), "--validate", "--fail-on-warn", verbosity=0
        )
    assert generated.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        "docs/api/openapi.yaml is stale: regenerate it (see the docstring)."
    )


def test_schema_documents_every_resource_and_the_error_shape():
    """The schema lists the v1 resources, with the shared Error body on a 403."""
    text = COMMITTED.read_text(encoding="utf-8")
    for path in (
        "/api/v1/people/{uuid}/history/:",
        "/api/v1/organizations/{uuid}/:",
        "/api/v1/groups/{uuid}/years/{year}/members/:",
        "/api/v1/zones/:",
        "/api/v1/me/:",
        "/api/v1/auth/token/:",
    ):
        assert path in text, path
    assert "$ref: '#/components/schemas/Error'" in text


def test_schema_and_docs_are_served_to_signed_in_users(registry):
    """/api/schema/ serves the OpenAPI document and /api/docs/ the Swagger page after sign-in."""
    from django.test import Client

    client = Client()
    client.force_login(registry.viewer)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/people/" in schema.content
    assert client.get("/api/docs/").status_code == 200
