"""Closed vocabularies of the reports: the sections of the annual report, the statistics forms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The officer's text of one section is bounded (a report section, not a book).
NARRATIVE_MAX_CHARS = 20_000
# Years an officer may report on (the archive goes back to paper records).
MIN_YEAR, MAX_YEAR = 2000, 2100


class ReportSection(models.TextChoices):
    """The parts of the Board's annual report, in the order of the source article."""

    OVERVIEW = "overview", _("Đánh giá chung")
    MOVEMENTS = "movements", _("Tổ chức các phong trào thi đua và kết quả")
    REGISTRATIONS = "registrations", _("Đăng ký thi đua")
    AWARDS = "awards", _("Công tác khen thưởng")
    INDICATORS = "indicators", _("Một số chỉ tiêu chính của doanh nghiệp KCN, KCX")
    PROCEDURES = "procedures", _("Cải cách hành chính, giải quyết thủ tục hành chính")
    INVESTMENT = "investment", _("Thu hút đầu tư")
    DIRECTION = "direction", _("Phương hướng, nhiệm vụ năm tiếp theo")


# The headings printed in the report: documents are always Vietnamese, whatever the page's
# language (the choices' labels above are translated for the screens).
SECTION_HEADINGS: dict[str, str] = {
    "overview": "Đánh giá chung",
    "movements": "Tổ chức các phong trào thi đua và kết quả",
    "registrations": "Đăng ký thi đua",
    "awards": "Công tác khen thưởng",
    "indicators": "Một số chỉ tiêu chính của doanh nghiệp KCN, KCX",
    "procedures": "Cải cách hành chính, giải quyết thủ tục hành chính",
    "investment": "Thu hút đầu tư",
    "direction": "Phương hướng, nhiệm vụ năm tiếp theo",
}


class StatisticsForm(models.TextChoices):
    """The commendation statistics forms of Circular 02/2023/TT-BNV (documents-and-forms §8)."""

    F0601 = "0601", _("Biểu 0601: Số phong trào thi đua")
    F0602 = "0602", _("Biểu 0602: Số lượng khen thưởng cấp Nhà nước")
    F0603 = "0603", _("Biểu 0603: Số lượng khen thưởng cấp bộ, ngành trung ương và tỉnh, thành phố")
    F0604 = "0604", _("Biểu 0604: Số lượng tổ chức làm công tác thi đua, khen thưởng")
    F0605 = "0605", _("Biểu 0605: Số lượng công chức làm công tác thi đua, khen thưởng")
