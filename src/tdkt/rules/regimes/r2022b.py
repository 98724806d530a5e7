"""R2022b: Luật TĐKT 06/2022/QH15 + NĐ 152/2025/NĐ-CP + TT 15/2025/TT-BNV.

Decisions from 01/07/2025, open-ended (vbpl lists 01/03/2027, the package sunset of NĐ 125/2025
Art 44.2: editable through `regime.R2022b.effective_to`, never applied automatically).
NĐ 152 keeps ballots but its thresholds are unverified: the NĐ 98 values are the defaults.
Dossiers lodged before 01/07/2025 stay under R2022a (NĐ 152 Art 60.3).
"""

from __future__ import annotations

from datetime import date

from tdkt.rules import codes as k
from tdkt.rules.text import Text

from . import common as p
from . import law2022
from .base import RuleSet, Transition
from .law2022_params import law_parameters

ND152 = "NĐ 152/2025/NĐ-CP"
UNV_VOTE = f"{ND152} (ngưỡng chưa xác minh; mặc định theo NĐ 98/2023 Điều 30.7)"

CITATIONS = law2022.DecreeCitations(
    months="TT 15/2025/TT-BNV (chưa xác minh; mặc định theo TT 01/2024 Điều 1.5.d)",
    discipline=f"{ND152}, Điều 4",
    vote_grassroots=f"{ND152}, Điều 6.2.c (bộ/tỉnh quy định; mặc định theo NĐ 98/2023 Điều 30.7)",
    vote_provincial=UNV_VOTE,
    vote_national=UNV_VOTE,
    vote_flags=UNV_VOTE,
)

PARAMETERS = (
    p.rounding("ceiling", f"{ND152}, Điều 49.2"),
    p.coefficient(k.ADVANCED_WORKER, None, "0.3", f"{ND152}, Điều 50.1"),
    p.coefficient(k.GRASSROOTS_FIGHTER, None, "1.0", f"{ND152}, Điều 50.1"),
    p.coefficient(k.PROVINCIAL_FIGHTER, None, "3.0", f"{ND152}, Điều 50.1"),
    p.coefficient(k.NATIONAL_FIGHTER, None, "4.5", f"{ND152}, Điều 50.1.a"),
    p.coefficient(k.ADVANCED_COLLECTIVE, None, "0.8", f"{ND152}, Điều 50.2"),
    p.coefficient(k.EXCELLENT_COLLECTIVE, None, "1.5", f"{ND152}, Điều 50.2.a"),
    p.coefficient(k.PROVINCIAL_FLAG, None, "8.0", f"{ND152}, Điều 50.2"),
    p.coefficient(k.GOVERNMENT_FLAG, None, "12.0", f"{ND152}, Điều 50.2"),
    *p.form_coefficients(
        {
            k.CERTIFICATE_OF_MERIT: ("0.3", "0.6", f"{ND152}, Điều 54.1.e, 54.2", False),
            k.PROVINCIAL_COMMENDATION: ("1.5", "3.0", f"{ND152}, Điều 54.1.b, 54.2", False),
            k.PM_COMMENDATION: ("3.5", "7.0", f"{ND152}, Điều 54.1.a, 54.2", False),
            k.LABOUR_ORDER_3: ("4.5", "9.0", f"{ND152}, Điều 51", False),
        }
    ),
    p.months("advanced_worker.min_months_worked", 6, CITATIONS.months, unverified=True),
    p.discipline_level("reprimand", CITATIONS.discipline, unverified=True),
    p.vote_threshold(k.GRASSROOTS_FIGHTER, "80", CITATIONS.vote_grassroots, unverified=True),
    p.vote_threshold(k.PROVINCIAL_FIGHTER, "90", CITATIONS.vote_provincial, unverified=True),
    p.vote_threshold(k.NATIONAL_FIGHTER, "90", CITATIONS.vote_national, unverified=True),
    p.vote_threshold(k.PROVINCIAL_FLAG, None, UNV_VOTE, unverified=True),
    p.vote_threshold(k.GOVERNMENT_FLAG, "80", CITATIONS.vote_flags, unverified=True),
    *law_parameters(),
)

RULE_SET = RuleSet(
    name="R2022b",
    title=Text(
        "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP",
        "Law on Emulation and Commendation 2022 + Decree 152/2025/NĐ-CP",
    ),
    documents=(ND152, "Luật TĐKT 06/2022/QH15", "TT 15/2025/TT-BNV"),
    effective_from=date(2025, 7, 1),
    effective_to=None,
    parameters=PARAMETERS,
    rules=law2022.rules(CITATIONS),
    caps=law2022.caps(),
    transitions=(Transition("R2022a", f"{ND152}, Điều 60.3", lodged_before=date(2025, 7, 1)),),
)
