"""URLs of the petition register (``/petitions/``); namespace ``petitions``."""

from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("petitions/", views.petition_list_view, name="petition-list"),
    path("petitions/new/", views.petition_create_view, name="petition-create"),
    path("petitions/deadlines/", views.deadline_list_view, name="deadline-list"),
    path("petitions/so-theo-doi.xlsx", views.petition_export, name="petition-export"),
    path("petitions/<uuid:uuid>/", views.petition_detail, name="petition-detail"),
    path("petitions/<uuid:uuid>/edit/", views.petition_update_view, name="petition-update"),
    path("petitions/<uuid:uuid>/concerned/", views.petition_concern_view, name="petition-concern"),
    path("petitions/<uuid:uuid>/<slug:step>/", views.petition_step_view, name="petition-step"),
]
