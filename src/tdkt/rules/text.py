"""User-facing text of the engine in both languages of the UI.

The engine has no gettext (it imports no Django), so every label, unit, note and message it
owns is declared once with its Vietnamese and English wording; the registry check refuses an
empty one at import (`regimes.validation`).
"""

from __future__ import annotations

from typing import Final, NamedTuple

LANGUAGES: Final = ("vi", "en")


class Text(NamedTuple):
    """A text in Vietnamese (the default UI language) and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in `lang`; anything but English is Vietnamese."""
        return self.en if lang == "en" else self.vi
