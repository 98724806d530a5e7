"""Open a registration year for two departments of the test registry (a sub-unit under one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tdkt.movements.models import RegistrationCampaign
from tdkt.movements.services import campaign_open
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.services import organization_create, person_create
from tests.builders import Registry

TODAY = date(2020, 1, 20)


@dataclass
class Years:
    r: Registry
    team: Organization  # a sub-unit of the investment department
    team_member: Person
    campaign: RegistrationCampaign


def open_year(r: Registry, year: int = 2020, *, with_team: bool = True) -> Years:
    team = organization_create(
        actor=r.officer,
        name="Tổ Xúc tiến đầu tư",
        kind=OrganizationKind.DEPARTMENT,
        parent=r.investment,
    )
    member = person_create(
        actor=r.officer,
        full_name="Phạm Quốc Khánh",
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=team,
        start_date=date(2016, 5, 1),
        position="Chuyên viên",
    )
    units = [r.investment, r.planning, team] if with_team else [r.investment, r.planning]
    campaign = campaign_open(
        actor=r.officer, year=year, deadline=date(year, 2, 14), organizations=units
    )
    return Years(r=r, team=team, team_member=member, campaign=campaign)
