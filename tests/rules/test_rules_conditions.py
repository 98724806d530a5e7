"""One row per condition: a case that meets the rule, and a change that breaks one condition.

Each row states the verdict a user would see (eligible or not, vote status) and which
conditions are reported as missing, by message key.
"""

from __future__ import annotations

import pytest

GS = "grassroots_emulation_fighter"
PF = "provincial_emulation_fighter"
NF = "national_emulation_fighter"
BK = "provincial_certificate_of_commendation"
PM = "prime_minister_certificate_of_commendation"


def aw(code: str, *years: int) -> list[dict]:
    return [{"year": y, "code": code} for y in years]


def init(ident: str, year: int, scope: str = "grassroots", used_for: str | None = None) -> dict:
    return {"id": ident, "year": year, "scope": scope, "used_for": used_for}


def coll(**kw) -> dict:
    facts = {
        "rating": "good",
        "members": 20,
        "members_completing_tasks": 20,
        "members_advanced_worker": 15,
        "members_grassroots_fighter": 1,
        "members_disciplined_warning_or_above": 0,
        **kw,
    }
    return {"subject": {"kind": "collective"}, "collective": facts}


NOW = ("2026-01-15", 2025)  # R2022b
OLD = ("2023-01-10", 2022)  # R2013
MID = ("2024-12-20", 2024)  # R2022a

PF_BASE = {
    "awards": aw(GS, 2023, 2024, 2025),
    "initiatives": [init("T", 2024, "provincial")],
    "ballot": {"yes": 14, "members": 15},
}
NF_BASE = {
    "awards": aw(PF, 2022, 2025),
    "initiatives": [init("N", 2025, "national")],
    "ballot": {"yes": 14, "members": 15},
}
PM_BASE = {
    "awards": aw(BK, 2020) + aw(GS, 2021, 2023, 2025),
    "ratings": {str(y): "good" for y in range(2021, 2026)},
}

