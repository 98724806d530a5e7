"""Create, change, disable and re-enable accounts (decision 0020 says who may do what)."""

from __future__ import annotations

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tdkt.accounts import policy
from tdkt.accounts.constants import USER_FIELDS, Role
from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import PendingEvent, diff, record, record_many, snapshot
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import Organization, Person

from .common import (
    account_service,
    check_password_strength,
    ensure_not_last_admin,
    ensure_version,
    lock_user,
    search_key,
)
from .tokens import revoke_all_tokens

ORG_BOUND_ROLES = {Role.UNIT_HEAD, Role.ENTERPRISE_REPRESENTATIVE, Role.VIEWER}
NAME_MAX = 150


def _clean_text(value: str | None) -> str:
    return " ".join((value or "").split())


def _validate_profile(
    *,
    user: User,
    role: str,
    organization: Organization | None,
    person: Person | None,
    current_organization_id: int | None,
    errors: dict[str, list[str]],
) -> None:
    """Collect field errors of the role, organisation, person, names and e-mail."""
    if role not in Role.values:
        errors["role"] = [_("Vai trò không hợp lệ.")]
    elif role in ORG_BOUND_ROLES and organization is None:
        errors["organization"] = [_("Vai trò này phải gắn với một đơn vị.")]
    elif (
        role == Role.ENTERPRISE_REPRESENTATIVE
        and organization is not None
        and organization.kind != OrganizationKind.ENTERPRISE
    ):
        errors["organization"] = [_("Đại diện doanh nghiệp phải gắn với một doanh nghiệp.")]
    # Keeping a unit that has since closed is allowed; choosing one is not.
    if (
        organization is not None
        and organization.pk != current_organization_id
        and not Organization.objects.filter(pk=organization.pk, is_active=True).exists()
    ):
        errors.setdefault("organization", []).append(_("Đơn vị này đã ngừng hoạt động."))
    if person is not None and User.objects.filter(person=person).exclude(pk=user.pk).exists():
        errors["person"] = [_("Cá nhân này đã gắn với một tài khoản khác.")]
    for name in ("first_name", "last_name"):
        if len(getattr(user, name)) > NAME_MAX:
            errors[name] = [_("Tối đa %(n)s ký tự.") % {"n": NAME_MAX}]
    if user.email:
        try:
            validate_email(user.email)
        except ValidationError:
            errors["email"] = [_("Địa chỉ thư điện tử không hợp lệ.")]


def _set_role(user: User, role: str) -> None:
    """Give ``role``; the admin-site flags follow it (a database constraint checks it)."""
    user.role = role
    user.is_staff = user.is_superuser = role == Role.ADMIN


@account_service
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str | None,
    role: str,
    organization: Organization | None = None,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """Create an account. ``actor=None`` is the system (set-up, demo data, ``createsuperuser``).

    Unit heads, enterprise representatives and viewers must belong to an organisation, or
    they would see nothing. Without a password the account cannot sign in until an account
    manager sets one.
    """
    policy.ensure_can_manage_accounts(actor)
    if role in Role.values:
        policy.ensure_can_grant_role(actor, role)
    user = User(
        username=(username or "").strip(),
        person=person,
        organization=organization,
        first_name=_clean_text(first_name),
        last_name=_clean_text(last_name),
        email=(email or "").strip(),
    )
    _set_role(user, role)
    errors: dict[str, list[str]] = {}
    try:
        UnicodeUsernameValidator()(user.username)
    except ValidationError:
        errors["username"] = [
            _("Tên đăng nhập chỉ gồm chữ, chữ số và các ký tự @ . + - _ (không dấu cách).")
        ]
    if not user.username or len(user.username) > NAME_MAX:
        errors["username"] = [_("Tên đăng nhập phải có từ 1 đến 150 ký tự.")]
    elif User.objects.filter(username__iexact=user.username).exists():
        errors["username"] = [_("Tên đăng nhập đã tồn tại.")]
    _validate_profile(
        user=user,
        role=role,
        organization=organization,
        person=person,
        current_organization_id=None,
        errors=errors,
    )
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    if password is None:
        user.set_unusable_password()
    else:
        check_password_strength(password, user)
        user.set_password(password)
    user.search_key = search_key(user)
    user.save()
    record(
        event_type=AuditEventType.USER_CREATED,
        actor=actor,
        obj=user,
        changes=diff({}, snapshot(user, USER_FIELDS)),
    )
    return user


