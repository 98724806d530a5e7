"""URLs of the commendation app (namespace ``commendations``), mounted at the site root.

The rules pages live under ``rules/``; the workflow's screens add their own prefixes below.
"""

from django.urls import path

from .views import council, council_session, rules

app_name = "commendations"

urlpatterns = [
    path("rules/", rules.rule_list, name="rule-list"),
    path("rules/parameters/", rules.rule_parameters, name="rule-parameters"),
    path("rules/evaluate/", rules.rule_evaluate, name="rule-evaluate"),
    path("rules/<str:code>/", rules.rule_explain, name="rule-explain"),
    # Council and secret ballot (issue #9 §3)
    path("council/", council.council_list_view, name="council-list"),
    path("council/new/", council.council_create_view, name="council-create"),
    path("council/<uuid:uuid>/", council.council_detail, name="council-detail"),
    path("council/<uuid:uuid>/edit/", council.council_update_view, name="council-update"),
    path("council/<uuid:uuid>/members/new/", council.member_add_view, name="council-member-add"),
    path(
        "council/<uuid:uuid>/members/<int:member_id>/edit/",
        council.member_update_view,
        name="council-member-update",
    ),
    path(
        "council/<uuid:uuid>/members/<int:member_id>/remove/",
        council.member_remove_view,
        name="council-member-remove",
    ),
    path(
        "council/<uuid:uuid>/sessions/new/",
        council.session_create_view,
        name="session-create",
    ),
    path("council/sessions/<uuid:uuid>/", council_session.session_detail, name="session-detail"),
    path(
        "council/sessions/<uuid:uuid>/edit/",
        council_session.session_update_view,
        name="session-update",
    ),
    path(
        "council/sessions/<uuid:uuid>/agenda/",
        council_session.session_items_view,
        name="session-items",
    ),
    path(
        "council/sessions/<uuid:uuid>/attendance/",
        council_session.attendance_view,
        name="session-attendance",
    ),
    path(
        "council/sessions/<uuid:uuid>/open/",
        council_session.voting_open_view,
        name="session-open",
    ),
    path(
        "council/sessions/<uuid:uuid>/close/",
        council_session.voting_close_view,
        name="session-close",
    ),
    path(
        "council/sessions/<uuid:uuid>/ballot/",
        council_session.ballot_view,
        name="session-ballot",
    ),
    path(
        "council/sessions/<uuid:uuid>/conflicts/<int:item_id>/",
        council_session.conflict_view,
        name="session-conflict",
    ),
    path(
        "council/sessions/<uuid:uuid>/paper/",
        council_session.paper_tally_view,
        name="session-paper",
    ),
    path(
        "council/sessions/<uuid:uuid>/proceedings/",
        council_session.proceedings_view,
        name="session-proceedings",
    ),
    path(
        "council/sessions/<uuid:uuid>/minutes.docx",
        council_session.minutes_view,
        {"fmt": "docx"},
        name="session-minutes-docx",
    ),
    path(
        "council/sessions/<uuid:uuid>/minutes.pdf",
        council_session.minutes_view,
        {"fmt": "pdf"},
        name="session-minutes-pdf",
    ),
]
