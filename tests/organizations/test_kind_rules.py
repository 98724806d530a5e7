"""One rule for the kinds of organisations and who may change what, in the service (ADR 0037).

Issue #7: officers could turn an enterprise into a `board` (or a department into an external
body) through the web form, which the API refused; a unit head could create a child of kind
`board` through the API. Decided here too: a unit head may not rename or deactivate their own
unit, an enterprise representative may not change its tax code, FDI/DDI type or capital.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.organizations.constants import OrganizationKind as Kind
from tdkt.organizations.models import Enterprise, Organization
from tdkt.organizations.permissions import changeable_fields, offered_kinds
from tdkt.organizations.services import organization_create, organization_update

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def _web(user):
    client = Client()
    client.force_login(user)
    return client


def _team(registry, parent=None):
    return organization_create(
        actor=registry.officer,
        name="Tổ Xúc tiến đầu tư",
        kind=Kind.DEPARTMENT,
        parent=parent or registry.planning,
    )


# --- creation ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [Kind.BOARD, Kind.ENTERPRISE, Kind.EXTERNAL_BODY])
def test_unit_head_may_not_create_a_board_an_enterprise_or_an_external_body(registry, kind):
    """Under their own unit, a unit head adds internal units only: 403 for the rest."""
    enterprise = {"tax_code": "0109999999", "investment_type": "ddi"}
    with pytest.raises(PermissionDeniedError):
        organization_create(
            actor=registry.planning_head,
            name="Đơn vị lạ",
            kind=kind,
            parent=registry.planning,
            enterprise=enterprise if kind == Kind.ENTERPRISE else None,
        )
    assert not Organization.objects.filter(name="Đơn vị lạ").exists()


def test_unit_head_adds_a_team_under_their_unit(registry):
    """A department (team) under the planning department is the unit head's to add."""
    team = organization_create(
        actor=registry.planning_head,
        name="Tổ Quy hoạch",
        kind=Kind.DEPARTMENT,
        parent=registry.planning,
    )
    assert team.parent == registry.planning
    assert offered_kinds(registry.planning_head) == {
        Kind.DEPARTMENT,
        Kind.PUBLIC_SERVICE_UNIT,
        Kind.REPRESENTATIVE_OFFICE,
    }


def test_enterprise_representative_creates_no_organisation(registry):
    """The Board registers enterprises and their branches; a representative adds none."""
    assert offered_kinds(registry.enterprise_rep) == set()
    with pytest.raises(PermissionDeniedError):
        organization_create(
            actor=registry.enterprise_rep,
            name="Chi nhánh Sao Mai",
            kind=Kind.ENTERPRISE,
            parent=registry.enterprise,
            enterprise={
                "tax_code": "0101234567-001",
                "investment_type": "fdi",
                "investor_country": "JP",
            },
        )


@pytest.mark.parametrize(
    ("kind", "parent"),
    [
        (Kind.ENTERPRISE, "investment"),  # an enterprise is not inside a department
        (Kind.BOARD, "board"),  # the Board is a root
        (Kind.DEPARTMENT, "enterprise"),  # an enterprise's inside is not registered
        (Kind.DEPARTMENT, None),  # a department belongs to a body
    ],
)
def test_kinds_fit_their_parent_even_for_officers(registry, kind, parent):
    """Which kind may sit under which is a rule of the structure (400 on ``kind``)."""
    with pytest.raises(ApplicationError) as exc:
        organization_create(
            actor=registry.officer,
            name="Đơn vị lạ",
            kind=kind,
            parent=getattr(registry, parent) if parent else None,
            enterprise={"tax_code": "0109999999", "investment_type": "ddi"}
            if kind == Kind.ENTERPRISE
            else None,
        )
    assert exc.value.status == 400
    assert "kind" in exc.value.fields


