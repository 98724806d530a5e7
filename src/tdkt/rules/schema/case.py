"""The case document of `tdkt rules evaluate`, declared once (shared/contracts/rules-evaluate.md).

`CASE` is a single case, `UNIT` a unit batch. Each field carries its labels (the web form's
labels), its limits and its vocabulary; the cross-field rules (a ballot cannot have more yes
votes than members, a collective's counts cannot exceed its members…) are checks of the
object they concern, so every interface reports them at the same path.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Final

from tdkt.rules.codes import (
    AWARD_CODES,
    COLLECTIVE,
    DISCIPLINE_LEVELS,
    INDIVIDUAL,
    RATINGS,
    SCOPES,
    SUBJECT_KINDS,
    applies_to,
)
from tdkt.rules.regimes.registry import REGISTRY
from tdkt.rules.text import Text

from . import fields as f
from .fields import Field
from .reader import INVALID, Reader, join

# A unit of the Board has a few hundred people; a larger batch is a mistake, and one request
# must not hold a worker for long. Every interface applies the same limit.
MAX_CASES: Final = 2000
MAX_HISTORY: Final = 500  # awards, initiatives or discipline records of one case

COLLECTIVE_COUNTS: Final = (
    "members_completing_tasks",
    "members_advanced_worker",
    "members_grassroots_fighter",
    "members_disciplined_warning_or_above",
)


def _ballot_yes_within_members(r: Reader, ballot: dict[str, Any], path: str) -> None:
    yes, members = ballot["yes"], ballot["members"]
    if isinstance(yes, int) and isinstance(members, int) and yes > members:
        r.bad(join(path, "yes"), "yes_over_members", yes=yes, members=members)


def _counts_within_members(r: Reader, collective: dict[str, Any], path: str) -> None:
    members = collective["members"]
    if not isinstance(members, int):
        return
    for name in COLLECTIVE_COUNTS:
        n = collective[name]
        if isinstance(n, int) and n > members:
            r.bad(join(path, name), "over_members", n=n, members=members)


def _unique_initiatives(r: Reader, items: list[Any], path: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            if ident in seen:
                r.bad(f"{path}[{i}].id", "duplicate_initiative", raw=f'"{ident[:40]}"')
            seen.add(ident)


def _subject_kind_rules(r: Reader, case: dict[str, Any], path: str) -> None:
    """The collective facts and the candidate codes must fit the subject's kind."""
    subject = case.get("subject")
    kind = subject.get("kind") if isinstance(subject, dict) else None
    if kind not in SUBJECT_KINDS:
        return
    collective = case.get("collective")
    if collective is None and kind == COLLECTIVE:
        r.bad(join(path, "collective"), "collective_required")
    elif collective not in (None, INVALID) and kind == INDIVIDUAL:
        r.bad(join(path, "collective"), "collective_forbidden")
    candidates = case.get("candidates")
    if isinstance(candidates, list):
        for i, code in enumerate(candidates):
            if isinstance(code, str) and not applies_to(code, kind):
                r.bad(f"{join(path, 'candidates')}[{i}]", "not_for_kind", code=code, kind=kind)


def _year_not_after_decision(r: Reader, header: dict[str, Any], path: str) -> None:
    as_of, year = header.get("as_of"), header.get("year")
    if isinstance(as_of, date) and isinstance(year, int) and year > as_of.year:
        r.bad(join(path, "year"), "after_decision", year=year, as_of=as_of)


YEAR_OF_ACHIEVEMENT = Text("Năm thành tích", "Achievement year")

