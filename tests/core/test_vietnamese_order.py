"""Vietnamese order of names: the sort keys that both databases sort as plain strings."""

from __future__ import annotations

from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from tdkt.core.text import name_order_key
from tdkt.organizations.keys import person_sort_key, tree_segment


def _people_order(names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: name_order_key(name, given_name_first=True))


def test_people_sort_by_given_name_then_family_then_middle():
    """A class list: An before Bình whatever the family name; same given name, by family."""
    names = ["Nguyễn Thị Bình", "Trần Văn An", "Lê An", "Trần An", "Nguyễn Văn An"]
    assert _people_order(names) == [
        "Lê An",
        "Nguyễn Văn An",
        "Trần An",
        "Trần Văn An",
        "Nguyễn Thị Bình",
    ]


def test_vietnamese_letters_follow_the_alphabet():
    """a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư — not the order of their code points."""
    words = ["Ư", "Ôn", "Ân", "Đào", "Dung", "Ăn", "An", "Ơn", "On", "Ê", "E", "U"]
    ordered = sorted(words, key=name_order_key)
    assert ordered == ["An", "Ăn", "Ân", "Dung", "Đào", "E", "Ê", "On", "Ôn", "Ơn", "U", "Ư"]


def test_tones_come_after_letters_in_dictionary_order():
    """Anh, Ành, Ảnh, Ãnh, Ánh, Ạnh (ngang, huyền, hỏi, ngã, sắc, nặng), and all before Ba."""
    words = ["Ba", "Ạnh", "Ánh", "Ãnh", "Ảnh", "Ành", "Anh"]
    assert sorted(words, key=name_order_key) == ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh", "Ba"]


def test_a_word_sorts_before_the_longer_words_it_starts():
    """An < Anh < Ánh: a shorter word first, whatever the tones."""
    assert sorted(["Ánh", "Anh", "An"], key=name_order_key) == ["An", "Anh", "Ánh"]


def test_case_spacing_and_punctuation_do_not_change_the_key():
    """NGUYỄN  văn ANH and Nguyễn Văn Anh sort as one name; a hyphen is skipped."""
    assert name_order_key("NGUYỄN  văn ANH") == name_order_key("Nguyễn Văn Anh")
    assert name_order_key("O'Neil-Smith") == name_order_key("ONeilSmith")


def test_keys_hold_only_digits():
    """Digits sort the same under every database collation (C, en_US, vi)."""
    key = person_sort_key("Đặng Thị Ngọc Ánh", UUID(int=7))
    assert key.isalnum() and key.isascii()
    assert set(key[: key.index("0")]) <= set("123456789")


def test_namesakes_get_distinct_keys_in_a_stable_order():
    """Two people named alike differ by their public id at the end of the key."""
    first = person_sort_key("Nguyễn Văn An", UUID(int=1))
    second = person_sort_key("Nguyễn Văn An", UUID(int=2))
    other = person_sort_key("Nguyễn Văn Anh", UUID(int=0))
    assert first < second < other


def test_tree_segments_put_departments_before_enterprises():
    """A department named Z still comes before an enterprise named A."""
    department = tree_segment(name="Văn phòng", kind="department", pk=9)
    enterprise = tree_segment(name="An Phát", kind="enterprise", pk=3)
    assert department < enterprise


@given(st.lists(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ ", max_size=12), min_size=2))
def test_order_ignores_case(names):
    """Upper-casing a name never moves it."""
    keys = [name_order_key(n) for n in names]
    assert keys == [name_order_key(n.upper()) for n in names]
