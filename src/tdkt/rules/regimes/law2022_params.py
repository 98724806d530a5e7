"""Parameters fixed by Luật TĐKT 06/2022 itself, shared by R2022a and R2022b (legal-rules §4)."""

from __future__ import annotations

from tdkt.rules import codes as k
from tdkt.rules.params import Parameter
from tdkt.rules.text import Text

from . import common as p

LAW = "Luật TĐKT 2022"

PF_YEARS = Text(
    "Số năm liên tục đạt Chiến sĩ thi đua cơ sở", "Consecutive Grassroots Emulation Fighter years"
)
PF_YEARS_WHY = Text(
    "Số năm liên tục đạt Chiến sĩ thi đua cơ sở để được xét Chiến sĩ thi đua cấp bộ, ngành, tỉnh.",
    "Consecutive Grassroots Emulation Fighter years behind a Provincial Emulation Fighter.",
)
PF_WINDOW = Text("Thời gian công nhận sáng kiến cấp tỉnh", "Window for the provincial initiative")
PF_WINDOW_WHY = Text(
    "Số năm, tính đến năm xét, trong đó sáng kiến có phạm vi ảnh hưởng cấp bộ, tỉnh phải được "
    "công nhận.",
    "Years, ending with the evaluated one, in which the ministry/provincial initiative must "
    "have been recognised.",
)
NF_TITLES = Text(
    "Số lần liên tiếp đạt Chiến sĩ thi đua cấp tỉnh",
    "Consecutive Provincial Emulation Fighter titles",
)
NF_TITLES_WHY = Text(
    "Số lần liên tiếp đạt Chiến sĩ thi đua cấp bộ, ngành, tỉnh để được xét Chiến sĩ thi đua "
    "toàn quốc.",
    "Consecutive Provincial Emulation Fighter titles behind a National Emulation Fighter.",
)
NF_READING = Text(
    "Cách hiểu «liên tiếp» khi xét Chiến sĩ thi đua toàn quốc",
    "Reading of “consecutive” for the National Emulation Fighter",
)
NF_READING_WHY = Text(
    "«Theo thời kỳ»: các danh hiệu cấp tỉnh nối tiếp nhau, mỗi danh hiệu một thời kỳ (ví dụ "
    "2022 và 2025); «theo năm liền kề»: hai năm liền nhau.",
    "“By period”: the provincial titles cover back-to-back periods (e.g. 2022 and 2025); "
    "“adjacent years”: two years in a row.",
)
NF_WINDOW = Text("Thời gian công nhận sáng kiến toàn quốc", "Window for the national initiative")
NF_WINDOW_WHY = Text(
    "Số năm, tính đến năm xét, trong đó sáng kiến có phạm vi ảnh hưởng toàn quốc phải được "
    "công nhận.",
    "Years, ending with the evaluated one, in which the national initiative must have been "
    "recognised.",
)
EXCLUSIVE = Text("Không tính trùng thời kỳ", "No overlapping periods")
EXCLUSIVE_WHY = Text(
    "Các năm đã dùng để xét một danh hiệu, hình thức thì không được dùng lại cho lần xét sau "
    "cùng loại (mỗi thành tích chỉ khen một lần).",
    "Years that served an award cannot serve a second award of the same kind (one award per "
    "achievement).",
)
MERIT_RATING = Text("Xếp loại tối thiểu để xét Giấy khen", "Lowest rating for a Giấy khen")
MERIT_RATING_WHY = Text(
    "Xếp loại hoàn thành nhiệm vụ thấp nhất trong năm xét để được xét Giấy khen (tiêu chuẩn do "
    "bộ, tỉnh, đơn vị quy định).",
    "Lowest yearly rating for a Certificate of Merit (criteria set by each ministry, province "
    "or unit).",
)
BK_YEARS = Text(
    "Số năm liên tục xét Bằng khen cấp bộ, tỉnh", "Consecutive years for a provincial Bằng khen"
)
BK_COUNT = Text("Số sáng kiến xét Bằng khen cấp bộ, tỉnh", "Initiatives for a provincial Bằng khen")
BK_COUNT_WHY = Text(
    "Số sáng kiến cấp cơ sở chưa dùng để khen thưởng, được công nhận trong các năm đó.",
    "Unused grassroots initiatives recognised within those years.",
)
PM_YEARS = Text(
    "Số năm liên tục xét Bằng khen Thủ tướng", "Consecutive years for a Prime Minister's Bằng khen"
)
SHARE_AC = Text(
    "Tỷ lệ Lao động tiên tiến của Tập thể lao động tiên tiến",
    "Share of Advanced Workers in an Advanced Collective",
)
SHARE_EC = Text(
    "Tỷ lệ Lao động tiên tiến của Tập thể lao động xuất sắc",
    "Share of Advanced Workers in an Excellent Collective",
)
SHARE_WHY = Text(
    "Tỷ lệ thành viên đạt Lao động tiên tiến, đạt khi bằng hoặc cao hơn.",
    "Share of members who are Advanced Workers, inclusive.",
)
CAP_GS = Text(
    "Tỷ lệ tối đa Chiến sĩ thi đua cơ sở trong đơn vị", "Cap on Grassroots Emulation Fighters"
)
CAP_GF = Text("Tỷ lệ tối đa Cờ thi đua của Chính phủ", "Cap on Government Emulation Flags")
CAP_GF_WHY = Text(
    "Tỷ lệ trên số tập thể đạt tiêu chuẩn Cờ thi đua cấp bộ, tỉnh.",
    "Share of the collectives meeting the provincial Emulation Flag standard.",
)
CAP_PF = Text("Tỷ lệ tối đa Chiến sĩ thi đua cấp tỉnh", "Cap on Provincial Emulation Fighters")
CAP_PF_WHY = Text(
    "Trần của địa phương, tính trên số Chiến sĩ thi đua cơ sở (ví dụ Huế năm 2017: 10 %); để "
    "trống: không có trần.",
    "Local cap as a share of the Grassroots Emulation Fighters (e.g. Huế 2017: 10 %); empty: "
    "no cap.",
)


