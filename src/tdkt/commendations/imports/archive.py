"""Importers of the archive: historical awards, yearly ratings, initiatives and disciplines.

Each validates the whole file first (no write), then writes every row in one batch service
call inside the import's one transaction (``BatchImporter``). The same file imported twice
changes nothing the second time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.scopes import is_board_writer, scope_for
from tdkt.commendations.constants import (
    DisciplineLevel,
    InitiativeScope,
    IssuerLevel,
    Rating,
    RecipientKind,
)
from tdkt.commendations.imports.common import (
    BIRTH_DATE,
    CITIZEN_ID,
    FULL_NAME,
    PERSON_COLUMNS,
    RECIPIENT_KIND,
    UNIT,
    BatchImporter,
    Plan,
    RecipientFinder,
    decimal_or_none,
    parse_amount,
    parse_decision_number,
    parse_year,
)
from tdkt.commendations.permissions import ensure_can_record_archive
from tdkt.commendations.services.archive import (
    AwardEntry,
    DisciplineEntry,
    InitiativeEntry,
    RatingEntry,
    RecordResult,
    awards_record,
    disciplines_record,
    initiatives_record,
    ratings_record,
)
from tdkt.documents.importing import Column, Row, register
from tdkt.documents.importing.columns import choice, parse_date, text
from tdkt.rules.codes import AWARD_CODES, COLLECTIVE, INDIVIDUAL, applies_to
from tdkt.rules.labels import CODE_LABELS

CODE_OPTIONS = tuple((code, CODE_LABELS["vi"][code]) for code in AWARD_CODES)


def _duplicates(plans: Sequence[Plan], key: Any, column: str, message: str) -> None:
    """Report rows that repeat the same fact (``key(entry)``), on each of them."""
    seen: dict[Any, list[Row]] = defaultdict(list)
    for plan in plans:
        if plan.entry is not None:
            seen[key(plan.entry)].append(plan.row)
    for same in seen.values():
        for row in same if len(same) > 1 else ():
            others = ", ".join(str(r.number) for r in same if r is not row)
            row.error(column, message % {"rows": others})


class AwardImporter(BatchImporter):
    """Historical awards (titles and forms) of people and collectives, from paper decisions."""

    name = "awards"
    title = gettext_lazy("Khen thưởng đã có (hồ sơ lưu trữ)")
    description = gettext_lazy(
        "Danh hiệu, hình thức khen thưởng đã được quyết định trước khi dùng hệ thống. Tìm cá "
        "nhân theo số CCCD, hoặc họ tên + ngày sinh + đơn vị; tập thể theo tên đơn vị."
    )
    template_sheet_title = "Khen thưởng"
    field_columns = {
        "code": "code",
        "year": "year",
        "period_end_year": "period_end_year",
        "decision_number": "decision_number",
        "decision_date": "decision_date",
        "issuer_level": "issuer_level",
        "prize_vnd": "prize_vnd",
    }
    columns = (
        RECIPIENT_KIND,
        *PERSON_COLUMNS,
        Column(
            "code",
            "Danh hiệu, hình thức",
            True,
            choice(CODE_OPTIONS),
            gettext_lazy("Chọn trong danh sách."),
            "Lao động tiên tiến",
            options=CODE_OPTIONS,
        ),
        Column("year", "Năm thành tích", True, parse_year, gettext_lazy("Ví dụ 2019."), "2019"),
        Column(
            "period_end_year",
            "Đến năm",
            False,
            parse_year,
            gettext_lazy("Chỉ ghi khi thành tích là một giai đoạn nhiều năm."),
            "",
        ),
        Column(
            "decision_number",
            "Số quyết định",
            True,
            parse_decision_number,
            gettext_lazy("Dạng số/ký hiệu, ví dụ 15/QĐ-BQL."),
            "15/QĐ-BQL",
        ),
        Column(
            "decision_date",
            "Ngày quyết định",
            False,
            parse_date,
            gettext_lazy("dd/mm/yyyy."),
            "10/01/2020",
        ),
        Column(
            "issuer_name",
            "Cơ quan quyết định",
            False,
            text(300),
            gettext_lazy("Ví dụ: Ban Quản lý các KCN và CX Hà Nội."),
            "Ban Quản lý các KCN và CX Hà Nội",
        ),
        Column(
            "issuer_level",
            "Cấp khen thưởng",
            False,
            choice(IssuerLevel.choices),
            gettext_lazy("Bỏ trống để hệ thống tự xác định theo danh hiệu, hình thức."),
            "",
            options=IssuerLevel.choices,
        ),
        Column(
            "prize_vnd",
            "Tiền thưởng (đồng)",
            False,
            parse_amount,
            gettext_lazy("Số đồng, ví dụ 417.000."),
            "417.000",
        ),
        Column(
            "achievement",
            "Thành tích",
            False,
            text(2000),
            gettext_lazy("Không bắt buộc."),
            "Đã hoàn thành tốt nhiệm vụ năm 2019",
        ),
    )

    def check_permission(self, actor: Any) -> None:
        """Only officers add awards to the archive."""
        ensure_can_record_archive(actor)

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Find each recipient; check the code fits it; refuse the same award twice."""
        finder = RecipientFinder(actor, rows)
        plans = []
        for row in rows:
            person, organization = finder.recipient(row)
            kind = COLLECTIVE if row.get("kind") == RecipientKind.COLLECTIVE else INDIVIDUAL
            code = row.get("code")
            if code and not applies_to(code, kind):
                row.error(
                    "code",
                    _("Danh hiệu, hình thức này không xét cho cá nhân.")
                    if kind == INDIVIDUAL
                    else _("Danh hiệu, hình thức này không xét cho tập thể."),
                )
            end = row.get("period_end_year")
            if end is not None and row.get("year") is not None and end < row.get("year"):
                row.error("period_end_year", _("Năm kết thúc phải sau năm bắt đầu."))
            entry = None
            if not row.has_errors and (person or organization):
                entry = AwardEntry(
                    person=person,
                    organization=organization,
                    code=code,
                    year=row.get("year"),
                    period_end_year=end,
                    decision_number=row.get("decision_number"),
                    decision_date=row.get("decision_date"),
                    issuer_level=row.get("issuer_level") or "",
                    issuer_name=row.get("issuer_name") or "",
                    prize_vnd=decimal_or_none(row.get("prize_vnd")),
                    achievement=row.get("achievement") or "",
                    unit_label=row.get("unit") or "",
                )
            plans.append(Plan(row, entry))
        _duplicates(
            plans,
            lambda e: (e.person, e.organization, e.code, e.year, e.decision_number),
            "code",
            _("Trùng khen thưởng với dòng %(rows)s."),
        )
        return plans

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        return awards_record(actor=actor, entries=entries)


