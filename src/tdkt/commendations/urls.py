"""URLs of the commendation app (namespace ``commendations``), mounted at the site root.

The rules pages live under ``rules/``; the workflow's screens add their own prefixes below.
"""

from django.urls import path

from .views import decisions, fund, publication, rules, verify

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
