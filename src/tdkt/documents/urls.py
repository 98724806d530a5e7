from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.import_list, name="import-list"),
    path("<slug:name>/template/", views.import_template, name="import-template"),
    path("runs/<uuid:uuid>/", views.import_run, name="import-run"),
    path("runs/<uuid:uuid>/again/", views.import_rerun, name="import-rerun"),
]
