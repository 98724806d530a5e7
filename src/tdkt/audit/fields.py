"""A JSON value stored as canonical text, so the bytes hashed are the bytes stored."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from .chain import canonical_json


class CanonicalJSONField(models.TextField):
    """JSON kept in a plain text column in its one canonical form (sorted keys, no spaces).

    PostgreSQL's jsonb reorders keys and re-spaces the text it returns, so a hash over it
    would need every row parsed and re-serialised before checking. A text column holds
    exactly what was written, identical on SQLite and PostgreSQL, and the audit verifier
    hashes it as read (ADR 0028). The cost: no JSON lookups in SQL (nothing queries them).
    """

    description = "JSON stored as canonical text"
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def get_prep_value(self, value: Any) -> Any:
        if value is None or hasattr(value, "as_sql"):
            return value
        return canonical_json(value)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return None if value is None else json.loads(value)

    def to_python(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    def value_to_string(self, obj: models.Model) -> Any:
        """Serialise the value itself (dumpdata writes a JSON object, not its repr)."""
        return self.value_from_object(obj)
