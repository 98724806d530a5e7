"""Parameters of R2013 (Luật TĐKT 2003 sđ 2013 + NĐ 91/2017): coefficients, bars, caps.

Values and flags follow legal-rules §2.1 and §3; UNVERIFIED values carry `unverified=True`.
"""

from __future__ import annotations

from tdkt.rules import codes as k

from . import common as p

LAW = "Luật TĐKT 2003 (sđ 2013)"
ND91 = "NĐ 91/2017/NĐ-CP"

S28 = "NĐ 91/2017/NĐ-CP, Điều 71–73"
PARAMETERS = (
    p.rounding("nearest", f"{ND91}, Điều 68.2 (theo hỏi đáp: làm tròn gần nhất)", unverified=True),
    p.coefficient(k.ADVANCED_WORKER, None, "0.3", S28),
    p.coefficient(k.GRASSROOTS_FIGHTER, None, "1.0", S28),
    p.coefficient(k.PROVINCIAL_FIGHTER, None, "3.0", S28),
    p.coefficient(k.NATIONAL_FIGHTER, None, "4.5", S28),
    p.coefficient(k.ADVANCED_COLLECTIVE, None, "0.8", S28),
    p.coefficient(k.EXCELLENT_COLLECTIVE, None, "1.5", S28),
    p.coefficient(k.PROVINCIAL_FLAG, None, "8.0", S28),
    p.coefficient(k.GOVERNMENT_FLAG, None, "12.0", S28),
    *p.form_coefficients(
        {
            k.CERTIFICATE_OF_MERIT: ("0.3", "0.6", f"{ND91}, Điều 73", False),
            k.PROVINCIAL_COMMENDATION: ("1.0", "2.0", f"{ND91}, Điều 73", False),
            k.PM_COMMENDATION: ("3.5", "7.0", f"{ND91}, Điều 73", False),
            k.LABOUR_ORDER_3: ("4.5", "9.0", f"{ND91} (chưa xác minh)", True),
        }
    ),
    p.number(
        "advanced_worker.min_months_worked",
        10,
        "months",
        f"{ND91}, Điều 10",
        "No Lao động tiên tiến for a person recruited less than this many months ago.",
    ),
    p.discipline_level("reprimand", f"{ND91}, Điều 10"),
    p.vote_threshold(k.GRASSROOTS_FIGHTER, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(
        k.PROVINCIAL_FIGHTER, "90", "Thực tiễn: Huế 2017 (chưa xác minh)", unverified=True
    ),
    p.vote_threshold(k.NATIONAL_FIGHTER, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(k.PROVINCIAL_FLAG, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(k.GOVERNMENT_FLAG, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.number(
        "provincial_emulation_fighter.consecutive_years",
        3,
        "years",
        f"{LAW}, Điều 22",
        "Consecutive Chiến sĩ thi đua cơ sở years behind a CSTĐ bộ/tỉnh.",
    ),
    p.number(
        "provincial_emulation_fighter.initiative_window_years",
        3,
        "years",
        f"{ND91}, Điều 9.2 (diễn giải)",
        "Years, ending with the evaluated one, in which the bộ/tỉnh initiative may have been "
        "recognised.",
        unverified=True,
    ),
    p.number(
        "national_emulation_fighter.consecutive_titles",
        2,
        "titles",
        f"{LAW}, Điều 21",
        "Consecutive CSTĐ bộ/tỉnh titles behind a CSTĐ toàn quốc.",
    ),
    p.choice(
        "national_emulation_fighter.chain_reading",
        "period",
        ("period", "calendar"),
        "legal-rules §4.1 (diễn giải)",
        "'period': the CSTĐ bộ/tỉnh titles cover back-to-back periods (e.g. 2022 and "
        "2025); 'calendar': adjacent years.",
        unverified=True,
    ),
    p.number(
        "national_emulation_fighter.initiative_window_years",
        6,
        "years",
        f"{LAW}, Điều 21 (diễn giải)",
        "Years in which the national-scope initiative may have been recognised.",
        unverified=True,
    ),
    p.flag(
        "chain.exclusive_periods",
        True,
        "legal-rules §4 (diễn giải)",
        "An award's years cannot serve a second award of the same code.",
        unverified=True,
    ),
    p.choice(
        "certificate_of_merit.min_rating",
        "good",
        k.RATINGS,
        f"{ND91}, Điều 40",
        "Lowest yearly rating for a Giấy khen (criteria set by bộ/tỉnh/unit).",
        unverified=True,
    ),
    p.number(
        "provincial_certificate_of_commendation.consecutive_years",
        2,
        "years",
        f"{ND91}, Điều 39",
        "Consecutive HTXSNV years for a Bằng khen bộ/tỉnh.",
    ),
    p.number(
        "provincial_certificate_of_commendation.initiative_count",
        2,
        "initiatives",
        f"{ND91}, Điều 39",
        "Grassroots initiatives within those years.",
    ),
    p.number(
        "prime_minister_certificate_of_commendation.consecutive_years",
        5,
        "years",
        f"{ND91}, Điều 38.1",
        "Consecutive HTXSNV years after the Bằng khen bộ/tỉnh.",
    ),
    p.number(
        "prime_minister_certificate_of_commendation.initiative_count",
        5,
        "initiatives",
        f"{ND91}, Điều 38.1",
        "Grassroots initiatives within those years.",
    ),
    p.number(
        "labour_order_third_class.consecutive_years",
        5,
        "years",
        f"{ND91}, Điều 24",
        "Consecutive excellent years after the Bằng khen Thủ tướng.",
    ),
    p.number(
        "labour_order_third_class.initiative_count",
        2,
        "initiatives",
        f"{ND91}, Điều 24",
        "Initiatives with bộ/tỉnh influence within those years.",
    ),
    p.percent(
        "advanced_collective.min_advanced_worker_percent",
        "50",
        f"{LAW}, Điều 28",
        "Share of members who are Lao động tiên tiến; R2013 requires MORE than this.",
    ),
    p.percent(
        "excellent_collective.min_advanced_worker_percent",
        "70",
        f"{LAW}, Điều 27",
        "Share of members who are Lao động tiên tiến, inclusive.",
    ),
    p.percent(
        "cap.grassroots_emulation_fighter.max_percent",
        "15",
        f"{ND91}, Điều 9.3",
        "At most this % of the unit's Lao động tiên tiến become CSTĐ cơ sở (bộ/tỉnh may "
        "set lower).",
    ),
    p.percent(
        "cap.government_emulation_flag.max_percent",
        "20",
        f"{ND91}, Điều 11",
        "At most this % of the collectives meeting the Cờ bộ/tỉnh standard.",
    ),
    p.percent(
        "cap.provincial_emulation_fighter.max_percent",
        None,
        "Quy định địa phương",
        "Local cap on CSTĐ bộ/tỉnh as a % of the CSTĐ cơ sở (e.g. Huế 2017: 10 %).",
    ),
)