SUBJECT = f.obj(
    "subject",
    Text("Đối tượng", "Subject"),
    (
        f.choice("kind", Text("Đối tượng", "Subject"), SUBJECT_KINDS, "subject", required=True),
        f.date(
            "recruited_on",
            Text("Ngày bắt đầu công tác liên tục tại cơ quan", "Start of continuous service"),
            Text(
                "Để trống nếu đã công tác cả năm xét.",
                "Leave empty when the whole year was served.",
            ),
        ),
    ),
    required=True,
)
RATINGS_FIELD = f.year_map(
    "ratings",
    Text("Kết quả xếp loại hằng năm", "Yearly ratings"),
    f.choice("rating", Text("Xếp loại", "Rating"), RATINGS, "rating"),
    Text('Theo năm, ví dụ {"2024": "excellent"}.', 'By year, e.g. {"2024": "excellent"}.'),
)
AWARDS_FIELD = f.list_of(
    "awards",
    Text("Danh hiệu, hình thức đã được tặng", "Titles and forms already granted"),
    f.obj(
        "award",
        Text("Danh hiệu, hình thức", "Award"),
        (
            f.year("year", YEAR_OF_ACHIEVEMENT, required=True),
            f.choice(
                "code",
                Text("Danh hiệu, hình thức", "Title or form"),
                AWARD_CODES,
                "award",
                required=True,
            ),
        ),
    ),
    max_items=MAX_HISTORY,
)
INITIATIVES_FIELD = f.list_of(
    "initiatives",
    Text("Sáng kiến được công nhận", "Recognised initiatives"),
    f.obj(
        "initiative",
        Text("Sáng kiến", "Initiative"),
        (
            f.text("id", Text("Số hiệu", "Number"), required=True, max_length=100),
            f.year("year", Text("Năm công nhận", "Year recognised"), required=True),
            f.choice("scope", Text("Phạm vi ảnh hưởng", "Scope"), SCOPES, "scope", required=True),
            f.choice(
                "used_for",
                Text("Đã dùng để khen", "Already used for"),
                AWARD_CODES,
                "award",
                Text(
                    "Danh hiệu, hình thức mà sáng kiến đã được dùng để xét; để trống nếu chưa "
                    "dùng.",
                    "The award this initiative already served; empty when unused.",
                ),
            ),
        ),
    ),
    max_items=MAX_HISTORY,
    checks=(_unique_initiatives,),
)
DISCIPLINE_FIELD = f.list_of(
    "discipline",
    Text("Kỷ luật", "Discipline"),
    f.obj(
        "discipline_record",
        Text("Kỷ luật", "Discipline"),
        (
            f.year("year", Text("Năm", "Year"), required=True),
            f.choice(
                "level",
                Text("Hình thức kỷ luật", "Level"),
                DISCIPLINE_LEVELS,
                "discipline",
                required=True,
            ),
        ),
    ),
    max_items=MAX_HISTORY,
)
BALLOT = f.obj(
    "ballot",
    Text("Kết quả bỏ phiếu của Hội đồng", "Council ballot"),
    (
        f.count("yes", Text("Số phiếu đồng ý", "Yes votes"), required=True),
        f.count(
            "members",
            Text("Tổng số thành viên Hội đồng", "All council members"),
            minimum=1,
            required=True,
        ),
    ),
    Text(
        "Để trống khi Hội đồng chưa bỏ phiếu: điều kiện bỏ phiếu được báo «chờ».",
        "Absent until the council votes: the vote is reported as pending.",
    ),
    checks=(_ballot_yes_within_members,),
)
COLLECTIVE_FIELD = f.obj(
    "collective",
    Text("Số liệu của tập thể", "Collective's figures"),
    (
        f.count(
            "members",
            Text("Tổng số thành viên của tập thể", "Members of the collective"),
            minimum=1,
            required=True,
        ),
        f.choice("rating", Text("Xếp loại của tập thể", "Collective's rating"), RATINGS, "rating"),
        f.count(
            "members_completing_tasks",
            Text("Số thành viên hoàn thành nhiệm vụ", "Members who completed their tasks"),
        ),
        f.count(
            "members_advanced_worker",
            Text("Số thành viên đạt Lao động tiên tiến", "Members who are Advanced Workers"),
        ),
        f.count(
            "members_grassroots_fighter",
            Text(
                "Số thành viên đạt Chiến sĩ thi đua cơ sở",
                "Members who are Grassroots Emulation Fighters",
            ),
        ),
        f.count(
            "members_disciplined_warning_or_above",
            Text(
                "Số thành viên bị kỷ luật từ cảnh cáo trở lên",
                "Members disciplined with a warning or heavier",
            ),
        ),
        f.flag(
            "leads_block",
            Text("Dẫn đầu khối, cụm thi đua", "Leads its emulation block"),
            Text("Để trống nếu chưa có kết quả bình xét.", "Absent when not ranked yet."),
        ),
    ),
    Text("Chỉ khai báo khi đối tượng là tập thể.", "Only for a collective subject."),
    checks=(_counts_within_members,),
)
CANDIDATES = f.list_of(
    "candidates",
    Text("Danh hiệu, hình thức cần kiểm tra", "Codes to evaluate"),
    f.choice("code", Text("Danh hiệu, hình thức", "Title or form"), AWARD_CODES, "award"),
    Text(
        "Để trống: kiểm tra mọi danh hiệu, hình thức áp dụng cho đối tượng.",
        "Absent: every code that applies to the subject.",
    ),
    max_items=len(AWARD_CODES),
)
CASE_ID = f.text(
    "id",
    Text("Mã trường hợp", "Case id"),
    Text("Mã của bạn, được nhắc lại trong kết quả.", "Your identifier, echoed in the output."),
    max_length=100,
    accept_int=True,
)

