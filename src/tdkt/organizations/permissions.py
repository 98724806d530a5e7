"""Who may change which registry record: one predicate and one refusal per kind of write.

The services call the ``ensure_*`` functions first; the screens and the API call them too,
right after reading the object and before reading the input, so that a user who may read but
not change gets 403 whatever they sent (docs/decisions/0013). Templates show a button only
when the matching ``can_*`` predicate is true.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.scopes import ensure_board_writer, is_board_writer, scope_for
from tdkt.core.errors import PermissionDeniedError
from tdkt.organizations.models import Enterprise, Organization, Person
from tdkt.organizations.selectors import person_in_scope
from tdkt.organizations.structure import CHILD_KINDS, INTERNAL_UNITS, kind_label

#: Every field of an organisation and of its enterprise profile that a service may change.
ORGANIZATION_FIELDS = ("name", "short_name", "kind", "parent", "address", "is_active")
ENTERPRISE_PROFILE_FIELDS = (
    "tax_code",
    "investment_type",
    "investor_country",
    "zone",
    "registered_capital",
    "capital_currency",
)
#: What a unit head or an enterprise representative may change of their own organisation
#: (the root of their scope): its contact details. Its name, kind, place in the tree, being
#: active and, for an enterprise, its registration (tax code, FDI/DDI, investor country,
#: zone, capital) are recorded by the Board's officers (decision 0037).
OWN_ORGANIZATION_FIELDS = frozenset({"short_name", "address"})
#: What a unit head may change of the units below their own: all but the kind.
SUBUNIT_FIELDS = frozenset({"name", "short_name", "parent", "address", "is_active"})


def can_change_organization(actor: Any, organization: Organization) -> bool:
    """Return True when the actor may change ``organization`` (and add units under it)."""
    return scope_for(actor).can_write_path(organization.path)


def ensure_can_change_organization(actor: Any, organization: Organization) -> None:
    """Refuse (403) unless the actor may change ``organization``."""
    if not can_change_organization(actor, organization):
        raise PermissionDeniedError(_("Bạn không có quyền thay đổi dữ liệu của đơn vị này."))


def ensure_can_place_under(actor: Any, parent: Organization | None) -> None:
    """Refuse (403) unless the actor may put an organisation under ``parent`` (a root needs a
    board-wide writer)."""
    if parent is None:
        ensure_board_writer(actor)
    else:
        ensure_can_change_organization(actor, parent)


def offered_kinds(actor: Any) -> set[str]:
    """Return the kinds of organisation the actor may add, somewhere in their scope.

    Board-wide writers add any kind (where the tree admits it, checked by the service); a
    unit head adds internal units (departments, public service units, representative
    offices) inside their unit; an enterprise representative adds none: the Board registers
    enterprises and their branches.
    """
    if is_board_writer(actor):
        return {kind for kinds in CHILD_KINDS.values() for kind in kinds}
    if can_add_records(actor) and getattr(actor, "role", None) == Role.UNIT_HEAD:
        return set(INTERNAL_UNITS)
    return set()


def ensure_can_create(actor: Any, parent: Organization | None, kind: str) -> None:
    """Refuse (403) unless the actor may add an organisation of ``kind`` under ``parent``.

    Whether ``kind`` fits under ``parent`` at all is the tree's rule, checked by the service
    (400): here only who may add what.
    """
    ensure_can_place_under(actor, parent)
    if kind not in offered_kinds(actor):
        raise PermissionDeniedError(
            _(
                "Bạn không được thêm tổ chức loại %(kind)s; hãy đề nghị cán bộ thi đua – "
                "khen thưởng."
            )
            % {"kind": kind_label(kind).lower()}
        )


def changeable_fields(actor: Any, organization: Organization) -> set[str]:
    """Return the fields of ``organization`` (and its enterprise profile) the actor may change.

    Board-wide writers change everything; a unit head or enterprise representative changes
    the contact details of their own organisation and all but the kind (and any enterprise
    registration) of the organisations below it.
    """
    if not can_change_organization(actor, organization):
        return set()
    if is_board_writer(actor):
        return {*ORGANIZATION_FIELDS, *ENTERPRISE_PROFILE_FIELDS}
    if organization.path in scope_for(actor).path_prefixes:
        return set(OWN_ORGANIZATION_FIELDS)
    return set(SUBUNIT_FIELDS)


def ensure_can_change_fields(actor: Any, organization: Organization, fields: Iterable[str]) -> None:
    """Refuse (403), naming them, when ``fields`` (those the caller changes) include one the
    actor may not change; called before the new values are validated."""
    refused = sorted(set(fields) - changeable_fields(actor, organization))
    if refused:
        labels = ", ".join(_field_label(name) for name in refused)
        raise PermissionDeniedError(
            _(
                "Bạn không được thay đổi %(fields)s của tổ chức này; hãy đề nghị cán bộ thi đua – "
                "khen thưởng."
            )
            % {"fields": labels}
        )


def _field_label(name: str) -> str:
    model = Enterprise if name in ENTERPRISE_PROFILE_FIELDS else Organization
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def can_change_person(actor: Any, person: Person) -> bool:
    """Return True when the actor may change ``person``: a writer whose scope holds them."""
    return scope_for(actor).can_write and person_in_scope(actor=actor, person=person)


def ensure_can_change_person(actor: Any, person: Person) -> None:
    """Refuse (403) unless the actor may change ``person``."""
    if not can_change_person(actor, person):
        raise PermissionDeniedError(_("Bạn không có quyền thay đổi cá nhân này."))


def can_add_records(actor: Any) -> bool:
    """Return True when the actor may add organisations or people somewhere in their scope."""
    return scope_for(actor).can_write


def ensure_can_add_records(actor: Any) -> None:
    """Refuse (403) read-only roles before a create form or request body is read."""
    if not can_add_records(actor):
        raise PermissionDeniedError(_("Bạn không có quyền thay đổi dữ liệu."))


def can_change_reference_data(actor: Any) -> bool:
    """Return True when the actor may change zones and blocks/clusters (board-wide data)."""
    return is_board_writer(actor)


def ensure_can_change_reference_data(actor: Any) -> None:
    """Refuse (403) unless the actor may change zones and blocks/clusters."""
    ensure_board_writer(actor)


def can_review_duplicates(actor: Any) -> bool:
    """Return True when the actor may see and settle the duplicates to review (officers: they
    see every person, so the match reveals nothing to them)."""
    return is_board_writer(actor)


def ensure_can_review_duplicates(actor: Any) -> None:
    """Refuse (403) the list of duplicates to review to anyone but the officers."""
    ensure_board_writer(actor, _("Chỉ cán bộ thi đua – khen thưởng xem xét các trường hợp trùng."))
