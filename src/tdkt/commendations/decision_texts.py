"""Default wording of a decision: the Board's identity, căn cứ lines per rule set, phrases.

An officer edits every text of a draft; these are the starting points, as the Board's staff
would type them (documents-and-forms.md §2). Legal bases cite the documents of the rule set in
force on the decision date (legal-rules §0); Hanoi's and the Board's own regulations are
**UNVERIFIED** (documents-and-forms.md §10.4), so only the national documents are proposed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from tdkt.rules.codes import (
    ADVANCED_COLLECTIVE,
    ADVANCED_WORKER,
    CERTIFICATE_OF_MERIT,
    EXCELLENT_COLLECTIVE,
    GOVERNMENT_FLAG,
    GRASSROOTS_FIGHTER,
    LABOUR_ORDER_3,
    NATIONAL_FIGHTER,
    PM_COMMENDATION,
    PROVINCIAL_COMMENDATION,
    PROVINCIAL_FIGHTER,
    PROVINCIAL_FLAG,
)
from tdkt.rules.labels import CODE_LABELS

from .constants import IssuerLevel
from .prize import TITLES

BOARD_SUPERIOR = "UBND THÀNH PHỐ HÀ NỘI"
BOARD_NAME_UPPER = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI"
BOARD_NAME = "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội"
BOARD_SHORT_UPPER = "BAN QUẢN LÝ CÁC KCN VÀ CX HÀ NỘI"
BOARD_PLACE = "Hà Nội"
DECISION_SERIES = "QĐ-BQL"

# Whose decision each code is (legal-rules §4.4, Law 2022 Art 80; an interpretation for the
# Board, to be confirmed against Hanoi's regulation): the Trưởng ban decides LĐTT, CSTĐCS,
# TT LĐTT and Giấy khen; the City the provincial titles and Bằng khen; the State the rest.
ISSUER_LEVEL_OF_CODE: dict[str, str] = {
    ADVANCED_WORKER: IssuerLevel.DEPARTMENT,
    GRASSROOTS_FIGHTER: IssuerLevel.DEPARTMENT,
    ADVANCED_COLLECTIVE: IssuerLevel.DEPARTMENT,
    CERTIFICATE_OF_MERIT: IssuerLevel.DEPARTMENT,
    PROVINCIAL_FIGHTER: IssuerLevel.PROVINCE,
    EXCELLENT_COLLECTIVE: IssuerLevel.PROVINCE,
    PROVINCIAL_FLAG: IssuerLevel.PROVINCE,
    PROVINCIAL_COMMENDATION: IssuerLevel.PROVINCE,
    NATIONAL_FIGHTER: IssuerLevel.NATIONAL,
    GOVERNMENT_FLAG: IssuerLevel.NATIONAL,
    PM_COMMENDATION: IssuerLevel.NATIONAL,
    LABOUR_ORDER_3: IssuerLevel.NATIONAL,
}

_LAW_2013 = (
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013"
)
_LAW_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
LEGAL_BASES: dict[str, tuple[str, ...]] = {
    "R2013": (
        _LAW_2013,
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Căn cứ Thông tư số 12/2019/TT-BNV ngày 04 tháng 11 năm 2019 của Bộ Nội vụ hướng dẫn "
        "thi hành một số điều của Nghị định số 91/2017/NĐ-CP",
    ),
    "R2022a": (
        _LAW_2022,
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Căn cứ Quyết định số 32/2024/QĐ-UBND ngày 16 tháng 5 năm 2024 của Ủy ban nhân dân "
        "Thành phố ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố "
        "Hà Nội",
    ),
    "R2022b": (
        _LAW_2022,
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
        "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Căn cứ Quyết định số 32/2024/QĐ-UBND ngày 16 tháng 5 năm 2024 của Ủy ban nhân dân "
        "Thành phố ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố "
        "Hà Nội",
    ),
}


def legal_bases_for(rule_set: str) -> list[str]:
    """Return the default căn cứ lines of a rule set (the latest set for an unknown name)."""
    return list(LEGAL_BASES.get(rule_set, LEGAL_BASES["R2022b"]))


def code_label(code: str) -> str:
    """Return the Vietnamese name of an award code ("Giấy khen", "Lao động tiên tiến")."""
    return CODE_LABELS["vi"].get(code, code)


def is_title(code: str) -> bool:
    """Tell an emulation title (công nhận danh hiệu) from a form (tặng Giấy khen …)."""
    return code in TITLES


@dataclass(frozen=True)
class DecisionTexts:
    """The editable texts of a new draft."""

    title: str
    award_phrase: str
    achievement: str
    proposal_basis: str
    list_title: str


def default_texts(codes: Collection[str], year: int) -> DecisionTexts:
    """Compose the subject, Điều 1 phrase, achievement and list title for ``codes``.

    A decision holds either forms (Giấy khen) or titles, never both (the services refuse a
    mix), because the two are worded, certified and printed differently.
    """
    codes = sorted(codes)
    proposal_basis = (
        "Xét đề nghị của Chánh Văn phòng Ban và kết quả họp Hội đồng Thi đua - Khen thưởng Ban"
    )
    if codes and not any(is_title(code) for code in codes):
        forms = ", ".join(code_label(code) for code in codes)
        return DecisionTexts(
            title=(
                f"Về việc tặng {forms} cho các tập thể, cá nhân đã có thành tích xuất sắc "
                f"trong thực hiện nhiệm vụ năm {year}"
            ),
            award_phrase=f"Tặng {forms} của Trưởng ban {BOARD_NAME}",
            achievement=f"đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year}",
            proposal_basis=proposal_basis,
            list_title=f"TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {forms.upper()} NĂM {year}",
        )
    named = f"danh hiệu “{code_label(codes[0])}”" if len(codes) == 1 else "danh hiệu thi đua"
    return DecisionTexts(
        title=f"Về việc công nhận {named} năm {year}",
        award_phrase=f"Công nhận {named}",
        achievement=f"đã có thành tích trong thực hiện nhiệm vụ năm {year}",
        proposal_basis=proposal_basis,
        list_title=f"TẬP THỂ, CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM {year}",
    )