class RatingImporter(BatchImporter):
    """Yearly task-completion ratings of people and collectives (mức độ hoàn thành nhiệm vụ)."""

    name = "ratings"
    title = gettext_lazy("Xếp loại mức độ hoàn thành nhiệm vụ hằng năm")
    description = gettext_lazy(
        "Kết quả xếp loại hằng năm của cá nhân và tập thể; năm đã có xếp loại thì được cập "
        "nhật theo tệp."
    )
    template_sheet_title = "Xếp loại"
    field_columns = {"year": "year", "rating": "rating", "note": "note"}
    columns = (
        RECIPIENT_KIND,
        *PERSON_COLUMNS,
        Column("year", "Năm", True, parse_year, gettext_lazy("Ví dụ 2019."), "2019"),
        Column(
            "rating",
            "Mức độ hoàn thành nhiệm vụ",
            True,
            choice(Rating.choices),
            gettext_lazy("Chọn trong danh sách."),
            "Hoàn thành xuất sắc nhiệm vụ",
            options=Rating.choices,
            aliases=("Xếp loại",),
        ),
        Column("note", "Ghi chú", False, text(300), gettext_lazy("Không bắt buộc."), ""),
    )

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Find each recipient; a unit's head may rate only their own people and units."""
        finder = RecipientFinder(actor, rows)
        plans = []
        for row in rows:
            person, organization = finder.recipient(row)
            entry = None
            if not row.has_errors and (person or organization):
                entry = RatingEntry(
                    person=person,
                    organization=organization,
                    year=row.get("year"),
                    rating=row.get("rating"),
                    note=row.get("note") or "",
                )
            plans.append(Plan(row, entry))
        _duplicates(
            plans,
            lambda e: (e.person, e.organization, e.year),
            "year",
            _("Trùng xếp loại cùng năm với dòng %(rows)s."),
        )
        if not is_board_writer(actor):
            self._check_scope(actor, plans)
        return plans

    @staticmethod
    def _check_scope(actor: Any, plans: Sequence[Plan]) -> None:
        scope = scope_for(actor)
        for plan in plans:
            org = plan.entry.organization if plan.entry else None
            if org is not None and not scope.can_write_path(org.path):
                plan.row.error("full_name", _("Bạn không có quyền ghi xếp loại của đơn vị này."))

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        return ratings_record(actor=actor, entries=entries)


