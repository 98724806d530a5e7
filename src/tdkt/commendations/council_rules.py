"""Pass marks of the council's votes, read from the rule engine, and the one pass test.

``pass_marks`` is the council's only bridge to ``tdkt.rules``: for each (code, recipient kind)
it returns the share of yes votes the rule set in force on the meeting day requires (the
``vote.<code>.min_percent`` parameters, with the officers' overrides), over *all* members of
the council as the rules say (legal-rules §4.1, §6; documents-and-forms §4). A code whose rule
asks for no ballot, or whose pass mark the sources leave unknown (``None``), needs more than
half of all members: the council still decides, by simple majority, and the page says so.

``is_passed`` is the one comparison used when voting closes, for electronic and paper ballots
alike. A member who declared a conflict on a line still counts in the denominator: the rule is
a share of all members, and the literal reading is the one the minutes print (docs/decisions
0513).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError
from tdkt.rules import REGISTRY, ParameterError, RuleSetError, select_rule_set

ALL_MEMBERS = "all_members"
PRESENT = "present"
BASES = (ALL_MEMBERS, PRESENT)


@dataclass(frozen=True)
class PassMark:
    """What one line needs to pass.

    ``percent`` is inclusive (yes × 100 ≥ percent × denominator); ``None`` means more than
    half of the denominator. ``basis`` says whether the denominator is every member of the
    council or the members present.
    """

    percent: Decimal | None
    basis: str = ALL_MEMBERS
    citation: str = ""


MAJORITY = PassMark(None, ALL_MEMBERS, "")


def pass_marks(
    *,
    lines: Iterable[tuple[str, str]],
    as_of: date,
    rule_set: str = "",
    overrides: Mapping[str, Any] | None = None,
) -> dict[tuple[str, str], PassMark]:
    """Return the pass mark of each ``(code, recipient_kind)`` under the rule set of ``as_of``.

    ``rule_set`` empty picks the rule set in force on ``as_of`` (the round may name one).
    """
    try:
        chosen = select_rule_set(as_of, rule_set or "auto", overrides=overrides)
        values = REGISTRY.values(chosen, overrides)
    except (RuleSetError, ParameterError) as exc:
        raise ApplicationError(
            _("Không xác định được quy tắc khen thưởng áp dụng cho ngày họp: %(error)s")
            % {"error": exc}
        ) from exc
    marks: dict[tuple[str, str], PassMark] = {}
    for code, kind in set(lines):
        rule = chosen.rule(code, kind)
        vote = rule.vote if rule is not None else None
        if vote is None:
            marks[(code, kind)] = MAJORITY
            continue
        percent = values[vote.arg("threshold").name].value
        marks[(code, kind)] = (
            MAJORITY if percent is None else PassMark(Decimal(percent), ALL_MEMBERS, vote.citation)
        )
    return marks


def is_passed(*, yes: int, members: int, present: int, percent: Decimal | None, basis: str) -> bool:
    """Return True when ``yes`` votes meet the pass mark (inclusive), over the basis given."""
    denominator = present if basis == PRESENT else members
    if denominator <= 0:
        return False
    if percent is None:
        return yes * 2 > denominator
    return Decimal(yes) * 100 >= percent * denominator


def describe(percent: Decimal | None, basis: str) -> str:
    """Return the pass mark in words, e.g. "Từ 80% tổng số thành viên trở lên"."""
    whom = _("số thành viên có mặt") if basis == PRESENT else _("tổng số thành viên")
    if percent is None:
        return _("Quá bán %(whom)s") % {"whom": whom}
    shown = number_format(percent.normalize(), use_l10n=True)
    return _("Từ %(percent)s%% %(whom)s trở lên") % {"percent": shown, "whom": whom}


def quorum_met(*, present: int, total: int, percent: Decimal) -> bool:
    """Return True when the members present reach the council's quorum (inclusive)."""
    return total > 0 and Decimal(present) * 100 >= percent * total
