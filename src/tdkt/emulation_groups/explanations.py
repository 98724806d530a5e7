"""Words for a ranking placement: why a member stands above the next one."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tdkt.emulation_groups import ranking


def points(value: Decimal) -> str:
    """Return points in the user's number format with two decimals (95,50)."""
    return number_format(value, 2, force_grouping=True)


def explain(placement: ranking.Placement, criteria: Mapping[int, str]) -> str:
    """Return, in the user's language, why ``placement`` stands above the next member."""
    over, below = placement.over, placement.below
    if over is None or below is None:
        return _("Xếp cuối bảng.")
    names = {"upper": placement.member.name, "lower": below.name}
    if over.rule == ranking.TOTAL:
        return _("Trên %(lower)s: tổng điểm %(a)s so với %(b)s.") % {
            **names,
            "a": points(Decimal(over.upper)),
            "b": points(Decimal(over.lower)),
        }
    if over.rule == ranking.NAME:
        return (
            _("Bằng %(lower)s ở tổng điểm và mọi quy tắc phụ đã công bố; xếp theo thứ tự tên.")
            % names
        )
    values = {"n": over.index, "a": points(Decimal(over.upper)), "b": points(Decimal(over.lower))}
    if over.rule == ranking.CRITERION:
        text = criteria.get(over.criterion or 0, "")
        return _(
            "Bằng tổng điểm với %(lower)s; quy tắc phụ %(n)s (điểm tiêu chí “%(criterion)s”): "
            "%(a)s so với %(b)s."
        ) % {**names, **values, "criterion": text}
    if over.rule == ranking.FEWER_PENALTIES:
        return _(
            "Bằng tổng điểm với %(lower)s; quy tắc phụ %(n)s (ít điểm trừ hơn): %(a)s so với %(b)s."
        ) % {**names, **values}
    return _(
        "Bằng tổng điểm với %(lower)s; quy tắc phụ %(n)s (nhiều điểm thưởng hơn): %(a)s so với "
        "%(b)s."
    ) % {**names, **values}
