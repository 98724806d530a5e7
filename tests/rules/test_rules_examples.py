"""The worked examples of legal-rules.md §11, as acceptance tests (amounts exact)."""

from __future__ import annotations

from tdkt.rules import render

GOOD_2025 = {
    "ratings": {"2025": "good"},
    "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
}


def texts(v, lang="vi"):
    return [render(c, lang) for c in v.conditions]


def test_example_1_advanced_worker_paid_on_2024_base_salary(run, pick):
    """Ex. 1: HTTNV 2025, decision 15/01/2026 → LĐTT, 0.3 × 2,340,000 = 702,000 → 710,000."""
    ev = run("2026-01-15", 2025, candidates=["advanced_worker"], **GOOD_2025)
    v = pick(ev, "advanced_worker")
    assert ev.rule_set == "R2022b"
    assert ev.base_salary_vnd == 2_340_000
    assert (v.eligible, v.vote, v.prize_vnd) == (True, "not_required", 710_000)
    assert "Hoàn thành tốt nhiệm vụ năm 2025" in texts(v)


def test_example_2_base_salary_follows_the_decision_date(run, pick):
    """Ex. 2: decision 10/07/2026 → 2,530,000 base → 760,000; 30/06/2026 → 710,000."""
    after = pick(run("2026-07-10", 2025, **GOOD_2025), "advanced_worker")
    before = pick(run("2026-06-30", 2025, **GOOD_2025), "advanced_worker")
    assert (after.prize_vnd, before.prize_vnd) == (760_000, 710_000)


CSTDCS_2024 = {
    "ratings": {"2024": "excellent"},
    "ballot": {"yes": 13, "members": 15},
    "candidates": ["grassroots_emulation_fighter"],
}


def test_example_3_grassroots_fighter_without_initiative_under_2022_law(run, pick):
    """Ex. 3: HTXSNV without initiative suffices under R2022; 13/15 ≥ 80 %; 2,340,000."""
    ev = run("2024-12-20", 2024, **CSTDCS_2024)
    v = pick(ev, "grassroots_emulation_fighter")
    assert ev.rule_set == "R2022a"
    assert (v.eligible, v.vote, v.prize_vnd) == (True, "passed", 2_340_000)


def test_example_3_contrast_same_facts_under_2013_law_need_an_initiative(run, pick):
    """Ex. 3 contrast: the same facts for 2022 under R2013 fail (NĐ 91 Art 9.3)."""
    ev = run("2023-01-10", 2022, **{**CSTDCS_2024, "ratings": {"2022": "excellent"}})
    v = pick(ev, "grassroots_emulation_fighter")
    assert ev.rule_set == "R2013"
    assert v.eligible is False
    (missing,) = v.missing
    assert missing.message_key == "initiatives.missing"
    assert "Điều 9.3" in missing.citation
    # R2013 rounds to the nearest 10,000: 1.0 × 1,490,000.
    assert v.prize_vnd == 1_490_000


STREAK = {
    "awards": [{"year": y, "code": "grassroots_emulation_fighter"} for y in (2023, 2024, 2025)],
    "initiatives": [{"id": "SK-TP-1", "year": 2025, "scope": "provincial", "used_for": None}],
    "ratings": {"2023": "excellent", "2024": "excellent", "2025": "excellent"},
    "candidates": ["provincial_emulation_fighter"],
}


def test_example_4_city_fighter_passes_with_14_of_15(run, pick):
    """Ex. 4: three CSTĐCS + city initiative, 14/15 = 93 % ≥ 90 % → eligible, 7,020,000."""
    v = pick(
        run("2026-03-02", 2025, ballot={"yes": 14, "members": 15}, **STREAK),
        "provincial_emulation_fighter",
    )
    assert (v.eligible, v.vote, v.prize_vnd) == (True, "passed", 7_020_000)


def test_example_4_city_fighter_fails_with_13_of_15(run, pick):
    """Ex. 4: 13/15 = 86.7 % < 90 % → the vote fails and the title is not eligible."""
    v = pick(
        run("2026-03-02", 2025, ballot={"yes": 13, "members": 15}, **STREAK),
        "provincial_emulation_fighter",
    )
    assert (v.eligible, v.vote) == (False, "failed")
    assert "13/15 (86,7%)" in texts(v)[-1]


def test_example_4_broken_streak_names_the_missing_year(run, pick):
    """Ex. 4: CSTĐCS 2022, 2024, 2025 (2023 missing) → not eligible, and the text says so."""
    awards = [{"year": y, "code": "grassroots_emulation_fighter"} for y in (2022, 2024, 2025)]
    v = pick(
        run("2026-03-02", 2025, **{**STREAK, "awards": awards}), "provincial_emulation_fighter"
    )
    assert v.eligible is False
    assert "Thiếu Chiến sĩ thi đua cơ sở năm 2023 (cần 3 năm liên tục)" in texts(v)
    assert "Missing Grassroots Emulation Fighter for 2023 (needs 3 consecutive years)" in texts(
        v, "en"
    )


