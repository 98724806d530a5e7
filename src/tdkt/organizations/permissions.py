"""Who may change which registry record: one predicate and one refusal per kind of write.

The services call the ``ensure_*`` functions first; the screens and the API call them too,
right after reading the object and before reading the input, so that a user who may read but
not change gets 403 whatever they sent (docs/decisions/0013). Templates show a button only
when the matching ``can_*`` predicate is true.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tdkt.accounts.scopes import ensure_board_writer, is_board_writer, scope_for
from tdkt.core.errors import PermissionDeniedError
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import person_in_scope


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
