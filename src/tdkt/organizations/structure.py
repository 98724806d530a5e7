"""The shape of the organisation tree: which kind of organisation may sit under which.

Plain data and predicates, used by the services (validation, 400) and by
``organizations.permissions`` (who may create which kind, 403). Decision 0037.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from tdkt.organizations.constants import OrganizationKind as Kind

#: The Board's own units: departments, public service units, representative offices. They
#: are interchangeable by a reorganisation, and may be nested (a team inside a department).
INTERNAL_UNITS: frozenset[str] = frozenset(
    {Kind.DEPARTMENT, Kind.PUBLIC_SERVICE_UNIT, Kind.REPRESENTATIVE_OFFICE}
)

#: The kinds allowed under a parent of each kind (``None``: a root of the tree).
CHILD_KINDS: dict[str | None, frozenset[str]] = {
    None: frozenset({Kind.BOARD, Kind.EXTERNAL_BODY}),
    Kind.BOARD: INTERNAL_UNITS | {Kind.ENTERPRISE},
    **{unit: INTERNAL_UNITS for unit in INTERNAL_UNITS},
    Kind.ENTERPRISE: frozenset({Kind.ENTERPRISE}),  # branches (tax code 0101234567-001)
    Kind.EXTERNAL_BODY: frozenset({Kind.EXTERNAL_BODY}),
}


def fits_under(kind: str, parent_kind: str | None) -> bool:
    """Return True when an organisation of ``kind`` may sit under a parent of ``parent_kind``
    (``None`` for a root)."""
    return kind in CHILD_KINDS.get(parent_kind, frozenset())


def compatible_kinds(kind: str) -> frozenset[str]:
    """Return the kinds an organisation of ``kind`` may be changed to (itself included).

    Only the internal units change into each other: an enterprise has a registration
    profile, the Board is the root of everything, and an external body is another
    authority's; each of them changes by creating the right record instead.
    """
    return INTERNAL_UNITS if kind in INTERNAL_UNITS else frozenset({kind})


def kind_label(kind: str | None) -> str:
    """Return the Vietnamese name of ``kind`` ("cấp cao nhất" for no parent: a root)."""
    if kind is None:
        return _("cấp cao nhất")
    return str(Kind(kind).label) if kind in Kind.values else kind


def placement_error(kind: str, parent_kind: str | None) -> str | None:
    """Return why ``kind`` may not sit under ``parent_kind``, or None when it may."""
    if fits_under(kind, parent_kind):
        return None
    if parent_kind is None:
        return _("%(kind)s phải thuộc một đơn vị cấp trên.") % {"kind": kind_label(kind)}
    return _("Không thể đặt %(kind)s dưới %(parent)s.") % {
        "kind": kind_label(kind).lower(),
        "parent": kind_label(parent_kind).lower(),
    }


def children_fit(kind: str, child_kinds: Iterable[str]) -> bool:
    """Return True when every child kind may stay under an organisation of ``kind``."""
    return all(fits_under(child, kind) for child in child_kinds)
