"""The API: ``/api/v1/…`` resources, the OpenAPI schema and its browsable docs.

Anything else under ``/api/`` answers with the JSON error shape instead of an HTML 404.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from .views import api_not_found

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include("tdkt.api.v1.urls")),
    re_path(r"^.*$", api_not_found, name="not-found"),
]
