"""URLs of the reports (``/reports/``); namespace ``reports``."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.dashboard_view, name="report-dashboard"),
    path("reports/statistics/", views.statistics_view, name="statistics"),
    path(
        "reports/statistics/<str:form>.xlsx",
        views.statistics_download_view,
        name="statistics-download",
    ),
    path("reports/annual/<int:year>/", views.annual_view, name="annual"),
    path("reports/annual/<int:year>/bao-cao.<str:fmt>", views.annual_file_view, name="annual-file"),
    path(
        "reports/annual/<int:year>/<str:section>/edit/",
        views.narrative_edit_view,
        name="narrative-edit",
    ),
]
