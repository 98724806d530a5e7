"""Derived keys of registry rows: how people and organisations are ordered.

The services compute these keys whenever they write a name, a kind or a parent; a bulk
writer (an importer, the benchmark's generator) calls the same functions. Both are strings of
digits (``tdkt.core.text.name_order_key``), so SQLite and PostgreSQL sort them alike with an
ordinary index, whatever the database's collation (docs/decisions/0046).
"""

from __future__ import annotations

from uuid import UUID

from tdkt.core.text import NAME_END, fold, name_order_key

from .constants import OrganizationKind

#: Digits of a person's name kept in the sort key (about 200 letters); ties fall to the id.
PERSON_NAME_DIGITS = 400
#: Digits of an organisation's name kept per level of the tree key (about 40 letters).
TREE_NAME_DIGITS = 80

#: Siblings of the tree are shown by kind first: the Board, its departments and units,
#: then enterprises, then other bodies.
KIND_ORDER = {
    OrganizationKind.BOARD: 1,
    OrganizationKind.DEPARTMENT: 2,
    OrganizationKind.PUBLIC_SERVICE_UNIT: 3,
    OrganizationKind.REPRESENTATIVE_OFFICE: 4,
    OrganizationKind.ENTERPRISE: 5,
    OrganizationKind.EXTERNAL_BODY: 6,
}


def person_sort_key(full_name: str, uuid: UUID) -> str:
    """Return a person's sort key: Vietnamese order by given name, family name, middle names.

    The public id ends the key, which makes it unique (lists page from it) and orders
    namesakes stably.
    """
    return name_order_key(full_name, given_name_first=True, limit=PERSON_NAME_DIGITS) + (
        NAME_END + uuid.hex
    )


def person_keys(full_name: str, uuid: UUID) -> dict[str, str]:
    """Return the derived fields of a person named ``full_name`` (already normalised)."""
    return {"search_key": fold(full_name), "sort_key": person_sort_key(full_name, uuid)}


def tree_segment(*, name: str, kind: str, pk: int) -> str:
    """Return one organisation's part of the tree key: kind, name, then id (fixed width).

    The name's digits never contain "0"; "0" then twelve digits of id end the segment, so no
    segment starts another one and a subtree stays together after its root.
    """
    rank = KIND_ORDER.get(OrganizationKind(kind), 9) if kind in OrganizationKind.values else 9
    return f"{rank}{name_order_key(name, limit=TREE_NAME_DIGITS)}{NAME_END}{pk:012d}"


def tree_key(parent_key: str, *, name: str, kind: str, pk: int) -> str:
    """Return an organisation's tree key under a parent whose key is ``parent_key``."""
    return parent_key + tree_segment(name=name, kind=kind, pk=pk)
