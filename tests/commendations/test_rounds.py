"""Officers open, change and close rounds; everybody reads them; deadlines in working days."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import RoundKind, RoundState
from tdkt.commendations.models import Round
from tdkt.commendations.selectors import round_deadline, round_list
from tdkt.commendations.services import round_create, round_set_state, round_update
from tdkt.core.errors import ApplicationError, PermissionDeniedError

pytestmark = pytest.mark.django_db


def _open(actor, **changes):
    values = {
        "name": "Khen thưởng chuyên đề",
        "kind": RoundKind.THEMATIC,
        "year": 2025,
        "accepted_codes": ["certificate_of_merit"],
        "unit_deadline": date(2025, 12, 10),
    }
    return round_create(actor=actor, **{**values, **changes})


def test_an_officer_opens_a_round_in_the_engines_order_of_codes(registry):
    """Codes are kept once, in the rule engine's order; the opening is audited."""
    round_ = _open(
        registry.officer,
        accepted_codes=["certificate_of_merit", "advanced_worker", "certificate_of_merit"],
    )
    assert round_.state == RoundState.OPEN
    assert round_.accepted_codes == ["advanced_worker", "certificate_of_merit"]
    event = AuditEvent.objects.get(event_type=AuditEventType.ROUND_CREATED)
    assert event.changes["accepted_codes"][1] == ["Lao động tiên tiến", "Giấy khen"]


@pytest.mark.parametrize("who", ["investment_head", "viewer", "leader", "enterprise_rep"])
def test_only_officers_open_or_change_rounds(registry, round_2019, who):
    """Everyone else is refused (403) and nothing changes."""
    actor = getattr(registry, who)
    with pytest.raises(PermissionDeniedError):
        _open(actor)
    with pytest.raises(PermissionDeniedError):
        round_update(actor=actor, round=round_2019, name="Khác")
    with pytest.raises(PermissionDeniedError):
        round_set_state(actor=actor, round=round_2019, state=RoundState.CLOSED)
    assert Round.objects.count() == 1 and Round.objects.get().state == RoundState.OPEN


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"accepted_codes": []}, "accepted_codes"),
        ({"accepted_codes": ["gold_star"]}, "accepted_codes"),
        ({"rule_set": "R1999"}, "rule_set"),
        ({"kind": "monthly"}, "kind"),
        ({"year": 1990}, "year"),
    ],
)
def test_a_bad_round_is_refused_field_by_field(registry, changes, field):
    """Each bad value is reported on its field, in Vietnamese; nothing is written."""
    with pytest.raises(ApplicationError) as caught:
        _open(registry.officer, **changes)
    assert field in caught.value.fields
    assert not Round.objects.exists()


def test_a_stale_edit_of_a_round_is_refused(registry, round_2019):
    """Two officers edit the same round: the second, working on an old page, is told so."""
    seen = round_2019.version
    round_update(
        actor=registry.officer, round=round_2019, name="Tổng kết 2019", expected_version=seen
    )
    with pytest.raises(ApplicationError, match="người khác thay đổi"):
        round_update(actor=registry.admin, round=round_2019, year=2018, expected_version=seen)
    round_2019.refresh_from_db()
    assert (round_2019.name, round_2019.year) == ("Tổng kết 2019", 2019)


def test_closing_and_reopening_are_audited(registry, round_2019):
    """A closed round is no longer open; reopening is its own event."""
    round_set_state(actor=registry.officer, round=round_2019, state=RoundState.CLOSED)
    round_set_state(actor=registry.officer, round=round_2019, state=RoundState.OPEN)
    kinds = list(
        AuditEvent.objects.filter(object_id=str(round_2019.uuid))
        .order_by("seq")
        .values_list("event_type", flat=True)
    )
    assert kinds == [
        AuditEventType.ROUND_CREATED,
        AuditEventType.ROUND_CLOSED,
        AuditEventType.ROUND_REOPENED,
    ]


def test_deadline_counts_working_days_without_tet(round_2019):
    """From Friday 24/01/2025 to Monday 10/02/2025 there are only 6 working days (3–7 and
    10 February): the Tết holiday (25/01–02/02/2025) is not counted; after the deadline the
    days are late ones."""
    round_2019.unit_deadline = date(2025, 2, 10)
    deadline = round_deadline(round_2019, today=date(2025, 1, 24))
    assert deadline.days_left == 6 and not deadline.overdue
    late = round_deadline(round_2019, today=date(2025, 2, 12))
    assert late.overdue and late.days_late == 2


def test_rounds_are_read_by_anyone_with_a_scope(registry, round_2019):
    """Units see the rounds; someone who may see nothing (signed out) sees none."""
    assert list(round_list(actor=registry.viewer)) == [round_2019]
    assert list(round_list(actor=AnonymousUser())) == []
