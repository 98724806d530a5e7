"""URLs of the shared web pages (namespace ``web``): the dashboard, jobs, the calendar.

Domain screens have their own URL modules (``tdkt.organizations.urls`` …)."""

from django.urls import path

from .views import calendar, dashboard, jobs

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("calendar/", calendar.calendar_list_view, name="calendar-list"),
    path("calendar/<str:day>/remove/", calendar.calendar_remove_view, name="calendar-remove"),
    path("jobs/", jobs.job_list_view, name="job-list"),
    path("jobs/<uuid:uuid>/", jobs.job_detail_view, name="job-detail"),
    path("jobs/<uuid:uuid>/download/", jobs.job_download_view, name="job-download"),
]
