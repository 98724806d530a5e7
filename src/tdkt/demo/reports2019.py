"""Demo data of the reports: the officers' texts of the 2019 annual report.

The texts paraphrase the source article's assessment and its six tasks for 2020; the figures
beside them come from the rest of the demo (movements, registrations, awards, indicators and
dossiers), never from here. Written through ``narrative_save`` only when the section has no
text yet, so a second run writes nothing and an officer's edit is never put back.
"""

from __future__ import annotations

import io
from collections import Counter

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tdkt.accounts.models import User
from tdkt.core.errors import ApplicationError
from tdkt.reports.models import ReportNarrative
from tdkt.reports.services import narrative_save

YEAR = 2019

TEXTS: dict[str, str] = {
    "overview": (
        "Năm 2019, công tác thi đua, khen thưởng của Ban Quản lý được tổ chức bám sát nhiệm vụ "
        "chính trị, bảo đảm kịp thời, chính xác, khách quan; các phong trào thi đua được triển "
        "khai tới các phòng, đơn vị và doanh nghiệp trong các KCN, KCX, góp phần hoàn thành "
        "nhiệm vụ quản lý nhà nước và phát triển kinh tế - xã hội của Thủ đô."
    ),
    "procedures": (
        "Các phòng, đơn vị thực hiện tốt cơ chế một cửa và quy trình ISO trong giải quyết thủ "
        "tục hành chính; 100 % thủ tục thuộc thẩm quyền của Ban được cung cấp dịch vụ công mức "
        "độ 3 trên hệ thống một cửa điện tử dùng chung của Thành phố."
    ),
    "direction": (
        "Phát động các phong trào thi đua thực hiện thắng lợi các mục tiêu phát triển kinh tế - "
        "xã hội năm 2020; phấn đấu 100 % tập thể, cá nhân đăng ký thi đua.\n"
        "Khen thưởng đúng quy trình, kịp thời; quan tâm khen thưởng chuyên đề, tập thể nhỏ, "
        "người lao động trực tiếp và thành tích đột xuất.\n"
        "Rà soát, bổ sung các quy chế về thi đua, khen thưởng; kiểm tra việc xét công nhận sáng "
        "kiến; ứng dụng phần mềm quản lý dữ liệu khen thưởng.\n"
        "Đẩy mạnh phong trào văn hóa, văn nghệ, thể dục thể thao; thường xuyên sơ kết, tổng kết; "
        "tập huấn nghiệp vụ cho cán bộ làm công tác thi đua, khen thưởng."
    ),
}


def load_report_texts(*, writer: User | None, created: Counter[str]) -> None:
    """Write the 2019 texts that are missing."""
    stored = set(ReportNarrative.objects.filter(year=YEAR).values_list("section", flat=True))
    for section, text in TEXTS.items():
        if section in stored:
            continue
        narrative_save(actor=writer, year=YEAR, section=section, text=text, expected_version=0)
        created["report_texts"] += 1


# Investment attraction in 2019 (the article: over 20 new projects, about 350 million USD in
# all; 17 FDI projects with 93 million USD and 4 DDI projects with 158 billion VND; 20
# expansions, 18 FDI adding 230 million USD and 2 DDI adding 180 billion VND; 663 projects in
# the zones to date, 345 FDI and 318 DDI). Codes start with "du_an_" / "von_": the report's
# investment section (decision 0701).
INVESTMENT: tuple[tuple[str, str, str, int], ...] = (
    ("du_an_moi", "Dự án đầu tư mới", "dự án", 21),
    ("von_thu_hut", "Tổng vốn đầu tư thu hút (quy đổi)", "USD", 350_000_000),
    ("du_an_fdi_moi", "Dự án FDI mới", "dự án", 17),
    ("von_fdi_moi", "Vốn đăng ký của dự án FDI mới", "USD", 93_000_000),
    ("du_an_ddi_moi", "Dự án DDI mới", "dự án", 4),
    ("von_ddi_moi", "Vốn đăng ký của dự án DDI mới", "VND", 158_000_000_000),
    ("du_an_mo_rong", "Dự án mở rộng đầu tư", "dự án", 20),
    ("von_fdi_tang", "Vốn tăng thêm của dự án FDI mở rộng", "USD", 230_000_000),
    ("von_ddi_tang", "Vốn tăng thêm của dự án DDI mở rộng", "VND", 180_000_000_000),
    ("du_an_luy_ke", "Dự án đầu tư thứ phát trong các KCN (lũy kế)", "dự án", 663),
    ("du_an_fdi_luy_ke", "Dự án FDI (lũy kế)", "dự án", 345),
    ("du_an_ddi_luy_ke", "Dự án DDI (lũy kế)", "dự án", 318),
)
# The article gives revenue, budget, exports and imports at 100 % of the year's plan; the
# indicators demo records the plan of revenue only. The plan of the others is their actual.
AT_PLAN = ("xuat_khau", "nhap_khau", "nop_ngan_sach")


def load_report_figures(*, writer: User | None, created: Counter[str]) -> None:
    """Import the investment figures and the plans that are missing."""
    from tdkt.indicators.models import IndicatorValue
    from tdkt.indicators.services import indicators_import

    stored = set(
        IndicatorValue.objects.filter(year=YEAR, organization=None).values_list(
            "indicator__code", flat=True
        )
    )
    rows: list[list[object]] = [
        [code, name, unit, None, YEAR, None, value]
        for code, name, unit, value in INVESTMENT
        if code not in stored
    ]
    unplanned = IndicatorValue.objects.filter(
        year=YEAR, organization=None, plan__isnull=True, indicator__code__in=AT_PLAN
    ).select_related("indicator")
    rows += [
        [v.indicator.code, v.indicator.name, v.indicator.unit, None, YEAR, v.actual, v.actual]
        for v in unplanned
        if v.actual is not None and not v.currency
    ]
    if not rows:
        return
    result = indicators_import(
        actor=writer, data=indicator_workbook(rows), filename="du-lieu-mau-bao-cao-2019.xlsx"
    )
    if not result.ok:
        raise ApplicationError(
            _("Dữ liệu mẫu không nhập được: %(error)s")
            % {"error": result.sorted_errors()[0].message}
        )
    created["report_figures"] += len(rows)


def indicator_workbook(rows: list[list[object]]) -> bytes:
    """The rows as the indicators import reads them (its published headings)."""
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet
        raise RuntimeError("new workbook has no active sheet")
    sheet.title = "Chỉ tiêu"
    sheet.append(
        ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Đơn vị", "Năm", "Kế hoạch", "Thực hiện"]
    )
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
