"""Account services: who may create, change, disable and re-enable accounts (decision 0020).

Every refusal leaves the database and the audit trail as they were; every success records
one event naming the actor.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tdkt.accounts.constants import Role
from tdkt.accounts.models import ApiToken, User
from tdkt.accounts.services import (
    api_token_create,
    user_create,
    user_deactivate,
    user_reactivate,
    user_update,
    user_version,
)
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.organizations.services import organization_update
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db

NON_MANAGERS = ["investment_head", "planning_head", "enterprise_rep", "leader", "council", "viewer"]


def _state() -> tuple[list[tuple], int]:
    """Everything a refused call must leave unchanged: the accounts and the audit trail."""
    rows = list(
        User.objects.order_by("pk").values_list(
            "username", "role", "organization_id", "is_active", "is_staff", "first_name", "password"
        )
    )
    return rows, AuditEvent.objects.count()


def _new_viewer(actor, registry, **overrides):
    data = {
        "actor": actor,
        "username": "nguyen.van.moi",
        "password": PASSWORD,
        "role": Role.VIEWER,
        "organization": registry.investment,
        "first_name": "Nguyễn Văn Mới",
    }
    return user_create(**{**data, **overrides})


def _update(actor, user, **overrides):
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "organization": user.organization,
    }
    return user_update(actor=actor, user=user, **{**data, **overrides})


def _last_event(event_type: str) -> AuditEvent:
    return AuditEvent.objects.filter(event_type=event_type).latest("seq")


# user_create -------------------------------------------------------------------------------


def test_officer_creates_a_viewer_of_a_unit(registry):
    """The officer's new account can sign in, is searchable and is audited with its fields."""
    user = _new_viewer(registry.officer, registry, email="moi@bql.hanoi.gov.vn")
    assert user.check_password(PASSWORD)
    assert (user.role, user.organization, user.is_staff, user.is_superuser) == (
        Role.VIEWER,
        registry.investment,
        False,
        False,
    )
    assert User.objects.filter(search_key__contains="nguyen van moi").get() == user
    event = _last_event(AuditEventType.USER_CREATED)
    assert event.actor == registry.officer
    assert event.object_id == str(user.uuid)
    assert event.changes["role"] == [None, "viewer"]
    assert event.changes["organization"] == [None, registry.investment.pk]
    assert "password" not in event.changes


def test_administrator_role_brings_the_admin_site_flags(registry):
    """An administrator gets staff and superuser; the system may create one too."""
    by_admin = user_create(
        actor=registry.admin, username="admin2", password=PASSWORD, role=Role.ADMIN
    )
    by_system = user_create(actor=None, username="admin3", password=PASSWORD, role=Role.ADMIN)
    for user in (by_admin, by_system):
        assert (user.is_staff, user.is_superuser) == (True, True)
    assert by_admin.role == Role.ADMIN
    event = _last_event(AuditEventType.USER_CREATED)
    assert (event.actor, event.actor_label) == (None, "system")


@pytest.mark.parametrize("role", NON_MANAGERS)
def test_non_managers_may_not_create_accounts(registry, role):
    """Unit heads, enterprise representatives, leaders, council members and viewers get 403."""
    before = _state()
    with pytest.raises(PermissionDeniedError):
        _new_viewer(getattr(registry, role), registry)
    assert _state() == before


def test_anonymous_and_disabled_actors_may_not_create_accounts(registry):
    """Only a signed-in, active manager (or the system) creates accounts."""
    user_deactivate(actor=registry.admin, user=registry.officer)
    registry.officer.refresh_from_db()
    before = _state()
    for actor in (AnonymousUser(), registry.officer):
        with pytest.raises(PermissionDeniedError):
            _new_viewer(actor, registry)
    assert _state() == before


def test_officer_may_not_grant_the_administrator_role(registry):
    """Granting the administrator role is for administrators only (403)."""
    before = _state()
    with pytest.raises(PermissionDeniedError, match="quản trị hệ thống"):
        _new_viewer(registry.officer, registry, role=Role.ADMIN, organization=None)
    assert _state() == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"username": "VIEWER"}, "username"),  # taken, whatever the case
        ({"username": "có dấu cách"}, "username"),
        ({"username": ""}, "username"),
        ({"organization": None}, "organization"),  # a viewer must belong to a unit
        ({"role": Role.ENTERPRISE_REPRESENTATIVE}, "organization"),  # a unit, not an enterprise
        ({"role": "chief"}, "role"),
        ({"email": "not-an-address"}, "email"),
        ({"password": "123"}, "password"),
        ({"first_name": "x" * 151}, "first_name"),
    ],
)
def test_invalid_accounts_are_refused_field_by_field(registry, overrides, field):
    """Each bad value is named under its field, in Vietnamese, and nothing is written."""
    before = _state()
    with pytest.raises(ApplicationError) as caught:
        _new_viewer(registry.officer, registry, **overrides)
    assert caught.value.status == 400
    assert caught.value.fields[field]
    assert _state() == before


