"""How a typed query finds people: by CCCD, or by the words of their name through an index.

A query of digits is a CCCD number and matches exactly. Otherwise the query is folded like the
names (``fold``: no accents, no case) and split into words; a person matches when their name
holds those words one after the other, the last one possibly unfinished: "nguyen van a" finds
"Nguyễn Văn Anh", "duc" finds "Đức" and "Đức Anh", but "uyen" does not find "Nguyễn" (words
are matched from their start). The same rule runs three ways, which tests hold equal:

* SQLite: the FTS5 index (``tdkt.organizations.derived``): a phrase whose last word is a prefix;
* PostgreSQL: a regular expression on ``search_key``, served by the pg_trgm index;
* Python (``NameQuery.matches``): for rows already read in name order (``people_pages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from tdkt.core.text import fold, normalize_identifier
from tdkt.organizations.derived import SEARCH_TABLE

_WORD = re.compile(r"[^\W_]+")
_CITIZEN_ID = re.compile(r"[0-9]{1,12}")


@dataclass(frozen=True)
class NameQuery:
    """A people search: a CCCD number, or the folded words of a name."""

    citizen_id: str = ""
    words: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> NameQuery:
        """Read what a user typed in the search box."""
        text = text.strip()
        # A CCCD typed with another keyboard's digits is the same number (issue #7).
        if _CITIZEN_ID.fullmatch(identifier := normalize_identifier(text)):
            return cls(citizen_id=identifier)
        return cls(words=tuple(_WORD.findall(fold(text))))

    @property
    def is_empty(self) -> bool:
        """True when the query can match nobody (only punctuation was typed)."""
        return not self.citizen_id and not self.words

    def q(self) -> Q:
        """Return the filter of matching people, through the name index of the database."""
        if self.citizen_id:
            return Q(citizen_id=self.citizen_id)
        if self.is_empty:
            return Q(pk__in=[])
        if connection.vendor == "sqlite":
            # A constant statement; the phrase is a bound parameter.
            sql = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH %s"  # noqa: S608
            return Q(pk__in=RawSQL(sql, [self.fts_phrase()]))  # noqa: S611
        return Q(search_key__regex=self.pattern(posix=True))

    def fts_phrase(self) -> str:
        """Return the FTS5 query: the words as one phrase, the last one a prefix."""
        return '"' + " ".join(self.words) + '"*'

    def pattern(self, *, posix: bool = False) -> str:
        """Return the regular expression of a match on ``search_key`` (PostgreSQL's classes
        with ``posix``, Python's otherwise)."""
        gap = "[^[:alnum:]]" if posix else r"[\W_]"
        return f"(^|{gap})" + f"{gap}+".join(re.escape(word) for word in self.words)

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern())

    def matches(self, search_key: str, citizen_id: str | None = None) -> bool:
        """Return True when a row with these values matches (the rule the indexes apply)."""
        if self.citizen_id:
            return citizen_id == self.citizen_id
        return bool(self.words) and self._regex.search(search_key) is not None
