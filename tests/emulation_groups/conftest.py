"""A block of three members (the Board and two other IZ boards) with a user acting for each,
built through the real services."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.emulation_groups.constants import CriterionKind, TieBreakKind
from tdkt.emulation_groups.models import Criterion, Pledge
from tdkt.emulation_groups.services import (
    criterion_add,
    pledge_create,
    pledge_open,
    pledge_sign,
    tie_break_add,
)
from tdkt.organizations.constants import GroupKind, OrganizationKind
from tdkt.organizations.models import EmulationGroup, Organization
from tdkt.organizations.services import (
    group_create,
    group_leadership_set,
    group_members_set,
    organization_create,
)
from tests.builders import Registry, make_user

YEAR = 2019


@dataclass
class Block:
    registry: Registry
    group: EmulationGroup
    board: Organization
    bac_ninh: Organization
    hai_phong: Organization
    board_rep: User  # the Board's leader (acts for the Board)
    bac_ninh_rep: User  # leading member's representative in 2019
    hai_phong_rep: User
    outsider: User  # a unit head of a body outside the block


def build_block(registry: Registry) -> Block:
    officer = registry.officer
    bac_ninh = organization_create(
        actor=officer, name="Ban Quản lý các KCN Bắc Ninh", kind=OrganizationKind.EXTERNAL_BODY
    )
    hai_phong = organization_create(
        actor=officer, name="Ban Quản lý Khu kinh tế Hải Phòng", kind=OrganizationKind.EXTERNAL_BODY
    )
    other = organization_create(
        actor=officer, name="Ban Quản lý các KCN Đà Nẵng", kind=OrganizationKind.EXTERNAL_BODY
    )
    group = group_create(
        actor=officer, name="Khối thi đua đồng bằng sông Hồng", kind=GroupKind.BLOCK
    )
    members = [registry.board, bac_ninh, hai_phong]
    for year in (YEAR, YEAR + 1):
        group_members_set(actor=officer, group=group, year=year, members=members)
    group_leadership_set(actor=officer, group=group, year=YEAR, leader=bac_ninh, deputy=hai_phong)
    return Block(
        registry=registry,
        group=group,
        board=registry.board,
        bac_ninh=bac_ninh,
        hai_phong=hai_phong,
        board_rep=registry.leader,
        bac_ninh_rep=make_user("bacninh", Role.UNIT_HEAD, bac_ninh),
        hai_phong_rep=make_user("haiphong", Role.UNIT_HEAD, hai_phong),
        outsider=make_user("danang", Role.UNIT_HEAD, other),
    )


@pytest.fixture
def block(registry: Registry) -> Block:
    return build_block(registry)


@dataclass
class Scale:
    pledge: Pledge
    work: Criterion  # weight 2, max 50
    investment: Criterion  # weight 1, max 30
    bonus: Criterion  # max 5
    penalty: Criterion  # max 5


def build_scale(block: Block, *, open_and_sign: bool = True) -> Scale:
    officer = block.registry.officer
    pledge = pledge_create(actor=officer, group=block.group, year=YEAR, title="Giao ước 2019")
    work = criterion_add(
        actor=officer,
        pledge=pledge,
        kind=CriterionKind.SCORED,
        text="Hoàn thành nhiệm vụ chuyên môn",
        weight="2",
        max_points="50",
    )
    investment = criterion_add(
        actor=officer,
        pledge=pledge,
        kind=CriterionKind.SCORED,
        text="Thu hút đầu tư",
        weight="1",
        max_points="30",
    )
    bonus = criterion_add(
        actor=officer, pledge=pledge, kind=CriterionKind.BONUS, text="Sáng kiến", max_points="5"
    )
    penalty = criterion_add(
        actor=officer,
        pledge=pledge,
        kind=CriterionKind.PENALTY,
        text="Báo cáo chậm",
        max_points="5",
    )
    tie_break_add(actor=officer, pledge=pledge, kind=TieBreakKind.CRITERION, criterion=investment)
    tie_break_add(actor=officer, pledge=pledge, kind=TieBreakKind.FEWER_PENALTIES)
    if open_and_sign:
        pledge = pledge_open(actor=officer, pledge=pledge)
        for rep in (block.board_rep, block.bac_ninh_rep, block.hai_phong_rep):
            pledge_sign(actor=rep, pledge=pledge)
    pledge.refresh_from_db()
    return Scale(pledge, work, investment, bonus, penalty)


@pytest.fixture
def scale(block: Block) -> Scale:
    return build_scale(block)
