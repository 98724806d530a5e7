"""Find the record a cell names ("Đơn vị", "Khu công nghiệp" …) without case or accents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from django.utils.translation import gettext as _

from tdkt.core.text import fold

from .base import Row

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Records indexed by each of their names (e.g. full name and short name), folded.

    Built once per import from a selector's queryset, so resolving a thousand rows costs one
    query, and a name shared by two records is reported instead of silently picking one.
    """

    def __init__(self, items: Iterable[T], names: Callable[[T], Iterable[str]]) -> None:
        self._index: dict[str, list[T]] = defaultdict(list)
        for item in items:
            for key in {fold(name) for name in names(item) if name}:
                self._index[key].append(item)

    def get(self, name: str) -> list[T]:
        """Return every record called ``name``."""
        return list(self._index.get(fold(name), []))

    def find(self, row: Row, key: str, *, not_found: str, ambiguous: str = "") -> T | None:
        """Return the one record named in ``row[key]``; report none or several on the row."""
        name = row.get(key)
        if not name:
            return None
        found = self.get(name)
        if len(found) == 1:
            return found[0]
        if found:
            row.error(key, ambiguous or _("Có nhiều bản ghi cùng tên này; hãy ghi rõ hơn."))
        else:
            row.error(key, not_found)
        return None
