"""The serif the PDFs embed: Times New Roman where installed, else Liberation Serif 2.

Decree 30/2020 asks for Times New Roman. Servers rarely have it, and fontconfig silently maps
the name to any "Liberation Serif" it finds — including Liberation 1.x (Debian's
``fonts-liberation``), which lacks most Vietnamese letters, so "ệ" or "ữ" would come out in
another font. The PDFs therefore name their font files explicitly (``@font-face``) and refuse a
font that cannot print every Vietnamese letter. ``tools/ensure-document-fonts.sh`` installs
Debian's ``fonts-liberation2`` (metric-compatible with Times New Roman).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

# Every letter of the Vietnamese alphabet with every tone mark, both cases.
_VOWELS = "aăâeêioôơuưy"
_TONED = "àằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
VIETNAMESE_LETTERS = "".join(sorted(set(_VOWELS + _TONED + "đ")))
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()

FAMILY = "TDKT Serif"
_SEARCH = (
    # (directory, regular, bold, italic, bold italic)
    ("/usr/share/fonts/truetype/msttcorefonts",
     "Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
     "Times_New_Roman_Bold_Italic.ttf"),
    ("/usr/share/fonts/truetype/liberation2",
     "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
     "LiberationSerif-BoldItalic.ttf"),
)  # fmt: skip


class FontMissingError(RuntimeError):
    """No serif font able to print Vietnamese is installed."""


@dataclass(frozen=True)
class FontSet:
    """The four faces of the document serif."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def css(self) -> str:
        """``@font-face`` rules binding the files to ``FAMILY``."""
        faces = (
            (self.regular, "normal", "normal"),
            (self.bold, "bold", "normal"),
            (self.italic, "normal", "italic"),
            (self.bold_italic, "bold", "italic"),
        )
        return "\n".join(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{path.as_uri()}"); }}'
            for path, weight, style in faces
        )


def missing_letters(path: Path) -> str:
    """Return the Vietnamese letters the font file cannot print."""
    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
    return "".join(ch for ch in VIETNAMESE_LETTERS if ord(ch) not in cmap)


@functools.cache
def document_fonts() -> FontSet:
    """Return the first complete, Vietnamese-capable font set (``TDKT_DOCUMENT_FONT_DIR`` first).

    The environment variable names a directory holding four Liberation Serif or Times New Roman
    files, for machines that keep fonts elsewhere.
    """
    candidates: list[tuple[str, ...]] = list(_SEARCH)
    custom = os.environ.get("TDKT_DOCUMENT_FONT_DIR")
    if custom:
        candidates = [(custom, *names) for _, *names in _SEARCH] + candidates
    for directory, *names in candidates:
        paths = [Path(directory) / name for name in names]
        if all(p.is_file() for p in paths) and not any(missing_letters(p) for p in paths):
            return FontSet(*paths)
    raise FontMissingError(
        "No serif font with Vietnamese letters: install Debian's fonts-liberation2 "
        "(make setup does it as root), or set TDKT_DOCUMENT_FONT_DIR."
    )
