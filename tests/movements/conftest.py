"""A draft movement for two departments of the test registry, built through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.accounts.services import user_create
from tdkt.movements.constants import MovementKind
from tdkt.movements.models import Criterion, Movement
from tdkt.movements.services import criterion_add, movement_create, movement_participants_set
from tests.builders import PASSWORD, Registry


@dataclass
class World:
    """The registry, a draft thematic movement of two units with two criteria, and a unit
    head of each unit who has an e-mail address."""

    r: Registry
    movement: Movement
    safety: Criterion
    reform: Criterion
    investment_mail: User
    planning_mail: User


def mailed_head(username: str, organization, email: str) -> User:
    return user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=Role.UNIT_HEAD,
        organization=organization,
        email=email,
        first_name=username,
    )


def build_world(r: Registry) -> World:
    movement = movement_create(
        actor=r.officer,
        code="ATTP-2019",
        name="An toàn thực phẩm trong các KCN năm 2019",
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 23),
        ends_on=date(2019, 12, 31),
        plan_number="163/KH-BQL",
        plan_date=date(2019, 1, 23),
        slogan="Vì sức khỏe công nhân",
    )
    movement_participants_set(
        actor=r.officer, movement=movement, organizations=[r.investment, r.planning]
    )
    safety = criterion_add(actor=r.officer, movement=movement, text="Bếp ăn an toàn", max_points=10)
    reform = criterion_add(
        actor=r.officer,
        movement=movement,
        text="Tập huấn cho doanh nghiệp",
        max_points=5,
        weight=2,
        bonus_max=2,
        penalty_max=3,
    )
    movement.refresh_from_db()
    return World(
        r=r,
        movement=movement,
        safety=safety,
        reform=reform,
        investment_mail=mailed_head("dautu.mail", r.investment, "dautu@example.vn"),
        planning_mail=mailed_head("quyhoach.mail", r.planning, "quyhoach@example.vn"),
    )


@pytest.fixture
def w(registry) -> World:
    return build_world(registry)
