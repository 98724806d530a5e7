"""URLs of the pledge, scoring and election screens (namespace ``emulation_groups``)."""

from django.urls import path

from .views import elections, pledges

app_name = "emulation_groups"

urlpatterns = [
    path("groups/<uuid:uuid>/emulation/", pledges.group_emulation, name="group-emulation"),
    path("groups/<uuid:uuid>/pledges/new/", pledges.pledge_create_view, name="pledge-create"),
    path("groups/<uuid:uuid>/elections/new/", elections.election_open_view, name="election-open"),
    path("pledges/<uuid:uuid>/", pledges.pledge_detail, name="pledge-detail"),
    path("pledges/<uuid:uuid>/edit/", pledges.pledge_update_view, name="pledge-update"),
    path("pledges/<uuid:uuid>/criteria/", pledges.criterion_add_view, name="criterion-add"),
    path("pledges/<uuid:uuid>/tie-breaks/", pledges.tie_break_add_view, name="tie-break-add"),
    path(
        "pledges/<uuid:uuid>/tie-breaks/<int:position>/remove/",
        pledges.tie_break_remove_view,
        name="tie-break-remove",
    ),
    path("pledges/<uuid:uuid>/open/", pledges.pledge_open_view, name="pledge-open"),
    path("pledges/<uuid:uuid>/sign/", pledges.pledge_sign_view, name="pledge-sign"),
    path("pledges/<uuid:uuid>/publish/", pledges.pledge_publish_view, name="pledge-publish"),
    path("pledges/<uuid:uuid>/propose/", pledges.pledge_propose_view, name="pledge-propose"),
    path(
        "pledges/<uuid:uuid>/members/<uuid:member>/",
        pledges.member_sheet_view,
        name="member-sheet",
    ),
    path("criteria/<uuid:uuid>/remove/", pledges.criterion_remove_view, name="criterion-remove"),
    path("criteria/<uuid:uuid>/assess/", pledges.self_assess_view, name="self-assess"),
    path("scores/<uuid:uuid>/review/", pledges.review_view, name="score-review"),
    path("scores/<uuid:uuid>/evidence/", pledges.evidence_upload_view, name="evidence-upload"),
    path("evidence/<uuid:uuid>/", pledges.evidence_download, name="evidence-download"),
    path("elections/<uuid:uuid>/", elections.election_detail, name="election-detail"),
    path("elections/<uuid:uuid>/vote/", elections.election_vote_view, name="election-vote"),
    path("elections/<uuid:uuid>/close/", elections.election_close_view, name="election-close"),
    path("elections/<uuid:uuid>/cancel/", elections.election_cancel_view, name="election-cancel"),
]
