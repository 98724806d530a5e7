"""Which award codes a collective or an individual may register, and what a registration
covers: registering a higher title of the same ladder also counts for the lower ones (an
individual aiming at "Chiến sĩ thi đua cơ sở" aims at "Lao động tiên tiến", its prerequisite),
so a proposal for the lower title is not flagged (decision 0604)."""

from __future__ import annotations

from django.utils import translation

from tdkt.rules.codes import (
    ADVANCED_COLLECTIVE,
    ADVANCED_WORKER,
    CODES_BY_KIND,
    COLLECTIVE,
    EXCELLENT_COLLECTIVE,
    GRASSROOTS_FIGHTER,
    INDIVIDUAL,
    NATIONAL_FIGHTER,
    PROVINCIAL_FIGHTER,
)
from tdkt.rules.labels import CODE_LABELS

# Titles a registration of the key also covers.
COVERS: dict[str, frozenset[str]] = {
    GRASSROOTS_FIGHTER: frozenset({ADVANCED_WORKER}),
    PROVINCIAL_FIGHTER: frozenset({GRASSROOTS_FIGHTER, ADVANCED_WORKER}),
    NATIONAL_FIGHTER: frozenset({PROVINCIAL_FIGHTER, GRASSROOTS_FIGHTER, ADVANCED_WORKER}),
    EXCELLENT_COLLECTIVE: frozenset({ADVANCED_COLLECTIVE}),
}
# What a unit's sheet starts with when there is nothing to copy from last year.
DEFAULT_CODE = {INDIVIDUAL: ADVANCED_WORKER, COLLECTIVE: ADVANCED_COLLECTIVE}


def covered(codes: set[str] | frozenset[str]) -> set[str]:
    """Return ``codes`` with every title they cover."""
    result = set(codes)
    for code in codes:
        result |= COVERS.get(code, frozenset())
    return result


def registrable(kind: str) -> tuple[str, ...]:
    """Return the codes a registrant of ``kind`` ("individual"/"collective") may register."""
    return CODES_BY_KIND[kind]


def code_label(code: str, lang: str | None = None) -> str:
    """Return the label of a code in ``lang`` (default: the active language); an unknown code
    shows as is."""
    lang = lang or (translation.get_language() or "vi")[:2]
    return CODE_LABELS.get(lang, CODE_LABELS["vi"]).get(code, code)
