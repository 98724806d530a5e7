"""R2013: Luật TĐKT 2003 (am. 2005, 2009, 2013) + NĐ 91/2017/NĐ-CP + TT 12/2019/TT-BNV.

In force for decisions from 01/10/2017 (NĐ 91) until the law expired on 01/01/2024
(legal-rules §0, §3). Sources are tagged in legal-rules.md; values marked there as UNVERIFIED
are parameters with `unverified=True`.
"""

from __future__ import annotations

from datetime import date

from tdkt.rules import codes as k
from tdkt.rules import conditions as c
from tdkt.rules.codes import COLLECTIVE as COL
from tdkt.rules.codes import INDIVIDUAL as IND
from tdkt.rules.conditions import Ref
from tdkt.rules.text import Text

from .base import Cap, Rule, RuleSet
from .r2013_params import PARAMETERS

LAW = "Luật TĐKT 2003 (sđ 2013)"
ND91 = "NĐ 91/2017/NĐ-CP"
DISC = f"{ND91}, Điều 10"

DISCIPLINE = c.no_discipline(Ref("discipline.barring_level"), 1, DISC)

ADVANCED_WORKER = (
    c.rating("good", f"{LAW}, Điều 24"),
    c.months_worked(Ref("advanced_worker.min_months_worked"), f"{ND91}, Điều 10"),
    DISCIPLINE,
)

