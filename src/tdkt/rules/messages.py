"""Render condition results as text, in Vietnamese (default) or English.

The engine only produces a message key and parameters (STYLE §8.2); this catalogue turns them
into the sentence an officer reads, e.g. "Thiếu Chiến sĩ thi đua cơ sở năm 2024 (cần 3 năm
liên tục)". Keys ending in `.ok` describe a met condition, other suffixes what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .labels import CODE_LABELS, DISCIPLINE_LABELS, FIELD_LABELS, RATING_LABELS, SCOPE_LABELS
from .model import ConditionResult

Template = str | Callable[[Mapping[str, Any]], str]


def _yrs(first: Any, last: Any) -> str:
    return str(last) if first == last else f"{first}–{last}"


VI: dict[str, Template] = {
    "rating.ok": "{rating} năm {year}",
    "rating.none": "Chưa có kết quả xếp loại năm {year} (cần: {min_rating} trở lên)",
    "rating.low": "Năm {year} xếp loại {rating}; cần {min_rating} trở lên",
    "months.ok": "Công tác liên tục {months} tháng trong năm {year} (cần từ {minimum} tháng)",
    "months.short": "Mới công tác {months} tháng trong năm {year} (cần từ {minimum} tháng)",
    "discipline.ok": lambda p: (
        f"Không bị kỷ luật từ mức {p['level']} trở lên năm {_yrs(p['first'], p['year'])}"
    ),
    "discipline.found": "Bị kỷ luật {actual} năm {when}",
    "streak.ok": lambda p: f"Đạt {p['code']} các năm {p['years']}",
    "streak.missing": lambda p: (
        f"Thiếu {p['code']} năm {p['missing']} (cần {p['count']} năm liên tục)"
        if p["step"] == 1
        else f"Thiếu {p['code']} năm {p['missing']} (cần {p['count']} lần "
        f"liên tiếp, mỗi lần {p['step']} năm: {p['years']})"
    ),
    "rating_streak.ok": lambda p: (
        f"{p['min_rating']} trở lên {p['count']} năm liên tục ({_yrs(p['first'], p['year'])})"
    ),
    "rating_streak.missing": lambda p: (
        f"Thiếu {p['min_rating']}"
        + (f" hoặc {p['or_code']}" if p["or_code"] else "")
        + f" năm {p['missing']} (cần {p['count']} năm liên tục)"
    ),
    "initiatives.ok": lambda p: (
        f"Có sáng kiến phạm vi {p['scope']} chưa sử dụng: {p['ids']} "
        f"({_yrs(p['first'], p['year'])})"
    ),
    "initiatives.missing": lambda p: (
        f"Thiếu sáng kiến phạm vi {p['scope']} trở lên chưa sử "
        f"dụng năm {_yrs(p['first'], p['year'])}: có {p['have']}, "
        f"cần {p['count']}" + (f" (đã dùng: {p['used']})" if p["used"] else "")
    ),
    "award_count.ok": lambda p: (
        f"Đạt {p['code']} {p['have']} lần năm {_yrs(p['first'], p['year'])} ({p['years']})"
    ),
    "award_count.missing": lambda p: (
        f"Mới đạt {p['code']} {p['have']} lần năm "
        f"{_yrs(p['first'], p['year'])}, cần {p['minimum']} lần"
    ),
    "award_before.ok": "Đã được tặng {code} (năm {years})",
    "award_before.missing": "Chưa được tặng {code} từ năm {latest} trở về trước",
    "exclusive.ok": lambda p: (
        f"Các năm {_yrs(p['first'], p['year'])} chưa được tính cho {p['code']} khác"
    ),
    "exclusive.overlap": lambda p: (
        f"Các năm {_yrs(p['first'], p['year'])} trùng với {p['code']} "
        f"năm {p['earlier']} (mỗi thành tích chỉ khen một lần)"
    ),
    "exclusive.disabled": "Không áp dụng quy tắc không tính trùng thời kỳ",
    "vote.pending": "Chờ kết quả bỏ phiếu: cần từ {minimum}% tổng số thành viên Hội đồng đồng ý",
    "vote.no_threshold": (
        "Chờ Hội đồng bỏ phiếu: chưa xác định tỷ lệ phiếu cần đạt (cán bộ thi đua – khen "
        "thưởng đặt tỷ lệ này trong phần tham số)"
    ),
    "vote.passed": "Hội đồng đồng ý {yes}/{members} ({percent}%), đạt mức từ {minimum}%",
    "vote.failed": "Hội đồng đồng ý {yes}/{members} ({percent}%), dưới mức {minimum}%",
    "any_of.ok": "Đạt một trong các điều kiện: {parts}",
    "any_of.missing": "Chưa đạt điều kiện nào trong: {parts}",
    "all_of.ok": "{parts}",
    "all_of.missing": "{parts}",
    "member_share.ok": lambda p: (
        f"{p['n']}/{p['members']} thành viên {p['field']} "
        f"({p['percent']}%), cần {'trên' if p['strict'] else 'từ'} "
        f"{p['minimum']}%"
    ),
    "member_share.missing": lambda p: (
        f"Chỉ {p['n']}/{p['members']} thành viên {p['field']} "
        f"({p['percent']}%), cần {'trên' if p['strict'] else 'từ'} "
        f"{p['minimum']}%"
    ),
    "all_members.ok": "100% thành viên {field} ({n}/{members})",
    "all_members.missing": "Chỉ {n}/{members} thành viên {field}, cần 100%",
    "member_minimum.ok": "Có {n} thành viên {field} (cần ít nhất {minimum})",
    "member_minimum.missing": "Có {n} thành viên {field}, cần ít nhất {minimum}",
    "no_members.ok": "Không có thành viên {field}",
    "no_members.missing": "Có {n} thành viên {field}",
    "leads_block.ok": "Dẫn đầu khối/cụm thi đua năm {year}",
    "leads_block.no": "Không dẫn đầu khối/cụm thi đua năm {year}",
    "leads_block.unknown": "Chưa có kết quả bình xét dẫn đầu khối/cụm thi đua năm {year}",
    "award_in_year.ok": "Đã được tặng {code} năm {year}",
    "award_in_year.missing": "Chưa được tặng {code} năm {year}",
    "unverified.missing": "Tiêu chuẩn chưa được xác minh trong bộ quy tắc này: cán bộ thẩm định "
    "thủ công",
}

EN: dict[str, Template] = {
    "rating.ok": "{rating} in {year}",
    "rating.none": "No rating for {year} (needs: {min_rating} or better)",
    "rating.low": "Rated {rating} in {year}; needs {min_rating} or better",
    "months.ok": "{months} months of continuous service in {year} (needs {minimum})",
    "months.short": "Only {months} months of service in {year} (needs {minimum})",
    "discipline.ok": lambda p: (
        f"No discipline of {p['level']} or heavier in {_yrs(p['first'], p['year'])}"
    ),
    "discipline.found": "Disciplined ({actual}) in {when}",
    "streak.ok": "{code} in {years}",
    "streak.missing": lambda p: (
        f"Missing {p['code']} for {p['missing']} (needs {p['count']} consecutive years)"
        if p["step"] == 1
        else f"Missing {p['code']} for {p['missing']} (needs {p['count']} "
        f"back-to-back titles of {p['step']} years: {p['years']})"
    ),
    "rating_streak.ok": lambda p: (
        f"{p['min_rating']} or better for {p['count']} consecutive "
        f"years ({_yrs(p['first'], p['year'])})"
    ),
    "rating_streak.missing": lambda p: (
        f"Missing {p['min_rating']}"
        + (f" or {p['or_code']}" if p["or_code"] else "")
        + f" for {p['missing']} (needs {p['count']} consecutive "
        f"years)"
    ),
    "initiatives.ok": lambda p: (
        f"Unused {p['scope']} initiatives: {p['ids']} ({_yrs(p['first'], p['year'])})"
    ),
    "initiatives.missing": lambda p: (
        f"Missing unused initiatives of {p['scope']} scope or wider "
        f"in {_yrs(p['first'], p['year'])}: has {p['have']}, needs "
        f"{p['count']}" + (f" (already used: {p['used']})" if p["used"] else "")
    ),
    "award_count.ok": lambda p: (
        f"{p['code']} {p['have']} times in {_yrs(p['first'], p['year'])} ({p['years']})"
    ),
    "award_count.missing": lambda p: (
        f"{p['code']} only {p['have']} times in {_yrs(p['first'], p['year'])}; needs {p['minimum']}"
    ),
    "award_before.ok": "Already holds {code} ({years})",
    "award_before.missing": "No {code} for {latest} or earlier",
    "exclusive.ok": lambda p: (
        f"Years {_yrs(p['first'], p['year'])} not yet used for another {p['code']}"
    ),
    "exclusive.overlap": lambda p: (
        f"Years {_yrs(p['first'], p['year'])} overlap the {p['code']} "
        f"of {p['earlier']} (one award per achievement)"
    ),
    "exclusive.disabled": "The no-overlap rule is switched off",
    "vote.pending": "Council vote pending: needs at least {minimum}% of all members",
    "vote.no_threshold": (
        "Council vote pending: the pass mark is not known (an emulation officer sets it "
        "among the parameters)"
    ),
    "vote.passed": "Council approved {yes}/{members} ({percent}%), at least {minimum}%",
    "vote.failed": "Council approved {yes}/{members} ({percent}%), below {minimum}%",
    "any_of.ok": "Meets one of: {parts}",
    "any_of.missing": "Meets none of: {parts}",
    "all_of.ok": "{parts}",
    "all_of.missing": "{parts}",
    "member_share.ok": lambda p: (
        f"{p['n']}/{p['members']} members {p['field']} ({p['percent']}%), "
        f"needs {'more than' if p['strict'] else 'at least'} "
        f"{p['minimum']}%"
    ),
    "member_share.missing": lambda p: (
        f"Only {p['n']}/{p['members']} members {p['field']} "
        f"({p['percent']}%), needs "
        f"{'more than' if p['strict'] else 'at least'} {p['minimum']}%"
    ),
    "all_members.ok": "All members {field} ({n}/{members})",
    "all_members.missing": "Only {n}/{members} members {field}; needs all",
    "member_minimum.ok": "{n} members {field} (needs at least {minimum})",
    "member_minimum.missing": "{n} members {field}; needs at least {minimum}",
    "no_members.ok": "No members {field}",
    "no_members.missing": "{n} members {field}",
    "leads_block.ok": "Leads its emulation block/cluster in {year}",
    "leads_block.no": "Does not lead its emulation block/cluster in {year}",
    "leads_block.unknown": "No block/cluster ranking given for {year}",
    "award_in_year.ok": "Holds {code} for {year}",
    "award_in_year.missing": "No {code} for {year}",
    "unverified.missing": "Criteria not verified for this rule set: an officer must appraise",
}

CATALOGUES: dict[str, dict[str, Template]] = {"vi": VI, "en": EN}


def fmt_number(value: Decimal | int, lang: str = "en") -> str:
    """Format a percent or coefficient without trailing zeros (80, 86.7; Vietnamese 86,7)."""
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",") if lang == "vi" else text


def _prepare(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, v in params.items():
        if key in ("code", "or_code") and v:
            v = CODE_LABELS[lang][v]
        elif key in ("rating", "min_rating") and v:
            v = RATING_LABELS[lang][v]
        elif key in ("level", "actual"):
            v = DISCIPLINE_LABELS[lang][v]
        elif key == "scope":
            v = SCOPE_LABELS[lang][v]
        elif key == "field":
            v = FIELD_LABELS[lang][v]
        elif key == "used":
            word = " cho " if lang == "vi" else " for "
            v = ", ".join(f"{ident}{word}{CODE_LABELS[lang][code]}" for ident, code in v)
        elif key == "parts":
            v = "; ".join(
                f"({i}) {'✓' if ok else '✗'} {render_key(k, p, lang)}"
                for i, (ok, k, p) in enumerate(v, 1)
            )
        elif isinstance(v, list | tuple):
            v = ", ".join(str(x) for x in v)
        elif isinstance(v, Decimal):
            v = fmt_number(v, lang)
        out[key] = v
    return out


def render_key(key: str, params: Mapping[str, Any], lang: str = "vi") -> str:
    """Render a message key with its parameters in a language."""
    template = CATALOGUES[lang][key]
    prepared = _prepare(params, lang)
    if callable(template):
        return template(prepared)
    return template.format(**prepared)


def render(result: ConditionResult, lang: str = "vi") -> str:
    """Render one condition result."""
    return render_key(result.message_key, result.params, lang)
