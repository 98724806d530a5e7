"""Fixtures of the initiative tests: accounts linked to registry people, a session, drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.services import user_create
from tdkt.initiatives.models import InitiativeApplication, InitiativeCouncil
from tdkt.initiatives.services import (
    ApplicationInput,
    AuthorInput,
    application_create,
    application_register,
    application_submit,
    council_close,
    council_create,
)
from tests.builders import PASSWORD, Registry

YEAR = 2019


@dataclass
class Cast:
    """The registry plus the people's own accounts and a 2019 session."""

    registry: Registry
    anh_user: User  # Nguyễn Văn Ánh, Phòng Quản lý Đầu tư (an author)
    duc_user: User  # Trần Minh Đức, Phòng Quy hoạch (sits on the council)
    council: InitiativeCouncil  # chaired by the council member; leader and Đức sit on it


def content(**overrides) -> ApplicationInput:
    """A complete application of 2019, Ánh its only author unless ``authors`` is given."""
    values = {
        "year": YEAR,
        "title": "Số hoá hồ sơ cấp giấy chứng nhận đầu tư",
        "kind": "management",
        "area": "Quản lý đầu tư",
        "problem": "Hồ sơ giấy tra cứu chậm.",
        "solution": "Quét và đánh chỉ mục mọi hồ sơ.",
        "applied_where": "Phòng Quản lý Đầu tư",
        "applied_since": date(2019, 3, 1),
        "benefit": "Tra cứu từ 2 ngày xuống 10 phút.",
        "benefit_vnd": 25_000_000,
        "authors": (),
    }
    values.update(overrides)
    return ApplicationInput(**values)


def link(username: str, role: str, organization, person) -> User:
    return user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=role,
        organization=organization,
        person=person,
        first_name=person.full_name,
    )


@pytest.fixture
def cast(registry) -> Cast:
    anh_user = link("anh", Role.VIEWER, registry.investment, registry.anh)
    duc_user = link("duc", Role.VIEWER, registry.planning, registry.duc)
    council = council_create(
        actor=registry.officer,
        year=YEAR,
        name="Hội đồng xét sáng kiến năm 2019",
        members=[registry.leader, duc_user],
        chair=registry.council,
    )
    return Cast(registry, anh_user, duc_user, council)


def filed(cast: Cast, **overrides) -> InitiativeApplication:
    """Ánh's own draft."""
    anh = cast.registry.anh
    return application_create(
        actor=cast.anh_user,
        data=content(authors=[AuthorInput(anh, Decimal(100))], **overrides),
    )


def in_review(cast: Cast, **overrides) -> InitiativeApplication:
    """Ánh's application, submitted and registered to the 2019 session."""
    application = application_submit(actor=cast.anh_user, application=filed(cast, **overrides))
    return application_register(
        actor=cast.registry.officer, application=application, council=cast.council
    )


def closed(cast: Cast, on: date = date(2019, 11, 15)) -> InitiativeCouncil:
    """The chair closes the 2019 session; it is then dated as closed ``on`` that day (the tests
    record decisions of 2019, which may not precede the closing)."""
    council = council_close(actor=cast.registry.council, council=cast.council)
    closed_at = timezone.make_aware(datetime.combine(on, time(17, 0)))
    InitiativeCouncil.objects.filter(pk=council.pk).update(closed_at=closed_at)
    council.refresh_from_db()
    return council
