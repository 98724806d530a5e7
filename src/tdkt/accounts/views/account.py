"""The signed-in user's own account: details, password change, API tokens (issue #8)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from tdkt.accounts.forms import PasswordChangeForm, TokenCreateForm
from tdkt.accounts.selectors import api_token_get, api_token_list
from tdkt.accounts.services import api_token_create, api_token_revoke, user_password_change
from tdkt.accounts.services.passwords import password_change_locked
from tdkt.accounts.services.tokens import token_lifetime_days
from tdkt.core.errors import ApplicationError, LockedOutError
from tdkt.web.decorators import AuthenticatedHttpRequest, error_response, web_view
from tdkt.web.forms.errors import apply_service_error


def _account_page(
    request: AuthenticatedHttpRequest,
    *,
    form: TokenCreateForm | None = None,
    new_key: str = "",
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {
        "account": user,
        "tokens": api_token_list(actor=user, user=user),
        "token_form": form or TokenCreateForm(max_days=token_lifetime_days()),
        "new_key": new_key,
        "password_locked": password_change_locked(user),
    }
    return render(request, "accounts/account.html", context, status=status)


@never_cache
@web_view
def account_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Show the user's own account: role, unit, password link and API tokens."""
    return _account_page(request)


@never_cache
@require_POST
@web_view
@sensitive_variables("key")
def token_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Issue an API token and show its key this once (the page is not cached)."""
    form = TokenCreateForm(request.POST, max_days=token_lifetime_days())
    if form.is_valid():
        try:
            token, key = api_token_create(
                actor=request.user,
                user=request.user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã tạo mã “%(name)s”.") % {"name": token.name})
            return _account_page(request, new_key=key)
    return _account_page(request, form=form, status=400)


@require_POST
@web_view
def token_revoke_view(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Revoke a token: the owner on their account page, a manager on the owner's page."""
    token = api_token_get(actor=request.user, uuid=uuid)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Đã thu hồi mã “%(name)s”.") % {"name": token.name})
    if token.user_id == request.user.pk:
        return redirect("accounts:account")
    return redirect("accounts:user-detail", uuid=token.user.uuid)


@sensitive_post_parameters()
@web_view
def password_change_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Change one's own password; wrong current passwords are counted (decision 0024)."""
    if password_change_locked(request.user):
        return render(request, "accounts/password_change.html", {"locked": True}, status=429)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_password_change(
                actor=request.user,
                current_password=form.cleaned_data["current_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except LockedOutError as exc:
            # The lockout ended every session of the account, this one included.
            logout(request)
            return error_response(request, exc)
        except ApplicationError as exc:
            apply_service_error(form, exc, aliases={"password": "new_password1"})
        else:
            update_session_auth_hash(request, user)
            messages.success(
                request,
                _(
                    "Đã đổi mật khẩu. Các phiên đăng nhập khác và mọi mã truy cập API "
                    "đã hết hiệu lực."
                ),
            )
            return redirect("accounts:account")
    return render(request, "accounts/password_change.html", {"form": form})