# --- kind changes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "kind"),
    [
        ("enterprise", Kind.BOARD),
        ("enterprise", Kind.DEPARTMENT),
        ("investment", Kind.EXTERNAL_BODY),
        ("investment", Kind.ENTERPRISE),
        ("board", Kind.DEPARTMENT),
    ],
)
def test_officer_cannot_change_a_kind_to_an_incompatible_one(registry, org, kind):
    """Only kinds of the same family (internal units) are interchangeable."""
    target = getattr(registry, org)
    with pytest.raises(ApplicationError) as exc:
        organization_update(actor=registry.officer, organization=target, kind=kind)
    assert exc.value.status == 400 and "kind" in exc.value.fields
    assert Organization.objects.get(pk=target.pk).kind != kind


def test_officer_turns_a_department_into_a_public_service_unit(registry):
    """A reorganisation within the internal units is an officer's change."""
    organization_update(
        actor=registry.officer, organization=registry.investment, kind=Kind.PUBLIC_SERVICE_UNIT
    )
    registry.investment.refresh_from_db()
    assert registry.investment.kind == Kind.PUBLIC_SERVICE_UNIT


def test_unit_head_may_not_change_a_kind_even_below_their_unit(registry):
    """Kinds are the Board's organisation: 403 for a unit head, before any validation."""
    team = _team(registry)
    with pytest.raises(PermissionDeniedError):
        organization_update(actor=registry.planning_head, organization=team, kind=Kind.BOARD)
    with pytest.raises(PermissionDeniedError):
        organization_update(
            actor=registry.planning_head, organization=team, kind=Kind.PUBLIC_SERVICE_UNIT
        )


def test_a_move_must_fit_the_new_parent(registry):
    """A department cannot be moved under an enterprise."""
    with pytest.raises(ApplicationError) as exc:
        organization_update(
            actor=registry.officer, organization=registry.investment, parent=registry.enterprise
        )
    assert "parent" in exc.value.fields


# --- one's own unit ---------------------------------------------------------------------------


@pytest.mark.parametrize("change", [{"name": "Phòng Quy hoạch mới"}, {"is_active": False}])
def test_unit_head_may_not_rename_or_deactivate_their_own_unit(registry, change):
    """Their own unit's identity is the Board's decision: 403, nothing saved."""
    with pytest.raises(PermissionDeniedError):
        organization_update(actor=registry.planning_head, organization=registry.planning, **change)
    registry.planning.refresh_from_db()
    assert (registry.planning.name, registry.planning.is_active) == (
        "Phòng Quy hoạch và Xây dựng",
        True,
    )


def test_unit_head_keeps_their_unit_address_and_manages_the_units_below(registry):
    """The address and short name of their own unit, and everything but the kind of the units
    below it, stay the unit head's."""
    organization_update(
        actor=registry.planning_head,
        organization=registry.planning,
        address="Tầng 3, số 2 Phạm Văn Bạch",
        short_name="QHXD",
    )
    team = _team(registry)
    organization_update(
        actor=registry.planning_head, organization=team, name="Tổ Quy hoạch chung", is_active=False
    )
    team.refresh_from_db()
    assert (team.name, team.is_active) == ("Tổ Quy hoạch chung", False)
    assert changeable_fields(registry.planning_head, registry.planning) == {"short_name", "address"}


@pytest.mark.parametrize(
    "profile",
    [
        {"tax_code": "0101234568"},
        {"investment_type": "ddi"},
        {"registered_capital": "1"},
        {"capital_currency": "VND"},
        {"tax_code": "not a tax code"},  # 403 first, whatever the value
    ],
)
def test_enterprise_representative_may_not_change_its_registration(registry, profile):
    """Tax code, FDI/DDI type and capital come from the Board's registration: 403."""
    with pytest.raises(PermissionDeniedError):
        organization_update(
            actor=registry.enterprise_rep, organization=registry.enterprise, enterprise=profile
        )
    profile_row = Enterprise.objects.get(pk=registry.enterprise.pk)
    assert (profile_row.tax_code, profile_row.investment_type, profile_row.registered_capital) == (
        "0101234567",
        "fdi",
        12000000,
    )


