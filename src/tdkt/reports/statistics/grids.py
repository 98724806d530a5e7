"""The grids of forms 0601–0605 (documents-and-forms §8) and the count of every cell."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tdkt.documents.official.statistics import StatColumn, StatisticsSheet, StatRow
from tdkt.reports.constants import StatisticsForm
from tdkt.rules import codes

from .facts import (
    AD_HOC,
    COLLECTIVE,
    DEDICATION,
    DEPARTMENT_LEADER,
    ENTREPRENEUR,
    FOREIGN,
    HOUSEHOLD,
    INDIVIDUAL,
    NATIONAL_LEADER,
    OTHER_LEADER,
    REGULAR,
    RESISTANCE,
    SENIORITY,
    THEMATIC,
    WORKER,
    AwardFact,
    MovementFact,
    duration_row,
)

CIRCULAR = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"
RECEIPT = "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"
REPORTING_UNIT = "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội"
RECEIVING_UNIT = "Sở Nội vụ thành phố Hà Nội"


# --- grids ------------------------------------------------------------------------------------

Pred = Callable[[AwardFact], bool]


@dataclass(frozen=True)
class AwardColumn:
    column: StatColumn
    test: Pred


@dataclass(frozen=True)
class AwardRow:
    label: str
    code: str = ""
    unit: str = ""
    test: Pred | None = None
    indent: int = 0


def _codes(*wanted: str) -> Pred:
    return lambda f: f.code in wanted


def _kind(kind: str) -> Pred:
    return lambda f: f.recipient == kind


def _both(a: Pred, b: Pred) -> Pred:
    return lambda f: a(f) and b(f)


def _any(_fact: AwardFact) -> bool:
    return True


STATE_CODES = (
    codes.LABOUR_ORDER_3,
    codes.GOVERNMENT_FLAG,
    codes.PM_COMMENDATION,
    codes.NATIONAL_FIGHTER,
)
MINISTRY_PROVINCE_CODES = (
    codes.PROVINCIAL_COMMENDATION,
    codes.PROVINCIAL_FIGHTER,
    codes.PROVINCIAL_FLAG,
)


def _tt_cn(number: str, heading: str, test: Pred, splits: str = "TC") -> list[AwardColumn]:
    columns = []
    if "T" in splits:
        columns.append(
            AwardColumn(
                StatColumn(number=number, heading=heading, split="TT"),
                _both(test, _kind(COLLECTIVE)),
            )
        )
    if "C" in splits:
        columns.append(
            AwardColumn(
                StatColumn(number=number, heading=heading, split="CN"),
                _both(test, _kind(INDIVIDUAL)),
            )
        )
    return columns


def _never(_fact: AwardFact) -> bool:
    return False


COLUMNS_0602: tuple[AwardColumn, ...] = (
    AwardColumn(StatColumn(number="1", heading="Tổng số"), _codes(*STATE_CODES)),
    *_tt_cn("2", "Huân chương Lao động hạng Ba", _codes(codes.LABOUR_ORDER_3)),
    *_tt_cn("3", "Giải thưởng Hồ Chí Minh", _never, "C"),
    *_tt_cn("4", "Giải thưởng Nhà nước", _never, "C"),
    *_tt_cn("5", "Danh hiệu vinh dự Nhà nước", _never),
    *_tt_cn("6", "Cờ thi đua của Chính phủ", _codes(codes.GOVERNMENT_FLAG), "T"),
    *_tt_cn("7", "Bằng khen của Thủ tướng Chính phủ", _codes(codes.PM_COMMENDATION)),
    *_tt_cn("8", "Chiến sĩ thi đua toàn quốc", _codes(codes.NATIONAL_FIGHTER), "C"),
    *_tt_cn("9", "Hình thức khác", _never),
)

COLUMNS_0603: tuple[AwardColumn, ...] = (
    AwardColumn(StatColumn(number="1", heading="Tổng số"), _codes(*MINISTRY_PROVINCE_CODES)),
    AwardColumn(StatColumn(number="2", heading="Bằng khen"), _codes(codes.PROVINCIAL_COMMENDATION)),
    AwardColumn(
        StatColumn(number="3", heading="Chiến sĩ thi đua cấp bộ, ngành, tỉnh"),
        _codes(codes.PROVINCIAL_FIGHTER),
    ),
    AwardColumn(
        StatColumn(number="4", heading="Cờ thi đua cấp bộ, ngành, tỉnh"),
        _codes(codes.PROVINCIAL_FLAG),
    ),
    AwardColumn(StatColumn(number="5", heading="Huy hiệu (kỷ niệm chương)"), _never),
)


def _category(category: str) -> Pred:
    return lambda f: f.recipient == INDIVIDUAL and f.person_category == category


def _method(method: str) -> Pred:
    return lambda f: f.method == method


_OBJECT_ROWS = (
    ("Tập thể", "Tập thể", _kind(COLLECTIVE), 1),
    ("Trong đó: Doanh nghiệp", "Tập thể", lambda f: f.recipient == COLLECTIVE and f.enterprise, 2),
    ("Hộ gia đình", "Hộ", _kind(HOUSEHOLD), 1),
    ("Cá nhân", "Người", _kind(INDIVIDUAL), 1),
    ("Lãnh đạo cấp bộ, tỉnh và tương đương trở lên", "Người", _category(NATIONAL_LEADER), 2),
    ("Lãnh đạo cấp vụ, sở và tương đương", "Người", _category(DEPARTMENT_LEADER), 2),
    ("Doanh nhân", "Người", _category(ENTREPRENEUR), 2),
    ("Lãnh đạo khác từ phó phòng trở lên", "Người", _category(OTHER_LEADER), 2),
    ("Người trực tiếp lao động, công tác", "Người", _category(WORKER), 2),
)
_METHOD_ROWS = (
    ("Khen thưởng thường xuyên", REGULAR),
    ("Khen thưởng theo chuyên đề (theo đợt)", THEMATIC),
    ("Khen thưởng đột xuất", AD_HOC),
    ("Khen thưởng đối ngoại", FOREIGN),
    ("Khen thưởng quá trình cống hiến", DEDICATION),
    ("Khen thưởng theo niên hạn", SENIORITY),
    ("Khen thưởng thành tích kháng chiến", RESISTANCE),
)


def _award_rows(first_object_code: int, *, submitting_units: bool) -> tuple[AwardRow, ...]:
    rows = [AwardRow("Tổng số", "01", "Lượt", _any)]
    if submitting_units:
        rows += [
            AwardRow("Chia theo đơn vị trình Thủ tướng Chính phủ"),
            # The Board submits through the City: every award it reports is in row 03.
            AwardRow("Bộ, ngành trung ương", "02", "Lượt", _never, 1),
            AwardRow("Tỉnh, thành phố trực thuộc trung ương", "03", "Lượt", _any, 1),
        ]
    rows.append(AwardRow("Chia theo đối tượng"))
    number = first_object_code
    for label, unit, test, indent in _OBJECT_ROWS:
        rows.append(AwardRow(label, f"{number:02d}", unit, test, indent))
        number += 1
    rows.append(AwardRow("Chia theo phương thức khen thưởng"))
    for label, method in _METHOD_ROWS:
        rows.append(AwardRow(label, f"{number:02d}", "Lượt", _method(method), 1))
        number += 1
    return tuple(rows)


ROWS_0602 = _award_rows(6, submitting_units=True)
ROWS_0603 = _award_rows(2, submitting_units=False)


def award_grid(
    facts: Iterable[AwardFact], rows: tuple[AwardRow, ...], columns: tuple[AwardColumn, ...]
) -> tuple[StatRow, ...]:
    """Count every cell: the facts of the form's columns that the row admits."""
    facts = list(facts)
    out = []
    for row in rows:
        if row.test is None:
            out.append(StatRow(label=row.label))
            continue
        test = row.test
        values = tuple(
            sum(f.count for f in facts if column.test(f) and test(f)) for column in columns
        )
        out.append(
            StatRow(
                label=row.label,
                code=row.code,
                unit=row.unit,
                values=values,
                indent=row.indent,
                bold=row.code == "01",
            )
        )
    return tuple(out)


