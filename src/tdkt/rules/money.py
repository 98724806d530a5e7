"""Prize money: coefficient × base salary, rounded to 10,000 VND (legal-rules §2).

NĐ 98/2023 and NĐ 152/2025 Art 49.2 say "làm tròn số lên hàng chục nghìn đồng" (read: up,
CEILING); the R2013 Q&A applies NĐ 91/2017 Art 68.2 as rounding to the NEAREST 10,000, half up.
The mode is a per-rule-set parameter (`prize.rounding`).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

ROUNDING_MODES = ("ceiling", "nearest")
ROUNDING_STEP_VND = 10_000

_DECIMAL_MODES = {"ceiling": ROUND_CEILING, "nearest": ROUND_HALF_UP}


def round_vnd(amount: Decimal, mode: str) -> int:
    """Round a VND amount to a multiple of 10,000 in the given mode."""
    steps = (Decimal(amount) / ROUNDING_STEP_VND).quantize(
        Decimal(1), rounding=_DECIMAL_MODES[mode]
    )
    return int(steps) * ROUNDING_STEP_VND


def prize_vnd(coefficient: Decimal | None, base_salary_vnd: int, mode: str) -> int | None:
    """Return the rounded prize, or `None` when the coefficient is unknown (never guessed)."""
    if coefficient is None:
        return None
    return round_vnd(coefficient * base_salary_vnd, mode)
