"""What the registry forms store: ASCII digits in identifiers, no invisible characters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.organizations.models import Enterprise, Organization, Person

pytestmark = pytest.mark.django_db

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _person_data(registry, **overrides):
    return {
        "full_name": "Đỗ Thị Mai",
        "gender": "female",
        "date_of_birth": "1992-06-15",
        "citizen_id": "001192001234",
        "nationality": "VN",
        "category": "public_employee",
        "email": "",
        "phone": "",
        "organization": registry.centre.pk,
        "position": "Chuyên viên",
        "start_date": "2024-01-01",
    } | overrides


def test_person_form_stores_full_width_digits_as_ascii(client_for, registry):
    """A CCCD and phone typed with a full-width keyboard are stored in ASCII digits."""
    response = client_for("officer").post(
        reverse("organizations:person-create"),
        _person_data(
            registry,
            citizen_id="001192001234".translate(FULL_WIDTH),
            phone="0987654321".translate(FULL_WIDTH),
        ),
    )
    assert response.status_code == 302
    person = Person.objects.get(full_name="Đỗ Thị Mai")
    assert (person.citizen_id, person.phone) == ("001192001234", "0987654321")


def test_person_form_refuses_a_look_alike_duplicate(client_for, registry):
    """Ánh's CCCD in full-width digits is refused next to the field."""
    response = client_for("officer").post(
        reverse("organizations:person-create"),
        _person_data(
            registry,
            citizen_id="001085012345".translate(FULL_WIDTH),
            gender="male",
            date_of_birth="1985-05-17",
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["citizen_id"]
    assert not Person.objects.filter(full_name="Đỗ Thị Mai").exists()


def test_person_form_strips_invisible_characters(client_for, registry):
    """A pasted name with a bidi override and a zero-width space is stored clean."""
    response = client_for("officer").post(
        reverse("organizations:person-create"),
        _person_data(
            registry, full_name="Đỗ\u202e Thị\u200b Mai\x1b", position="Chuyên\u200b viên"
        ),
    )
    assert response.status_code == 302
    person = Person.objects.get(full_name="Đỗ Thị Mai")
    assert person.employments.get().position == "Chuyên viên"


def test_organization_form_cleans_names_and_tax_codes(client_for, registry):
    """An enterprise typed with invisible characters and a full-width tax code is stored clean."""
    response = client_for("officer").post(
        reverse("organizations:organization-create"),
        {
            "name": "Công ty\u200b TNHH\x1b Hồng Hà\u202e",
            "short_name": "",
            "kind": "enterprise",
            "parent": registry.board.pk,
            "address": "Đông\x01 Anh",
            "tax_code": "0109876543".translate(FULL_WIDTH),
            "investment_type": "ddi",
            "investor_country": "",
            "zone": registry.zone.pk,
            "registered_capital": "",
            "capital_currency": "VND",
        },
    )
    assert response.status_code == 302
    org = Organization.objects.get(name="Công ty TNHH Hồng Hà")
    assert org.address == "Đông Anh"
    assert Enterprise.objects.get(organization=org).tax_code == "0109876543"


def test_person_form_refuses_nul_in_vietnamese(client_for, registry):
    """A NUL character (which PostgreSQL cannot store) is refused in Vietnamese, not English."""
    response = client_for("officer").post(
        reverse("organizations:person-create"), _person_data(registry, full_name="Đỗ\x00 Mai")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"] == ["Không được dùng ký tự rỗng (NUL)."]
    assert not Person.objects.filter(full_name__startswith="Đỗ").exists()
