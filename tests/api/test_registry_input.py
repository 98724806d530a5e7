"""What the API stores of identifiers and text: ASCII digits, no invisible characters.

The same normalisers as the web forms and the imports, in the services (issue #7).
"""

from __future__ import annotations

import json

import pytest

from tdkt.organizations.models import Enterprise, Person

from .helpers import assert_error

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people/"
ORGANIZATIONS = "/api/v1/organizations/"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _post(client, url, body):
    # json.dumps keeps "\u0000" and lone surrogates as escapes, as a hostile client sends them.
    return client.post(url, json.dumps(body), content_type="application/json")


def _new_person(registry, **overrides):
    return {
        "full_name": "Phạm Thu Trang",
        "category": "civil_servant",
        "gender": "female",
        "date_of_birth": "1990-04-02",
        "citizen_id": "001190004567",
        "organization": str(registry.investment.uuid),
        "start_date": "2024-01-02",
        "position": "Chuyên viên",
    } | overrides


def test_api_stores_look_alike_digits_as_ascii(registry, api_as):
    """A CCCD and a phone in Arabic-Indic digits are stored (and answered) in ASCII."""
    response = _post(
        api_as(registry.officer),
        PEOPLE,
        _new_person(
            registry,
            citizen_id="001190004567".translate(ARABIC_INDIC),
            phone="0912345678".translate(FULL_WIDTH),
        ),
    )
    assert response.status_code == 201, response.content
    assert response.json()["citizen_id"] == "001190004567"
    person = Person.objects.get(full_name="Phạm Thu Trang")
    assert (person.citizen_id, person.phone) == ("001190004567", "0912345678")


def test_api_refuses_a_look_alike_duplicate_cccd(registry, api_as):
    """Ánh's CCCD in full-width digits is Ánh's CCCD: 400 on the field, no second person."""
    response = _post(
        api_as(registry.officer),
        PEOPLE,
        _new_person(
            registry,
            citizen_id="001085012345".translate(FULL_WIDTH),
            gender="male",
            date_of_birth="1985-05-17",
        ),
    )
    body = assert_error(response, 400, "invalid")
    assert "citizen_id" in body["fields"]
    assert not Person.objects.filter(full_name="Phạm Thu Trang").exists()


def test_api_refuses_a_look_alike_duplicate_tax_code(registry, api_as):
    """Sao Mai's tax code in full-width digits is refused on the field."""
    response = _post(
        api_as(registry.officer),
        ORGANIZATIONS,
        {
            "name": "Công ty Giả danh",
            "kind": "enterprise",
            "parent": str(registry.board.uuid),
            "enterprise": {
                "tax_code": "0101234567".translate(FULL_WIDTH),
                "investment_type": "ddi",
            },
        },
    )
    body = assert_error(response, 400, "invalid")
    assert "enterprise.tax_code" in body["fields"] or "tax_code" in body["fields"]
    assert Enterprise.objects.filter(tax_code__endswith="0101234567").count() == 1


def test_api_strips_invisible_and_control_characters(registry, api_as):
    """A name with controls, a bidi override and a zero-width space is stored clean (201)."""
    response = _post(
        api_as(registry.officer),
        PEOPLE,
        _new_person(registry, full_name="Phạm\u202e Thu\u200b Trang\x1b[0m\x9b"),
    )
    assert response.status_code == 201, response.content
    stored = Person.objects.get(uuid=response.json()["uuid"]).full_name
    assert stored == "Phạm Thu Trang[0m"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Phạm\x00 Thu Trang", "Không được dùng ký tự rỗng (NUL)."),
        ("Phạm\ud800 Thu Trang", "Không được dùng ký tự không hợp lệ U+D800."),
    ],
)
def test_api_refuses_nul_and_lone_surrogates_in_vietnamese(registry, api_as, name, message):
    """What no database can store is refused on the field, in Vietnamese, and nothing is
    written (the serializer refuses it before the service)."""
    response = _post(api_as(registry.officer), PEOPLE, _new_person(registry, full_name=name))
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["full_name"] == [message]
    assert not Person.objects.filter(full_name__startswith="Phạm").exists()


def test_api_patch_strips_control_characters(registry, api_as):
    """A partial update goes through the same normaliser."""
    response = api_as(registry.officer).patch(
        f"{PEOPLE}{registry.anh.uuid}/",
        json.dumps({"full_name": "Nguyễn\x1b]0;pwned\x07 Văn Ánh"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    registry.anh.refresh_from_db()
    assert registry.anh.full_name == "Nguyễn]0;pwned Văn Ánh"
