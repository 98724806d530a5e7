"""Problems of a case document: a JSON path, a stable code, and a message in two languages.

The command line prints each problem on one line in English, as the contract shows
(`ratings.2024: unknown rating "excelent"`); the API answers in its language (Vietnamese by
default) and the web page in Vietnamese. Same path and code everywhere: only the wording
changes with the language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from tdkt.rules.labels import VOCABULARIES
from tdkt.rules.text import Text

# How a JSON value's type is named in a message.
KINDS: Final = {
    "object": Text("một đối tượng", "an object"),
    "list": Text("một danh sách", "a list"),
    "string": Text("một chuỗi", "a string"),
    "boolean": Text("giá trị đúng/sai", "a boolean"),
    "null": Text("null", "null"),
    "number": Text("một số", "a number"),
}
# The noun of each vocabulary in "unknown rating …".
NOUNS: Final = {
    "rating": Text("xếp loại", "rating"),
    "award": Text("danh hiệu, hình thức", "award code"),
    "scope": Text("phạm vi ảnh hưởng", "scope"),
    "discipline": Text("hình thức kỷ luật", "discipline level"),
    "subject": Text("loại đối tượng", "subject kind"),
    "rule_set": Text("bộ quy tắc", "rule set"),
}

MESSAGES: Final = {
    "missing": Text("Thiếu thông tin bắt buộc.", "missing required field"),
    "unknown_field": Text("Trường này không có trong mẫu dữ liệu.", "unknown field"),
    "not_object": Text("Cần một đối tượng, nhận được {got}.", "expected an object, got {got}"),
    "not_list": Text("Cần một danh sách, nhận được {got}.", "expected a list, got {got}"),
    "not_date": Text(
        "Cần một ngày (năm-tháng-ngày), nhận được {got}.", "expected a date YYYY-MM-DD, got {got}"
    ),
    "impossible_date": Text("Ngày {raw} không hợp lệ.", "impossible date {raw}"),
    "not_year": Text("Năm phải là số nguyên.", "expected a year (whole number), got {got}"),
    "year_range": Text(
        "Năm {raw} nằm ngoài khoảng {minimum}–{maximum}.",
        "year {raw} is out of range {minimum}–{maximum}",
    ),
    "not_year_key": Text("{key} không phải là một năm.", "{key} is not a year"),
    "not_count": Text(
        "Cần một số nguyên từ {minimum} trở lên.",
        "expected a {sign} whole number, got {raw}",
    ),
    "too_large": Text("Không được lớn hơn {maximum}.", "must be at most {maximum}, got {raw}"),
    "unknown_choice": Text("Không có {what} {raw}.", "unknown {what} {raw}"),
    "not_text": Text("Cần một chuỗi ký tự.", "expected a string"),
    "empty_text": Text("Không được để trống.", "must not be empty"),
    "too_long": Text("Tối đa {max_length} ký tự.", "at most {max_length} characters"),
    "too_many": Text(
        "Tối đa {max_items} mục, nhận được {count}.", "at most {max_items} items, got {count}"
    ),
    "not_flag": Text("Cần đúng, sai hoặc để trống.", "expected true, false or null, got {got}"),
    "duplicate_initiative": Text(
        "Sáng kiến {raw} bị khai báo hai lần.", "duplicate initiative {raw}"
    ),
    "yes_over_members": Text(
        "Số phiếu đồng ý ({yes}) lớn hơn tổng số thành viên Hội đồng ({members}).",
        "{yes} yes votes but only {members} members",
    ),
    "over_members": Text(
        "{n} lớn hơn tổng số {members} thành viên của tập thể.",
        "{n} is more than the {members} members",
    ),
    "collective_required": Text(
        "Cần số liệu của tập thể khi đối tượng là tập thể.",
        "missing required field for a collective subject",
    ),
    "collective_forbidden": Text(
        "Chỉ khai báo số liệu tập thể khi đối tượng là tập thể.",
        "must be null for an individual subject",
    ),
    "not_for_kind": Text(
        "«{label}» không áp dụng cho {kind_vi}.",
        '"{code}" does not apply to {article} {kind} subject',
    ),
    "after_decision": Text(
        "Năm xét {year} sau ngày quyết định {as_of_vi}.",
        "{year} is after the decision date {as_of}",
    ),
    "invalid_json": Text(
        "Dữ liệu JSON không hợp lệ ở dòng {line}, cột {column}.",
        "invalid JSON at line {line}, column {column}: {msg}",
    ),
    "unreadable_json": Text("Dữ liệu JSON không đọc được ({msg}).", "invalid JSON: {msg}"),
    "json_too_deep": Text("Dữ liệu JSON lồng nhau quá sâu.", "invalid JSON: nested too deeply"),
    "no_rule_set": Text(
        "Không có bộ quy tắc nào có hiệu lực vào ngày {as_of_vi}.",
        "no active rule set is in force on {as_of}",
    ),
    "rule_set_inactive": Text(
        "Bộ quy tắc {name} chưa được áp dụng.",
        'rule set "{name}" is not active (regime.{name}.active)',
    ),
    "no_base_salary": Text(
        "Chưa có mức lương cơ sở cho ngày {as_of_vi}.", "no base salary known for {as_of}"
    ),
    "too_many_cases": Text(
        "Tối đa {max_items} trường hợp trong một lần kiểm tra, nhận được {count}.",
        "at most {max_items} cases in one batch, got {count}",
    ),
}


def json_kind(raw: Any) -> str:
    """Return the kind of a JSON value: object, list, string, boolean, null or number."""
    if isinstance(raw, dict):
        return "object"
    if isinstance(raw, list):
        return "list"
    if isinstance(raw, str):
        return "string"
    if isinstance(raw, bool):
        return "boolean"
    if raw is None:
        return "null"
    return "number"


def shown(raw: Any) -> str:
    """Quote a scalar as JSON, short and on one line; containers are named by their kind."""
    if isinstance(raw, dict | list):
        return KINDS[json_kind(raw)].en
    if isinstance(raw, str) and len(raw) > 40:
        raw = raw[:40] + "…"
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > 10**15:
        return "a very large number"
    return json.dumps(raw, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of a case document, at a JSON path (`$` for the document itself)."""

    path: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """Return the message alone, in a language."""
        return MESSAGES[self.code].get(lang).format(**_prepared(self.params, lang))

    def line(self, lang: str = "en") -> str:
        """Return `path: message`, the command line's one line per problem."""
        return f"{self.path}: {self.message(lang)}"


def _prepared(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    out = dict(params)
    if "got" in out:
        out["got"] = KINDS[out["got"]].get(lang)
    if "what" in out:
        out["what"] = NOUNS[out["what"]].get(lang)
    if "kind" in out:
        out["article"] = "an" if out["kind"] == "individual" else "a"
        out["kind_vi"] = VOCABULARIES["subject"][out["kind"]].vi.lower()
    if "code" in out and "label" not in out:
        known = VOCABULARIES["award"].get(out["code"])
        out["label"] = known.get(lang) if known else out["code"]
    for key in ("as_of",):
        if isinstance(out.get(key), date):
            out[f"{key}_vi"] = out[key].strftime("%d/%m/%Y")
            out[key] = out[key].isoformat()
    return out


class CaseError(ValueError):
    """The case is malformed; `problems` holds every problem found, in document order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self, lang: str = "en") -> list[str]:
        """Return one `path: message` line per problem."""
        return [p.line(lang) for p in self.problems]

    def by_path(self, lang: str = "en") -> dict[str, list[str]]:
        """Group the messages by JSON path, in document order (the API's `fields`)."""
        out: dict[str, list[str]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append(p.message(lang))
        return out
