from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="indicator-list"),
    path("import/", views.indicator_import, name="indicator-import"),
    path("template/", views.indicator_template, name="indicator-template"),
    path("report.xlsx", views.indicator_report_download, name="indicator-report-xlsx"),
    path("view/<slug:code>/", views.indicator_detail, name="indicator-detail"),
    path("procedures/", views.procedure_page, name="procedure-report"),
    path("procedures/import/", views.procedure_import, name="procedure-import"),
    path("procedures/template/", views.procedure_template, name="procedure-template"),
    path(
        "procedures/report.xlsx",
        views.procedure_report_download,
        {"fmt": "xlsx"},
        name="procedure-report-xlsx",
    ),
    path(
        "procedures/report.docx",
        views.procedure_report_download,
        {"fmt": "docx"},
        name="procedure-report-docx",
    ),
]
