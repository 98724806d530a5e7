"""Sign in and sign out."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from tdkt.accounts.forms import LoginForm

login_view = auth_views.LoginView.as_view(
    template_name="accounts/login.html",
    authentication_form=LoginForm,
    redirect_authenticated_user=True,
)
# Django's LogoutView accepts POST only and flushes the session (the old cookie stops working).
logout_view = auth_views.LogoutView.as_view()
