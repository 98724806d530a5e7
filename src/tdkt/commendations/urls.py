"""URLs of the commendation app (namespace ``commendations``), mounted at the site root.

The rules pages live under ``rules/``; the workflow's screens add their own prefixes below.
"""

from django.urls import path

from .views import (
    archive,
    council,
    council_session,
    decisions,
    eligibility,
    fund,
    proposals,
    publication,
    rounds,
    rules,
    verify,
)

app_name = "commendations"

urlpatterns = [
    path("rules/", rules.rule_list, name="rule-list"),
    path("rules/parameters/", rules.rule_parameters, name="rule-parameters"),
    path("rules/evaluate/", rules.rule_evaluate, name="rule-evaluate"),
    path("rules/<str:code>/", rules.rule_explain, name="rule-explain"),
    # Publication, decisions, certificates, fund and verification (issue #9 §4).
    path("decisions/", decisions.decision_list_view, name="decision-list"),
    path(
        "decisions/rounds/<uuid:round_uuid>/new/",
        decisions.decision_create_view,
        name="decision-create",
    ),
    path("decisions/series/", decisions.series_view, name="decision-series"),
    path(
        "decisions/lines/<uuid:line_uuid>/withdraw/",
        decisions.line_withdraw_view,
        name="line-withdraw",
    ),
    path("decisions/<uuid:uuid>/", decisions.decision_detail, name="decision-detail"),
    path("decisions/<uuid:uuid>/edit/", decisions.decision_update_view, name="decision-update"),
    path("decisions/<uuid:uuid>/sign/", decisions.decision_sign_view, name="decision-sign"),
    path(
        "decisions/<uuid:uuid>/discard/", decisions.decision_discard_view, name="decision-discard"
    ),
    path("decisions/<uuid:uuid>/file.<str:fmt>", decisions.decision_file, name="decision-file"),
    path(
        "decisions/<uuid:uuid>/payments.xlsx",
        decisions.payment_list_file,
        name="decision-payments",
    ),
    path(
        "decisions/<uuid:uuid>/certificates.pdf",
        decisions.certificates_file,
        name="decision-certificates",
    ),
    path(
        "awards/<uuid:uuid>/certificate.pdf",
        decisions.award_certificate,
        name="award-certificate",
    ),
    path("awards/<uuid:uuid>/revoke/", decisions.award_revoke_view, name="award-revoke"),
    path("publications/", publication.publication_list_view, name="publication-list"),
    path(
        "publications/rounds/<uuid:round_uuid>/new/",
        publication.publication_create_view,
        name="publication-create",
    ),
    path("publications/<uuid:uuid>/", publication.publication_detail, name="publication-detail"),
    path(
        "publications/<uuid:uuid>/comments/",
        publication.comment_create_view,
        name="publication-comment",
    ),
    path(
        "publications/<uuid:uuid>/comments/<int:comment_id>/resolve/",
        publication.comment_resolve_view,
        name="publication-comment-resolve",
    ),
    path("fund/", fund.fund_view, name="fund"),
    path("fund/opening/", fund.fund_year_view, name="fund-year"),
    path("fund/entries/new/", fund.fund_entry_view, name="fund-entry"),
    path("verify/<str:token>/", verify.verify_view, name="verify"),
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

# Council and secret ballot (issue #9 §3).
urlpatterns += [
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
