"""Invisible and control characters never reach the registry (issue #7).

U+0001, ESC, the right-to-left override U+202E or a zero-width space typed or pasted into a
name would be stored as is, shown reversed or hidden, and printed raw to a terminal. Every
registry service passes its text through one normaliser, ``tdkt.core.text.clean_text``.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt.core import text as text_module
from tdkt.core.text import clean_text, printable
from tdkt.organizations.constants import GroupKind, OrganizationKind, PersonnelCategory
from tdkt.organizations.services import (
    employment_add,
    group_create,
    group_update,
    organization_create,
    organization_update,
    person_create,
    person_update,
    zone_create,
    zone_update,
)

pytestmark = pytest.mark.django_db

# What an attacker (or a careless paste) puts in a name.
DIRTY = "Nguyễn\u200b Văn\x01 \x1b[31mAnh\u202e\ufeff\u2066"
UNSAFE = {"\x01", "\x1b", "\u200b", "\u202e", "\ufeff", "\u2066", "\x00", "\x7f", "\x9b"}


def _assert_clean(value: str) -> None:
    assert not set(value) & UNSAFE, repr(value)
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Cs"} for ch in value if ch != "\n"), (
        repr(value)
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (DIRTY, "Nguyễn Văn [31mAnh"),
        ("Lê\tThị\r\nHoa\u2028", "Lê Thị Hoa"),
        ("\x00Trần\x7f Minh\x9b Đức", "Trần Minh Đức"),
        ("Phạm\u00a0Thu\u3000Trang", "Phạm Thu Trang"),
        ("Hồ\ud800 Thị\U0010fffe Lan", "Hồ Thị Lan"),  # a lone surrogate and a noncharacter
    ],
)
def test_clean_text_drops_invisible_and_control_characters(typed, stored):
    """Controls, format characters and surrogates go; odd spaces become one plain space."""
    assert clean_text(typed) == stored


@given(st.text(alphabet=st.characters(codec=None), max_size=40), st.booleans())
def test_clean_text_drops_exactly_the_invisible_characters_whatever_the_text(text, multiline):
    """The fast path for printable text (most values) drops what the character-by-character
    rule drops: nothing more, nothing less, for any code point."""
    by_character = "".join(ch for ch in text if not text_module._is_dropped(ch))
    assert clean_text(text, multiline=multiline) == clean_text(by_character, multiline=multiline)
    assert not any(text_module._is_dropped(ch) for ch in clean_text(text, multiline=multiline))


def test_clean_text_keeps_line_breaks_only_when_asked():
    """A description keeps its paragraphs; a name is one line."""
    assert clean_text("Dòng một\r\n\x1bDòng hai", multiline=True) == "Dòng một\nDòng hai"
    assert clean_text("Dòng một\r\nDòng hai") == "Dòng một Dòng hai"


def test_printable_escapes_what_a_terminal_would_obey():
    """What a command prints shows control characters as escapes instead of running them."""
    shown = printable("Anh\x1b[2J\u202eX\x00")
    assert "\x1b" not in shown and "\u202e" not in shown and "\x00" not in shown
    assert "\\u001b" in shown and "\\u202e" in shown
    assert printable("a\nb") == "a\\u000ab"  # a line break cannot forge a report line
    assert printable("a\nb", keep_layout=True) == "a\nb"
    assert printable("Nguyễn Văn Ánh") == "Nguyễn Văn Ánh"


def test_person_and_post_text_is_cleaned_on_create_and_update(registry):
    """Name, e-mail, phone and position lose every invisible character."""
    person = person_create(
        actor=registry.officer,
        full_name=DIRTY,
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=registry.investment,
        start_date=date(2020, 1, 1),
        position="Chuyên\u200b viên\x1b",
        phone="0912\u200b345678",
        email="anh.nv\u200b@example.vn",
    )
    person.refresh_from_db()
    assert person.full_name == "Nguyễn Văn [31mAnh"
    for value in (person.full_name, person.phone, person.email, person.search_key):
        _assert_clean(value)
    _assert_clean(person.employments.get().position)

    person_update(actor=registry.officer, person=person, full_name="Lê\u202eThị Hoa\x07")
    person.refresh_from_db()
    assert person.full_name == "LêThị Hoa"
    post = employment_add(
        actor=registry.officer,
        person=person,
        organization=registry.planning,
        start_date=date(2022, 1, 1),
        position="Trưởng\x1b phòng",
    )
    assert post.position == "Trưởng phòng"


def test_organization_zone_and_group_text_is_cleaned(registry):
    """Every free-text field of the registry goes through the same normaliser."""
    org = organization_create(
        actor=registry.officer,
        name="Phòng\u200b Thanh\x1b tra",
        short_name="\u202eTT",
        kind=OrganizationKind.DEPARTMENT,
        parent=registry.board,
        address="Số 1\x00 phố Huế",
    )
    assert (org.name, org.short_name, org.address) == ("Phòng Thanh tra", "TT", "Số 1 phố Huế")
    organization_update(actor=registry.officer, organization=org, address="Số 2\u2067 phố Huế")
    org.refresh_from_db()
    assert org.address == "Số 2 phố Huế"

    zone = zone_create(
        actor=registry.officer, name="KCN\u200b Phú\x1b Nghĩa", district="\x01Chương Mỹ"
    )
    assert (zone.name, zone.district) == ("KCN Phú Nghĩa", "Chương Mỹ")
    zone = zone_update(actor=registry.officer, zone=zone, district="Chương\u202e Mỹ")
    assert zone.district == "Chương Mỹ"

    group = group_create(
        actor=registry.officer,
        name="Khối\u200b thi đua\x1b",
        kind=GroupKind.BLOCK,
        organizer="Bộ\u202e Kế hoạch",
        description="Dòng một\r\n\x1b[1mDòng hai\u200b",
    )
    assert (group.name, group.organizer) == ("Khối thi đua", "Bộ Kế hoạch")
    assert group.description == "Dòng một\n[1mDòng hai"
    group = group_update(actor=registry.officer, group=group, description="\x07Mới")
    assert group.description == "Mới"
