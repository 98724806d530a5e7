"""Explain a title or form without a case: its conditions, citations and parameters.

This is the text the officer-facing UI shows next to a rule (`tdkt rules explain CODE`), and
the body of the generated pages in docs/rules/.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .checks import IMPLICIT_PARAMETERS
from .codes import SUBJECT_KINDS
from .conditions import Cond, Ref, value
from .labels import CODE_LABELS, DISCIPLINE_LABELS, RATING_LABELS, SCOPE_LABELS
from .messages import fmt_number
from .params import BOOL_TEXT, CHOICE_TEXT, UNITS, ParameterValue, format_plain
from .regimes.base import Rule, RuleSet

REQ = {
    "vi": {
        "rating": "Xếp loại «{min_rating}» trở lên trong năm xét",
        "months_worked": "Công tác liên tục tại cơ quan từ {minimum} tháng trở lên trong năm xét",
        "no_discipline": "Không bị kỷ luật từ mức {level} trở lên trong năm xét",
        "award_streak": "Đạt {code} {count} năm liên tục đến năm xét",
        "award_streak_period": "Đạt {code} {count} lần liên tiếp, mỗi lần {step} năm, đến năm xét",
        "rating_streak": "Xếp loại «{min_rating}» trở lên {count} năm liên tục đến năm xét",
        "rating_streak_or": "Mỗi năm trong {count} năm liên tục: «{min_rating}» hoặc {or_code}",
        "initiatives": "Có {count} sáng kiến (hoặc đề tài) phạm vi {scope} trở lên, chưa dùng để "
        "khen thưởng, được công nhận trong {window} năm gần nhất",
        "award_count": "Đạt {code} ít nhất {minimum} lần trong {window} năm gần nhất",
        "award_before": "Đã được tặng {code} cách năm xét ít nhất {years_before} năm",
        "exclusive_period": "Các năm được tính chưa dùng cho một {code} khác",
        "vote": "Được từ {threshold}% tổng số thành viên Hội đồng TĐKT đồng ý (bỏ phiếu kín)",
        "vote_unknown": "Hội đồng TĐKT bỏ phiếu kín; tỷ lệ cần đạt chưa xác định",
        "any_of": "Đạt một trong các điều kiện sau:",
        "all_of": "Đạt đồng thời:",
        "member_share": "Tỷ lệ thành viên đạt Lao động tiên tiến {op} {minimum}%",
        "all_members": "100% thành viên hoàn thành nhiệm vụ",
        "member_minimum": "Có ít nhất {minimum} thành viên đạt Chiến sĩ thi đua cơ sở",
        "no_members": "Không có thành viên bị kỷ luật từ cảnh cáo trở lên",
        "leads_block": "Được bình xét dẫn đầu khối/cụm thi đua",
        "award_in_year": "Đã được tặng {code} trong năm xét",
        "unverified_criteria": "Tiêu chuẩn chưa được xác minh: cán bộ thẩm định thủ công",
        "op_strict": "trên",
        "op": "từ",
    },
    "en": {
        "rating": "Rated “{min_rating}” or better in the evaluated year",
        "months_worked": "At least {minimum} months of continuous service in the evaluated year",
        "no_discipline": "No discipline of {level} or heavier in the evaluated year",
        "award_streak": "{code} for {count} consecutive years up to the evaluated year",
        "award_streak_period": "{code} {count} times back to back, {step} years apart",
        "rating_streak": "Rated “{min_rating}” or better for {count} consecutive years",
        "rating_streak_or": "In each of {count} consecutive years: “{min_rating}” or {or_code}",
        "initiatives": "{count} unused initiative(s) (or research projects) of {scope} scope or "
        "wider, recognised in the last {window} years",
        "award_count": "{code} at least {minimum} times in the last {window} years",
        "award_before": "Already holds {code} from at least {years_before} years before",
        "exclusive_period": "The years counted have not served another {code}",
        "vote": "At least {threshold}% of all council members vote yes (secret ballot)",
        "vote_unknown": "Council secret ballot; the pass mark is not known",
        "any_of": "One of the following:",
        "all_of": "All of:",
        "member_share": "Share of members who are Advanced Workers {op} {minimum}%",
        "all_members": "All members completed their tasks",
        "member_minimum": "At least {minimum} member(s) are Grassroots Emulation Fighters",
        "no_members": "No member disciplined with a warning or heavier",
        "leads_block": "Came first in its emulation block/cluster",
        "award_in_year": "Holds {code} for the evaluated year",
        "unverified_criteria": "Criteria not verified: an officer must appraise",
        "op_strict": "more than",
        "op": "at least",
    },
}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an explanation: indentation depth, text and citation."""

    depth: int
    text: str
    citation: str


@dataclass(frozen=True, slots=True)
class Requirement:
    """A condition as a reader sees it: what it asks, the article, and its parts."""

    text: str
    citation: str
    parts: tuple[Requirement, ...]
    is_vote: bool = False


