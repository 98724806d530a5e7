"""Vietnamese text helpers: normalisation and accent-insensitive search keys.

Search must behave the same on SQLite and PostgreSQL, so instead of database-specific
collations or the ``unaccent`` extension, every searchable name gets a folded copy
(``search_key``) computed here and stored beside it.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Unicode decomposition does not split đ/Đ (they are distinct letters, not d + diacritic).
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def normalize_name(value: str) -> str:
    """Return ``value`` in NFC with single spaces, so equal names are stored equally."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold(value: str) -> str:
    """Return a lowercase, accent-free key: "NGUYỄN Văn Ánh" and "nguyen van anh" match."""
    decomposed = unicodedata.normalize("NFD", value.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.casefold()).strip()


# --- Vietnamese order -------------------------------------------------------------------------
#
# A sort key is a string of digits whose plain (byte) order is the Vietnamese order, so that
# both databases sort it with an ordinary index and no collation support (SQLite has no ICU).
# Each symbol of the Vietnamese alphabet (digits first, then a ă â b c d đ e ê f g h i j k l m
# n o ô ơ p q r s t u ư v w x y z) is two digits without a zero, whose first digit is 2–7; a
# word ends with "1" and its tone (1 = ngang, then huyền, hỏi, ngã, sắc, nặng: the dictionary
# order), so a shorter word sorts before the words it starts; "0" ends a name. Keys hold only
# the digits 0–9 (and a hex id after the end), so any database collation orders them alike.

_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_OTHER_LETTER = len(_ALPHABET)  # letters of other scripts: after z, equal to each other
_MODIFIED = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _code(rank: int) -> str:
    return f"{2 + rank // 9}{1 + rank % 9}"


_CODES = {letter: _code(rank) for rank, letter in enumerate(_ALPHABET)}
_OTHER_CODE = _code(_OTHER_LETTER)
#: Ends a name inside a key: lower than every digit a word may hold.
NAME_END = "0"


def _word_key(word: str) -> str:
    """Return one word's key: its letters in alphabet order, then "1" and its tone."""
    codes: list[str] = []
    tone = 0
    base = ""
    marks: list[str] = []

    def flush() -> None:
        if not base:
            return
        letter = next((_MODIFIED[(base, m)] for m in marks if (base, m) in _MODIFIED), base)
        codes.append(_CODES.get(letter, _OTHER_CODE))

    for ch in unicodedata.normalize("NFD", word.casefold()):
        if unicodedata.category(ch) == "Mn":
            marks.append(ch)
            tone = tone or _TONES.get(ch, 0)
            continue
        flush()
        base, marks = (ch, []) if ch.isalnum() else ("", [])
    flush()
    return "".join(codes) + f"1{tone + 1}" if codes else ""


def name_order_key(name: str, *, given_name_first: bool = False, limit: int = 400) -> str:
    """Return the Vietnamese-order key of ``name`` (without the end marker), at most ``limit``
    digits long.

    With ``given_name_first`` the last word (tên) is compared first, then the first (họ), then
    the middle names (tên đệm), as Vietnamese lists of people are sorted: "Trần Văn An"
    before "Nguyễn Thị Bình". Letters compare before tones within each word (An < Ân < Ấn <
    Bình), case and spacing are ignored, and punctuation is skipped.
    """
    words = name.split()
    if given_name_first and len(words) > 1:
        words = [words[-1], words[0], *words[1:-1]]
    key = "".join(_word_key(word) for word in words)
    return key[: limit - limit % 2]
