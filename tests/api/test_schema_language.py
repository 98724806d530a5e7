"""The schema does not depend on the language of an earlier generation in the same process."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

COMMITTED = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"


def test_an_english_schema_first_leaves_the_vietnamese_one_whole(tmp_path):
    """DRF freezes a model field's label in the language of the first use of a serializer
    instance; after an English schema, the Vietnamese one still has every field title (this
    made the committed-schema test fail depending on test order)."""
    english, vietnamese = tmp_path / "en.yaml", tmp_path / "vi.yaml"
    with translation.override("en"):
        call_command("spectacular", "--file", str(english), verbosity=0)
    with translation.override("vi"):
        call_command("spectacular", "--file", str(vietnamese), verbosity=0)
    assert vietnamese.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")
