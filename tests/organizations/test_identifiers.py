"""Identifiers are stored in ASCII digits, whatever digits were typed (issue #7).

Full-width (０-９) and Arabic-Indic (٠-٩) digits look like the ASCII ones but are other
characters: if they were stored as typed, the same CCCD or tax code could be registered twice.
"""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.core.errors import ApplicationError
from tdkt.core.text import normalize_identifier
from tdkt.documents.services import import_run
from tdkt.organizations.constants import OrganizationKind, PersonnelCategory
from tdkt.organizations.models import Enterprise, Organization, Person
from tdkt.organizations.selectors import person_list
from tdkt.organizations.services import (
    organization_create,
    organization_update,
    person_create,
    person_update,
)
from tests.documents.helpers import PEOPLE_HEADERS, person_row, xlsx

pytestmark = pytest.mark.django_db

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ANH_CCCD = "001085012345"


def _person(registry, **overrides):
    data = {
        "actor": registry.officer,
        "full_name": "Phạm Thị Đào",
        "category": PersonnelCategory.PUBLIC_EMPLOYEE,
        "organization": registry.investment,
        "start_date": date(2020, 1, 1),
        "gender": "female",
        "date_of_birth": date(1990, 2, 3),
        "citizen_id": "001190001122",
    }
    return person_create(**(data | overrides))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("００１０８５０１２３４５", "001085012345"),
        ("٠٠١٠٨٥٠١٢٣٤٥", "001085012345"),
        ("۰۰۱۰۸۵۰۱۲۳۴۵", "001085012345"),  # Extended Arabic-Indic (Persian) digits
        (" 0101234567－001 ", "0101234567-001"),  # full-width hyphen
        ("0101234567–001", "0101234567-001"),  # en dash pasted from a word processor
        ("0\u200b01085012345", "001085012345"),  # a zero-width space inside
    ],
)
def test_identifier_normaliser_gives_ascii(typed, stored):
    """One function turns any decimal digit into ASCII and drops what cannot be seen."""
    assert normalize_identifier(typed) == stored


@pytest.mark.parametrize("digits", [FULL_WIDTH, ARABIC_INDIC])
def test_look_alike_digits_of_an_existing_cccd_are_a_duplicate(registry, digits):
    """Ánh's CCCD typed in other digits is the same CCCD: the second person is refused."""
    with pytest.raises(ApplicationError) as exc:
        _person(
            registry,
            citizen_id=ANH_CCCD.translate(digits),
            gender="male",
            date_of_birth=date(1985, 1, 1),
        )
    assert "citizen_id" in exc.value.fields
    assert Person.objects.filter(full_name="Phạm Thị Đào").count() == 0


def test_cccd_and_phone_are_stored_in_ascii_digits(registry):
    """A person typed with full-width and Arabic-Indic digits is stored in ASCII digits."""
    person = _person(
        registry,
        citizen_id="001190001122".translate(FULL_WIDTH),
        phone="0912 345 678".translate(ARABIC_INDIC),
    )
    person.refresh_from_db()
    assert person.citizen_id == "001190001122"
    assert person.phone == "0912 345 678"


def test_person_update_normalises_the_cccd_too(registry):
    """An update of the CCCD goes through the same normaliser as a creation."""
    person_update(
        actor=registry.officer,
        person=registry.anh,
        citizen_id=ANH_CCCD.translate(ARABIC_INDIC),
    )
    registry.anh.refresh_from_db()
    assert registry.anh.citizen_id == ANH_CCCD


def test_look_alike_tax_code_is_a_duplicate(registry):
    """Sao Mai's tax code in full-width digits is Sao Mai's tax code: refused."""
    with pytest.raises(ApplicationError) as exc:
        organization_create(
            actor=registry.officer,
            name="Công ty Giả danh",
            kind=OrganizationKind.ENTERPRISE,
            parent=registry.board,
            enterprise={"tax_code": "0101234567".translate(FULL_WIDTH), "investment_type": "ddi"},
        )
    assert "tax_code" in exc.value.fields
    assert not Organization.objects.filter(name="Công ty Giả danh").exists()


def test_tax_code_and_country_are_stored_in_ascii(registry):
    """A branch tax code and an investor country typed full-width are stored in ASCII."""
    org = organization_create(
        actor=registry.officer,
        name="Chi nhánh Sao Mai Bắc Ninh",
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={
            "tax_code": "0101234567－002".translate(FULL_WIDTH),
            "investment_type": "fdi",
            "investor_country": "ｊｐ",
        },
    )
    profile = Enterprise.objects.get(organization=org)
    assert (profile.tax_code, profile.investor_country) == ("0101234567-002", "JP")
    organization_update(
        actor=registry.officer,
        organization=org,
        enterprise={"tax_code": "0101234567-003".translate(ARABIC_INDIC)},
    )
    profile.refresh_from_db()
    assert profile.tax_code == "0101234567-003"


def test_search_by_cccd_accepts_look_alike_digits(registry):
    """Searching the people list with a full-width CCCD finds the person."""
    found = person_list(actor=registry.officer, search=ANH_CCCD.translate(FULL_WIDTH))
    assert [p.full_name for p in found] == ["Nguyễn Văn Ánh"]


def test_import_matches_a_look_alike_cccd_to_the_existing_person(registry):
    """A file typing Ánh's CCCD in full-width digits updates Ánh instead of adding a twin."""
    row = person_row(
        **{
            "Họ và tên": "Nguyễn Văn Ánh",
            "Giới tính": "Nam",
            "Ngày sinh": "17/05/1985",
            "Số CCCD": ANH_CCCD.translate(FULL_WIDTH),
            "Đơn vị": "Phòng Quản lý Đầu tư",
            "Từ ngày": "01/03/2015",
        }
    )
    result = import_run(
        actor=registry.officer,
        importer="people",
        data=xlsx(PEOPLE_HEADERS, [row]),
        filename="nhan-su.xlsx",
    )
    assert result.ok, result.errors
    assert result.created == 0
    assert Person.objects.filter(full_name="Nguyễn Văn Ánh").count() == 1