def test_a_closed_unit_or_a_linked_person_cannot_be_given(registry):
    """A unit that stopped working, or a person who already has a login, is refused."""
    _new_viewer(None, registry, username="anh", person=registry.anh)
    organization_update(actor=registry.officer, organization=registry.centre, is_active=False)
    before = _state()
    with pytest.raises(ApplicationError) as closed:
        _new_viewer(registry.officer, registry, organization=registry.centre)
    assert "ngừng hoạt động" in closed.value.fields["organization"][0]
    with pytest.raises(ApplicationError) as linked:
        _new_viewer(registry.officer, registry, person=registry.anh)
    assert linked.value.fields["person"]
    assert _state() == before


# user_update -------------------------------------------------------------------------------


def test_officer_moves_a_viewer_to_unit_head_of_another_unit(registry):
    """The change is saved and its before/after values are audited."""
    viewer = _update(
        registry.officer, registry.viewer, role=Role.UNIT_HEAD, organization=registry.planning
    )
    viewer.refresh_from_db()
    assert (viewer.role, viewer.organization) == (Role.UNIT_HEAD, registry.planning)
    event = _last_event(AuditEventType.USER_UPDATED)
    assert event.actor == registry.officer
    assert event.changes == {
        "organization": [registry.investment.pk, registry.planning.pk],
        "role": ["viewer", "unit_head"],
    }


def test_promotion_to_administrator_is_audited_with_its_flags(registry):
    """Giving the administrator role also gives staff and superuser, all in one event."""
    _update(registry.admin, registry.officer, role=Role.ADMIN)
    event = _last_event(AuditEventType.USER_UPDATED)
    assert event.changes["role"] == ["emulation_officer", "admin"]
    assert event.changes["is_staff"] == [False, True]
    assert event.changes["is_superuser"] == [False, True]


def test_saving_unchanged_values_records_nothing(registry):
    """A form saved without changes writes no event."""
    before = _state()
    _update(registry.officer, registry.viewer)
    assert _state() == before


@pytest.mark.parametrize("role", NON_MANAGERS)
def test_non_managers_may_not_change_accounts(registry, role):
    """Only account managers change accounts, even their own role."""
    before = _state()
    with pytest.raises(PermissionDeniedError):
        _update(getattr(registry, role), registry.viewer, first_name="Khác")
    assert _state() == before


def test_officer_may_not_touch_an_administrator_or_grant_that_role(registry):
    """An officer cannot edit an administrator, nor turn anyone into one."""
    before = _state()
    with pytest.raises(PermissionDeniedError):
        _update(registry.officer, registry.admin, first_name="Đổi tên")
    with pytest.raises(PermissionDeniedError):
        _update(registry.officer, registry.viewer, role=Role.ADMIN)
    assert _state() == before


def test_nobody_changes_their_own_role_or_unit(registry):
    """Self-promotion and self-transfer are refused; one's own name may change."""
    before = _state()
    with pytest.raises(PermissionDeniedError, match="vai trò"):
        _update(registry.officer, registry.officer, role=Role.LEADER)
    with pytest.raises(PermissionDeniedError, match="đơn vị"):
        _update(registry.officer, registry.officer, organization=registry.planning)
    assert _state() == before
    _update(registry.officer, registry.officer, first_name="Phạm Thị Đào")
    assert User.objects.get(pk=registry.officer.pk).first_name == "Phạm Thị Đào"


def test_a_stale_form_does_not_overwrite_a_newer_change(registry):
    """Two officers open the same account; the second save is refused (409), not merged."""
    version = user_version(registry.viewer)
    _update(registry.admin, registry.viewer, first_name="Lần một")
    before = _state()
    with pytest.raises(ConflictError) as caught:
        user_update(
            actor=registry.officer,
            user=registry.viewer,
            first_name="Lần hai",
            last_name="",
            email="",
            role=Role.VIEWER,
            organization=registry.investment,
            expected_version=version,
        )
    assert caught.value.status == 409
    assert _state() == before
    assert User.objects.get(pk=registry.viewer.pk).first_name == "Lần một"


