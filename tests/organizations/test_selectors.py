"""Scoped reads of the registry: who sees whom, and accent-insensitive search."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.core.errors import NotFoundError
from tdkt.organizations.selectors import (
    organization_get,
    organization_list,
    person_get,
    person_list,
    person_unit_on,
)
from tdkt.organizations.services import employment_add

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["nguyen van anh", "NGUYỄN VĂN ÁNH", "Nguyễn Văn Ánh", "van anh", "  nguyen   van  "],
)
def test_search_ignores_accents_case_and_spaces(registry, query):
    """Typing a name with or without diacritics, in any case, finds the person."""
    found = list(person_list(actor=registry.officer, search=query))
    assert registry.anh in found
    assert registry.duc not in found


def test_search_folds_d_with_stroke(registry):
    """'duc' finds 'Đức': đ is folded even though Unicode decomposition keeps it."""
    assert list(person_list(actor=registry.officer, search="duc")) == [registry.duc]
    assert list(person_list(actor=registry.officer, search="ĐỨC")) == [registry.duc]


def test_search_by_citizen_id(registry):
    """An officer can paste a CCCD number into the search box."""
    assert list(person_list(actor=registry.officer, search="001085012345")) == [registry.anh]


def test_unit_head_sees_only_own_unit(registry):
    """A unit head lists the people of their unit only; the officer lists everyone."""
    assert set(person_list(actor=registry.investment_head)) == {registry.anh}
    assert set(person_list(actor=registry.officer)) == {
        registry.anh,
        registry.duc,
        registry.worker,
    }


def test_enterprise_representative_sees_only_own_enterprise(registry):
    """An enterprise HR person sees their workers and no civil servant."""
    assert set(person_list(actor=registry.enterprise_rep)) == {registry.worker}
    orgs = set(organization_list(actor=registry.enterprise_rep))
    assert orgs == {registry.enterprise}


def test_reading_another_units_person_is_refused(registry):
    """The planning head may open Đức but not Ánh of the investment department: Ánh and the
    department are "not found", with the message an unknown id gets."""
    assert person_get(actor=registry.planning_head, uuid=registry.duc.uuid) == registry.duc
    with pytest.raises(NotFoundError, match="Không tìm thấy cá nhân"):
        person_get(actor=registry.planning_head, uuid=registry.anh.uuid)
    with pytest.raises(NotFoundError, match="Không tìm thấy tổ chức"):
        organization_get(actor=registry.planning_head, uuid=registry.investment.uuid)


def test_transfer_moves_person_between_scopes(registry):
    """After a transfer the new unit sees the person and the old unit no longer does."""
    employment_add(
        actor=registry.officer,
        person=registry.anh,
        organization=registry.planning,
        start_date=date(2024, 1, 1),
        position="Chuyên viên chính",
    )
    assert registry.anh in person_list(actor=registry.planning_head)
    assert registry.anh not in person_list(actor=registry.investment_head)
    assert person_unit_on(person=registry.anh, on=date(2023, 6, 1)) == registry.investment
    assert person_unit_on(person=registry.anh, on=date(2024, 6, 1)) == registry.planning


def test_people_list_is_sorted_by_given_name(registry):
    """Names come back in Vietnamese order of the given name: Ánh, Đức (đ after d), Hoa."""
    names = [p.full_name for p in person_list(actor=registry.officer)]
    assert names == ["Nguyễn Văn Ánh", "Trần Minh Đức", "Lê Thị Hoa"]