MOVEMENT_COLUMNS = (
    StatColumn(number="1", heading="Tổng số"),
    StatColumn(number="2", heading="Hội đồng Thi đua – Khen thưởng Trung ương"),
    StatColumn(number="3", heading="Bộ, ban, ngành, tỉnh, thành phố"),
    StatColumn(number="4", heading="Cơ quan, tổ chức, đơn vị"),
)
_LEVELS = ("central", "ministry_province", "unit")
_MOVEMENT_ROWS: tuple[tuple[str, str, Callable[[MovementFact], bool] | None, int], ...] = (
    ("Tổng số", "01", lambda m: True, 0),
    ("Chia theo phạm vi", "", None, 0),
    ("Toàn quốc", "02", lambda m: m.scope == "national", 1),
    ("Bộ, ngành, địa phương", "03", lambda m: m.scope == "ministry_province", 1),
    (
        "Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng tổ chức",
        "04",
        lambda m: m.scope == "block",
        1,
    ),
    ("Cơ quan, tổ chức, đơn vị", "05", lambda m: m.scope == "unit", 1),
    ("Chia theo thời gian", "", None, 0),
    ("Dưới 1 năm", "06", lambda m: duration_row(m.starts_on, m.ends_on) == "06", 1),
    ("1 năm", "07", lambda m: duration_row(m.starts_on, m.ends_on) == "07", 1),
    ("Từ 1 năm đến dưới 3 năm", "08", lambda m: duration_row(m.starts_on, m.ends_on) == "08", 1),
    ("Từ 3 năm đến dưới 5 năm", "09", lambda m: duration_row(m.starts_on, m.ends_on) == "09", 1),
    ("Từ 5 năm trở lên", "10", lambda m: duration_row(m.starts_on, m.ends_on) == "10", 1),
    ("Chia theo hình thức tổ chức", "", None, 0),
    ("Theo chuyên đề (theo đợt)", "11", lambda m: m.kind == "thematic", 1),
    ("Thường xuyên hằng năm", "12", lambda m: m.kind in ("regular", "five_year"), 1),
)