def test_enterprise_representative_updates_its_address(registry):
    """Contact details stay the representative's to keep current; unchanged values sent back
    with them are not a refusal."""
    organization_update(
        actor=registry.enterprise_rep,
        organization=registry.enterprise,
        address="Lô 12, KCN Thăng Long",
        name=registry.enterprise.name,
        enterprise={"tax_code": "0101234567"},
    )
    registry.enterprise.refresh_from_db()
    assert registry.enterprise.address == "Lô 12, KCN Thăng Long"


# --- the web form and the API apply the same rule -----------------------------------------------


def test_web_form_cannot_turn_an_enterprise_into_a_board(registry):
    """The officer's edit form offers only compatible kinds; a forged one is refused."""
    client = _web(registry.officer)
    url = reverse("organizations:organization-update", kwargs={"uuid": registry.enterprise.uuid})
    page = client.get(url)
    assert [value for value, _ in page.context["form"].fields["kind"].choices] == [Kind.ENTERPRISE]
    response = client.post(
        url,
        {
            "name": registry.enterprise.name,
            "kind": "board",
            "parent": registry.board.pk,
            "is_active": "on",
            "tax_code": "0101234567",
            "investment_type": "fdi",
            "investor_country": "JP",
            "capital_currency": "USD",
        },
    )
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    registry.enterprise.refresh_from_db()
    assert registry.enterprise.kind == Kind.ENTERPRISE


def test_web_form_of_own_unit_shows_only_what_the_unit_head_may_change(registry):
    """The planning head's form for their own unit has no name, kind, parent or active box;
    a forged name is not applied."""
    client = _web(registry.planning_head)
    url = reverse("organizations:organization-update", kwargs={"uuid": registry.planning.uuid})
    form = client.get(url).context["form"]
    assert {"short_name", "address"} <= set(form.fields)
    assert {"name", "kind", "parent", "is_active", "tax_code"}.isdisjoint(form.fields)
    response = client.post(url, {"name": "Đổi tên", "address": "Số 2 Phạm Văn Bạch"})
    assert response.status_code == 302
    registry.planning.refresh_from_db()
    assert (registry.planning.name, registry.planning.address) == (
        "Phòng Quy hoạch và Xây dựng",
        "Số 2 Phạm Văn Bạch",
    )


def test_web_create_form_offers_a_unit_head_internal_units_only(registry):
    """The kind list of a unit head's create form has no Board, enterprise or external body."""
    page = _web(registry.planning_head).get(reverse("organizations:organization-create"))
    kinds = {value for value, _ in page.context["form"].fields["kind"].choices}
    assert kinds == {Kind.DEPARTMENT, Kind.PUBLIC_SERVICE_UNIT, Kind.REPRESENTATIVE_OFFICE}


def test_api_unit_head_cannot_create_a_board_child(registry):
    """The hole of the issue: POST a child of kind `board` as a unit head is 403."""
    response = _api(registry.planning_head).post(
        "/api/v1/organizations/",
        {"name": "Ban giả", "kind": "board", "parent": str(registry.planning.uuid)},
        format="json",
    )
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "forbidden"
    assert not Organization.objects.filter(name="Ban giả").exists()


def test_api_changes_kinds_with_the_same_rule(registry):
    """The API's PATCH accepts `kind` and applies the rule of the service."""
    client = _api(registry.officer)
    url = f"/api/v1/organizations/{registry.enterprise.uuid}/"
    refused = client.patch(url, {"kind": "board"}, format="json")
    assert refused.status_code == 400 and "kind" in refused.json()["fields"]
    url = f"/api/v1/organizations/{registry.investment.uuid}/"
    changed = client.patch(url, {"kind": "public_service_unit"}, format="json")
    assert changed.status_code == 200 and changed.json()["kind"] == "public_service_unit"


def test_api_enterprise_representative_cannot_change_its_capital(registry):
    """The representative's PATCH of the capital is 403 and changes nothing."""
    response = _api(registry.enterprise_rep).patch(
        f"/api/v1/organizations/{registry.enterprise.uuid}/",
        {"enterprise": {"registered_capital": "15000000"}},
        format="json",
    )
    assert response.status_code == 403
    assert Enterprise.objects.get(pk=registry.enterprise.pk).registered_capital == 12000000
