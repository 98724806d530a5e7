"""Closed vocabularies of the rule engine: award codes, ratings, scopes, discipline levels.

The identifiers are the glossary's (shared/domain/glossary.md) and the contract's
(shared/contracts/rules-evaluate.md); the order of the ranked vocabularies is the legal order
(a higher rank is a better rating, a wider initiative scope, a heavier discipline).

Every award code is declared once in `AWARDS`, with its category, the subjects it applies to
and its labels; every other list of codes (forms, codes per subject kind, history slots, the
form's and the API's choices) is derived from that table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .text import Text

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

TITLE: Final = "title"  # danh hiệu thi đua
FORM: Final = "form"  # hình thức khen thưởng
CATEGORIES: Final = (TITLE, FORM)

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


@dataclass(frozen=True, slots=True)
class AwardCode:
    """One title or form: the only place a new award code is declared (docs/rules/README.md)."""

    code: str
    category: str
    subject_kinds: tuple[str, ...]
    label: Text


_IND, _COL, _BOTH = (INDIVIDUAL,), (COLLECTIVE,), SUBJECT_KINDS

AWARDS: Final = (
    AwardCode(ADVANCED_WORKER, TITLE, _IND, Text("Lao động tiên tiến", "Advanced Worker")),
    AwardCode(
        GRASSROOTS_FIGHTER,
        TITLE,
        _IND,
        Text("Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter"),
    ),
    AwardCode(
        PROVINCIAL_FIGHTER,
        TITLE,
        _IND,
        Text("Chiến sĩ thi đua cấp bộ, ngành, tỉnh (thành phố)", "Provincial Emulation Fighter"),
    ),
    AwardCode(
        NATIONAL_FIGHTER,
        TITLE,
        _IND,
        Text("Chiến sĩ thi đua toàn quốc", "National Emulation Fighter"),
    ),
    AwardCode(
        ADVANCED_COLLECTIVE, TITLE, _COL, Text("Tập thể lao động tiên tiến", "Advanced Collective")
    ),
    AwardCode(
        EXCELLENT_COLLECTIVE,
        TITLE,
        _COL,
        Text("Tập thể lao động xuất sắc", "Excellent Collective"),
    ),
    AwardCode(
        PROVINCIAL_FLAG,
        TITLE,
        _COL,
        Text("Cờ thi đua cấp bộ, ngành, tỉnh (thành phố)", "Provincial Emulation Flag"),
    ),
    AwardCode(
        GOVERNMENT_FLAG, TITLE, _COL, Text("Cờ thi đua của Chính phủ", "Government Emulation Flag")
    ),
    AwardCode(CERTIFICATE_OF_MERIT, FORM, _BOTH, Text("Giấy khen", "Certificate of Merit")),
    AwardCode(
        PROVINCIAL_COMMENDATION,
        FORM,
        _BOTH,
        Text(
            "Bằng khen của Bộ trưởng / Chủ tịch UBND cấp tỉnh",
            "Provincial Certificate of Commendation",
        ),
    ),
    AwardCode(
        PM_COMMENDATION,
        FORM,
        _BOTH,
        Text("Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Commendation"),
    ),
    AwardCode(
        LABOUR_ORDER_3,
        FORM,
        _BOTH,
        Text("Huân chương Lao động hạng Ba", "Labour Order, Third Class"),
    ),
)

AWARD: Final = {a.code: a for a in AWARDS}
AWARD_CODES: Final = tuple(a.code for a in AWARDS)
FORMS: Final = tuple(a.code for a in AWARDS if a.category == FORM)
CODES_BY_KIND: Final = {
    kind: tuple(a.code for a in AWARDS if kind in a.subject_kinds) for kind in SUBJECT_KINDS
}

# Lowest and highest achievement year the engine accepts; years are stored as bits of an int.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2199


def applies_to(code: str, kind: str) -> bool:
    """Tell whether an award code can be given to a subject of this kind."""
    return code in CODES_BY_KIND[kind]
