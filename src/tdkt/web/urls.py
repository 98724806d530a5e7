"""URLs of the shared web pages (namespace ``web``): the dashboard.

Domain screens have their own URL modules (``tdkt.organizations.urls`` …)."""

from django.urls import path

from .views import dashboard

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
]
