"""Officers set local rule parameters within their legal ranges; every change is audited."""

from __future__ import annotations

import html
import json

import pytest
from django.core.management import call_command

from tdkt import rules
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.models import RuleParameterOverride
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.services import (
    ParameterChangedError,
    rule_parameter_clear,
    rule_parameter_set,
    version_of,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

from .pages import giveaways, main_text

pytestmark = pytest.mark.django_db

SHARE = "advanced_collective.min_advanced_worker_percent"
PAGE = "/rules/parameters/?rule_set=R2022b"
R2022B = "Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP"


def _effective(rule_set: str, name: str):
    values = {pv.parameter.name: pv for pv in rules.list_parameters(rule_set, rule_overrides())}
    return values[name]


def test_officer_sets_a_local_percentage_and_the_engine_uses_it(registry):
    """Hanoi's own TT LĐTT share replaces the default; value and basis are audited."""
    rule_parameter_set(
        actor=registry.officer, name=SHARE, value="65", basis="QĐ 32/2024/QĐ-UBND (giả định)"
    )
    value = _effective("R2022b", SHARE)
    assert value.overridden and value.value == 65
    event = AuditEvent.objects.filter(event_type=AuditEventType.RULE_PARAMETER_SET).get()
    assert event.actor == registry.officer
    assert event.changes["value"] == [None, "65"]
    assert event.changes["basis"] == [None, "QĐ 32/2024/QĐ-UBND (giả định)"]


def test_a_change_records_the_previous_value_and_basis(registry):
    """The second change of a value says what it replaced."""
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="QĐ A")
    rule_parameter_set(actor=registry.officer, name=SHARE, value="0,6e2", basis="QĐ B")
    event = AuditEvent.objects.filter(event_type=AuditEventType.RULE_PARAMETER_SET).first()
    assert event.changes == {"value": ["65", "60"], "basis": ["QĐ A", "QĐ B"]}


def test_scoped_override_applies_to_one_rule_set_and_wins_over_a_plain_one(registry):
    """A value set for R2022a leaves R2022b on the value set for every rule set."""
    rule_parameter_set(actor=registry.officer, name=SHARE, value="55", basis="tất cả")
    rule_parameter_set(
        actor=registry.officer, name=SHARE, value="60", basis="thử nghiệm", rule_set="R2022a"
    )
    assert _effective("R2022a", SHARE).value == 60
    assert _effective("R2022b", SHARE).value == 55


@pytest.mark.parametrize(
    ("name", "value", "field", "message"),
    [
        ("no.such.parameter", "1", "name", "Không tồn tại."),
        (SHARE, "bảy mươi", "value", 'Cần một số, không phải "bảy mươi".'),
        (SHARE, "170", "value", "Không được lớn hơn 100."),
        ("prize.advanced_worker", "1e30", "value", "Không được lớn hơn 50."),
        ("prize.advanced_worker", "0,125", "value", "Chỉ được có tối đa 2 chữ số sau dấu phẩy."),
        ("advanced_worker.min_months_worked", "13", "value", "Không được lớn hơn 12."),
        ("prize.rounding", "sideways", "value", "Cần một trong: «làm tròn lên»"),
    ],
)
def test_values_outside_the_legal_range_are_refused_and_nothing_is_stored(
    registry, name, value, field, message
):
    """Unknown names and values of the wrong type or range are refused in Vietnamese."""
    with pytest.raises(ApplicationError) as exc:
        rule_parameter_set(actor=registry.officer, name=name, value=value, basis="x")
    assert exc.value.fields[field][0].startswith(message)
    assert not RuleParameterOverride.objects.exists()


def test_a_parameter_the_rule_set_does_not_have_is_refused(registry):
    """The R2013 Huân chương streak does not exist under R2022b."""
    with pytest.raises(ApplicationError) as exc:
        rule_parameter_set(
            actor=registry.officer,
            name="labour_order_third_class.consecutive_years",
            value="5",
            basis="x",
            rule_set="R2022b",
        )
    assert "rule_set" in exc.value.fields


def test_only_board_wide_writers_change_parameters(registry):
    """Unit heads, council members, leaders and viewers may read but not change the rules."""
    for actor in (registry.investment_head, registry.council, registry.leader, registry.viewer):
        with pytest.raises(PermissionDeniedError):
            rule_parameter_set(actor=actor, name=SHARE, value="50", basis="x")
        with pytest.raises(PermissionDeniedError):  # before the input is even looked at
            rule_parameter_set(actor=actor, name="nonsense", value=object(), basis="")
    assert not RuleParameterOverride.objects.exists()


def test_clear_returns_to_default_and_is_audited(registry):
    """Clearing a local value restores the engine default and records what was removed."""
    rule_parameter_set(actor=registry.officer, name=SHARE, value="65", basis="x")
    rule_parameter_clear(actor=registry.officer, key=SHARE)
    assert not _effective("R2022b", SHARE).overridden
    event = AuditEvent.objects.filter(event_type=AuditEventType.RULE_PARAMETER_CLEARED).get()
    assert event.changes["value"] == ["65", None]


