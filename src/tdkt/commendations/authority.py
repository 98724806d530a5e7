"""Who decides each award code, seen from the Board (legal-rules.md §4.4, Law 2022 Art 80).

The rule engine names the decider of each title in prose, not as data, so the mapping is this
small table (docs/decisions/0505). The Trưởng ban of the Board, the head of a specialised body
under the City's People's Committee, decides Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể
lao động tiên tiến and Giấy khen (Art 80.1). Everything else is above the Board's authority:
provincial titles and forms are decided by the Chủ tịch UBND Thành phố, national ones by the
Prime Minister or the President on the City's proposal; either way the Board asks the City
with a tờ trình. The reading is marked as an interpretation in legal-rules.md (confirm against
Hanoi QĐ 32/2024); changing it is a change of this table only.
"""

from __future__ import annotations

from tdkt.commendations.constants import IssuerLevel
from tdkt.rules import codes

ISSUER_OF: dict[str, str] = {
    codes.ADVANCED_WORKER: IssuerLevel.DEPARTMENT,
    codes.GRASSROOTS_FIGHTER: IssuerLevel.DEPARTMENT,
    codes.ADVANCED_COLLECTIVE: IssuerLevel.DEPARTMENT,
    codes.CERTIFICATE_OF_MERIT: IssuerLevel.DEPARTMENT,
    codes.EXCELLENT_COLLECTIVE: IssuerLevel.PROVINCE,
    codes.PROVINCIAL_FIGHTER: IssuerLevel.PROVINCE,
    codes.PROVINCIAL_FLAG: IssuerLevel.PROVINCE,
    codes.PROVINCIAL_COMMENDATION: IssuerLevel.PROVINCE,
    codes.NATIONAL_FIGHTER: IssuerLevel.NATIONAL,
    codes.GOVERNMENT_FLAG: IssuerLevel.NATIONAL,
    codes.PM_COMMENDATION: IssuerLevel.NATIONAL,
    codes.LABOUR_ORDER_3: IssuerLevel.NATIONAL,
}

# What the City is asked to do, as Điều 1 of its decision would word it ("xét …").
CITY_REQUEST: dict[str, str] = {
    codes.EXCELLENT_COLLECTIVE: "công nhận danh hiệu “Tập thể lao động xuất sắc”",
    codes.PROVINCIAL_FIGHTER: "công nhận danh hiệu “Chiến sĩ thi đua Thành phố”",
    codes.PROVINCIAL_FLAG: "tặng Cờ thi đua của Ủy ban nhân dân Thành phố",
    codes.PROVINCIAL_COMMENDATION: "tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
    codes.NATIONAL_FIGHTER: (
        "đề nghị Thủ tướng Chính phủ công nhận danh hiệu “Chiến sĩ thi đua toàn quốc”"
    ),
    codes.GOVERNMENT_FLAG: "đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ",
    codes.PM_COMMENDATION: "đề nghị Thủ tướng Chính phủ tặng Bằng khen",
    codes.LABOUR_ORDER_3: "đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba",
}


def issuer_level(code: str) -> str:
    """Return the issuer level of an award code (``IssuerLevel``)."""
    return ISSUER_OF[code]


def above_board(code: str) -> bool:
    """Return True when the Board must ask the City for ``code`` (a tờ trình is needed)."""
    return ISSUER_OF.get(code, IssuerLevel.DEPARTMENT) != IssuerLevel.DEPARTMENT


def city_codes() -> tuple[str, ...]:
    """Return the codes above the Board's authority, in the engine's order."""
    return tuple(code for code in codes.AWARD_CODES if above_board(code))