@account_service
def user_update(
    *,
    actor: User | None,
    user: User,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    organization: Organization | None,
    expected_version: str | None = None,
) -> User:
    """Change an account's names, e-mail, role and organisation.

    ``expected_version`` is the ``user_version`` the caller's form was drawn from; a
    different current version means someone else saved first, and nothing is written.
    """
    policy.ensure_can_change_account(actor, user)
    user = lock_user(user)
    own = policy.is_self(actor, user)
    if role != user.role:
        if own:
            raise PermissionDeniedError(_("Bạn không thể tự đổi vai trò của mình."))
        if role in Role.values:
            policy.ensure_can_grant_role(actor, role)
    if own and organization != user.organization:
        raise PermissionDeniedError(_("Bạn không thể tự đổi đơn vị của mình."))
    ensure_version(user, expected_version)
    before = snapshot(user, USER_FIELDS)
    user.first_name = _clean_text(first_name)
    user.last_name = _clean_text(last_name)
    user.email = (email or "").strip()
    errors: dict[str, list[str]] = {}
    _validate_profile(
        user=user,
        role=role,
        organization=organization,
        person=user.person,
        current_organization_id=user.organization_id,
        errors=errors,
    )
    if errors:
        raise ApplicationError(_("Dữ liệu không hợp lệ."), fields=errors)
    if role != user.role and policy.is_administrator(user) and user.is_active:
        ensure_not_last_admin(
            user, _("Không thể đổi vai trò của quản trị hệ thống cuối cùng đang hoạt động.")
        )
    _set_role(user, role)
    user.organization = organization
    changes = diff(before, snapshot(user, USER_FIELDS))
    if not changes:
        return user
    user.search_key = search_key(user)
    user.save(update_fields=[*changes, "search_key"])
    record(event_type=AuditEventType.USER_UPDATED, actor=actor, obj=user, changes=changes)
    return user


@account_service
def user_deactivate(*, actor: User | None, user: User) -> User:
    """Disable an account: it can no longer sign in, and every session and API token of it
    ends at once."""
    policy.ensure_can_change_account(actor, user)
    if policy.is_self(actor, user):
        raise PermissionDeniedError(_("Bạn không thể tự khoá tài khoản của mình."))
    user = lock_user(user)
    if not user.is_active:
        raise ConflictError(_("Tài khoản này đã bị khoá."))
    if policy.is_administrator(user):
        ensure_not_last_admin(user, _("Không thể khoá quản trị hệ thống cuối cùng đang hoạt động."))
    user.is_active = False
    user.session_generation += 1
    user.save(update_fields=["is_active", "session_generation"])
    revoked = revoke_all_tokens(user)
    record_many(
        [
            PendingEvent(
                AuditEventType.USER_DEACTIVATED,
                actor,
                user,
                {"is_active": [True, False]},
            ),
            *(
                PendingEvent(AuditEventType.API_TOKEN_REVOKED, actor, user, {"name": [name, None]})
                for name in revoked
            ),
        ]
    )
    return user


@account_service
def user_reactivate(*, actor: User | None, user: User) -> User:
    """Enable a disabled account again; its old sessions and tokens stay ended."""
    policy.ensure_can_change_account(actor, user)
    user = lock_user(user)
    if user.is_active:
        raise ConflictError(_("Tài khoản này đang hoạt động."))
    user.is_active = True
    user.save(update_fields=["is_active"])
    record(
        event_type=AuditEventType.USER_REACTIVATED,
        actor=actor,
        obj=user,
        changes={"is_active": [False, True]},
    )
    return user
