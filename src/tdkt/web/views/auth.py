"""Sign in, sign out and change one's own password."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from tdkt.accounts.services import user_set_password
from tdkt.core.errors import ApplicationError
from tdkt.web.decorators import AuthenticatedHttpRequest, web_view
from tdkt.web.forms import LoginForm, PasswordChangeForm, apply_service_error

login_view = auth_views.LoginView.as_view(
    template_name="web/login.html",
    authentication_form=LoginForm,
    redirect_authenticated_user=True,
)
# Django's LogoutView accepts POST only and flushes the session (the old cookie stops working).
logout_view = auth_views.LogoutView.as_view()


@sensitive_post_parameters()
@web_view
def password_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Let the signed-in user set a new password through ``user_set_password``."""
    form = PasswordChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_set_password(
                actor=request.user, user=request.user, password=form.cleaned_data["new_password1"]
            )
        except ApplicationError as exc:
            apply_service_error(form, exc, aliases={"password": "new_password1"})
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("Đã đổi mật khẩu."))
            return redirect("web:dashboard")
    return render(request, "web/account/password_change.html", {"form": form})