# (id, when, code, case fields, overrides, eligible, vote, missing message keys)
ROWS = [
    (
        "aw-ok",
        NOW,
        "advanced_worker",
        {"ratings": {"2025": "good"}},
        None,
        True,
        "not_required",
        [],
    ),
    (
        "aw-rating-low",
        NOW,
        "advanced_worker",
        {"ratings": {"2025": "complete"}},
        None,
        False,
        "not_required",
        ["rating.low"],
    ),
    (
        "aw-rating-none",
        NOW,
        "advanced_worker",
        {"ratings": {"2024": "good"}},
        None,
        False,
        "not_required",
        ["rating.none"],
    ),
    (
        "aw-months",
        NOW,
        "advanced_worker",
        {
            "ratings": {"2025": "good"},
            "subject": {"kind": "individual", "recruited_on": "2025-07-02"},
        },
        None,
        False,
        "not_required",
        ["months.short"],
    ),
    (
        "aw-discipline",
        NOW,
        "advanced_worker",
        {"ratings": {"2025": "good"}, "discipline": [{"year": 2025, "level": "reprimand"}]},
        None,
        False,
        "not_required",
        ["discipline.found"],
    ),
    (
        "aw-old-discipline",
        NOW,
        "advanced_worker",
        {"ratings": {"2025": "good"}, "discipline": [{"year": 2024, "level": "warning"}]},
        None,
        True,
        "not_required",
        [],
    ),
    (
        "aw-discipline-param",
        NOW,
        "advanced_worker",
        {"ratings": {"2025": "good"}, "discipline": [{"year": 2025, "level": "reprimand"}]},
        {"discipline.barring_level": "warning"},
        True,
        "not_required",
        [],
    ),
    (
        "aw-2013-10-months",
        OLD,
        "advanced_worker",
        {
            "ratings": {"2022": "good"},
            "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
        },
        None,
        True,
        "not_required",
        [],
    ),
    (
        "aw-2013-9-months",
        OLD,
        "advanced_worker",
        {
            "ratings": {"2022": "good"},
            "subject": {"kind": "individual", "recruited_on": "2022-03-02"},
        },
        None,
        False,
        "not_required",
        ["months.short"],
    ),
    (
        "gs-80-percent-inclusive",
        NOW,
        GS,
        {"ratings": {"2025": "excellent"}, "ballot": {"yes": 12, "members": 15}},
        None,
        True,
        "passed",
        [],
    ),
    (
        "gs-vote-failed",
        NOW,
        GS,
        {"ratings": {"2025": "excellent"}, "ballot": {"yes": 11, "members": 15}},
        None,
        False,
        "failed",
        ["vote.failed"],
    ),
    (
        "gs-initiative-route",
        NOW,
        GS,
        {"ratings": {"2025": "good"}, "initiatives": [init("A", 2025)]},
        None,
        True,
        "pending",
        [],
    ),
    (
        "gs-neither-route",
        NOW,
        GS,
        {"ratings": {"2025": "good"}, "initiatives": [init("A", 2025, used_for=BK)]},
        None,
        False,
        "pending",
        ["any_of.missing"],
    ),
    (
        "gs-future-initiative-ignored",
        NOW,
        GS,
        {"ratings": {"2025": "good"}, "initiatives": [init("A", 2026)]},
        None,
        False,
        "pending",
        ["any_of.missing"],
    ),
    (
        "gs-2013-threshold-unknown",
        OLD,
        GS,
        {
            "ratings": {"2022": "good"},
            "initiatives": [init("A", 2022)],
            "ballot": {"yes": 15, "members": 15},
        },
        None,
        True,
        "pending",
        [],
    ),
    (
        "gs-2013-threshold-set",
        OLD,
        GS,
        {
            "ratings": {"2022": "good"},
            "initiatives": [init("A", 2022)],
            "ballot": {"yes": 13, "members": 15},
        },
        {"vote.grassroots_emulation_fighter.min_percent": 90},
        False,
        "failed",
        ["vote.failed"],
    ),
    ("pf-ok", NOW, PF, PF_BASE, None, True, "passed", []),
    (
        "pf-no-provincial-initiative",
        NOW,
        PF,
        {**PF_BASE, "initiatives": [init("T", 2024)]},
        None,
        False,
        "passed",
        ["initiatives.missing"],
    ),
    (
        "pf-initiative-outside-window",
        NOW,
        PF,
        {**PF_BASE, "initiatives": [init("T", 2022, "provincial")]},
        None,
        False,
        "passed",
        ["initiatives.missing"],
    ),
    (
        "pf-national-initiative-counts",
        NOW,
        PF,
        {**PF_BASE, "initiatives": [init("T", 2025, "national")]},
        None,
        True,
        "passed",
        [],
    ),
    (
        "pf-overlapping-title",
        NOW,
        PF,
        {**PF_BASE, "awards": aw(GS, 2022, 2023, 2024, 2025) + aw(PF, 2024)},
        None,
        False,
        "passed",
        ["exclusive.overlap"],
    ),
    (
        "pf-overlap-rule-off",
        NOW,
        PF,
        {**PF_BASE, "awards": aw(GS, 2022, 2023, 2024, 2025) + aw(PF, 2024)},
        {"chain.exclusive_periods": False},
        True,
        "passed",
        [],
    ),
    ("nf-ok-period-reading", NOW, NF, NF_BASE, None, True, "passed", []),
    (
        "nf-adjacent-years-not-periods",
        NOW,
        NF,
        {**NF_BASE, "awards": aw(PF, 2024, 2025)},
        None,
        False,
        "passed",
        ["streak.missing"],
    ),
    (
        "nf-calendar-reading",
        NOW,
        NF,
        {**NF_BASE, "awards": aw(PF, 2024, 2025)},
        {"national_emulation_fighter.chain_reading": "calendar"},
        True,
        "passed",
        [],
    ),
    (
        "nf-no-national-initiative",
        NOW,
        NF,
        {**NF_BASE, "initiatives": [init("N", 2025, "provincial")]},
        None,
        False,
        "passed",
        ["initiatives.missing"],
    ),
    (
        "bk-two-grassroots-fighters",
        NOW,
        BK,
        {"awards": aw(GS, 2024, 2025)},
        None,
        True,
        "not_required",
        [],
    ),
    (
        "bk-neither-route",
        NOW,
        BK,
        {
            "awards": aw(GS, 2025),
            "ratings": {"2024": "good", "2025": "excellent"},
            "initiatives": [init("A", 2024), init("B", 2025)],
        },
        None,
        False,
        "not_required",
        ["any_of.missing"],
    ),
    (
        "bk-2013-initiatives",
        OLD,
        BK,
        {"ratings": {"2021": "excellent", "2022": "excellent"}, "initiatives": [init("A", 2021)]},
        None,
        False,
        "not_required",
        ["initiatives.missing"],
    ),
    ("pm-ok", NOW, PM, PM_BASE, None, True, "not_required", []),
    (
        "pm-commendation-too-recent",
        NOW,
        PM,
        {**PM_BASE, "awards": aw(BK, 2021) + aw(GS, 2021, 2023, 2025)},
        None,
        False,
        "not_required",
        ["award_before.missing"],
    ),
    (
        "pm-rating-gap",
        NOW,
        PM,
        {**PM_BASE, "ratings": {**PM_BASE["ratings"], "2023": "complete"}},
        None,
        False,
        "not_required",
        ["rating_streak.missing"],
    ),
    (
        "pm-two-grassroots-fighters",
        NOW,
        PM,
        {**PM_BASE, "awards": aw(BK, 2020) + aw(GS, 2021, 2025)},
        None,
        False,
        "not_required",
        ["award_count.missing"],
    ),
    (
        "merit-ok",
        NOW,
        "certificate_of_merit",
        {"ratings": {"2025": "good"}},
        None,
        True,
        "not_required",
        [],
    ),
    (
        "labour-order-unverified",
        NOW,
        "labour_order_third_class",
        PM_BASE,
        None,
        False,
        "not_required",
        ["unverified.missing"],
    ),
    (
        "tt-ldtt-70-inclusive",
        NOW,
        "advanced_collective",
        coll(members_advanced_worker=14),
        None,
        True,
        "not_required",
        [],
    ),
    (
        "tt-ldtt-share",
        NOW,
        "advanced_collective",
        coll(members_advanced_worker=13),
        None,
        False,
        "not_required",
        ["member_share.missing"],
    ),
    (
        "tt-ldtt-disciplined",
        NOW,
        "advanced_collective",
        coll(members_disciplined_warning_or_above=1),
        None,
        False,
        "not_required",
        ["no_members.missing"],
    ),
    (
        "tt-ldtt-2013-half-is-not-more",
        OLD,
        "advanced_collective",
        coll(members_advanced_worker=10),
        None,
        False,
        "not_required",
        ["member_share.missing"],
    ),
    (
        "tt-ldtt-2013-more-than-half",
        OLD,
        "advanced_collective",
        coll(members_advanced_worker=11),
        None,
        True,
        "not_required",
        [],
    ),
    (
        "tt-ldxs-rating",
        NOW,
        "excellent_collective",
        coll(),
        None,
        False,
        "not_required",
        ["rating.low"],
    ),
    (
        "tt-ldxs-all-complete",
        NOW,
        "excellent_collective",
        coll(rating="excellent", members_completing_tasks=19),
        None,
        False,
        "not_required",
        ["all_members.missing"],
    ),
    (
        "tt-ldxs-no-fighter",
        NOW,
        "excellent_collective",
        coll(rating="excellent", members_grassroots_fighter=0),
        None,
        False,
        "not_required",
        ["member_minimum.missing"],
    ),
    (
        "tt-ldxs-discipline-2022-no-bar",
        NOW,
        "excellent_collective",
        coll(rating="excellent", members_disciplined_warning_or_above=1),
        None,
        True,
        "not_required",
        [],
    ),
    (
        "tt-ldxs-discipline-2013-bar",
        OLD,
        "excellent_collective",
        coll(rating="excellent", members_disciplined_warning_or_above=1),
        None,
        False,
        "not_required",
        ["no_members.missing"],
    ),
    (
        "flag-ok-threshold-unknown",
        NOW,
        "provincial_emulation_flag",
        coll(rating="excellent", leads_block=True),
        None,
        True,
        "pending",
        [],
    ),
    (
        "flag-block-unknown",
        NOW,
        "provincial_emulation_flag",
        coll(rating="excellent"),
        None,
        False,
        "pending",
        ["leads_block.unknown"],
    ),
    (
        "gov-flag-needs-provincial-flag",
        NOW,
        "government_emulation_flag",
        coll(rating="excellent"),
        None,
        False,
        "pending",
        ["award_in_year.missing"],
    ),
    (
        "gov-flag-vote-failed",
        NOW,
        "government_emulation_flag",
        {
            **coll(rating="excellent"),
            "awards": aw("provincial_emulation_flag", 2025),
            "ballot": {"yes": 11, "members": 15},
        },
        None,
        False,
        "failed",
        ["vote.failed"],
    ),
    (
        "bk-collective-rating-or-title",
        NOW,
        BK,
        {
            **coll(rating="good"),
            "ratings": {"2024": "excellent"},
            "awards": aw("excellent_collective", 2025),
        },
        None,
        True,
        "not_required",
        [],
    ),
    (
        "bk-collective-gap",
        NOW,
        BK,
        {**coll(rating="excellent")},
        None,
        False,
        "not_required",
        ["rating_streak.missing"],
    ),
]