class InitiativeImporter(BatchImporter):
    """Recognised initiatives and research projects of people (sáng kiến, đề tài)."""

    name = "initiatives"
    title = gettext_lazy("Sáng kiến, đề tài đã được công nhận")
    description = gettext_lazy(
        "Sáng kiến, đề tài khoa học của cá nhân đã được công nhận, với phạm vi ảnh hưởng."
    )
    template_sheet_title = "Sáng kiến"
    field_columns = {"title": "title", "year": "year", "scope": "scope"}
    columns = (
        FULL_NAME,
        CITIZEN_ID,
        BIRTH_DATE,
        UNIT,
        Column(
            "title",
            "Tên sáng kiến, đề tài",
            True,
            text(500),
            gettext_lazy("Tên đầy đủ."),
            "Cải tiến quy trình tiếp nhận hồ sơ đầu tư",
        ),
        Column("year", "Năm công nhận", True, parse_year, gettext_lazy("Ví dụ 2019."), "2019"),
        Column(
            "scope",
            "Phạm vi ảnh hưởng",
            True,
            choice(InitiativeScope.choices),
            gettext_lazy("Chọn trong danh sách."),
            "Cấp cơ sở",
            options=InitiativeScope.choices,
        ),
        Column(
            "recognized_by",
            "Cơ quan công nhận",
            False,
            text(300),
            gettext_lazy("Không bắt buộc."),
            "Hội đồng sáng kiến Ban Quản lý",
        ),
        Column(
            "decision_number",
            "Số quyết định công nhận",
            False,
            parse_decision_number,
            gettext_lazy("Dạng số/ký hiệu."),
            "102/QĐ-BQL",
        ),
        Column(
            "recognized_on", "Ngày công nhận", False, parse_date, gettext_lazy("dd/mm/yyyy."), ""
        ),
    )

    def check_permission(self, actor: Any) -> None:
        """Only officers add to the archive."""
        ensure_can_record_archive(actor)

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Find each person."""
        finder = RecipientFinder(actor, rows)
        plans = []
        for row in rows:
            person = finder.person(row)
            entry = None
            if not row.has_errors and person is not None:
                entry = InitiativeEntry(
                    person=person,
                    title=row.get("title"),
                    year=row.get("year"),
                    scope=row.get("scope"),
                    recognized_by=row.get("recognized_by") or "",
                    decision_number=row.get("decision_number") or "",
                    recognized_on=row.get("recognized_on"),
                )
            plans.append(Plan(row, entry))
        return plans

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        return initiatives_record(actor=actor, entries=entries)


class DisciplineImporter(BatchImporter):
    """Disciplinary measures against people (they bar awards for their year)."""

    name = "disciplines"
    title = gettext_lazy("Kỷ luật")
    description = gettext_lazy("Hình thức kỷ luật cá nhân đã bị áp dụng, theo năm.")
    template_sheet_title = "Kỷ luật"
    field_columns = {"year": "year", "level": "level", "decision_number": "decision_number"}
    columns = (
        FULL_NAME,
        CITIZEN_ID,
        BIRTH_DATE,
        UNIT,
        Column("year", "Năm", True, parse_year, gettext_lazy("Ví dụ 2019."), "2019"),
        Column(
            "level",
            "Hình thức kỷ luật",
            True,
            choice(DisciplineLevel.choices),
            gettext_lazy("Chọn trong danh sách."),
            "Khiển trách",
            options=DisciplineLevel.choices,
        ),
        Column(
            "decision_number",
            "Số quyết định",
            False,
            parse_decision_number,
            gettext_lazy("Dạng số/ký hiệu."),
            "12/QĐ-BQL",
        ),
        Column("decided_on", "Ngày quyết định", False, parse_date, gettext_lazy("dd/mm/yyyy."), ""),
        Column("note", "Ghi chú", False, text(300), gettext_lazy("Không bắt buộc."), ""),
    )

    def check_permission(self, actor: Any) -> None:
        """Only officers add to the archive."""
        ensure_can_record_archive(actor)

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Find each person."""
        finder = RecipientFinder(actor, rows)
        plans = []
        for row in rows:
            person = finder.person(row)
            entry = None
            if not row.has_errors and person is not None:
                entry = DisciplineEntry(
                    person=person,
                    year=row.get("year"),
                    level=row.get("level"),
                    decision_number=row.get("decision_number") or "",
                    decided_on=row.get("decided_on"),
                    note=row.get("note") or "",
                )
            plans.append(Plan(row, entry))
        return plans

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        return disciplines_record(actor=actor, entries=entries)


register("awards", AwardImporter())
register("ratings", RatingImporter())
register("initiatives", InitiativeImporter())
register("disciplines", DisciplineImporter())
