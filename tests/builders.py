"""Build test state through the real services (no hand-made rows), as users would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.services import user_create
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
from tdkt.organizations.models import IndustrialZone, Organization, Person
from tdkt.organizations.services import (
    organization_create,
    person_create,
    zone_create,
)

PASSWORD = "Thi-dua#2026"


def make_user(username: str, role: str, organization: Organization | None = None) -> User:
    """Create an account with the shared test password."""
    return user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=role,
        organization=organization,
        first_name=username,
    )


@dataclass
class Registry:
    """A small Board: two departments, a service centre, one enterprise, people and users."""

    board: Organization
    investment: Organization
    planning: Organization
    centre: Organization
    enterprise: Organization
    zone: IndustrialZone
    anh: Person
    duc: Person
    worker: Person
    admin: User
    officer: User
    investment_head: User
    planning_head: User
    enterprise_rep: User
    leader: User
    council: User
    viewer: User


def build_registry() -> Registry:
    """Return a fresh registry; every row written through a service, so it is audited."""
    officer = make_user("officer", Role.EMULATION_OFFICER)
    board = organization_create(
        actor=officer,
        name="Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
        short_name="BQL",
        kind=OrganizationKind.BOARD,
    )
    investment = organization_create(
        actor=officer, name="Phòng Quản lý Đầu tư", kind=OrganizationKind.DEPARTMENT, parent=board
    )
    planning = organization_create(
        actor=officer,
        name="Phòng Quy hoạch và Xây dựng",
        kind=OrganizationKind.DEPARTMENT,
        parent=board,
    )
    centre = organization_create(
        actor=officer,
        name="Trung tâm Dịch vụ hỗ trợ doanh nghiệp",
        kind=OrganizationKind.PUBLIC_SERVICE_UNIT,
        parent=board,
    )
    zone = zone_create(actor=officer, name="KCN Thăng Long", district="Đông Anh")
    enterprise = organization_create(
        actor=officer,
        name="Công ty TNHH Điện tử Sao Mai",
        kind=OrganizationKind.ENTERPRISE,
        parent=board,
        enterprise={
            "tax_code": "0101234567",
            "investment_type": "fdi",
            "investor_country": "JP",
            "zone": zone,
            "registered_capital": "12000000",
            "capital_currency": "USD",
        },
    )
    anh = person_create(
        actor=officer,
        full_name="Nguyễn Văn Ánh",
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=investment,
        start_date=date(2015, 3, 1),
        position="Chuyên viên",
        gender="male",
        date_of_birth=date(1985, 5, 17),
        citizen_id="001085012345",
    )
    duc = person_create(
        actor=officer,
        full_name="Trần Minh Đức",
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=planning,
        start_date=date(2018, 7, 1),
        position="Phó Trưởng phòng",
        gender="male",
    )
    worker = person_create(
        actor=officer,
        full_name="Lê Thị Hoa",
        category=PersonnelCategory.ENTERPRISE_WORKER,
        organization=enterprise,
        start_date=date(2020, 1, 6),
        gender="female",
    )
    return Registry(
        board=board,
        investment=investment,
        planning=planning,
        centre=centre,
        enterprise=enterprise,
        zone=zone,
        anh=anh,
        duc=duc,
        worker=worker,
        admin=make_user("admin", Role.ADMIN),
        officer=officer,
        investment_head=make_user("investment_head", Role.UNIT_HEAD, investment),
        planning_head=make_user("planning_head", Role.UNIT_HEAD, planning),
        enterprise_rep=make_user("enterprise_rep", Role.ENTERPRISE_REPRESENTATIVE, enterprise),
        leader=make_user("leader", Role.LEADER, board),
        council=make_user("council", Role.COUNCIL_MEMBER, board),
        viewer=make_user("viewer", Role.VIEWER, investment),
    )
