"""Closed vocabularies of the rule engine: award codes, ratings, scopes, discipline levels.

The identifiers are the glossary's (shared/domain/glossary.md) and the contract's
(shared/contracts/rules-evaluate.md); the order of the ranked vocabularies is the legal order
(a higher rank is a better rating, a wider initiative scope, a heavier discipline).
"""

from __future__ import annotations

from typing import Final

INDIVIDUAL: Final = "individual"
COLLECTIVE: Final = "collective"
SUBJECT_KINDS: Final = (INDIVIDUAL, COLLECTIVE)

# Ratings of yearly task completion, worst first (Luật Cán bộ, công chức; NĐ 90/2020 vocabulary).
RATINGS: Final = ("incomplete", "complete", "good", "excellent")
RATING_RANK: Final = {name: rank for rank, name in enumerate(RATINGS)}

# Initiative scope of effect, narrowest first (legal-rules §5).
SCOPES: Final = ("grassroots", "provincial", "national")
SCOPE_RANK: Final = {name: rank for rank, name in enumerate(SCOPES)}

# Discipline levels, lightest first (khiển trách, cảnh cáo, hạ bậc/cách chức, buộc thôi việc).
DISCIPLINE_LEVELS: Final = ("reprimand", "warning", "demotion", "dismissal")
DISCIPLINE_RANK: Final = {name: rank for rank, name in enumerate(DISCIPLINE_LEVELS)}

ADVANCED_WORKER: Final = "advanced_worker"
GRASSROOTS_FIGHTER: Final = "grassroots_emulation_fighter"
PROVINCIAL_FIGHTER: Final = "provincial_emulation_fighter"
NATIONAL_FIGHTER: Final = "national_emulation_fighter"
ADVANCED_COLLECTIVE: Final = "advanced_collective"
EXCELLENT_COLLECTIVE: Final = "excellent_collective"
PROVINCIAL_FLAG: Final = "provincial_emulation_flag"
GOVERNMENT_FLAG: Final = "government_emulation_flag"
CERTIFICATE_OF_MERIT: Final = "certificate_of_merit"
PROVINCIAL_COMMENDATION: Final = "provincial_certificate_of_commendation"
PM_COMMENDATION: Final = "prime_minister_certificate_of_commendation"
LABOUR_ORDER_3: Final = "labour_order_third_class"

TITLES_INDIVIDUAL: Final = (
    ADVANCED_WORKER,
    GRASSROOTS_FIGHTER,
    PROVINCIAL_FIGHTER,
    NATIONAL_FIGHTER,
)
TITLES_COLLECTIVE: Final = (
    ADVANCED_COLLECTIVE,
    EXCELLENT_COLLECTIVE,
    PROVINCIAL_FLAG,
    GOVERNMENT_FLAG,
)
FORMS: Final = (CERTIFICATE_OF_MERIT, PROVINCIAL_COMMENDATION, PM_COMMENDATION, LABOUR_ORDER_3)

AWARD_CODES: Final = TITLES_INDIVIDUAL + TITLES_COLLECTIVE + FORMS

CODES_BY_KIND: Final = {
    INDIVIDUAL: TITLES_INDIVIDUAL + FORMS,
    COLLECTIVE: TITLES_COLLECTIVE + FORMS,
}

# Lowest and highest achievement year the engine accepts; years are stored as bits of an int.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2199


def applies_to(code: str, kind: str) -> bool:
    """Tell whether an award code can be given to a subject of this kind."""
    return code in CODES_BY_KIND[kind]
