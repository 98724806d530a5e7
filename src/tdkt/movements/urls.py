"""URLs of movements (``/movements/``) and registration (``/registrations/``); namespace
``movements``."""

from django.urls import path

from .views import criteria, movements, registrations, scores

app_name = "movements"

urlpatterns = [
    path("movements/", movements.movement_list_view, name="movement-list"),
    path("movements/new/", movements.movement_create_view, name="movement-create"),
    path("movements/<uuid:uuid>/", movements.movement_detail, name="movement-detail"),
    path("movements/<uuid:uuid>/edit/", movements.movement_update_view, name="movement-update"),
    path(
        "movements/<uuid:uuid>/participants/",
        movements.movement_participants_view,
        name="movement-participants",
    ),
    path(
        "movements/<uuid:uuid>/transition/",
        movements.movement_transition_view,
        name="movement-transition",
    ),
    path(
        "movements/<uuid:uuid>/acknowledge/<uuid:org_uuid>/",
        movements.movement_acknowledge_view,
        name="movement-acknowledge",
    ),
    path("movements/<uuid:uuid>/plan/", movements.plan_file_view, name="movement-plan"),
    path(
        "movements/<uuid:uuid>/review-<str:kind>.docx",
        movements.review_file_view,
        name="movement-review",
    ),
    path("movements/<uuid:uuid>/round/", movements.round_open_view, name="movement-round"),
    path(
        "movements/<uuid:uuid>/criteria/new/",
        criteria.criterion_create_view,
        name="criterion-create",
    ),
    path(
        "movements/<uuid:uuid>/criteria/<int:criterion_id>/edit/",
        criteria.criterion_update_view,
        name="criterion-update",
    ),
    path(
        "movements/<uuid:uuid>/criteria/<int:criterion_id>/delete/",
        criteria.criterion_delete_view,
        name="criterion-delete",
    ),
    path(
        "movements/<uuid:uuid>/deadlines/new/",
        criteria.deadline_create_view,
        name="deadline-create",
    ),
    path(
        "movements/<uuid:uuid>/deadlines/<int:deadline_id>/delete/",
        criteria.deadline_delete_view,
        name="deadline-delete",
    ),
    path("movements/<uuid:uuid>/scores/", scores.score_table_view, name="score-table"),
    path(
        "movements/<uuid:uuid>/scores/compute/",
        scores.scores_compute_view,
        name="score-compute",
    ),
    path(
        "movements/<uuid:uuid>/scores/<uuid:org_uuid>/",
        scores.score_edit_view,
        name="score-edit",
    ),
    path("registrations/", registrations.registration_home, name="registration-home"),
    path("registrations/new/", registrations.campaign_create_view, name="campaign-create"),
    path(
        "registrations/<int:year>/",
        registrations.registration_year_view,
        name="registration-year",
    ),
    path(
        "registrations/<int:year>/edit/",
        registrations.campaign_update_view,
        name="campaign-update",
    ),
    path(
        "registrations/<int:year>/export.xlsx",
        registrations.summary_export,
        name="registration-export",
    ),
    path(
        "registrations/<int:year>/units/<uuid:org_uuid>/start/",
        registrations.sheet_start_view,
        name="sheet-start",
    ),
    path("registrations/sheets/<uuid:uuid>/", registrations.sheet_detail, name="sheet-detail"),
    path(
        "registrations/sheets/<uuid:uuid>/lines/new/",
        registrations.sheet_line_add_view,
        name="sheet-line-add",
    ),
    path(
        "registrations/sheets/<uuid:uuid>/lines/<int:line_id>/delete/",
        registrations.sheet_line_remove_view,
        name="sheet-line-remove",
    ),
    path(
        "registrations/sheets/<uuid:uuid>/transition/",
        registrations.sheet_transition_view,
        name="sheet-transition",
    ),
    path(
        "registrations/sheets/<uuid:uuid>/export.xlsx",
        registrations.sheet_export,
        name="sheet-export",
    ),
]
