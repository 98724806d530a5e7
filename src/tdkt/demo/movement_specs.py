"""The specs of the demo movements: what the source article names, plus illustrative criteria,
scores and deadlines (docs/demo-data.md). Loaded by ``movements2019``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tdkt.movements.constants import MovementKind, MovementState

BOARD_UNITS = (
    "office",
    "investment",
    "planning",
    "enterprise_affairs",
    "labour",
    "environment",
    "centre",
    "rep_office",
)
PATH = (MovementState.LAUNCHED, MovementState.UNDER_REVIEW, MovementState.CLOSED)


@dataclass(frozen=True)
class CriterionSpec:
    text: str
    max_points: int
    weight: int = 1
    bonus_max: int = 0
    penalty_max: int = 0


@dataclass(frozen=True)
class MovementSpec:
    code: str
    name: str
    kind: str
    starts_on: date
    ends_on: date
    state: str
    units: tuple[str, ...]
    launched_on: date | None = None
    plan_number: str = ""
    plan_date: date | None = None
    slogan: str = ""
    higher: str = ""
    description: str = ""
    criteria: tuple[CriterionSpec, ...] = ()
    # Points per unit key, one per criterion (bonus of the last criterion after a "+").
    scores: dict[str, tuple[int, ...]] = field(default_factory=dict)
    deadlines: tuple[tuple[str, str, date], ...] = ()


MOVEMENTS: tuple[MovementSpec, ...] = (
    MovementSpec(
        code="ATTP-2019",
        name="Bảo đảm an toàn thực phẩm trong các KCN trên địa bàn thành phố Hà Nội năm 2019",
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 23),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=("rep_office", "labour", "environment", "centre"),
        launched_on=date(2019, 1, 25),
        plan_number="163/KH-BQL",
        plan_date=date(2019, 1, 23),
        slogan="Bữa ăn an toàn cho công nhân các KCN",
        description=(
            "Triển khai công tác an toàn thực phẩm tại các KCN; hưởng ứng “Tháng hành động vì "
            "an toàn thực phẩm” năm 2019 (công văn số 724/BQL-VPĐD ngày 23/04/2019) và bảo "
            "đảm an toàn thực phẩm Tết Trung thu (công văn số 1975/BQL-VPĐD ngày 05/9/2019); "
            "phối hợp với Sở Y tế Hà Nội tập huấn cho gần 300 doanh nghiệp."
        ),
        criteria=(
            CriterionSpec("Kiểm tra, giám sát bếp ăn tập thể của doanh nghiệp theo kế hoạch", 40),
            CriterionSpec("Tập huấn an toàn thực phẩm, phòng cháy chữa cháy cho doanh nghiệp", 30),
            CriterionSpec("Không để xảy ra ngộ độc thực phẩm tập thể trong các KCN", 30, 1, 5, 10),
        ),
        scores={
            "rep_office": (38, 29, 30, 5),
            "labour": (36, 27, 30, 2),
            "environment": (33, 26, 30, 0),
            "centre": (35, 30, 30, 3),
        },
    ),
    MovementSpec(
        code="NTVT-2019",
        name=(
            "Cuộc thi phát hiện và viết về gương điển hình tiên tiến, “Người tốt, việc tốt” "
            "năm 2019"
        ),
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 11, 30),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2018, 11, 1),
        plan_number="1445/KH-BQL",
        plan_date=date(2018, 10, 25),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội",
        description=(
            "Cuộc thi trong phong trào thi đua yêu nước của Ban Quản lý các KCN và CX Hà Nội "
            "năm 2019, phát động tới các phòng, đơn vị và doanh nghiệp trong các KCN."
        ),
    ),
    MovementSpec(
        code="CCHC-2019",
        name="Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính năm 2019",
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 1, 18),
        ends_on=date(2019, 12, 31),
        state=MovementState.UNDER_REVIEW,
        units=("office", "investment", "planning", "enterprise_affairs", "labour", "environment"),
        launched_on=date(2019, 1, 21),
        plan_number="136/KH-BQL",
        plan_date=date(2019, 1, 18),
        slogan="Rõ người, rõ việc, rõ quy trình, rõ trách nhiệm và rõ hiệu quả",
        higher=(
            "Chương trình 08-CTr/TU của Thành ủy Hà Nội khóa XVI “Đẩy mạnh cải cách hành chính, "
            "tạo bước chuyển mạnh về kỷ luật, kỷ cương, ý thức trách nhiệm, chất lượng phục vụ "
            "nhân dân của đội ngũ cán bộ, công chức, viên chức giai đoạn 2016-2020”"
        ),
        description=(
            "Kèm Kế hoạch số 137/KH-BQL về kiểm soát thủ tục hành chính; 100% thủ tục thuộc "
            "thẩm quyền của Ban thực hiện dịch vụ công mức độ 3."
        ),
        criteria=(
            CriterionSpec(
                "Rút ngắn thời gian giải quyết thủ tục hành chính theo phương án đơn giản hóa", 30
            ),
            CriterionSpec("Áp dụng ISO trong giải quyết thủ tục hành chính", 30),
            CriterionSpec("Hồ sơ tiếp nhận trực tuyến (mức độ 3, 4)", 40, 1, 5, 0),
        ),
        scores={
            "investment": (30, 28, 37, 3),
            "planning": (27, 29, 35, 2),
            "enterprise_affairs": (28, 26, 36, 0),
            "labour": (26, 27, 33, 0),
            "environment": (25, 28, 34, 1),
            "office": (27, 30, 30, 0),
        },
        deadlines=(
            (
                "final_report",
                "Gửi báo cáo tổng kết cải cách hành chính năm 2019",
                date(2019, 12, 13),
            ),
        ),
    ),
    MovementSpec(
        code="KCLC-2019",
        name=(
            "Kỷ cương, liêm chính, hành động, sáng tạo, hiệu quả, bứt phá và đồng hành cùng "
            "doanh nghiệp năm 2019"
        ),
        kind=MovementKind.REGULAR,
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2019, 1, 15),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2019",
        criteria=(
            CriterionSpec("Hoàn thành nhiệm vụ chuyên môn được giao", 50),
            CriterionSpec("Xúc tiến, thu hút đầu tư và hỗ trợ doanh nghiệp", 30),
            CriterionSpec("Thực hiện kỷ luật, kỷ cương hành chính", 20, 1, 0, 10),
        ),
        scores={
            "office": (46, 24, 20, 0),
            "investment": (49, 30, 20, 0),
            "planning": (47, 27, 19, 0),
            "enterprise_affairs": (48, 28, 20, 0),
            "labour": (46, 26, 20, 0),
            "environment": (45, 25, 18, 0),
            "centre": (47, 29, 20, 0),
            "rep_office": (46, 27, 20, 0),
        },
    ),
    MovementSpec(
        code="DNHN-1620",
        name="Doanh nghiệp Việt Nam hội nhập và phát triển",
        kind=MovementKind.FIVE_YEAR,
        starts_on=date(2016, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=("investment", "enterprise_affairs", "centre"),
        launched_on=date(2016, 3, 1),
        higher=(
            "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển” của Thủ tướng "
            "Chính phủ"
        ),
        description=(
            "Đồng hành cùng doanh nghiệp, cải cách thủ tục hành chính, kịp thời tháo gỡ khó "
            "khăn, tạo điều kiện thuận lợi nhất cho doanh nghiệp các KCN."
        ),
        deadlines=(
            ("final_report", "Gửi báo cáo tổng kết giai đoạn 2016–2020", date(2020, 11, 16)),
        ),
    ),
    MovementSpec(
        code="NTM-1620",
        name="Ngành Kế hoạch, Đầu tư và Thống kê chung sức xây dựng nông thôn mới",
        kind=MovementKind.FIVE_YEAR,
        starts_on=date(2016, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=BOARD_UNITS,
        launched_on=date(2016, 4, 1),
        higher="Phong trào thi đua của Bộ Kế hoạch và Đầu tư",
        description=(
            "Tuyên truyền, phổ biến chương trình xây dựng nông thôn mới tới cán bộ, công chức, "
            "viên chức, người lao động và doanh nghiệp KCN; năm 2019 các KCN thu hút 162.115 "
            "lao động, trên 100.000 người từ khu vực nông thôn."
        ),
    ),
    MovementSpec(
        code="VHCS-2019",
        name=(
            "Cán bộ, công chức, viên chức và người lao động thi đua thực hiện văn hóa công sở "
            "và nơi công cộng"
        ),
        kind=MovementKind.THEMATIC,
        starts_on=date(2019, 3, 1),
        ends_on=date(2019, 12, 31),
        state=MovementState.CLOSED,
        units=BOARD_UNITS,
        launched_on=date(2019, 3, 4),
    ),
    MovementSpec(
        code="TĐYN-2020",
        name=(
            "Thi đua thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2020"
        ),
        kind=MovementKind.REGULAR,
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 12, 31),
        state=MovementState.LAUNCHED,
        units=BOARD_UNITS,
        launched_on=date(2020, 2, 10),
        higher="Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2020",
        criteria=(
            CriterionSpec("Hoàn thành các chỉ tiêu giao ước thi đua năm 2020", 50),
            CriterionSpec("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 30),
            CriterionSpec("Thực hành tiết kiệm, phòng, chống tham nhũng", 20),
        ),
        deadlines=(
            ("acknowledgement", "Xác nhận đã nhận phát động", date(2020, 2, 21)),
            ("interim_report", "Gửi báo cáo sơ kết 6 tháng", date(2020, 6, 15)),
            ("final_report", "Gửi báo cáo tổng kết năm 2020", date(2020, 11, 30)),
        ),
    ),
)
