"""Parameter builders shared by the rule-set data modules.

Only the *shape* is shared — the type, the unit, the legal range and the wording of the
labels; every value, citation and `unverified` flag is given by the data module of the
regime, so editing one regime never changes another.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tdkt.rules.codes import AWARD, DISCIPLINE_LEVELS, FORMS
from tdkt.rules.labels import SUBJECT_TEXT
from tdkt.rules.money import ROUNDING_MODES
from tdkt.rules.params import Parameter
from tdkt.rules.text import Text

# Legal ranges. The largest coefficient of the Law 2022 schedule is 46.0 (Huân chương Sao
# vàng for a collective); shares are percentages; streaks and windows are a few years.
MAX_COEFFICIENT = Decimal(50)
HUNDRED = Decimal(100)
MAX_YEARS = 10


def _award(code: str, kind: str | None) -> Text:
    label = AWARD[code].label
    if kind is None:
        return label
    sub = SUBJECT_TEXT[kind]
    return Text(f"{label.vi} ({sub.vi.lower()})", f"{label.en} ({sub.en.lower()})")


def coefficient(
    code: str, kind: str | None, coef: str | None, cite: str, *, unverified: bool = False
) -> Parameter:
    """Prize coefficient × base salary (legal-rules §2.1); `None` = unknown, never guessed."""
    name = f"prize.{code}" if kind is None else f"prize.{code}.{kind}"
    award = _award(code, kind)
    return Parameter(
        name,
        None if coef is None else Decimal(coef),
        "coefficient",
        cite,
        Text(f"Hệ số tiền thưởng {award.vi}", f"Prize coefficient, {award.en}"),
        Text(
            "Tiền thưởng bằng hệ số nhân mức lương cơ sở tại ngày quyết định; để trống khi "
            "chưa xác định được (không đoán).",
            "The prize is this coefficient times the base salary on the decision date; empty "
            "when not known (never guessed).",
        ),
        unverified=unverified,
        type="decimal",
        nullable=True,
        minimum=Decimal(0),
        maximum=MAX_COEFFICIENT,
        places=2,
    )


def rounding(mode: str, cite: str, *, unverified: bool = False) -> Parameter:
    """Rounding of prize money to 10,000 VND."""
    return Parameter(
        "prize.rounding",
        mode,
        "none",
        cite,
        Text("Cách làm tròn tiền thưởng", "Rounding of prize money"),
        Text(
            "Tiền thưởng (hệ số × lương cơ sở) được làm tròn đến hàng chục nghìn đồng: "
            "làm tròn lên, hoặc làm tròn đến số gần nhất.",
            "Coefficient × base salary is rounded to 10,000 đồng: up, or to the nearest.",
        ),
        unverified=unverified,
        type="choice",
        choices=ROUNDING_MODES,
    )


def vote_threshold(
    code: str, percent: str | None, cite: str, *, unverified: bool = False
) -> Parameter:
    """Council ballot pass mark, a share of *all* members; `None` leaves the vote pending."""
    award = AWARD[code].label
    return Parameter(
        f"vote.{code}.min_percent",
        None if percent is None else Decimal(percent),
        "council_percent",
        cite,
        Text(f"Tỷ lệ phiếu đồng ý xét {award.vi}", f"Yes votes needed for {award.en}"),
        Text(
            "Tính trên tổng số thành viên Hội đồng, đạt khi bằng hoặc cao hơn; để trống khi "
            "chưa xác định: kết quả bỏ phiếu để Hội đồng quyết định.",
            "A share of all council members, inclusive; empty when not known: the vote stays "
            "pending for the council to decide.",
        ),
        unverified=unverified,
        type="decimal",
        nullable=True,
        minimum=Decimal(50),
        maximum=HUNDRED,
        places=2,
    )


def number(
    name: str,
    default: int,
    unit: str,
    cite: str,
    label: Text,
    description: Text,
    *,
    minimum: int = 1,
    maximum: int = MAX_YEARS,
    unverified: bool = False,
) -> Parameter:
    """A whole-number parameter (months, years, counts) within `minimum`–`maximum`."""
    return Parameter(
        name,
        default,
        unit,
        cite,
        label,
        description,
        unverified=unverified,
        type="int",
        minimum=minimum,
        maximum=maximum,
    )


def months(name: str, default: int, cite: str, *, unverified: bool = False) -> Parameter:
    """Months of continuous service a person needs in the year (0–12)."""
    return number(
        name,
        default,
        "months",
        cite,
        Text("Số tháng công tác tối thiểu trong năm", "Minimum months of service in the year"),
        Text(
            "Không xét Lao động tiên tiến cho người công tác liên tục tại cơ quan ít hơn số "
            "tháng này trong năm xét (thời gian hợp đồng trước đó được tính).",
            "No Advanced Worker title for a person with fewer months of continuous service in "
            "the agency in the evaluated year (earlier contract time counts).",
        ),
        minimum=0,
        maximum=12,
        unverified=unverified,
    )


def percent(
    name: str,
    default: str | None,
    cite: str,
    label: Text,
    description: Text,
    *,
    unverified: bool = False,
) -> Parameter:
    """A percentage parameter (0–100); `None` means no such rule (e.g. no cap)."""
    return Parameter(
        name,
        None if default is None else Decimal(default),
        "percent",
        cite,
        label,
        description,
        unverified=unverified,
        type="decimal",
        nullable=True,
        minimum=Decimal(0),
        maximum=HUNDRED,
        places=2,
    )


def choice(
    name: str,
    default: str,
    choices: tuple[str, ...],
    cite: str,
    label: Text,
    description: Text,
    *,
    unverified: bool = False,
) -> Parameter:
    """A parameter chosen from a closed list (each value has a label in `CHOICE_TEXT`)."""
    return Parameter(
        name,
        default,
        "none",
        cite,
        label,
        description,
        unverified=unverified,
        type="choice",
        choices=choices,
    )


def flag(
    name: str, default: bool, cite: str, label: Text, description: Text, *, unverified: bool = False
) -> Parameter:
    """A yes/no parameter."""
    return Parameter(
        name, default, "none", cite, label, description, unverified=unverified, type="bool"
    )


def discipline_level(default: str, cite: str, *, unverified: bool = False) -> Parameter:
    """Lightest discipline level that bars an award in the years it concerns."""
    return choice(
        "discipline.barring_level",
        default,
        DISCIPLINE_LEVELS,
        cite,
        Text("Mức kỷ luật bắt đầu không được xét khen", "Lightest discipline that bars awards"),
        Text(
            "Bị kỷ luật từ mức này trở lên trong năm xét thì không được xét danh hiệu, hình "
            "thức khen thưởng cá nhân.",
            "Discipline at this level or heavier in the evaluated year bars individual titles "
            "and forms.",
        ),
        unverified=unverified,
    )


def form_coefficients(values: dict[str, tuple[Any, Any, str, bool]]) -> tuple[Parameter, ...]:
    """Individual and collective coefficients of every form.

    `values` maps a code to (individual, collective, citation, unverified).
    """
    out: list[Parameter] = []
    for code in FORMS:
        ind, coll, cite, unv = values[code]
        out.append(coefficient(code, "individual", ind, cite, unverified=unv))
        out.append(coefficient(code, "collective", coll, cite, unverified=unv))
    return tuple(out)
