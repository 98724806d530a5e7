"""URLs of the shared web pages (namespace ``web``): the dashboard.

Domain screens have their own URL modules (``tdkt.organizations.urls`` …)."""

from django.urls import path

from .views import dashboard, jobs

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("jobs/", jobs.job_list_view, name="job-list"),
    path("jobs/<uuid:uuid>/", jobs.job_detail_view, name="job-detail"),
    path("jobs/<uuid:uuid>/download/", jobs.job_download_view, name="job-download"),
]
