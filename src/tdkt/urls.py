"""Top-level URLs: the web UI, the REST API with its schema and docs, and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("tdkt.api.urls")),
    path("imports/", include("tdkt.documents.urls")),
    path("", include("tdkt.commendations.urls")),
    path("", include("tdkt.organizations.urls")),
    path("", include("tdkt.web.urls")),
]