def test_two_officers_never_silently_overwrite_each_other(registry, db):
    """An officer saving over a value changed since they read it gets a conflict (409)."""
    seen = version_of(None)
    rule_parameter_set(
        actor=registry.officer, name=SHARE, value="65", basis="A", expected_version=seen
    )
    with pytest.raises(ParameterChangedError) as exc:
        rule_parameter_set(
            actor=registry.admin, name=SHARE, value="60", basis="B", expected_version=seen
        )
    assert exc.value.status == 409
    assert RuleParameterOverride.objects.get(key=SHARE).value == "65"
    current = version_of(RuleParameterOverride.objects.get(key=SHARE))
    rule_parameter_set(
        actor=registry.admin, name=SHARE, value="60", basis="B", expected_version=current
    )
    assert RuleParameterOverride.objects.get(key=SHARE).value == "60"


def test_a_stored_value_outside_the_range_falls_back_to_the_default(registry, client):
    """A value saved before the ranges existed (1e30) never breaks an evaluation: the default
    applies and the page tells the officer to fix it."""
    RuleParameterOverride.objects.create(key="prize.advanced_worker", value="1e30", basis="cũ")
    assert "prize.advanced_worker" not in rule_overrides()
    client.force_login(registry.officer)
    text = main_text(html.unescape(client.get(PAGE).content.decode()))
    assert "Giá trị này không còn hợp lệ; hệ thống đang dùng giá trị mặc định." in text
    response = client.post(
        "/api/v1/rules/evaluate/",
        json.dumps({"as_of": "2026-01-15", "year": 2025, "subject": {"kind": "individual"}}),
        content_type="application/json",
    )
    assert response.status_code == 200


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


# --- the page --------------------------------------------------------------------------------


def _text(response) -> str:
    assert response.status_code == 200
    return main_text(html.unescape(response.content.decode()))


def test_parameters_page_reads_in_vietnamese(client, registry):
    """Labels, units, choices, yes/no and dates in Vietnamese; no engine words or codes."""
    client.force_login(registry.council)
    text = _text(client.get(PAGE))
    for shown in (
        "Hệ số tiền thưởng Lao động tiên tiến",
        "0,3 × lương cơ sở",
        "Cách làm tròn tiền thưởng",
        "làm tròn lên",
        "6 tháng",
        "80% tổng số thành viên Hội đồng",
        "khiển trách",
        "Không tính trùng thời kỳ",
        "Ngày bắt đầu áp dụng Luật TĐKT 2022 + Nghị định 152/2025/NĐ-CP",
        "01/07/2025",
        "chưa xác minh",
    ):
        assert shown in text, shown
    assert giveaways(text) == []
    assert "Sửa" not in text  # a council member reads, nothing to edit


def test_officer_saves_a_value_and_sees_it_confirmed_with_its_basis(client, registry):
    """After saving: a clear message with the new value and where it applies; the row shows
    the legal basis typed, who typed it and when."""
    client.force_login(registry.officer)
    assert "Sửa" in _text(client.get(PAGE))
    response = client.post(
        PAGE, {"name": SHARE, "value": "65", "scope": "one", "basis": "QĐ 32/2024/QĐ-UBND, Điều 8"}
    )
    assert response.status_code == 302
    assert RuleParameterOverride.objects.get(key=f"R2022b:{SHARE}").value == "65"
    text = _text(client.get(response["Location"]))
    assert (
        "Đã lưu «Tỷ lệ Lao động tiên tiến của Tập thể lao động tiên tiến»: giá trị mới 65%, "
        f"áp dụng cho {R2022B}." in text
    )
    assert "Căn cứ đã ghi: QĐ 32/2024/QĐ-UBND, Điều 8" in text
    assert f"áp dụng cho {R2022B}" in text
    assert giveaways(text) == []


def test_a_change_for_every_rule_set_says_so(client, registry):
    """Choosing "every rule set" stores a plain value and the message says where it applies."""
    client.force_login(registry.officer)
    response = client.post(PAGE, {"name": SHARE, "value": "65", "scope": "all", "basis": "QĐ"})
    text = _text(client.get(response["Location"]))
    assert "áp dụng cho mọi bộ quy tắc có tham số này." in text
    assert RuleParameterOverride.objects.get(key=SHARE).value == "65"


def test_an_out_of_range_value_is_shown_under_the_input_and_nothing_changes(client, registry):
    """A prize coefficient of 1e30 is refused on the page in Vietnamese."""
    client.force_login(registry.officer)
    response = client.post(
        PAGE, {"name": "prize.advanced_worker", "value": "1e30", "scope": "one", "basis": "x"}
    )
    text = _text(response)
    assert "Không được lớn hơn 50." in text
    assert not RuleParameterOverride.objects.exists()


def test_the_second_of_two_editors_is_told_instead_of_overwriting(client, registry):
    """Two officers open the same value; the later save is refused with an explanation."""
    client.force_login(registry.officer)
    form = {"name": SHARE, "value": "65", "scope": "one", "basis": "A", "version_one": ""}
    assert client.post(PAGE, form).status_code == 302
    text = _text(client.post(PAGE, {**form, "value": "60", "basis": "B"}))
    assert "Tham số vừa được người khác thay đổi." in text
    assert RuleParameterOverride.objects.get(key=f"R2022b:{SHARE}").value == "65"


def test_read_only_user_cannot_post_parameters(client, registry):
    """A council member's POST is refused (403) before its content is read, and audited."""
    client.force_login(registry.council)
    response = client.post(PAGE, {"name": "nonsense", "value": "?"})
    assert response.status_code == 403
    assert not RuleParameterOverride.objects.exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).exists()
