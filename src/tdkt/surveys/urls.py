"""URLs of the satisfaction survey screens (namespace ``surveys``)."""

from django.urls import path

from .views import answers, results, surveys

app_name = "surveys"

urlpatterns = [
    path("surveys/", surveys.survey_list_view, name="survey-list"),
    path("surveys/new/", surveys.survey_create_view, name="survey-create"),
    path("surveys/<uuid:uuid>/", surveys.survey_detail, name="survey-detail"),
    path("surveys/<uuid:uuid>/edit/", surveys.survey_update_view, name="survey-update"),
    path("surveys/<uuid:uuid>/sections/", surveys.section_add_view, name="survey-section-add"),
    path("surveys/<uuid:uuid>/open/", surveys.survey_open_view, name="survey-open"),
    path("surveys/<uuid:uuid>/close/", surveys.survey_close_view, name="survey-close"),
    path(
        "surveys/<uuid:uuid>/close-date/",
        surveys.survey_close_date_view,
        name="survey-close-date",
    ),
    path("surveys/<uuid:uuid>/reopen/", surveys.survey_reopen_view, name="survey-reopen"),
    path("surveys/<uuid:uuid>/copy/", surveys.survey_copy_view, name="survey-copy"),
    path("surveys/<uuid:uuid>/answer/", answers.survey_answer, name="survey-answer"),
    path("surveys/<uuid:uuid>/results/", results.survey_results_view, name="survey-results"),
    path(
        "surveys/<uuid:uuid>/results/export/",
        results.results_export,
        name="survey-results-export",
    ),
    path(
        "surveys/<uuid:uuid>/answers/export/",
        results.answers_export,
        name="survey-answers-export",
    ),
    path(
        "survey-sections/<uuid:uuid>/questions/",
        surveys.question_add_view,
        name="survey-question-add",
    ),
    path(
        "survey-sections/<uuid:uuid>/remove/",
        surveys.section_remove_view,
        name="survey-section-remove",
    ),
    path(
        "survey-questions/<uuid:uuid>/edit/",
        surveys.question_edit_view,
        name="survey-question-edit",
    ),
    path(
        "survey-questions/<uuid:uuid>/move/",
        surveys.question_move_view,
        name="survey-question-move",
    ),
    path(
        "survey-questions/<uuid:uuid>/remove/",
        surveys.question_remove_view,
        name="survey-question-remove",
    ),
]