def law_parameters() -> tuple[Parameter, ...]:
    """Parameters fixed by the Law 2022 itself (the same in R2022a and R2022b)."""
    return (
        p.number(
            "provincial_emulation_fighter.consecutive_years",
            3,
            "years",
            f"{LAW}, Điều 22",
            PF_YEARS,
            PF_YEARS_WHY,
        ),
        p.number(
            "provincial_emulation_fighter.initiative_window_years",
            3,
            "years",
            f"{LAW}, Điều 22 (diễn giải)",
            PF_WINDOW,
            PF_WINDOW_WHY,
            unverified=True,
        ),
        p.number(
            "national_emulation_fighter.consecutive_titles",
            2,
            "titles",
            f"{LAW}, Điều 21",
            NF_TITLES,
            NF_TITLES_WHY,
        ),
        p.choice(
            "national_emulation_fighter.chain_reading",
            "period",
            ("period", "calendar"),
            "legal-rules §4.1 (diễn giải)",
            NF_READING,
            NF_READING_WHY,
            unverified=True,
        ),
        p.number(
            "national_emulation_fighter.initiative_window_years",
            6,
            "years",
            f"{LAW}, Điều 21 (diễn giải)",
            NF_WINDOW,
            NF_WINDOW_WHY,
            unverified=True,
        ),
        p.flag(
            "chain.exclusive_periods",
            True,
            f"{LAW}, Điều 5.2.c (diễn giải)",
            EXCLUSIVE,
            EXCLUSIVE_WHY,
            unverified=True,
        ),
        p.choice(
            "certificate_of_merit.min_rating",
            "good",
            k.RATINGS,
            f"{LAW}, Điều 75.2",
            MERIT_RATING,
            MERIT_RATING_WHY,
            unverified=True,
        ),
        p.number(
            "provincial_certificate_of_commendation.consecutive_years",
            2,
            "years",
            f"{LAW}, Điều 74.1.d",
            BK_YEARS,
            Text(
                "Số năm liên tục đạt Chiến sĩ thi đua cơ sở hoặc hoàn thành xuất sắc nhiệm vụ "
                "(tiêu chuẩn điểm d).",
                "Consecutive years as Grassroots Emulation Fighter or rated excellent "
                "(criterion d).",
            ),
        ),
        p.number(
            "provincial_certificate_of_commendation.initiative_count",
            2,
            "initiatives",
            f"{LAW}, Điều 74.1.d",
            BK_COUNT,
            BK_COUNT_WHY,
        ),
        p.number(
            "prime_minister_certificate_of_commendation.consecutive_years",
            5,
            "years",
            f"{LAW}, Điều 73.1.b",
            PM_YEARS,
            Text(
                "Số năm liên tục hoàn thành tốt nhiệm vụ trở lên sau Bằng khen cấp bộ, tỉnh (Bằng "
                "khen đó phải cách năm xét ít nhất số năm này).",
                "Consecutive years rated good or better after the provincial Bằng khen (which "
                "must be at least this many years old).",
            ),
            unverified=True,
        ),
        p.number(
            "prime_minister_certificate_of_commendation.grassroots_fighter_count",
            3,
            "titles",
            f"{LAW}, Điều 73.1.b",
            Text(
                "Số lần Chiến sĩ thi đua cơ sở xét Bằng khen Thủ tướng",
                "Grassroots Emulation Fighter titles for a Prime Minister's Bằng khen",
            ),
            Text(
                "Số danh hiệu Chiến sĩ thi đua cơ sở trong các năm đó.",
                "Grassroots Emulation Fighter titles within those years.",
            ),
        ),
        p.percent(
            "advanced_collective.min_advanced_worker_percent",
            "70",
            f"{LAW}, Điều 28.3 (Bắc Ninh: 70 %)",
            SHARE_AC,
            Text(
                "Tỷ lệ thành viên đạt Lao động tiên tiến, đạt khi bằng hoặc cao hơn; do bộ, tỉnh "
                "quy định — mặc định theo Bắc Ninh, chưa biết tỷ lệ của Hà Nội.",
                "Share of members who are Advanced Workers, inclusive; set by each ministry or "
                "province — the default is Bắc Ninh's, Hanoi's is not known.",
            ),
            unverified=True,
        ),
        p.percent(
            "excellent_collective.min_advanced_worker_percent",
            "70",
            f"{LAW}, Điều 27",
            SHARE_EC,
            SHARE_WHY,
        ),
        p.percent(
            "cap.grassroots_emulation_fighter.max_percent",
            None,
            "Quy định địa phương",
            CAP_GS,
            Text(
                "Không còn trần toàn quốc từ 2024 (bỏ quy định 15 %); thành phố có thể đặt trần, "
                "tính trên số Lao động tiên tiến của đơn vị. Để trống: không có trần.",
                "No national cap since 2024 (the 15 % rule is gone); a city may set one, as a "
                "share of the unit's Advanced Workers. Empty: no cap.",
            ),
        ),
        p.percent(
            "cap.government_emulation_flag.max_percent",
            None,
            f"{LAW}, Điều 25",
            CAP_GF,
            Text(
                "Tỷ lệ trên số tập thể đạt tiêu chuẩn Cờ thi đua cấp bộ, tỉnh (theo Luật 2003 là "
                "20 %); chưa xác định.",
                "Share of the collectives meeting the provincial Emulation Flag standard (the "
                "2003 law had 20 %); not known.",
            ),
            unverified=True,
        ),
        p.percent(
            "cap.provincial_emulation_fighter.max_percent",
            None,
            "Quy định địa phương",
            CAP_PF,
            CAP_PF_WHY,
        ),
    )
