"""URLs of the notification list (namespace ``notifications``)."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list_view, name="notification-list"),
    path(
        "notifications/read-all/",
        views.notifications_read_all_view,
        name="notification-read-all",
    ),
    path(
        "notifications/<uuid:uuid>/open/",
        views.notification_open_view,
        name="notification-open",
    ),
]