def test_the_last_administrator_keeps_the_role(registry):
    """An administrator may demote another, but the last active one stays (409)."""
    second = user_create(actor=registry.admin, username="admin2", password=PASSWORD, role="admin")
    _update(registry.admin, second, role=Role.LEADER)
    before = _state()
    with pytest.raises(ConflictError, match="cuối cùng"):
        _update(None, registry.admin, role=Role.LEADER)
    assert _state() == before


def test_role_needing_a_unit_is_refused_without_one(registry):
    """Turning the leader (board-wide, no unit needed) into a viewer without a unit fails."""
    leader = registry.leader
    before = _state()
    with pytest.raises(ApplicationError) as caught:
        _update(registry.officer, leader, role=Role.VIEWER, organization=None)
    assert caught.value.fields["organization"]
    assert _state() == before


# user_deactivate / user_reactivate ---------------------------------------------------------


def test_disabling_ends_access_and_re_enabling_restores_sign_in_only(registry):
    """Disabling revokes every token and ends every session; re-enabling brings back the
    password, not the old sessions or tokens."""
    api_token_create(actor=registry.viewer, user=registry.viewer, name="Báo cáo")
    generation = registry.viewer.session_generation
    old_session_hash = registry.viewer.get_session_auth_hash()
    user_deactivate(actor=registry.officer, user=registry.viewer)
    viewer = User.objects.get(pk=registry.viewer.pk)
    assert not viewer.is_active
    assert viewer.session_generation == generation + 1
    assert not ApiToken.objects.filter(user=viewer).exists()
    types = list(AuditEvent.objects.order_by("-seq").values_list("event_type", flat=True)[:2])
    assert types == [AuditEventType.API_TOKEN_REVOKED, AuditEventType.USER_DEACTIVATED]
    user_reactivate(actor=registry.officer, user=viewer)
    viewer.refresh_from_db()
    assert viewer.is_active and viewer.check_password(PASSWORD)
    assert viewer.get_session_auth_hash() != old_session_hash
    assert _last_event(AuditEventType.USER_REACTIVATED).changes == {"is_active": [False, True]}


def test_nobody_disables_themself(registry):
    """Not even an administrator (403)."""
    before = _state()
    with pytest.raises(PermissionDeniedError, match="tự khoá"):
        user_deactivate(actor=registry.admin, user=registry.admin)
    assert _state() == before


def test_the_last_administrator_cannot_be_disabled(registry):
    """Only the system could try; it is refused while no other administrator is active."""
    before = _state()
    with pytest.raises(ConflictError, match="cuối cùng"):
        user_deactivate(actor=None, user=registry.admin)
    assert _state() == before
    user_create(actor=registry.admin, username="admin2", password=PASSWORD, role=Role.ADMIN)
    user_deactivate(actor=None, user=registry.admin)
    assert not User.objects.get(pk=registry.admin.pk).is_active


@pytest.mark.parametrize("role", NON_MANAGERS)
def test_non_managers_may_not_disable_or_enable(registry, role):
    """403 for both, and nothing changes."""
    user_deactivate(actor=registry.officer, user=registry.planning_head)
    before = _state()
    actor = getattr(registry, role)
    with pytest.raises(PermissionDeniedError):
        user_deactivate(actor=actor, user=registry.viewer if role != "viewer" else registry.council)
    with pytest.raises(PermissionDeniedError):
        user_reactivate(actor=actor, user=registry.planning_head)
    assert _state() == before


def test_officer_may_not_disable_or_enable_an_administrator(registry):
    """Administrators' accounts are for administrators."""
    second = user_create(actor=registry.admin, username="admin2", password=PASSWORD, role="admin")
    user_deactivate(actor=registry.admin, user=second)
    before = _state()
    with pytest.raises(PermissionDeniedError):
        user_deactivate(actor=registry.officer, user=registry.admin)
    with pytest.raises(PermissionDeniedError):
        user_reactivate(actor=registry.officer, user=second)
    assert _state() == before


def test_disabling_twice_or_enabling_an_active_account_is_a_conflict(registry):
    """The second click of two officers is refused with 409 and records nothing."""
    user_deactivate(actor=registry.officer, user=registry.viewer)
    before = _state()
    with pytest.raises(ConflictError):
        user_deactivate(actor=registry.admin, user=registry.viewer)
    with pytest.raises(ConflictError):
        user_reactivate(actor=registry.officer, user=registry.council)
    assert _state() == before
