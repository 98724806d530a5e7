"""URLs of the shared web pages (namespace ``web``): the dashboard and, for now, sign-in.

Domain screens have their own URL modules (``tdkt.organizations.urls`` …)."""

from django.urls import path

from .views import auth, dashboard

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("account/password/", auth.password_change, name="password-change"),
]