RULES = (
    Rule(k.ADVANCED_WORKER, IND, ADVANCED_WORKER, "prize.advanced_worker"),
    Rule(
        k.GRASSROOTS_FIGHTER,
        IND,
        (*ADVANCED_WORKER, c.initiatives("grassroots", 1, 1, f"{LAW}, Điều 23; {ND91}, Điều 9.3")),
        "prize.grassroots_emulation_fighter",
        vote=c.vote(
            Ref("vote.grassroots_emulation_fighter.min_percent"), f"{ND91} (chưa xác minh)"
        ),
    ),
    Rule(
        k.PROVINCIAL_FIGHTER,
        IND,
        (
            c.award_streak(
                k.GRASSROOTS_FIGHTER,
                Ref("provincial_emulation_fighter.consecutive_years"),
                f"{LAW}, Điều 22; {ND91}, Điều 9.2",
            ),
            c.initiatives(
                "provincial",
                1,
                Ref("provincial_emulation_fighter.initiative_window_years"),
                f"{LAW}, Điều 22; {ND91}, Điều 9.2",
            ),
            DISCIPLINE,
            c.exclusive_period(
                k.PROVINCIAL_FIGHTER,
                Ref("provincial_emulation_fighter.consecutive_years"),
                f"{ND91}, Điều 9.2 (diễn giải)",
            ),
        ),
        "prize.provincial_emulation_fighter",
        vote=c.vote(Ref("vote.provincial_emulation_fighter.min_percent"), "Thực tiễn: Huế 2017"),
    ),
    Rule(
        k.NATIONAL_FIGHTER,
        IND,
        (
            c.award_streak(
                k.PROVINCIAL_FIGHTER,
                Ref("national_emulation_fighter.consecutive_titles"),
                f"{LAW}, Điều 21",
                reading=Ref("national_emulation_fighter.chain_reading"),
                period=Ref("provincial_emulation_fighter.consecutive_years"),
            ),
            c.initiatives(
                "national",
                1,
                Ref("national_emulation_fighter.initiative_window_years"),
                f"{LAW}, Điều 21",
            ),
            DISCIPLINE,
            c.exclusive_period(
                k.NATIONAL_FIGHTER,
                0,
                f"{LAW}, Điều 21 (diễn giải)",
                reading=Ref("national_emulation_fighter.chain_reading"),
                period=Ref("provincial_emulation_fighter.consecutive_years"),
                count=Ref("national_emulation_fighter.consecutive_titles"),
            ),
        ),
        "prize.national_emulation_fighter",
        vote=c.vote(Ref("vote.national_emulation_fighter.min_percent"), f"{ND91} (chưa xác minh)"),
    ),
    Rule(
        k.ADVANCED_COLLECTIVE,
        COL,
        (
            c.rating("good", f"{LAW}, Điều 28"),
            c.member_share(
                "members_advanced_worker",
                Ref("advanced_collective.min_advanced_worker_percent"),
                f"{LAW}, Điều 28",
                strict=True,
            ),
            c.no_members("members_disciplined_warning_or_above", f"{LAW}, Điều 28"),
        ),
        "prize.advanced_collective",
    ),
    Rule(
        k.EXCELLENT_COLLECTIVE,
        COL,
        (
            c.rating("excellent", f"{LAW}, Điều 27"),
            c.all_members("members_completing_tasks", f"{LAW}, Điều 27"),
            c.member_share(
                "members_advanced_worker",
                Ref("excellent_collective.min_advanced_worker_percent"),
                f"{LAW}, Điều 27",
            ),
            c.member_minimum("members_grassroots_fighter", 1, f"{LAW}, Điều 27"),
            c.no_members("members_disciplined_warning_or_above", f"{LAW}, Điều 27"),
        ),
        "prize.excellent_collective",
    ),
    Rule(
        k.PROVINCIAL_FLAG,
        COL,
        (c.rating("excellent", f"{LAW}, Điều 26"), c.leads_block(f"{ND91}, Điều 12")),
        "prize.provincial_emulation_flag",
        vote=c.vote(Ref("vote.provincial_emulation_flag.min_percent"), f"{ND91} (chưa xác minh)"),
    ),
    Rule(
        k.GOVERNMENT_FLAG,
        COL,
        (
            c.rating("excellent", f"{LAW}, Điều 25"),
            c.award_in_year(k.PROVINCIAL_FLAG, f"{ND91}, Điều 11"),
        ),
        "prize.government_emulation_flag",
        vote=c.vote(Ref("vote.government_emulation_flag.min_percent"), f"{ND91} (chưa xác minh)"),
        note=Text(
            "Chỉ kiểm tra trường hợp (1): tập thể dẫn đầu trong số các tập thể đạt tiêu chuẩn Cờ "
            "thi đua cấp bộ, tỉnh (hiểu là đã được tặng Cờ trong năm xét); các trường hợp (2) và "
            "(3) do cán bộ đánh giá.",
            "Route (1) only: a leading collective among those meeting the provincial Emulation "
            "Flag standard (read as holding the Flag for the year); routes (2) and (3) are the "
            "officer's call.",
        ),
    ),
    *(
        Rule(
            k.CERTIFICATE_OF_MERIT,
            kind,
            (
                c.rating(
                    Ref("certificate_of_merit.min_rating"), f"{ND91}, Điều 40 (chưa xác minh)"
                ),
                DISCIPLINE,
            ),
            f"prize.certificate_of_merit.{kind}",
            note=Text(
                "Tiêu chuẩn do từng bộ, tỉnh, đơn vị quy định; hệ thống chỉ kiểm tra xếp loại.",
                "Criteria are set by each ministry, province or unit; only the rating is checked.",
            ),
        )
        for kind in (IND, COL)
    ),
    Rule(
        k.PROVINCIAL_COMMENDATION,
        IND,
        (
            c.rating_streak(
                "excellent",
                Ref("provincial_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 39 (theo TT 07/2018/TT-BKHĐT, Điều 18.1)",
            ),
            c.initiatives(
                "grassroots",
                Ref("provincial_certificate_of_commendation.initiative_count"),
                Ref("provincial_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 39 (theo TT 07/2018/TT-BKHĐT, Điều 18.1)",
            ),
            DISCIPLINE,
        ),
        "prize.provincial_certificate_of_commendation.individual",
        note=Text(
            "Hệ thống chỉ kiểm tra được tiêu chuẩn «2 năm liên tục hoàn thành xuất sắc nhiệm vụ "
            "và có 2 sáng kiến»; thành tích xuất sắc trong phong trào thi đua và thành tích có "
            "ảnh hưởng trong ngành do cán bộ đánh giá.",
            "Only the criterion 'two consecutive years rated excellent with two initiatives' "
            "is computable; excellence in a movement and sector-wide achievements are the "
            "officer's call.",
        ),
    ),
    Rule(
        k.PROVINCIAL_COMMENDATION,
        COL,
        (c.unverified_criteria(f"{ND91}, Điều 39 (chưa xác minh)"),),
        "prize.provincial_certificate_of_commendation.collective",
    ),
    Rule(
        k.PM_COMMENDATION,
        IND,
        (
            c.award_before(
                k.PROVINCIAL_COMMENDATION,
                Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 38.1",
            ),
            c.rating_streak(
                "excellent",
                Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 38.1",
            ),
            c.initiatives(
                "grassroots",
                Ref("prime_minister_certificate_of_commendation.initiative_count"),
                Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 38.1",
            ),
            DISCIPLINE,
            c.exclusive_period(
                k.PM_COMMENDATION,
                Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                f"{ND91}, Điều 38.1 (diễn giải)",
            ),
        ),
        "prize.prime_minister_certificate_of_commendation.individual",
    ),
    Rule(
        k.PM_COMMENDATION,
        COL,
        (c.unverified_criteria(f"{ND91}, Điều 38 (chưa xác minh)"),),
        "prize.prime_minister_certificate_of_commendation.collective",
    ),
    Rule(
        k.LABOUR_ORDER_3,
        IND,
        (
            c.award_before(
                k.PM_COMMENDATION,
                Ref("labour_order_third_class.consecutive_years"),
                f"{ND91}, Điều 24",
            ),
            c.rating_streak(
                "excellent", Ref("labour_order_third_class.consecutive_years"), f"{ND91}, Điều 24"
            ),
            c.initiatives(
                "provincial",
                Ref("labour_order_third_class.initiative_count"),
                Ref("labour_order_third_class.consecutive_years"),
                f"{ND91}, Điều 24",
            ),
            DISCIPLINE,
            c.exclusive_period(
                k.LABOUR_ORDER_3,
                Ref("labour_order_third_class.consecutive_years"),
                f"{ND91}, Điều 24 (diễn giải)",
            ),
        ),
        "prize.labour_order_third_class.individual",
        note=Text(
            "Trường hợp khen thưởng đột xuất do cán bộ đánh giá.",
            "The ad-hoc (đột xuất) route is the officer's call.",
        ),
    ),
    Rule(
        k.LABOUR_ORDER_3,
        COL,
        (c.unverified_criteria(f"{LAW}, Điều 44 (chưa xác minh)"),),
        "prize.labour_order_third_class.collective",
    ),
)

RULE_SET = RuleSet(
    name="R2013",
    title=Text(
        "Luật TĐKT 2003 (sửa đổi 2013) + Nghị định 91/2017/NĐ-CP",
        "Law on Emulation and Commendation 2003 (amended 2013) + Decree 91/2017/NĐ-CP",
    ),
    documents=(
        "NĐ 91/2017/NĐ-CP",
        "Luật TĐKT 15/2003/QH11 (sđ 47/2005, 32/2009, 39/2013)",
        "TT 12/2019/TT-BNV",
    ),
    effective_from=date(2017, 10, 1),
    effective_to=date(2023, 12, 31),
    parameters=PARAMETERS,
    rules=RULES,
    caps=(
        Cap(
            k.GRASSROOTS_FIGHTER,
            k.ADVANCED_WORKER,
            "cap.grassroots_emulation_fighter.max_percent",
            f"{ND91}, Điều 9.3",
        ),
        Cap(
            k.GOVERNMENT_FLAG,
            k.PROVINCIAL_FLAG,
            "cap.government_emulation_flag.max_percent",
            f"{ND91}, Điều 11",
        ),
        Cap(
            k.PROVINCIAL_FIGHTER,
            k.GRASSROOTS_FIGHTER,
            "cap.provincial_emulation_fighter.max_percent",
            "Quy định địa phương",
        ),
    ),
)
