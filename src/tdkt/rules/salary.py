"""Base salary (mức lương cơ sở) by effective date — legal-rules §1.

Prize money is the coefficient times the base salary in force on the date the decision is
issued (NĐ 98/2023 and NĐ 152/2025 Art 49.1), so the table is keyed by that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class BaseSalary:
    """One row of the base salary table."""

    effective_from: date
    vnd_per_month: int
    instrument: str
    unverified: bool = False


BASE_SALARY_TABLE: tuple[BaseSalary, ...] = (
    BaseSalary(date(2017, 7, 1), 1_300_000, "NĐ 47/2017/NĐ-CP", unverified=True),
    BaseSalary(date(2018, 7, 1), 1_390_000, "NĐ 72/2018/NĐ-CP"),
    BaseSalary(date(2019, 7, 1), 1_490_000, "NĐ 38/2019/NĐ-CP"),
    BaseSalary(date(2023, 7, 1), 1_800_000, "NĐ 24/2023/NĐ-CP"),
    BaseSalary(date(2024, 7, 1), 2_340_000, "NĐ 73/2024/NĐ-CP, Điều 3.2"),
    BaseSalary(date(2026, 7, 1), 2_530_000, "NĐ 161/2026/NĐ-CP, Điều 3.2"),
)


def base_salary_on(day: date) -> BaseSalary:
    """Return the base salary row in force on `day`.

    Raises `LookupError` before the first row: the engine does not guess older salaries.
    """
    found: BaseSalary | None = None
    for row in BASE_SALARY_TABLE:
        if row.effective_from <= day:
            found = row
    if found is None:
        raise LookupError(f"no base salary known for {day.isoformat()}")
    return found
