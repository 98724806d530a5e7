"""URLs of the commendation app (namespace ``commendations``), mounted at the site root.

The rules pages live under ``rules/``; the workflow's screens add their own prefixes below.
"""

from django.urls import path

from .views import archive, eligibility, proposals, rounds, rules

app_name = "commendations"

urlpatterns = [
    path("rules/", rules.rule_list, name="rule-list"),
    path("rules/parameters/", rules.rule_parameters, name="rule-parameters"),
    path("rules/evaluate/", rules.rule_evaluate, name="rule-evaluate"),
    path("rules/<str:code>/", rules.rule_explain, name="rule-explain"),
]

# Archive, rounds, eligibility and proposals (issue #9 §1–§2).
urlpatterns += [
    path("archive/", archive.award_search, name="award-list"),
    path("archive/export/", archive.award_export, name="award-export"),
    path("archive/people/<uuid:uuid>/", archive.person_archive_view, name="person-archive"),
    path(
        "archive/organizations/<uuid:uuid>/",
        archive.organization_archive_view,
        name="organization-archive",
    ),
    path("rounds/", rounds.round_list_view, name="round-list"),
    path("rounds/new/", rounds.round_create_view, name="round-create"),
    path("rounds/<uuid:uuid>/", rounds.round_detail, name="round-detail"),
    path("rounds/<uuid:uuid>/edit/", rounds.round_update_view, name="round-update"),
    path("rounds/<uuid:uuid>/state/", rounds.round_state_view, name="round-state"),
    path("rounds/<uuid:uuid>/letter/", rounds.round_letter, name="round-letter"),
    path(
        "rounds/<uuid:uuid>/eligibility/",
        eligibility.eligibility_view,
        name="round-eligibility",
    ),
    path("proposals/", proposals.proposal_list_view, name="proposal-list"),
    path("proposals/<uuid:uuid>/", proposals.proposal_detail, name="proposal-detail"),
    path("proposals/<uuid:uuid>/edit/", proposals.proposal_update_view, name="proposal-update"),
    path("proposals/<uuid:uuid>/move/", proposals.proposal_move_view, name="proposal-move"),
    path(
        "proposals/<uuid:uuid>/appraise/",
        proposals.proposal_appraise_view,
        name="proposal-appraise",
    ),
    path(
        "proposals/<uuid:uuid>/lines/<uuid:line>/edit/",
        proposals.line_update_view,
        name="proposal-line-update",
    ),
    path(
        "proposals/<uuid:uuid>/lines/<uuid:line>/remove/",
        proposals.line_remove_view,
        name="proposal-line-remove",
    ),
    path("proposals/<uuid:uuid>/import/", proposals.line_import_view, name="proposal-import"),
    path(
        "proposals/<uuid:uuid>/import/template/",
        proposals.line_import_template,
        name="proposal-import-template",
    ),
    path(
        "proposals/<uuid:uuid>/attachments/",
        proposals.attachment_upload_view,
        name="attachment-create",
    ),
    path("attachments/<uuid:uuid>/", proposals.attachment_download, name="attachment-download"),
    path(
        "attachments/<uuid:uuid>/remove/",
        proposals.attachment_remove_view,
        name="attachment-remove",
    ),
]
