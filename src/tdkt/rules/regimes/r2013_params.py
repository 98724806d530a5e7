"""Parameters of R2013 (Luật TĐKT 2003 sđ 2013 + NĐ 91/2017): coefficients, bars, caps.

Values and flags follow legal-rules §2.1 and §3; UNVERIFIED values carry `unverified=True`.
Labels shared with Law 2022 come from `law2022_params`; only the wording that differs under
the old law is written here.
"""

from __future__ import annotations

from tdkt.rules import codes as k
from tdkt.rules.text import Text

from . import common as p
from . import law2022_params as t

LAW = "Luật TĐKT 2003 (sđ 2013)"
ND91 = "NĐ 91/2017/NĐ-CP"

S28 = "NĐ 91/2017/NĐ-CP, Điều 71–73"
PARAMETERS = (
    p.rounding("nearest", f"{ND91}, Điều 68.2 (theo hỏi đáp: làm tròn gần nhất)", unverified=True),
    p.coefficient(k.ADVANCED_WORKER, None, "0.3", S28),
    p.coefficient(k.GRASSROOTS_FIGHTER, None, "1.0", S28),
    p.coefficient(k.PROVINCIAL_FIGHTER, None, "3.0", S28),
    p.coefficient(k.NATIONAL_FIGHTER, None, "4.5", S28),
    p.coefficient(k.ADVANCED_COLLECTIVE, None, "0.8", S28),
    p.coefficient(k.EXCELLENT_COLLECTIVE, None, "1.5", S28),
    p.coefficient(k.PROVINCIAL_FLAG, None, "8.0", S28),
    p.coefficient(k.GOVERNMENT_FLAG, None, "12.0", S28),
    *p.form_coefficients(
        {
            k.CERTIFICATE_OF_MERIT: ("0.3", "0.6", f"{ND91}, Điều 73", False),
            k.PROVINCIAL_COMMENDATION: ("1.0", "2.0", f"{ND91}, Điều 73", False),
            k.PM_COMMENDATION: ("3.5", "7.0", f"{ND91}, Điều 73", False),
            k.LABOUR_ORDER_3: ("4.5", "9.0", f"{ND91} (chưa xác minh)", True),
        }
    ),
    p.months("advanced_worker.min_months_worked", 10, f"{ND91}, Điều 10"),
    p.discipline_level("reprimand", f"{ND91}, Điều 10"),
    p.vote_threshold(k.GRASSROOTS_FIGHTER, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(
        k.PROVINCIAL_FIGHTER, "90", "Thực tiễn: Huế 2017 (chưa xác minh)", unverified=True
    ),
    p.vote_threshold(k.NATIONAL_FIGHTER, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(k.PROVINCIAL_FLAG, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.vote_threshold(k.GOVERNMENT_FLAG, None, f"{ND91} (chưa xác minh)", unverified=True),
    p.number(
        "provincial_emulation_fighter.consecutive_years",
        3,
        "years",
        f"{LAW}, Điều 22",
        t.PF_YEARS,
        t.PF_YEARS_WHY,
    ),
    p.number(
        "provincial_emulation_fighter.initiative_window_years",
        3,
        "years",
        f"{ND91}, Điều 9.2 (diễn giải)",
        t.PF_WINDOW,
        t.PF_WINDOW_WHY,
        unverified=True,
    ),
    p.number(
        "national_emulation_fighter.consecutive_titles",
        2,
        "titles",
        f"{LAW}, Điều 21",
        t.NF_TITLES,
        t.NF_TITLES_WHY,
    ),
    p.choice(
        "national_emulation_fighter.chain_reading",
        "period",
        ("period", "calendar"),
        "legal-rules §4.1 (diễn giải)",
        t.NF_READING,
        t.NF_READING_WHY,
        unverified=True,
    ),
    p.number(
        "national_emulation_fighter.initiative_window_years",
        6,
        "years",
        f"{LAW}, Điều 21 (diễn giải)",
        t.NF_WINDOW,
        t.NF_WINDOW_WHY,
        unverified=True,
    ),
    p.flag(
        "chain.exclusive_periods",
        True,
        "legal-rules §4 (diễn giải)",
        t.EXCLUSIVE,
        t.EXCLUSIVE_WHY,
        unverified=True,
    ),
    p.choice(
        "certificate_of_merit.min_rating",
        "good",
        k.RATINGS,
        f"{ND91}, Điều 40",
        t.MERIT_RATING,
        t.MERIT_RATING_WHY,
        unverified=True,
    ),
    p.number(
        "provincial_certificate_of_commendation.consecutive_years",
        2,
        "years",
        f"{ND91}, Điều 39",
        t.BK_YEARS,
        Text(
            "Số năm liên tục hoàn thành xuất sắc nhiệm vụ để được xét Bằng khen cấp bộ, tỉnh.",
            "Consecutive years rated excellent for a provincial Bằng khen.",
        ),
    ),
    p.number(
        "provincial_certificate_of_commendation.initiative_count",
        2,
        "initiatives",
        f"{ND91}, Điều 39",
        t.BK_COUNT,
        Text(
            "Số sáng kiến cấp cơ sở trong các năm đó.",
            "Grassroots initiatives within those years.",
        ),
    ),
    p.number(
        "prime_minister_certificate_of_commendation.consecutive_years",
        5,
        "years",
        f"{ND91}, Điều 38.1",
        t.PM_YEARS,
        Text(
            "Số năm liên tục hoàn thành xuất sắc nhiệm vụ sau Bằng khen cấp bộ, tỉnh.",
            "Consecutive years rated excellent after the provincial Bằng khen.",
        ),
    ),
    p.number(
        "prime_minister_certificate_of_commendation.initiative_count",
        5,
        "initiatives",
        f"{ND91}, Điều 38.1",
        Text(
            "Số sáng kiến xét Bằng khen Thủ tướng", "Initiatives for a Prime Minister's Bằng khen"
        ),
        Text(
            "Số sáng kiến cấp cơ sở trong các năm đó.",
            "Grassroots initiatives within those years.",
        ),
    ),
    p.number(
        "labour_order_third_class.consecutive_years",
        5,
        "years",
        f"{ND91}, Điều 24",
        Text(
            "Số năm liên tục xét Huân chương Lao động hạng Ba",
            "Consecutive years for the Labour Order, Third Class",
        ),
        Text(
            "Số năm liên tục hoàn thành xuất sắc nhiệm vụ sau Bằng khen Thủ tướng.",
            "Consecutive years rated excellent after the Prime Minister's Bằng khen.",
        ),
    ),
    p.number(
        "labour_order_third_class.initiative_count",
        2,
        "initiatives",
        f"{ND91}, Điều 24",
        Text(
            "Số sáng kiến xét Huân chương Lao động hạng Ba",
            "Initiatives for the Labour Order, Third Class",
        ),
        Text(
            "Số sáng kiến có phạm vi ảnh hưởng cấp bộ, tỉnh trong các năm đó.",
            "Initiatives of ministry/provincial scope within those years.",
        ),
    ),
    p.percent(
        "advanced_collective.min_advanced_worker_percent",
        "50",
        f"{LAW}, Điều 28",
        t.SHARE_AC,
        Text(
            "Tỷ lệ thành viên đạt Lao động tiên tiến; Luật 2003 yêu cầu CAO HƠN tỷ lệ này.",
            "Share of members who are Advanced Workers; the 2003 law requires MORE than this.",
        ),
    ),
    p.percent(
        "excellent_collective.min_advanced_worker_percent",
        "70",
        f"{LAW}, Điều 27",
        t.SHARE_EC,
        t.SHARE_WHY,
    ),
    p.percent(
        "cap.grassroots_emulation_fighter.max_percent",
        "15",
        f"{ND91}, Điều 9.3",
        t.CAP_GS,
        Text(
            "Tối đa bằng tỷ lệ này trên số Lao động tiên tiến của đơn vị được công nhận Chiến "
            "sĩ thi đua cơ sở (bộ, tỉnh có thể quy định thấp hơn).",
            "At most this share of the unit's Advanced Workers become Grassroots Emulation "
            "Fighters (a ministry or province may set less).",
        ),
    ),
    p.percent(
        "cap.government_emulation_flag.max_percent",
        "20",
        f"{ND91}, Điều 11",
        t.CAP_GF,
        t.CAP_GF_WHY,
    ),
    p.percent(
        "cap.provincial_emulation_fighter.max_percent",
        None,
        "Quy định địa phương",
        t.CAP_PF,
        t.CAP_PF_WHY,
    ),
)
