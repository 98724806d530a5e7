"""Demo data of the reports: the officers' texts of the 2019 annual report.

The texts paraphrase the source article's assessment and its six tasks for 2020; the figures
beside them come from the rest of the demo (movements, registrations, awards, indicators and
dossiers), never from here. Written through ``narrative_save`` only when the section has no
text yet, so a second run writes nothing and an officer's edit is never put back.
"""

from __future__ import annotations

from collections import Counter

from tdkt.accounts.models import User
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
