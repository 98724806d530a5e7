"""URLs of the registry screens (namespace ``organizations``; names are ``entity-action``).

The paths (``/organizations/``, ``/people/``, ``/zones/``, ``/groups/``) sit at the site root.
"""

from django.urls import path

from .views import duplicates, groups, organizations, people, zones

app_name = "organizations"

urlpatterns = [
    path("organizations/", organizations.organization_tree, name="organization-list"),
    path(
        "organizations/new/",
        organizations.organization_create_view,
        name="organization-create",
    ),
    path(
        "organizations/<uuid:uuid>/",
        organizations.organization_detail,
        name="organization-detail",
    ),
    path(
        "organizations/<uuid:uuid>/edit/",
        organizations.organization_update_view,
        name="organization-update",
    ),
    path("people/", people.person_list_view, name="person-list"),
    path("people/new/", people.person_create_view, name="person-create"),
    path("people/duplicates/", duplicates.duplicate_list_view, name="duplicate-list"),
    path(
        "people/duplicates/<uuid:uuid>/",
        duplicates.duplicate_detail,
        name="duplicate-detail",
    ),
    path("people/<uuid:uuid>/", people.person_detail, name="person-detail"),
    path("people/<uuid:uuid>/edit/", people.person_update_view, name="person-update"),
    path(
        "people/<uuid:uuid>/employments/new/",
        people.employment_create_view,
        name="employment-create",
    ),
    path("zones/", zones.zone_list_view, name="zone-list"),
    path("zones/new/", zones.zone_create_view, name="zone-create"),
    path("zones/<uuid:uuid>/row/", zones.zone_row_view, name="zone-row"),
    path("zones/<uuid:uuid>/edit/", zones.zone_update_view, name="zone-update"),
    path("groups/", groups.group_list_view, name="group-list"),
    path("groups/new/", groups.group_create_view, name="group-create"),
    path("groups/<uuid:uuid>/", groups.group_detail, name="group-detail"),
    path("groups/<uuid:uuid>/edit/", groups.group_update_view, name="group-update"),
    path("groups/<uuid:uuid>/members/", groups.group_members_view, name="group-members"),
    path("groups/<uuid:uuid>/leadership/", groups.group_leadership_view, name="group-leadership"),
]