def requirement(cond: Cond, values: Mapping[str, Any], lang: str = "vi") -> str:
    """Describe what a condition requires, with parameter values filled in."""
    t = REQ[lang]
    args = {key: value(v, values) for key, v in cond.args}
    key = cond.kind
    if key == "award_streak" and cond.arg("reading") is not None:
        args["step"] = value(cond.arg("period"), values) if args["reading"] == "period" else 1
        key = "award_streak_period" if args["step"] != 1 else key
    if key == "rating_streak" and args.get("or_award"):
        key = "rating_streak_or"
        args["or_code"] = args["or_award"]
    if key == "vote" and args["threshold"] is None:
        key = "vote_unknown"
    if key == "member_share":
        args["op"] = t["op_strict"] if args["strict"] else t["op"]
    for name, v in list(args.items()):
        if name in ("code", "or_code") and v:
            args[name] = CODE_LABELS[lang][v]
        elif name == "min_rating":
            args[name] = RATING_LABELS[lang][v]
        elif name == "level":
            args[name] = DISCIPLINE_LABELS[lang][v]
        elif name == "scope":
            args[name] = SCOPE_LABELS[lang][v]
        elif isinstance(v, Decimal):
            args[name] = fmt_number(v, lang)
    return t[key].format(**args)


def requirements(rule: Rule, values: Mapping[str, Any], lang: str = "vi") -> list[Requirement]:
    """Return the conditions of a rule as a tree (`any_of` and `all_of` have parts)."""

    def walk(cond: Cond) -> Requirement:
        return Requirement(
            requirement(cond, values, lang),
            cond.citation,
            tuple(walk(sub) for sub in cond.subs),
            cond.kind == "vote",
        )

    return [walk(cond) for cond in rule.all_conditions]


def lines(rule: Rule, values: Mapping[str, Any], lang: str = "vi") -> Iterator[Line]:
    """Yield the requirement lines of a rule, sub-conditions indented."""

    def walk(req: Requirement, depth: int) -> Iterator[Line]:
        yield Line(depth, req.text, req.citation)
        for sub in req.parts:
            yield from walk(sub, depth + 1)

    for req in requirements(rule, values, lang):
        yield from walk(req, 0)


def parameters_of(rule: Rule, values: Mapping[str, ParameterValue]) -> list[ParameterValue]:
    """Return the parameters a rule reads, in order of first use."""
    names: list[str] = [rule.coefficient, "prize.rounding"]

    def walk(cond: Cond) -> None:
        for _, v in cond.args:
            if isinstance(v, Ref) and v.name not in names:
                names.append(v.name)
        for name in IMPLICIT_PARAMETERS.get(cond.kind, ()):
            if name not in names:
                names.append(name)
        for sub in cond.subs:
            walk(sub)

    for cond in rule.all_conditions:
        walk(cond)
    return [values[n] for n in names if n in values]


def format_value(v: Any, lang: str = "vi") -> str:
    """Format a parameter value for people: `0,3`, `Có`, `01/07/2025`, a choice's label."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return BOOL_TEXT[v].get(lang)
    if isinstance(v, Decimal):
        return fmt_number(v, lang)
    if isinstance(v, date):
        return v.strftime("%d/%m/%Y") if lang == "vi" else v.isoformat()
    if isinstance(v, str) and v in CHOICE_TEXT:
        return CHOICE_TEXT[v].get(lang)
    return str(v)


def explain_text(
    rule_set: RuleSet, code: str, values: Mapping[str, ParameterValue], lang: str = "vi"
) -> str:
    """Return the plain-text explanation of a code under a rule set (both subject kinds)."""
    plain = {n: pv.value for n, pv in values.items()}
    unverified = "CHƯA XÁC MINH" if lang == "vi" else "UNVERIFIED"
    out = [f"{CODE_LABELS[lang][code]} ({code}) — {rule_set.name}: {rule_set.title.get(lang)}"]
    for kind in SUBJECT_KINDS:
        rule = rule_set.rule(code, kind)
        if rule is None:
            continue
        out.append("")
        out.append(f"[{kind}]")
        for n, line in enumerate(lines(rule, plain, lang), 1):
            out.append(f"{'  ' * line.depth}{n}. {line.text} — {line.citation}")
        if rule.note.get(lang):
            out.append(f"{'Ghi chú' if lang == 'vi' else 'Note'}: {rule.note.get(lang)}")
        out.append("Parameters:" if lang == "en" else "Tham số:")
        for pv in parameters_of(rule, values):
            p = pv.parameter
            flag = f" [{unverified}]" if p.unverified else ""
            unit = UNITS[p.unit].get(lang)
            unit = f" {unit}" if unit else ""
            out.append(f"  {p.name} = {format_plain(pv.value) or '—'}{unit}{flag} — {p.citation}")
    return "\n".join(out) + "\n"
