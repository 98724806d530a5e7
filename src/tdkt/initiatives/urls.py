"""URLs of the initiative screens (namespace ``initiatives``)."""

from django.urls import path

from .views import applications, councils

app_name = "initiatives"

urlpatterns = [
    path("initiatives/", applications.home, name="home"),
    path(
        "initiatives/applications/new/",
        applications.application_create_view,
        name="application-create",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/",
        applications.application_detail,
        name="application-detail",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/edit/",
        applications.application_update_view,
        name="application-update",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/submit/",
        applications.application_submit_view,
        name="application-submit",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/return/",
        applications.application_return_view,
        name="application-return",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/register/",
        applications.application_register_view,
        name="application-register",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/review/",
        applications.application_review_view,
        name="application-review",
    ),
    path(
        "initiatives/applications/<uuid:uuid>/files/",
        applications.application_file_add_view,
        name="application-file-add",
    ),
    path(
        "initiatives/files/<uuid:uuid>/",
        applications.application_file_download,
        name="application-file-download",
    ),
    path(
        "initiatives/files/<uuid:uuid>/remove/",
        applications.application_file_remove_view,
        name="application-file-remove",
    ),
    path("initiatives/councils/", councils.council_list_view, name="council-list"),
    path("initiatives/councils/new/", councils.council_create_view, name="council-create"),
    path("initiatives/councils/<uuid:uuid>/", councils.council_detail, name="council-detail"),
    path(
        "initiatives/councils/<uuid:uuid>/edit/",
        councils.council_update_view,
        name="council-update",
    ),
    path(
        "initiatives/councils/<uuid:uuid>/criteria/",
        councils.council_criteria_view,
        name="council-criteria",
    ),
    path(
        "initiatives/councils/<uuid:uuid>/close/",
        councils.council_close_view,
        name="council-close",
    ),
    path(
        "initiatives/councils/<uuid:uuid>/decide/",
        councils.council_decide_view,
        name="council-decide",
    ),
    path(
        "initiatives/councils/<uuid:uuid>/export/",
        councils.council_export,
        name="council-export",
    ),
]
