"""The rule data is checked at import, and parameters keep to their legal ranges."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest

from tdkt.rules import REGISTRY, ParameterError
from tdkt.rules.cli import main
from tdkt.rules.codes import AWARDS, COLLECTIVE, INDIVIDUAL, TITLE, AwardCode
from tdkt.rules.conditions import Ref, rating, vote
from tdkt.rules.regimes import r2013, r2022a, r2022b
from tdkt.rules.regimes.base import NotApplicable, Rule
from tdkt.rules.regimes.common import coefficient
from tdkt.rules.regimes.registry import Registry, RegistryError
from tdkt.rules.text import Text

LO3 = "labour_order_third_class"


def without(rs, code: str, kind: str):
    return replace(rs, rules=tuple(r for r in rs.rules if (r.code, r.kind) != (code, kind)))


def with_r2022b(rs, awards=AWARDS) -> Registry:
    """Build a registry of the shipped rule sets with R2022b replaced by `rs`."""
    return Registry((r2013.RULE_SET, r2022a.RULE_SET, rs), awards)


def test_the_shipped_registry_is_valid():
    """Every code has a rule in every rule set, every parameter exists, every label is there."""
    assert with_r2022b(r2022b.RULE_SET).names() == ("R2013", "R2022a", "R2022b")
    assert REGISTRY.names() == ("R2013", "R2022a", "R2022b", "R2026")


def test_a_missing_rule_fails_at_import_with_a_clear_message():
    """Forgetting the collective Huân chương in R2022b names the rule set, code and kind."""
    with pytest.raises(RegistryError) as exc:
        with_r2022b(without(r2022b.RULE_SET, LO3, COLLECTIVE))
    assert exc.value.problems == [
        f"R2022b: no rule for {LO3} (collective) — add a Rule, or a NotApplicable entry "
        "saying why the rule set has none"
    ]
    assert "the rule registry is invalid (1 problems)" in str(exc.value)


def test_a_rule_set_may_say_a_code_does_not_apply():
    """An abolished title is declared not applicable, with the reason, instead of a rule."""
    reason = Text("Luật mới bỏ hình thức này.", "The new law abolished this form.")
    rs = without(r2022b.RULE_SET, LO3, COLLECTIVE)
    rs = replace(rs, not_applicable=(NotApplicable(LO3, COLLECTIVE, reason),))
    assert with_r2022b(rs).get("R2022b").rule(LO3, COLLECTIVE) is None


def test_references_to_undeclared_parameters_are_refused():
    """A rule reading a parameter its rule set does not declare never loads."""
    broken = Rule(
        "advanced_worker",
        INDIVIDUAL,
        (rating(Ref("advanced_worker.min_rating"), "Luật TĐKT 2022, Điều 24"),),
        "prize.advanced_worker",
        vote=vote(Ref("vote.advanced_worker.min_percent"), "NĐ 152/2025/NĐ-CP"),
    )
    rs = replace(
        r2022b.RULE_SET,
        rules=(broken, *without(r2022b.RULE_SET, "advanced_worker", INDIVIDUAL).rules),
    )
    with pytest.raises(RegistryError) as exc:
        with_r2022b(rs)
    assert exc.value.problems == [
        "R2022b: rule advanced_worker (individual): parameter advanced_worker.min_rating is "
        "referenced but not declared in R2022b",
        "R2022b: rule advanced_worker (individual): parameter vote.advanced_worker.min_percent "
        "is referenced but not declared in R2022b",
    ]


def test_a_default_outside_its_legal_range_is_refused():
    """A coefficient of 60 × base salary is beyond the legal schedule: the data is wrong."""
    params = tuple(
        replace(p, default=Decimal(60)) if p.name == "prize.advanced_worker" else p
        for p in r2022b.PARAMETERS
    )
    with pytest.raises(RegistryError, match=r"prize\.advanced_worker: default"):
        with_r2022b(replace(r2022b.RULE_SET, parameters=params))


def test_a_new_award_code_lists_what_each_rule_set_still_needs():
    """Declaring a code without English label, rules or coefficient: every gap is named."""
    code = "excellent_enterprise"
    new = AwardCode(code, TITLE, (COLLECTIVE,), Text("Doanh nghiệp xuất sắc", ""))
    shipped = (r2013.RULE_SET, r2022a.RULE_SET, r2022b.RULE_SET)
    with pytest.raises(RegistryError) as exc:
        Registry(shipped, (*AWARDS, new))
    assert exc.value.problems == [
        f"award code {code}: no en label",
        *(
            f"{name}: no rule for {code} (collective) — add a Rule, or a NotApplicable entry "
            "saying why the rule set has none"
            for name in ("R2013", "R2022a", "R2022b")
        ),
    ]
    # The steps that carry meaning: an English label, the rule with its article in each rule
    # set, and its prize coefficient with the article that sets it.
    new = replace(new, label=Text("Doanh nghiệp xuất sắc", "Excellent Enterprise"))
    rule = Rule(code, COLLECTIVE, (rating("excellent", "QĐ 39/2024/QĐ-UBND"),), f"prize.{code}")
    with_rule = tuple(replace(rs, rules=(*rs.rules, rule)) for rs in shipped)
    with pytest.raises(RegistryError, match=rf"prize coefficient prize\.{code} is not"):
        Registry(with_rule, (*AWARDS, new))
    money = replace(coefficient("advanced_worker", None, "1.0", "QĐ 39/2024"), name=f"prize.{code}")
    complete = tuple(replace(rs, parameters=(*rs.parameters, money)) for rs in with_rule)
    assert Registry(complete, (*AWARDS, new)).get("R2022b").rule(code, COLLECTIVE) is rule


def _param(name: str):
    rule_set = "R2026" if name.startswith("regime.R2026") else "R2022b"
    return next(p for p in REGISTRY.get(rule_set).all_parameters() if p.name == name)


@pytest.mark.parametrize(
    ("name", "raw", "code"),
    [
        ("prize.advanced_worker", "1e30", "too_large"),
        ("prize.advanced_worker", 1e30, "too_large"),
        ("prize.advanced_worker", "-0.3", "too_small"),
        ("prize.advanced_worker", "0.125", "too_many_places"),
        ("prize.advanced_worker", "NaN", "not_number"),
        ("prize.advanced_worker", True, "not_number"),
        ("advanced_worker.min_months_worked", "13", "too_large"),
        ("advanced_worker.min_months_worked", "6.5", "not_integer"),
        ("vote.grassroots_emulation_fighter.min_percent", "40", "too_small"),
        ("vote.grassroots_emulation_fighter.min_percent", "101", "too_large"),
        ("regime.R2026.effective_from", "2025-02-30", "not_date"),
        ("regime.R2026.effective_from", "1999-12-31", "too_small"),
        ("prize.rounding", "sideways", "not_a_choice"),
        ("chain.exclusive_periods", "maybe", "not_bool"),
        ("discipline.barring_level", None, "required"),
    ],
)
def test_values_outside_the_type_or_legal_range_are_refused(name, raw, code):
    """Each parameter refuses what it cannot legally be, with a message in both languages."""
    with pytest.raises(ParameterError) as exc:
        _param(name).coerce(raw)
    assert exc.value.code == code
    assert exc.value.render("vi") and exc.value.render("en")


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [
        ("prize.advanced_worker", "0,35", Decimal("0.35")),
        ("prize.advanced_worker", "", None),
        ("advanced_worker.min_months_worked", " 5 ", 5),
        ("regime.R2026.effective_from", "01/10/2026", "2026-10-01"),
        ("chain.exclusive_periods", "không", False),
    ],
)
def test_values_are_read_as_an_officer_types_them(name, raw, value):
    """A Vietnamese decimal comma, a dd/mm/yyyy date and "có/không" are understood."""
    got = _param(name).coerce(raw)
    assert (got.isoformat() if hasattr(got, "isoformat") else got) == value


def test_the_command_line_refuses_an_out_of_range_parameter():
    """`--param prize.advanced_worker=1e30` is exit 2 with the reason, not a crash later."""
    err = io.StringIO()
    code = main(
        ["evaluate", "-", "--param", "prize.advanced_worker=1e30"],
        stdin=io.StringIO(
            '{"as_of": "2026-01-15", "year": 2025, "subject": {"kind": "individual"}}'
        ),
        stderr=err,
        stdout=io.StringIO(),
    )
    assert code == 2
    assert err.getvalue() == "prize.advanced_worker: must be at most 50\n"
