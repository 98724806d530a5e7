"""R2022a: Luật TĐKT 06/2022/QH15 + NĐ 98/2023/NĐ-CP + TT 01/2024/TT-BNV.

Decisions from 01/01/2024 to 30/06/2025 (legal-rules §0, §4). NĐ 98 Bằng khen and Giấy khen
coefficients were not read: they are parameters flagged unverified (expected equal to NĐ 91).
"""

from __future__ import annotations

from datetime import date

from tdkt.rules import codes as k
from tdkt.rules.text import Text

from . import common as p
from . import law2022
from .base import RuleSet
from .law2022_params import law_parameters

ND98 = "NĐ 98/2023/NĐ-CP"
S49 = f"{ND98}, Điều 54–55"

CITATIONS = law2022.DecreeCitations(
    months="TT 01/2024/TT-BNV, Điều 1.5.d",
    discipline=f"{ND98} (nguyên tắc khen thưởng; nay NĐ 152/2025 Điều 4)",
    vote_grassroots=f"{ND98}, Điều 30.7",
    vote_provincial=f"{ND98}, Điều 30.7",
    vote_national=f"{ND98}, Điều 30.7",
    vote_flags=f"{ND98}, Điều 30.7",
)

PARAMETERS = (
    p.rounding("ceiling", f"{ND98}, Điều 49.2 (làm tròn lên hàng chục nghìn)"),
    p.coefficient(k.ADVANCED_WORKER, None, "0.3", S49),
    p.coefficient(k.GRASSROOTS_FIGHTER, None, "1.0", S49),
    p.coefficient(k.PROVINCIAL_FIGHTER, None, "3.0", S49),
    p.coefficient(k.NATIONAL_FIGHTER, None, "4.5", f"{ND98}, Điều 54.1.a"),
    p.coefficient(k.ADVANCED_COLLECTIVE, None, "0.8", S49),
    p.coefficient(k.EXCELLENT_COLLECTIVE, None, "1.5", S49),
    p.coefficient(k.PROVINCIAL_FLAG, None, "8.0", f"{ND98}, Điều 54"),
    p.coefficient(k.GOVERNMENT_FLAG, None, "12.0", S49),
    *p.form_coefficients(
        {
            k.CERTIFICATE_OF_MERIT: ("0.3", "0.6", f"{ND98} (chưa xác minh)", True),
            k.PROVINCIAL_COMMENDATION: (
                "1.0",
                "2.0",
                f"{ND98}, Điều 58.1.b, 58.2 (chưa xác minh)",
                True,
            ),
            k.PM_COMMENDATION: ("3.5", "7.0", f"{ND98} (chưa xác minh)", True),
            k.LABOUR_ORDER_3: ("4.5", "9.0", f"{ND98}, Điều 55.1.h", False),
        }
    ),
    p.months("advanced_worker.min_months_worked", 6, CITATIONS.months),
    p.discipline_level("reprimand", CITATIONS.discipline, unverified=True),
    p.vote_threshold(k.GRASSROOTS_FIGHTER, "80", CITATIONS.vote_grassroots),
    p.vote_threshold(k.PROVINCIAL_FIGHTER, "90", CITATIONS.vote_provincial),
    p.vote_threshold(k.NATIONAL_FIGHTER, "90", CITATIONS.vote_national),
    p.vote_threshold(
        k.PROVINCIAL_FLAG, None, f"{ND98}, Điều 30.7 (chưa xác minh)", unverified=True
    ),
    p.vote_threshold(k.GOVERNMENT_FLAG, "80", CITATIONS.vote_flags),
    *law_parameters(),
)

RULE_SET = RuleSet(
    name="R2022a",
    title=Text(
        "Luật TĐKT 2022 + Nghị định 98/2023/NĐ-CP",
        "Law on Emulation and Commendation 2022 + Decree 98/2023/NĐ-CP",
    ),
    documents=("Luật TĐKT 06/2022/QH15", ND98, "TT 01/2024/TT-BNV"),
    effective_from=date(2024, 1, 1),
    effective_to=date(2025, 6, 30),
    parameters=PARAMETERS,
    rules=law2022.rules(CITATIONS),
    caps=law2022.caps(),
)
