"""Version 1 of the tdkt API. Public ids are UUIDs; integer keys never leave the server."""

from django.urls import path

from . import (
    auth,
    groups,
    history,
    organizations,
    people,
    rounds,
    rules,
    rules_parameters,
    zones,
)

app_name = "v1"

urlpatterns = [
    path("auth/token/", auth.TokenCreateApi.as_view(), name="auth-token"),
    path("me/", auth.MeApi.as_view(), name="me"),
    path("zones/", zones.ZoneListApi.as_view(), name="zone-list"),
    path("zones/<uuid:uuid>/", zones.ZoneDetailApi.as_view(), name="zone-detail"),
    path("zones/<uuid:uuid>/history/", history.zone_history, name="zone-history"),
    path("organizations/", organizations.OrganizationListApi.as_view(), name="organization-list"),
    path(
        "organizations/<uuid:uuid>/",
        organizations.OrganizationDetailApi.as_view(),
        name="organization-detail",
    ),
    path(
        "organizations/<uuid:uuid>/history/",
        history.organization_history,
        name="organization-history",
    ),
    path("people/", people.PersonListApi.as_view(), name="person-list"),
    path("people/<uuid:uuid>/", people.PersonDetailApi.as_view(), name="person-detail"),
    path(
        "people/<uuid:uuid>/employments/",
        people.PersonEmploymentsApi.as_view(),
        name="person-employments",
    ),
    path("people/<uuid:uuid>/history/", history.person_history, name="person-history"),
    path("groups/", groups.GroupListApi.as_view(), name="group-list"),
    path("groups/<uuid:uuid>/", groups.GroupDetailApi.as_view(), name="group-detail"),
    path(
        "groups/<uuid:uuid>/years/<int:year>/members/",
        groups.GroupMembersApi.as_view(),
        name="group-members",
    ),
    path(
        "groups/<uuid:uuid>/years/<int:year>/leadership/",
        groups.GroupLeadershipApi.as_view(),
        name="group-leadership",
    ),
    path("groups/<uuid:uuid>/history/", history.group_history, name="group-history"),
    path("rules/evaluate/", rules.RuleEvaluateApi.as_view(), name="rule-evaluate"),
    path("rules/codes/", rules.RuleCodeListApi.as_view(), name="rule-code-list"),
    path("rules/codes/<str:code>/explain/", rules.RuleExplainApi.as_view(), name="rule-explain"),
    path(
        "rules/parameters/",
        rules_parameters.RuleParameterListApi.as_view(),
        name="rule-parameter-list",
    ),
    path(
        "rules/parameters/<str:name>/",
        rules_parameters.RuleParameterDetailApi.as_view(),
        name="rule-parameter-detail",
    ),
    path("rounds/", rounds.RoundListApi.as_view(), name="round-list"),
    path("rounds/<uuid:uuid>/", rounds.RoundDetailApi.as_view(), name="round-detail"),
    path(
        "rounds/<uuid:uuid>/eligibility/",
        rounds.RoundEligibilityApi.as_view(),
        name="round-eligibility",
    ),
]
