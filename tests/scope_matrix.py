"""Who sees and changes which registry object: the expected answer for every kind of user.

One table (docs/decisions/0005) checked three ways: through the selectors and services
(``tests/organizations/test_scope_matrix.py``), the pages (``tests/web/…``) and the API
(``tests/api/…``). Users are named by the ``Registry`` attribute, plus three that sees nothing:
``no_org`` (a unit head whose organisation an administrator removed), ``inactive`` (an officer
account that was deactivated) and ``anonymous``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.services import user_deactivate
from tdkt.organizations.models import EmulationGroup
from tdkt.organizations.services import group_create, group_members_set

from .builders import Registry, make_user

BOARD_WIDE_READERS = ["admin", "officer", "leader", "council"]
UNIT_USERS = ["investment_head", "planning_head", "enterprise_rep", "viewer"]
NOBODY = ["no_org", "inactive", "anonymous"]
USERS = [*BOARD_WIDE_READERS, *UNIT_USERS, *NOBODY]

ORGANIZATIONS = ["board", "investment", "planning", "centre", "enterprise"]
PEOPLE = ["anh", "duc", "worker"]
GROUPS = ["block", "cluster"]

# What each user may read (organisations, people, blocks/clusters) and whether zones at all.
READS: dict[str, dict[str, set[str]]] = {
    **{
        user: {"organizations": set(ORGANIZATIONS), "people": set(PEOPLE), "groups": set(GROUPS)}
        for user in BOARD_WIDE_READERS
    },
    "investment_head": {"organizations": {"investment"}, "people": {"anh"}, "groups": {"block"}},
    "planning_head": {"organizations": {"planning"}, "people": {"duc"}, "groups": {"block"}},
    "enterprise_rep": {
        "organizations": {"enterprise"},
        "people": {"worker"},
        "groups": {"cluster"},
    },
    "viewer": {"organizations": {"investment"}, "people": {"anh"}, "groups": {"block"}},
    **{user: {"organizations": set(), "people": set(), "groups": set()} for user in NOBODY},
}
SEES_ZONES = {*BOARD_WIDE_READERS, *UNIT_USERS}

# What each user may change: organisations and people (their own scope, for writers) and the
# board-wide reference data (zones, blocks/clusters).
WRITES: dict[str, dict[str, set[str]]] = {
    **{user: {"organizations": set(), "people": set()} for user in USERS},
    "admin": {"organizations": set(ORGANIZATIONS), "people": set(PEOPLE)},
    "officer": {"organizations": set(ORGANIZATIONS), "people": set(PEOPLE)},
    "investment_head": {"organizations": {"investment"}, "people": {"anh"}},
    "planning_head": {"organizations": {"planning"}, "people": {"duc"}},
    "enterprise_rep": {"organizations": {"enterprise"}, "people": {"worker"}},
}
REFERENCE_WRITERS = {"admin", "officer"}
# Who may add an organisation somewhere (``permissions.offered_kinds``): the Board's writers
# and unit heads (internal units); an enterprise representative changes its enterprise's
# contact details but the Board registers enterprises and their branches.
ORGANIZATION_ADDERS = {"admin", "officer", "investment_head", "planning_head"}


@dataclass
class World:
    """The test registry plus a block (investment and planning this year), a cluster (the
    enterprise this year) and the two accounts that see nothing."""

    registry: Registry
    block: EmulationGroup
    cluster: EmulationGroup
    no_org: User
    inactive: User

    def actor(self, name: str) -> Any:
        """Return the user called ``name`` in the tables above."""
        if name == "anonymous":
            return AnonymousUser()
        if name in ("no_org", "inactive"):
            return getattr(self, name)
        return getattr(self.registry, name)

    def obj(self, name: str) -> Any:
        """Return the organisation, person or group called ``name`` in the tables above."""
        if name in GROUPS:
            return getattr(self, name)
        return getattr(self.registry, name)


def build_world(registry: Registry) -> World:
    """Add the two groups through the services, with this year's members, and the accounts
    an administrator detached from their unit or deactivated in the user admin."""
    officer = registry.officer
    year = timezone.localdate().year
    block = group_create(actor=officer, name="Khối các phòng chuyên môn", kind="block")
    group_members_set(
        actor=officer, group=block, year=year, members=[registry.investment, registry.planning]
    )
    cluster = group_create(actor=officer, name="Cụm doanh nghiệp FDI", kind="cluster")
    group_members_set(actor=officer, group=cluster, year=year, members=[registry.enterprise])
    no_org = make_user("no_org", Role.UNIT_HEAD, registry.planning)
    # The account services refuse a unit head without a unit; such an account can only come
    # from older data, so it is made here by a raw update.
    User.objects.filter(pk=no_org.pk).update(organization=None)
    no_org.refresh_from_db()
    inactive = make_user("inactive", Role.EMULATION_OFFICER)
    inactive = user_deactivate(actor=registry.admin, user=inactive)
    assert (no_org.organization, inactive.is_active) == (None, False)
    return World(registry, block, cluster, no_org, inactive)
