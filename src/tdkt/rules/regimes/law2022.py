"""Rules of Luật TĐKT 06/2022/QH15, shared by R2022a (NĐ 98/2023) and R2022b (NĐ 152/2025).

The law is the same in both rule sets; the decree-level citations (ballot thresholds, the
recruitment bar, the discipline principle) are passed in by each rule-set module, which also
owns every parameter value (legal-rules §4).
"""

from __future__ import annotations

from dataclasses import dataclass

from tdkt.rules import codes as k
from tdkt.rules import conditions as c
from tdkt.rules.codes import COLLECTIVE as COL
from tdkt.rules.codes import INDIVIDUAL as IND
from tdkt.rules.conditions import Ref
from tdkt.rules.text import Text

from .base import Cap, Rule

LAW = "Luật TĐKT 2022"


@dataclass(frozen=True, slots=True)
class DecreeCitations:
    """Where a decree-level rule comes from in one rule set."""

    months: str
    discipline: str
    vote_grassroots: str
    vote_provincial: str
    vote_national: str
    vote_flags: str


def rules(cite: DecreeCitations) -> tuple[Rule, ...]:
    """Return the Law 2022 rules with this decree's citations."""
    discipline = c.no_discipline(Ref("discipline.barring_level"), 1, cite.discipline)
    exclusive_cite = f"{LAW}, Điều 5.2.c (diễn giải)"
    advanced_worker = (
        c.rating("good", f"{LAW}, Điều 24"),
        c.months_worked(Ref("advanced_worker.min_months_worked"), cite.months),
        discipline,
    )
    return (
        Rule(k.ADVANCED_WORKER, IND, advanced_worker, "prize.advanced_worker"),
        Rule(
            k.GRASSROOTS_FIGHTER,
            IND,
            (
                *advanced_worker,
                c.any_of(
                    f"{LAW}, Điều 23",
                    c.rating("excellent", f"{LAW}, Điều 23"),
                    c.initiatives("grassroots", 1, 1, f"{LAW}, Điều 23"),
                ),
            ),
            "prize.grassroots_emulation_fighter",
            vote=c.vote(Ref("vote.grassroots_emulation_fighter.min_percent"), cite.vote_grassroots),
        ),
        Rule(
            k.PROVINCIAL_FIGHTER,
            IND,
            (
                c.award_streak(
                    k.GRASSROOTS_FIGHTER,
                    Ref("provincial_emulation_fighter.consecutive_years"),
                    f"{LAW}, Điều 22",
                ),
                c.initiatives(
                    "provincial",
                    1,
                    Ref("provincial_emulation_fighter.initiative_window_years"),
                    f"{LAW}, Điều 22",
                ),
                discipline,
                c.exclusive_period(
                    k.PROVINCIAL_FIGHTER,
                    Ref("provincial_emulation_fighter.consecutive_years"),
                    exclusive_cite,
                ),
            ),
            "prize.provincial_emulation_fighter",
            vote=c.vote(Ref("vote.provincial_emulation_fighter.min_percent"), cite.vote_provincial),
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
                discipline,
                c.exclusive_period(
                    k.NATIONAL_FIGHTER,
                    0,
                    exclusive_cite,
                    reading=Ref("national_emulation_fighter.chain_reading"),
                    period=Ref("provincial_emulation_fighter.consecutive_years"),
                    count=Ref("national_emulation_fighter.consecutive_titles"),
                ),
            ),
            "prize.national_emulation_fighter",
            vote=c.vote(Ref("vote.national_emulation_fighter.min_percent"), cite.vote_national),
        ),
        Rule(
            k.ADVANCED_COLLECTIVE,
            COL,
            (
                c.rating("good", f"{LAW}, Điều 28"),
                c.member_share(
                    "members_advanced_worker",
                    Ref("advanced_collective.min_advanced_worker_percent"),
                    f"{LAW}, Điều 28.3 (tỷ lệ do bộ/tỉnh quy định)",
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
            ),
            "prize.excellent_collective",
        ),
        Rule(
            k.PROVINCIAL_FLAG,
            COL,
            (c.rating("excellent", f"{LAW}, Điều 26"), c.leads_block(f"{LAW}, Điều 26")),
            "prize.provincial_emulation_flag",
            vote=c.vote(Ref("vote.provincial_emulation_flag.min_percent"), cite.vote_flags),
        ),
        Rule(
            k.GOVERNMENT_FLAG,
            COL,
            (
                c.rating("excellent", f"{LAW}, Điều 25"),
                c.award_in_year(k.PROVINCIAL_FLAG, f"{LAW}, Điều 25 (diễn giải, chưa xác minh)"),
            ),
            "prize.government_emulation_flag",
            vote=c.vote(Ref("vote.government_emulation_flag.min_percent"), cite.vote_flags),
            note=Text(
                "Chi tiết và tỷ lệ của Điều 25 Luật chưa được xác minh; ở đây hiểu là tập thể đã "
                "được tặng Cờ thi đua cấp bộ, tỉnh trong năm xét.",
                "Detail and ratio of Law Art 25 are unverified; read here as a collective "
                "holding the provincial Emulation Flag for the year.",
            ),
        ),
        *(
            Rule(
                k.CERTIFICATE_OF_MERIT,
                kind,
                (c.rating(Ref("certificate_of_merit.min_rating"), f"{LAW}, Điều 75"), discipline),
                f"prize.certificate_of_merit.{kind}",
                note=Text(
                    "Tiêu chuẩn do bộ, tỉnh quy định (Điều 75.2); hệ thống chỉ kiểm tra xếp loại, "
                    "thành tích trong phong trào thi đua do cán bộ đánh giá.",
                    "Criteria are set by each ministry or province (Art 75.2); only the rating "
                    "is checked, the achievement in a movement is the officer's call.",
                ),
            )
            for kind in (IND, COL)
        ),
        Rule(
            k.PROVINCIAL_COMMENDATION,
            IND,
            (
                c.any_of(
                    f"{LAW}, Điều 74.1.d",
                    c.award_streak(
                        k.GRASSROOTS_FIGHTER,
                        Ref("provincial_certificate_of_commendation.consecutive_years"),
                        f"{LAW}, Điều 74.1.d",
                    ),
                    c.all_of(
                        f"{LAW}, Điều 74.1.d",
                        c.rating_streak(
                            "excellent",
                            Ref("provincial_certificate_of_commendation.consecutive_years"),
                            f"{LAW}, Điều 74.1.d",
                        ),
                        c.initiatives(
                            "grassroots",
                            Ref("provincial_certificate_of_commendation.initiative_count"),
                            Ref("provincial_certificate_of_commendation.consecutive_years"),
                            f"{LAW}, Điều 74.1.d; Luật TĐKT 2022, Điều 5.2.c",
                        ),
                    ),
                ),
                discipline,
            ),
            "prize.provincial_certificate_of_commendation.individual",
            note=Text(
                "Hệ thống chỉ kiểm tra được tiêu chuẩn điểm d; các điểm a (phong trào thi đua), "
                "b (thành tích có ảnh hưởng), c (đóng góp) và đ (công nhân, nông dân) do cán bộ "
                "đánh giá.",
                "Only criterion (d) is computable; (a) movements, (b) influential "
                "achievements, (c) contributions and (đ) workers/farmers are the officer's call.",
            ),
        ),
        Rule(
            k.PROVINCIAL_COMMENDATION,
            COL,
            (
                c.rating_streak(
                    "excellent",
                    Ref("provincial_certificate_of_commendation.consecutive_years"),
                    f"{LAW}, Điều 74",
                    or_award=k.EXCELLENT_COLLECTIVE,
                ),
            ),
            "prize.provincial_certificate_of_commendation.collective",
            note=Text(
                "Việc thực hiện dân chủ ở cơ sở, chăm lo đời sống, thực hành tiết kiệm, phòng, "
                "chống tham nhũng do cán bộ đánh giá.",
                "Grassroots democracy, welfare, thrift and anti-corruption are the officer's call.",
            ),
        ),
        Rule(
            k.PM_COMMENDATION,
            IND,
            (
                c.award_before(
                    k.PROVINCIAL_COMMENDATION,
                    Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                    f"{LAW}, Điều 73.1.b",
                ),
                c.rating_streak(
                    "good",
                    Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                    f"{LAW}, Điều 73.1.b",
                ),
                c.award_count(
                    k.GRASSROOTS_FIGHTER,
                    Ref("prime_minister_certificate_of_commendation.grassroots_fighter_count"),
                    Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                    f"{LAW}, Điều 73.1.b",
                ),
                discipline,
                c.exclusive_period(
                    k.PM_COMMENDATION,
                    Ref("prime_minister_certificate_of_commendation.consecutive_years"),
                    exclusive_cite,
                ),
            ),
            "prize.prime_minister_certificate_of_commendation.individual",
            note=Text(
                "Hệ thống chỉ kiểm tra được tiêu chuẩn điểm b; các điểm a và c do cán bộ đánh giá.",
                "Only criterion (b) is computable; (a) and (c) are the officer's call.",
            ),
        ),
        Rule(
            k.PM_COMMENDATION,
            COL,
            (c.unverified_criteria(f"{LAW}, Điều 73 (chưa xác minh)"),),
            "prize.prime_minister_certificate_of_commendation.collective",
        ),
        *(
            Rule(
                k.LABOUR_ORDER_3,
                kind,
                (c.unverified_criteria(f"{LAW}, Điều 44–45 (chưa xác minh)"),),
                f"prize.labour_order_third_class.{kind}",
            )
            for kind in (IND, COL)
        ),
    )


def caps() -> tuple[Cap, ...]:
    """Caps that exist only once a local (or future national) parameter sets them."""
    return (
        Cap(
            k.GRASSROOTS_FIGHTER,
            k.ADVANCED_WORKER,
            "cap.grassroots_emulation_fighter.max_percent",
            "Quy định địa phương (không có trần toàn quốc)",
        ),
        Cap(
            k.GOVERNMENT_FLAG,
            k.PROVINCIAL_FLAG,
            "cap.government_emulation_flag.max_percent",
            f"{LAW}, Điều 25 (chưa xác minh)",
        ),
        Cap(
            k.PROVINCIAL_FIGHTER,
            k.GRASSROOTS_FIGHTER,
            "cap.provincial_emulation_fighter.max_percent",
            "Quy định địa phương",
        ),
    )