def movement_grid(facts: Iterable[MovementFact]) -> tuple[StatRow, ...]:
    """Count 0601: column 1 = 2 + 3 + 4, by the organiser's level."""
    facts = list(facts)
    out = []
    for label, code, test, indent in _MOVEMENT_ROWS:
        if test is None:
            out.append(StatRow(label=label))
            continue
        by_level = [sum(1 for m in facts if m.level == level and test(m)) for level in _LEVELS]
        out.append(
            StatRow(
                label=label,
                code=code,
                values=(sum(by_level), *by_level),
                indent=indent,
                bold=code == "01",
            )
        )
    return tuple(out)


def _blank(rows: tuple[tuple[str, str, str, int], ...], width: int) -> tuple[StatRow, ...]:
    return tuple(
        StatRow(label=label, code=code, unit=unit, values=(None,) * width, indent=indent)
        if code
        else StatRow(label=label)
        for label, code, unit, indent in rows
    )


ROWS_0604 = (
    ("Tổng số", "01", "Tổ chức", 0),
    ("Cấp vụ và tương đương", "02", "Vụ", 1),
    ("Phòng thuộc vụ", "03", "Phòng", 1),
    ("Ban thuộc Sở Nội vụ", "04", "Ban", 1),
    ("Phòng thuộc Sở Nội vụ", "05", "Phòng", 1),
)
ROWS_0605 = (
    ("Tổng số", "01", "", 0),
    ("Chia theo độ tuổi", "", "", 0),
    ("Từ 30 tuổi trở xuống", "02", "", 1),
    ("Từ 31 đến 40 tuổi", "03", "", 1),
    ("Từ 41 đến 50 tuổi", "04", "", 1),
    ("Từ 51 đến 55 tuổi", "05", "", 1),
    ("Từ 56 đến 60 tuổi", "06", "", 1),
    ("Trên 60 tuổi", "07", "", 1),
    ("Chia theo trình độ đào tạo", "", "", 0),
    ("Sơ cấp", "08", "", 1),
    ("Trung cấp", "09", "", 1),
    ("Cao đẳng", "10", "", 1),
    ("Đại học", "11", "", 1),
    ("Trên đại học", "12", "", 1),
    ("Chia theo thâm niên công tác thi đua, khen thưởng", "", "", 0),
    ("Dưới 5 năm", "13", "", 1),
    ("Từ 5 năm đến dưới 10 năm", "14", "", 1),
    ("Từ 10 năm trở lên", "15", "", 1),
)

