"""Sort Vietnamese names in the order of the Vietnamese alphabet, in Python.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: "Đầu tư" comes
after "Dịch vụ" and before "Em", which neither code-point order (Đ after Z) nor an
accent-folded key (đ = d) gives. Tone marks decide only between otherwise equal names
(ngang, huyền, hỏi, ngã, sắc, nặng). The same key works on SQLite and PostgreSQL data.
"""

from __future__ import annotations

import unicodedata

# Marks that make a new letter (ă â ê ô ơ ư) versus tone marks.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...], str]:
    """Return a key that sorts by letters (with ă, â, đ ... as letters), then tones."""
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _LETTER_MARKS and letters:
            base, _mark = letters[-1]
            letters[-1] = (base, _LETTER_MARKS[char])
        elif char in _TONE_MARKS:
            if tones:
                tones[-1] = _TONE_MARKS[char]
        elif unicodedata.category(char) == "Mn":
            continue
        elif char == "đ":
            letters.append(("d", 9))
            tones.append(0)
        else:
            letters.append((char, 0))
            tones.append(0)
    return tuple(letters), tuple(tones), text
