"""Officers set local rule parameters; the engine and the pages use them; changes are audited."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from tdkt import rules
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.models import RuleParameterOverride
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.services import rule_parameter_clear, rule_parameter_set
from tdkt.core.errors import ApplicationError, PermissionDeniedError

pytestmark = pytest.mark.django_db

SHARE = "advanced_collective.min_advanced_worker_percent"


def _effective(rule_set: str, name: str):
    values = {pv.parameter.name: pv for pv in rules.list_parameters(rule_set, rule_overrides())}
    return values[name]


def test_officer_sets_a_local_percentage_and_the_engine_uses_it(registry):
    """Hanoi's own TT LĐTT share replaces the default and is recorded with its basis."""
    rule_parameter_set(
        actor=registry.officer, name=SHARE, value="65", basis="QĐ 32/2024/QĐ-UBND (giả định)"
    )
    value = _effective("R2022b", SHARE)
    assert value.overridden and value.value == 65
    event = AuditEvent.objects.filter(event_type=AuditEventType.RULE_PARAMETER_SET).get()
    assert event.actor == registry.officer
    assert event.changes["value"] == [None, "65"]


def test_scoped_override_applies_to_one_rule_set_only(registry):
    """A value set for R2022a leaves R2022b on its default."""
    rule_parameter_set(
        actor=registry.officer, name=SHARE, value="60", basis="thử nghiệm", rule_set="R2022a"
    )
    assert _effective("R2022a", SHARE).value == 60
    assert not _effective("R2022b", SHARE).overridden


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("no.such.parameter", "1", "name"),
        (SHARE, "bảy mươi", "value"),
        ("prize.rounding", "sideways", "value"),
    ],
)
def test_bad_parameters_are_refused_and_nothing_is_stored(registry, name, value, field):
    """Unknown names and values of the wrong type are refused with a message; nothing changes."""
    with pytest.raises(ApplicationError) as exc:
        rule_parameter_set(actor=registry.officer, name=name, value=value, basis="x")
    assert field in exc.value.fields
    assert not RuleParameterOverride.objects.exists()


def test_only_board_wide_writers_change_parameters(registry):
    """Unit heads, council members and leaders may read but not change the rules."""
    for actor in (registry.investment_head, registry.council, registry.leader):
        with pytest.raises(PermissionDeniedError):
            rule_parameter_set(actor=actor, name=SHARE, value="50", basis="x")
    assert not RuleParameterOverride.objects.exists()


def test_clear_returns_to_default(registry):
    """Clearing a local value restores the engine default and is audited."""
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="x")
    rule_parameter_clear(actor=registry.officer, key=SHARE)
    assert not _effective("R2022b", SHARE).overridden
    assert AuditEvent.objects.filter(event_type=AuditEventType.RULE_PARAMETER_CLEARED).exists()


def test_rules_command_applies_officer_parameters(registry, tmp_path, capsys):
    """`tdkt rules evaluate` uses the values officers set: 13 of 20 LĐTT passes at 65 %."""
    case = {
        "as_of": "2026-01-15",
        "year": 2025,
        "subject": {"kind": "collective"},
        "collective": {
            "rating": "good",
            "members": 20,
            "members_completing_tasks": 20,
            "members_advanced_worker": 13,
            "members_grassroots_fighter": 0,
            "members_disciplined_warning_or_above": 0,
        },
        "candidates": ["advanced_collective"],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")

    def eligible() -> bool:
        call_command("rules", "evaluate", str(path))  # exit code 0: no SystemExit
        return json.loads(capsys.readouterr().out)["results"][0]["eligible"]

    assert eligible() is False
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="x")
    assert eligible() is True


def test_parameter_page_lists_unverified_values_and_lets_officer_edit(client, registry):
    """The officer sees UNVERIFIED flags and saves a value with its basis through the page."""
    client.force_login(registry.officer)
    page = client.get("/rules/parameters/?rule_set=R2022b")
    assert page.status_code == 200
    assert "chưa xác minh" in page.content.decode()
    response = client.post(
        "/rules/parameters/?rule_set=R2022b",
        {"name": SHARE, "value": "65", "basis": "QĐ thành phố"},
    )
    assert response.status_code == 302
    assert RuleParameterOverride.objects.get(key=SHARE).value == "65"
    bad = client.post(
        "/rules/parameters/?rule_set=R2022b", {"name": SHARE, "value": "abc", "basis": "x"}
    )
    assert bad.status_code == 200
    assert RuleParameterOverride.objects.get(key=SHARE).value == "65"


def test_read_only_user_cannot_post_parameters(client, registry):
    """A council member reads the page but a POST is refused (403) and audited."""
    client.force_login(registry.council)
    assert client.get("/rules/parameters/").status_code == 200
    response = client.post("/rules/parameters/", {"name": SHARE, "value": "1", "basis": "x"})
    assert response.status_code == 403
    assert not RuleParameterOverride.objects.exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).exists()


def test_explain_page_shows_conditions_with_citations(client, registry):
    """A unit head opens a title and reads its conditions and the article they come from."""
    client.force_login(registry.investment_head)
    page = client.get("/rules/provincial_emulation_fighter/?rule_set=R2022b").content.decode()
    assert "Chiến sĩ thi đua" in page
    assert "Điều 22" in page or "Art" in page
