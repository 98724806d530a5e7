"""The API: ``/api/v1/…`` resources, the OpenAPI schema and its docs page (both signed-in only).

Anything else under ``/api/`` answers with the JSON error shape instead of an HTML 404.
"""

from django.urls import include, path, re_path

from .views import SchemaView, api_not_found, docs_view

app_name = "api"

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", docs_view(), name="docs"),
    path("v1/", include("tdkt.api.v1.urls")),
    re_path(r"^.*$", api_not_found, name="not-found"),
]