CASE_BODY_FIELDS: Final = (
    SUBJECT,
    RATINGS_FIELD,
    AWARDS_FIELD,
    INITIATIVES_FIELD,
    DISCIPLINE_FIELD,
    BALLOT,
    COLLECTIVE_FIELD,
    CANDIDATES,
    CASE_ID,
)


def header_fields(rule_sets: tuple[str, ...]) -> tuple[Field, ...]:
    """The decision date, year and rule set every document starts with."""
    return (
        f.date(
            "as_of",
            Text("Ngày quyết định khen thưởng", "Decision date"),
            Text(
                "Chọn bộ quy tắc và mức lương cơ sở.", "Selects the rule set and the base salary."
            ),
            required=True,
        ),
        f.year("year", Text("Năm xét thành tích", "Achievement year"), required=True),
        f.choice(
            "rule_set",
            Text("Bộ quy tắc", "Rule set"),
            ("auto", *rule_sets),
            "rule_set",
            Text(
                "Để trống hoặc «auto»: chọn theo ngày quyết định.",
                "Absent or auto: chosen by the decision date.",
            ),
        ),
        f.date(
            "dossier_lodged_on",
            Text("Ngày nộp hồ sơ", "Dossier lodged on"),
            Text(
                "Hồ sơ nộp trước ngày chuyển tiếp giữ bộ quy tắc cũ (NĐ 152/2025 Điều 60.3).",
                "A dossier lodged before a transition keeps the older rule set.",
            ),
        ),
    )


@lru_cache(maxsize=8)
def case_schema(rule_sets: tuple[str, ...]) -> Field:
    """Return the schema of a single case for these rule-set names."""
    return f.obj(
        "$",
        Text("Trường hợp", "Case"),
        (*header_fields(rule_sets), *CASE_BODY_FIELDS),
        Text(
            "Một cá nhân hoặc tập thể cần xét.", "One subject (person or collective) to evaluate."
        ),
        checks=(_year_not_after_decision, _subject_kind_rules),
    )


@lru_cache(maxsize=8)
def unit_schema(rule_sets: tuple[str, ...]) -> Field:
    """Return the schema of a unit batch for these rule-set names."""
    member = f.obj(
        "case",
        Text("Trường hợp", "Case"),
        CASE_BODY_FIELDS,
        Text(
            "Một người hoặc tập thể của đơn vị.", "One member (person or collective) of the unit."
        ),
        checks=(_subject_kind_rules,),
    )
    unit = f.obj(
        "unit",
        Text("Đơn vị", "Unit"),
        (
            f.text("name", Text("Tên đơn vị", "Unit name"), max_length=300),
            f.count(
                "advanced_workers",
                Text("Số Lao động tiên tiến không có trong danh sách", "Unlisted Advanced Workers"),
                Text(
                    "Được cộng vào cơ sở tính tỷ lệ tối đa.",
                    "Added to the basis of the unit's caps.",
                ),
            ),
        ),
    )
    return f.obj(
        "$",
        Text("Danh sách của đơn vị", "Unit batch"),
        (
            *header_fields(rule_sets),
            unit,
            f.list_of(
                "cases",
                Text("Các trường hợp", "Cases"),
                member,
                max_items=MAX_CASES,
                required=True,
            ),
        ),
        Text(
            "Cả một đơn vị trong một năm, áp dụng tỷ lệ tối đa.",
            "A whole unit for one year, where caps and ratios apply.",
        ),
        checks=(_year_not_after_decision,),
    )


CASE: Final = case_schema(REGISTRY.names())
UNIT: Final = unit_schema(REGISTRY.names())
