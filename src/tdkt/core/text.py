"""Vietnamese text helpers: normalisation and accent-insensitive search keys.

Search must behave the same on SQLite and PostgreSQL, so instead of database-specific
collations or the ``unaccent`` extension, every searchable name gets a folded copy
(``search_key``) computed here and stored beside it.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Unicode decomposition does not split đ/Đ (they are distinct letters, not d + diacritic).
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def normalize_name(value: str) -> str:
    """Return ``value`` in NFC with single spaces, so equal names are stored equally."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold(value: str) -> str:
    """Return a lowercase, accent-free key: "NGUYỄN Văn Ánh" and "nguyen van anh" match."""
    decomposed = unicodedata.normalize("NFD", value.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.casefold()).strip()