BK = {
    "ratings": {"2023": "excellent", "2024": "excellent"},
    "initiatives": [
        {"id": "SK-2023", "year": 2023, "scope": "grassroots", "used_for": None},
        {"id": "SK-2024", "year": 2024, "scope": "grassroots", "used_for": None},
    ],
    "awards": [{"year": 2024, "code": "grassroots_emulation_fighter"}],
    "candidates": ["provincial_certificate_of_commendation"],
}


def test_example_5_city_commendation_by_the_initiative_route(run, pick):
    """Ex. 5: 2 years HTXSNV + 2 unused initiatives → BK Chủ tịch UBND TP, 1.5 × → 3,510,000."""
    v = pick(run("2025-09-15", 2024, **BK), "provincial_certificate_of_commendation")
    assert (v.eligible, v.prize_vnd) == (True, 3_510_000)


def test_example_5_used_initiatives_cannot_serve_again(run, pick):
    """Ex. 5: both initiatives already used, one CSTĐCS only → neither route holds."""
    used = [{**i, "used_for": "grassroots_emulation_fighter"} for i in BK["initiatives"]]
    v = pick(
        run("2025-09-15", 2024, **{**BK, "initiatives": used}),
        "provincial_certificate_of_commendation",
    )
    assert v.eligible is False
    assert v.missing[0].message_key == "any_of.missing"
    assert "Thiếu Chiến sĩ thi đua cơ sở năm 2023" in texts(v)[0]


def collective(advanced: int) -> dict:
    return {
        "subject": {"kind": "collective"},
        "collective": {
            "rating": "excellent",
            "members": 20,
            "members_completing_tasks": 20,
            "members_advanced_worker": advanced,
            "members_grassroots_fighter": 1,
            "members_disciplined_warning_or_above": 0,
        },
    }


def test_example_6_excellent_collective(run, pick):
    """Ex. 6: 20 members, all HTNV, 15 LĐTT (75 %), 1 CSTĐCS → TT LĐXS, 3,510,000."""
    v = pick(run("2026-01-15", 2025, **collective(15)), "excellent_collective")
    assert (v.eligible, v.prize_vnd) == (True, 3_510_000)


def test_example_6_thirteen_advanced_workers_depend_on_the_local_share(run, pick):
    """Ex. 6: 13 LĐTT (65 %) → no TT LĐXS; TT LĐTT only if the local % is ≤ 65 (1,880,000)."""
    default = run("2026-01-15", 2025, **collective(13))
    assert pick(default, "excellent_collective").eligible is False
    assert pick(default, "advanced_collective").eligible is False
    local = run(
        "2026-01-15",
        2025,
        {"advanced_collective.min_advanced_worker_percent": 65},
        **collective(13),
    )
    v = pick(local, "advanced_collective")
    assert (v.eligible, v.prize_vnd) == (True, 1_880_000)


def test_example_7_new_recruits_are_barred_by_months_worked(run, pick):
    """Ex. 7: 5 months in 2025 (< 6, R2022b) and 9 months in 2019 (< 10, R2013) → no LĐTT."""
    v2025 = pick(
        run(
            "2026-01-15",
            2025,
            ratings={"2025": "good"},
            subject={"kind": "individual", "recruited_on": "2025-08-01"},
        ),
        "advanced_worker",
    )
    ev2019 = run(
        "2020-01-15",
        2019,
        ratings={"2019": "good"},
        subject={"kind": "individual", "recruited_on": "2019-04-01"},
    )
    v2019 = pick(ev2019, "advanced_worker")
    assert ev2019.rule_set == "R2013"
    assert v2025.eligible is False and v2019.eligible is False
    assert "Mới công tác 5 tháng trong năm 2025 (cần từ 6 tháng)" in texts(v2025)
    assert "Mới công tác 9 tháng trong năm 2019 (cần từ 10 tháng)" in texts(v2019)


def test_example_8_contract_then_civil_servant_counts_continuous_service(run, pick):
    """Ex. 8: continuous service from 01/03/2025 (contract, then civil servant) → 10 months."""
    v = pick(
        run(
            "2026-01-15",
            2025,
            ratings={"2025": "good"},
            subject={"kind": "individual", "recruited_on": "2025-03-01"},
        ),
        "advanced_worker",
    )
    assert v.eligible is True
    assert "Công tác liên tục 10 tháng trong năm 2025 (cần từ 6 tháng)" in texts(v)
