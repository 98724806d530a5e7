"""Vietnamese text helpers: cleaning input, identifiers, and accent-insensitive search keys.

Every text a service stores passes through ``clean_text`` (names through ``normalize_name``,
identifiers through ``normalize_identifier``), whatever the entry path: a web form, the API
or an import. What a person cannot see cannot be checked by a person, so invisible and
control characters are dropped before anything is validated or stored (issue #7, ADR 0035).

Search must behave the same on SQLite and PostgreSQL, so instead of database-specific
collations or the ``unaccent`` extension, every searchable name gets a folded copy
(``search_key``) computed here and stored beside it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from uuid import UUID

_SPACES = re.compile(r"\s+")
_LINE_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Unicode decomposition does not split đ/Đ (they are distinct letters, not d + diacritic).
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})
# Characters that are drawn as nothing although they are letters or marks: Hangul fillers and
# the combining grapheme joiner. Used to make two different strings look alike.
_BLANK_LOOKING = frozenset("\u034f\u115f\u1160\u3164\uffa0")
# Control (Cc), format (Cf: zero-width spaces and joiners, bidirectional overrides, the byte
# order mark, soft hyphen…), surrogate (Cs) and unassigned (Cn, which includes the
# noncharacters U+FFFE, U+FFFF…) code points: never part of a name, an address or a number.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn"})
_UNPRINTABLE_CATEGORIES = _DROPPED_CATEGORIES | {"Zl", "Zp"}
_WHITESPACE_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85")
# The Unicode dash punctuation (hyphen, en dash, minus sign…) typed in identifiers.
_DASHES = frozenset(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u058a\u1806\u2e3a\u2e3b"
)


def _is_dropped(ch: str) -> bool:
    if ch in _WHITESPACE_CONTROLS:
        return False
    return ch in _BLANK_LOOKING or unicodedata.category(ch) in _DROPPED_CATEGORIES


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Return ``value`` in NFC without invisible or control characters, spaces collapsed.

    Tabs, line breaks and the other Unicode spaces become one plain space; with
    ``multiline`` line breaks are kept (as ``\\n``) and only the spaces within a line collapse.
    Characters that cannot be seen (U+0001, ESC, U+202E, a zero-width space…) are dropped:
    they are never typed on purpose, only pasted by accident or by an attacker.
    """
    text = str(value)
    # Nearly every value is all printable (no control, format, surrogate or unassigned code
    # point, no separator but the space), and then nothing is dropped: two C-level scans
    # instead of a Python call per character, which made a third of a large import.
    if not (text.isprintable() and _BLANK_LOOKING.isdisjoint(text)):
        text = "".join(ch for ch in text if not _is_dropped(ch))
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        return _SPACES.sub(" ", text).strip()
    lines = _NEWLINES.sub("\n", text).split("\n")
    return "\n".join(_LINE_SPACES.sub(" ", line).strip() for line in lines).strip("\n")


def normalize_name(value: str) -> str:
    """Return a one-line name in NFC with single spaces and nothing invisible, so equal
    names are stored equally (see ``clean_text``)."""
    return clean_text(value)


def normalize_identifier(value: str) -> str:
    """Return an identifier (CCCD, tax code, phone, country code…) as ASCII digits and text.

    NFKC turns full-width digits and letters into ASCII; other decimal digits (Arabic-Indic
    ٠١٢, Devanagari…) become their ASCII value and dashes a hyphen. So a number typed with
    another keyboard is the same number, and uniqueness holds whatever digits were typed.
    Surrounding spaces go; inner spaces stay (a phone number may be grouped).
    """
    text = unicodedata.normalize("NFKC", clean_text(value))
    if text.isascii():  # no Unicode dash, no other script's digit: nothing to map
        return text
    chars = []
    for ch in text:
        if ch in _DASHES:
            chars.append("-")
        elif not ch.isascii() and unicodedata.decimal(ch, None) is not None:
            chars.append(str(unicodedata.decimal(ch)))
        else:
            chars.append(ch)
    return "".join(chars)


def is_uuid(value: str) -> bool:
    """Return True when ``value`` is a public id (a UUID) in any form ``uuid.UUID`` reads, so a
    filter can skip a malformed one instead of failing on it."""
    try:
        UUID(value)
    except ValueError:
        return False
    return True


def printable(value: str, *, keep_layout: bool = False) -> str:
    """Return ``value`` with every control, format and separator character written as a
    ``\\uXXXX`` escape, for output to a terminal or a log.

    A value read from a file ("\\x1b[2J", a bidirectional override, a line break that forges
    a report line) would otherwise drive the terminal that prints it. The escapes are valid
    inside a JSON string, so a whole JSON report can be passed through with ``keep_layout``,
    which leaves its own newlines and tabs alone.
    """
    out = []
    for ch in value:
        unsafe = ch in _BLANK_LOOKING or unicodedata.category(ch) in _UNPRINTABLE_CATEGORIES
        if not unsafe or (keep_layout and ch in "\n\t"):
            out.append(ch)
        elif ord(ch) > 0xFFFF:  # as a JSON surrogate pair
            code = ord(ch) - 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


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


@lru_cache(maxsize=16384)
def _word_key(word: str) -> str:
    """Return one word's key: its letters in alphabet order, then "1" and its tone.

    Kept per word: names are drawn from a few thousand words, and an import of 20,000
    people or a rebuild of every key asks for the same ones again and again.
    """
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