@pytest.mark.parametrize(
    ("when", "code", "fields", "overrides", "eligible", "vote", "missing"),
    [r[1:] for r in ROWS],
    ids=[r[0] for r in ROWS],
)
def test_condition(run, pick, when, code, fields, overrides, eligible, vote, missing):
    """The verdict and the missing conditions are the ones the law notes predict."""
    v = pick(run(*when, overrides, candidates=[code], **fields), code)
    assert (v.eligible, v.vote) == (eligible, vote)
    assert [c.message_key for c in v.missing] == missing
    assert all(c.citation for c in v.conditions)


def test_rule_set_follows_the_decision_date(run):
    """R2013 to 31/12/2023, R2022a to 30/06/2025, then R2022b (legal-rules §0)."""
    got = [
        run(d, 2023, ratings={"2023": "good"}).rule_set
        for d in ("2023-12-31", "2024-01-01", "2025-06-30", "2025-07-01", "2027-06-01")
    ]
    assert got == ["R2013", "R2022a", "R2022a", "R2022b", "R2022b"]


def test_dossier_lodged_before_decree_152_stays_under_decree_98(run):
    """NĐ 152 Art 60.3: a dossier lodged before 01/07/2025 keeps R2022a."""
    assert run("2025-08-01", 2024, dossier_lodged_on="2025-06-20").rule_set == "R2022a"
    assert run("2025-08-01", 2024, dossier_lodged_on="2025-07-01").rule_set == "R2022b"


