"""The account managers' screens: list and search accounts, create, edit, set a password,
disable and re-enable, unlock. Only the actions the viewer may take are shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from tdkt.accounts import policy
from tdkt.accounts.forms import (
    AccountCreateForm,
    AccountFilterForm,
    AccountUpdateForm,
    NewPasswordForm,
)
from tdkt.accounts.models import User
from tdkt.accounts.selectors import api_token_list, user_get, user_history, user_list, user_lockout
from tdkt.accounts.services import (
    user_create,
    user_deactivate,
    user_reactivate,
    user_set_password,
    user_unlock,
    user_update,
    user_version,
)
from tdkt.core.errors import ApplicationError, ConflictError
from tdkt.organizations.selectors import organization_list
from tdkt.web.audit_display import timeline
from tdkt.web.decorators import AuthenticatedHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error

PAGE_SIZE = 50
HISTORY_LIMIT = 100


@web_view
def user_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """List and search accounts (account managers only)."""
    form = AccountFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    users = user_list(
        actor=request.user,
        search=filters.get("q", ""),
        role=filters.get("role", ""),
        status=filters.get("status", ""),
    )
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"form": form, "page": page})


def _account_form_options(actor: User) -> dict[str, Any]:
    """Return the roles the actor may give and the organisations they may choose."""
    return {"roles": policy.grantable_roles(actor), "organizations": organization_list(actor=actor)}


@sensitive_post_parameters("new_password1", "new_password2")
@web_view
def user_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Create an account with a first password (account managers only)."""
    policy.ensure_can_manage_accounts(request.user)
    form = AccountCreateForm(request.POST or None, **_account_form_options(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create(
                actor=request.user,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["new_password1"],
                **form.service_data(),
            )
        except ApplicationError as exc:
            apply_service_error(form, exc, aliases={"password": "new_password1"})
        else:
            messages.success(request, _("Đã tạo tài khoản %(username)s.") % {"username": user})
            return redirect("accounts:user-detail", uuid=user.uuid)
    return render(request, "accounts/user_form.html", {"form": form, "account": None})


@web_view
def user_detail_view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Show an account, its lockouts, tokens and history, with the actions the viewer may take."""
    account = user_get(actor=request.user, uuid=uuid)
    if not policy.can_manage_accounts(request.user):
        return redirect("accounts:account")  # only one's own account gets this far
    lockout = user_lockout(actor=request.user, user=account)
    events = user_history(actor=request.user, user=account)[:HISTORY_LIMIT]
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "lockout": lockout,
            "actions": policy.account_actions(request.user, account, locked=lockout.locked),
            "tokens": api_token_list(actor=request.user, user=account),
            "timeline": timeline(events, actor=request.user),
        },
    )


@web_view
def user_update_view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Change an account's name, e-mail, role and unit, refusing a stale form (409)."""
    account = user_get(actor=request.user, uuid=uuid)
    policy.ensure_can_change_account(request.user, account)
    initial = {
        "full_name": account.get_full_name(),
        "email": account.email,
        "role": account.role,
        "organization": account.organization.uuid if account.organization else None,
        "version": user_version(account),
    }
    form = AccountUpdateForm(
        request.POST or None, initial=initial, **_account_form_options(request.user)
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user_update(
                actor=request.user,
                user=account,
                expected_version=form.cleaned_data["version"] or None,
                **form.service_data(),
            )
        except ConflictError as exc:
            form.add_error(None, exc.message)
            status = exc.status
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("accounts:user-detail", uuid=account.uuid)
    return render(
        request, "accounts/user_form.html", {"form": form, "account": account}, status=status
    )


@sensitive_post_parameters("new_password1", "new_password2")
@web_view
def user_password_view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Set another user's password; it ends their sessions and API tokens."""
    account = user_get(actor=request.user, uuid=uuid)
    policy.ensure_can_change_account(request.user, account)
    if policy.is_self(request.user, account):
        return redirect("accounts:password-change")
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_set_password(
                actor=request.user, user=account, password=form.cleaned_data["new_password1"]
            )
        except ApplicationError as exc:
            apply_service_error(form, exc, aliases={"password": "new_password1"})
        else:
            messages.success(
                request,
                _("Đã đặt mật khẩu mới cho %(username)s. Hãy báo mật khẩu cho người dùng.")
                % {"username": account.username},
            )
            return redirect("accounts:user-detail", uuid=account.uuid)
    return render(request, "accounts/user_password.html", {"form": form, "account": account})


def _state_action(
    service: Callable[..., User], done: Promise
) -> Callable[[AuthenticatedHttpRequest, UUID], HttpResponse]:
    """Build a POST-only view that applies ``service`` to one account and returns to its page.

    A refusal that depends on the account's state (already disabled, last administrator) is
    shown on the page; a permission refusal is a 403 page (and an audit event).
    """

    @require_POST
    @web_view
    def view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
        account = user_get(actor=request.user, uuid=uuid)
        try:
            service(actor=request.user, user=account)
        except ConflictError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, str(done) % {"username": account.username})
        return redirect("accounts:user-detail", uuid=account.uuid)

    view.__doc__ = service.__doc__
    return view


user_deactivate_view = _state_action(
    user_deactivate,
    gettext_lazy(
        "Đã khoá tài khoản %(username)s; mọi phiên đăng nhập và mã truy cập API đã hết hiệu lực."
    ),
)
user_reactivate_view = _state_action(
    user_reactivate, gettext_lazy("Đã mở lại tài khoản %(username)s.")
)
user_unlock_view = _state_action(
    user_unlock, gettext_lazy("Đã mở khoá đăng nhập cho %(username)s.")
)
