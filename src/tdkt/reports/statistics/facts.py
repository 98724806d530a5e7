"""What the statistics forms count: facts about awards and movements, and how a position or a
period is classified (decision 0702). Pure Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

COLLECTIVE, INDIVIDUAL, HOUSEHOLD = "collective", "individual", "household"

# Person categories of rows 10–14 (0602) and 06–10 (0603).
NATIONAL_LEADER = "national_leader"  # lãnh đạo cấp bộ, tỉnh và tương đương trở lên
DEPARTMENT_LEADER = "department_leader"  # lãnh đạo cấp vụ, sở và tương đương
ENTREPRENEUR = "entrepreneur"  # doanh nhân
OTHER_LEADER = "other_leader"  # lãnh đạo khác từ phó phòng trở lên
WORKER = "worker"  # người trực tiếp lao động, công tác

# Methods (phương thức khen thưởng) of rows 15–21 (0602) and 11–17 (0603).
REGULAR, THEMATIC, AD_HOC = "regular", "thematic", "ad_hoc"
FOREIGN, DEDICATION, SENIORITY, RESISTANCE = "foreign", "dedication", "seniority", "resistance"
ROUND_METHOD = {"year_end": REGULAR, "thematic": THEMATIC, "ad_hoc": AD_HOC}


@dataclass(frozen=True)
class AwardFact:
    """One group of granted awards sharing everything the forms count by."""

    code: str
    recipient: str  # COLLECTIVE / INDIVIDUAL / HOUSEHOLD
    enterprise: bool
    person_category: str  # one of the five categories; "" for a collective
    method: str
    count: int


@dataclass(frozen=True)
class MovementFact:
    """One movement carried out in the period, by the facts 0601 counts."""

    kind: str  # movements.MovementKind value
    starts_on: date
    ends_on: date
    level: str = "unit"  # the form's organiser column: central / ministry_province / unit
    scope: str = "unit"  # national / ministry_province / block / unit


# --- classification ---------------------------------------------------------------------------

_NATIONAL_POSTS = (
    "bộ trưởng",
    "thứ trưởng",
    "chủ tịch ubnd",
    "phó chủ tịch ubnd",
    "bí thư thành ủy",
)
_DEPARTMENT_POSTS = ("trưởng ban", "phó trưởng ban", "giám đốc sở", "phó giám đốc sở", "vụ trưởng")
_ENTERPRISE_HEADS = ("tổng giám đốc", "giám đốc", "chủ tịch hội đồng quản trị", "chủ tịch công ty")
_LEADER_POSTS = (
    "trưởng phòng",
    "phó trưởng phòng",
    "phó phòng",
    "chánh văn phòng",
    "phó chánh văn phòng",
    "giám đốc",
    "phó giám đốc",
    "trưởng đại diện",
    "trưởng văn phòng đại diện",
)


def person_category(*, position: str, in_enterprise: bool) -> str:
    """Place an individual in one of the forms' five categories from the position printed on
    the award ("chức vụ, đơn vị công tác").

    The archive keeps the position as text, so the category is read from it: the heads of an
    enterprise are entrepreneurs (doanh nhân); the Board's head and deputies lead a body of
    department (sở) level; heads and deputies of a phòng, office or centre are the "other
    leaders from deputy head of a phòng up"; everyone else works directly. Decision 0702.
    """
    text = " ".join(position.lower().split())
    if any(text.startswith(p) for p in _NATIONAL_POSTS):
        return NATIONAL_LEADER
    if in_enterprise and any(text.startswith(p) for p in _ENTERPRISE_HEADS):
        return ENTREPRENEUR
    if any(text.startswith(p) for p in _DEPARTMENT_POSTS):
        return DEPARTMENT_LEADER
    if any(text.startswith(p) for p in _LEADER_POSTS):
        return OTHER_LEADER
    return WORKER


def duration_row(starts_on: date, ends_on: date) -> str:
    """The 0601 duration row of a movement: 06 < 1 year … 10 ≥ 5 years.

    Whole months from the first day to the day after the last: 1/1–31/12 is exactly 12 months,
    "1 năm" (row 07); more than 12 and under 36 is row 08. Decision 0702.
    """
    end = date.fromordinal(ends_on.toordinal() + 1)
    months = (end.year - starts_on.year) * 12 + end.month - starts_on.month
    if end.day < starts_on.day:
        months -= 1
    if months < 12:
        return "06"
    if months == 12:
        return "07"
    if months < 36:
        return "08"
    if months < 60:
        return "09"
    return "10"
