"""Parameters fixed by Luật TĐKT 06/2022 itself, shared by R2022a and R2022b (legal-rules §4)."""

from __future__ import annotations

from tdkt.rules import codes as k
from tdkt.rules.params import Parameter

from . import common as p

LAW = "Luật TĐKT 2022"


def law_parameters() -> tuple[Parameter, ...]:
    """Parameters fixed by the Law 2022 itself (the same in R2022a and R2022b)."""
    return (
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
            f"{LAW}, Điều 22 (diễn giải)",
            "Years, ending with the evaluated one, in which the bộ/tỉnh initiative may have "
            "been recognised.",
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
            f"{LAW}, Điều 5.2.c (diễn giải)",
            "An award's years cannot serve a second award of the same code.",
            unverified=True,
        ),
        p.choice(
            "certificate_of_merit.min_rating",
            "good",
            k.RATINGS,
            f"{LAW}, Điều 75.2",
            "Lowest yearly rating for a Giấy khen (criteria set by bộ/tỉnh).",
            unverified=True,
        ),
        p.number(
            "provincial_certificate_of_commendation.consecutive_years",
            2,
            "years",
            f"{LAW}, Điều 74.1.d",
            "Consecutive CSTĐ cơ sở or HTXSNV years (criterion d).",
        ),
        p.number(
            "provincial_certificate_of_commendation.initiative_count",
            2,
            "initiatives",
            f"{LAW}, Điều 74.1.d",
            "Unused grassroots initiatives within those years.",
        ),
        p.number(
            "prime_minister_certificate_of_commendation.consecutive_years",
            5,
            "years",
            f"{LAW}, Điều 73.1.b",
            "Consecutive years rated HTTNV or better after the Bằng khen bộ/tỉnh (the "
            "Bằng khen must be at least this many years old).",
            unverified=True,
        ),
        p.number(
            "prime_minister_certificate_of_commendation.grassroots_fighter_count",
            3,
            "titles",
            f"{LAW}, Điều 73.1.b",
            "CSTĐ cơ sở titles within those years.",
        ),
        p.percent(
            "advanced_collective.min_advanced_worker_percent",
            "70",
            f"{LAW}, Điều 28.3 (Bắc Ninh: 70 %)",
            "Share of members who are Lao động tiên tiến, inclusive; set by each "
            "bộ/tỉnh — the default is Bắc Ninh's, Hanoi's is not known.",
            unverified=True,
        ),
        p.percent(
            "excellent_collective.min_advanced_worker_percent",
            "70",
            f"{LAW}, Điều 27",
            "Share of members who are Lao động tiên tiến, inclusive.",
        ),
        p.percent(
            "cap.grassroots_emulation_fighter.max_percent",
            None,
            "Quy định địa phương",
            "No national cap since 2024 (the 15 % rule is gone); a city may set one.",
        ),
        p.percent(
            "cap.government_emulation_flag.max_percent",
            None,
            f"{LAW}, Điều 25",
            "Ratio for the Cờ thi đua của Chính phủ (R2013 had 20 %); not known.",
            unverified=True,
        ),
        p.percent(
            "cap.provincial_emulation_fighter.max_percent",
            None,
            "Quy định địa phương",
            "Local cap on CSTĐ bộ/tỉnh as a % of the CSTĐ cơ sở (e.g. Huế 2017: 10 %).",
        ),
    )