def test_r2026_is_inactive_until_an_administrator_activates_it(run, pick):
    """R2026 is never chosen by date alone; once active its draft CSTĐCS needs an initiative."""
    fields = {"ratings": {"2026": "excellent"}, "candidates": [GS]}
    assert run("2026-11-02", 2026, **fields).rule_set == "R2022b"
    active = {"regime.R2026.active": True}
    ev = run("2026-11-02", 2026, active, **fields)
    assert ev.rule_set == "R2026"
    assert [c.message_key for c in pick(ev, GS).missing] == ["initiatives.missing"]
    assert (
        run("2026-11-02", 2026, active, dossier_lodged_on="2026-09-30", **fields).rule_set
        == "R2022b"
    )


def test_r2013_rounds_to_nearest_and_r2022_up(run, pick):
    """0.8 × 1,490,000 = 1,192,000 → 1,190,000 (R2013 nearest); R2022 rounds up."""
    ev = run("2023-01-10", 2022, **coll(members_advanced_worker=15))
    assert pick(ev, "advanced_collective").prize_vnd == 1_190_000
    ev = run("2023-01-10", 2022, {"prize.rounding": "ceiling"}, **coll())
    assert pick(ev, "advanced_collective").prize_vnd == 1_200_000


def test_unknown_coefficient_is_null_not_guessed(run, pick):
    """A coefficient set to unknown gives `prize_vnd = None`, even for an eligible verdict."""
    ev = run(*NOW, {"prize.advanced_worker": None}, ratings={"2025": "good"})
    v = pick(ev, "advanced_worker")
    assert (v.eligible, v.prize_coefficient, v.prize_vnd) == (True, None, None)


def test_r2022a_commendation_coefficient_is_flagged_unverified():
    """NĐ 98 Bằng khen coefficients were not read: they are flagged, not silent constants."""
    from tdkt.rules import list_parameters

    params = {pv.parameter.name: pv for pv in list_parameters("R2022a")}
    p = params["prize.provincial_certificate_of_commendation.individual"]
    assert p.parameter.unverified and str(p.value) == "1.0"
    assert not params["prize.advanced_worker"].parameter.unverified
    assert params["regime.R2022a.effective_to"].value.isoformat() == "2025-06-30"