TITLES = {
    StatisticsForm.F0601: ("Số phong trào thi đua", "Phong trào"),
    StatisticsForm.F0602: ("Số lượng khen thưởng cấp Nhà nước", "Lượt tập thể, cá nhân"),
    StatisticsForm.F0603: (
        "Số lượng khen thưởng cấp bộ, ngành trung ương và tỉnh, thành phố",
        "Lượt tập thể, cá nhân",
    ),
    StatisticsForm.F0604: ("Số lượng tổ chức làm công tác thi đua, khen thưởng", "Tổ chức"),
    StatisticsForm.F0605: ("Số lượng công chức làm công tác thi đua, khen thưởng", "Người"),
}
BLANK_NOTE = (
    "Biểu này không lấy được từ dữ liệu khen thưởng: đơn vị điền số liệu vào các ô để trống."
)


def period_label(year_from: int, year_to: int) -> str:
    """ "Năm 2019", or "Từ năm 2016 đến năm 2020" for a period of several years."""
    if year_from == year_to:
        return f"Năm {year_from}"
    return f"Từ năm {year_from} đến năm {year_to}"


def build_sheet(
    form: str,
    *,
    year_from: int,
    year_to: int,
    award_facts: Iterable[AwardFact] = (),
    movement_facts: Iterable[MovementFact] = (),
) -> StatisticsSheet:
    """Return the filled form ``form`` (a ``StatisticsForm`` value) for the period."""
    kind = StatisticsForm(form)
    title, unit = TITLES[kind]
    columns: tuple[StatColumn, ...]
    note = ""
    has_unit = True
    if kind == StatisticsForm.F0601:
        columns, rows, has_unit = MOVEMENT_COLUMNS, movement_grid(movement_facts), False
    elif kind == StatisticsForm.F0602:
        columns = tuple(c.column for c in COLUMNS_0602)
        rows = award_grid(award_facts, ROWS_0602, COLUMNS_0602)
    elif kind == StatisticsForm.F0603:
        columns = tuple(c.column for c in COLUMNS_0603)
        rows = award_grid(award_facts, ROWS_0603, COLUMNS_0603)
    elif kind == StatisticsForm.F0604:
        columns = (StatColumn(number="1", heading="Số lượng"),)
        rows, note = _blank(ROWS_0604, 1), BLANK_NOTE
    else:
        columns = (
            StatColumn(number="1", heading="Tổng số"),
            StatColumn(number="2", heading="Trong đó: Nữ"),
        )
        rows, note, has_unit = _blank(ROWS_0605, 2), BLANK_NOTE, False
    return StatisticsSheet(
        form_number=f"{kind.value}.N/BNV-TĐKT",
        legal_basis=CIRCULAR,
        receipt_date=RECEIPT,
        reporting_unit=REPORTING_UNIT,
        receiving_unit=RECEIVING_UNIT,
        title=title,
        period=period_label(year_from, year_to),
        unit_of_measure=unit,
        columns=columns,
        rows=rows,
        has_unit_column=has_unit,
        place_date="Hà Nội, ngày … tháng … năm …",
        note=note,
    )
