"""Where movements meet the commendation workflow (registration check, round) and the
indicators app (criteria scored from data)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import RoundKind, RoundState
from tdkt.commendations.flags import line_flags
from tdkt.commendations.models import Proposal, ProposalLine, Round
from tdkt.core.errors import ConflictError, PermissionDeniedError
from tdkt.indicators.services import indicators_import
from tdkt.movements import integration
from tdkt.movements.constants import CriterionSource, SheetState
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.services import can_open_round, movement_round_open, sheet_start
from tdkt.movements.sources import SourceQuery, provider_for
from tdkt.movements.workflow import movement_transition
from tdkt.rules.codes import ADVANCED_COLLECTIVE, ADVANCED_WORKER, GRASSROOTS_FIGHTER
from tests.indicators.helpers import indicator_file

from .registration_helpers import TODAY, open_year

pytestmark = pytest.mark.django_db


def test_proposal_lines_of_unregistered_recipients_are_flagged(registry):
    """Ánh registered LĐTT (approved): a CSTĐCS line for him is flagged, an LĐTT line not;
    the unit registered TT LĐTT; Đức's unit never registered."""
    y = open_year(registry, with_team=False)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    sheet_transition(actor=registry.officer, sheet=sheet, to_state=SheetState.APPROVED)
    round_ = Round.objects.create(
        name="Tổng kết năm 2020",
        kind=RoundKind.YEAR_END,
        year=2020,
        unit_deadline=date(2020, 12, 15),
    )
    proposal = Proposal.objects.create(round=round_, organization=registry.investment)
    lines = [
        ProposalLine.objects.create(proposal=proposal, person=registry.anh, code=ADVANCED_WORKER),
        ProposalLine.objects.create(
            proposal=proposal, person=registry.anh, code=GRASSROOTS_FIGHTER
        ),
        ProposalLine.objects.create(
            proposal=proposal, organization=registry.investment, code=ADVANCED_COLLECTIVE
        ),
        ProposalLine.objects.create(proposal=proposal, person=registry.duc, code=ADVANCED_WORKER),
    ]
    flagged = integration.unregistered_line_ids(round_, lines)
    assert flagged == {lines[1].pk, lines[3].pk}
    # Installed at start-up: the proposal's flags carry the same warning.
    flags = line_flags(proposal)
    assert [line.pk for line in lines if "not_registered" in flags[line.pk]] == [
        lines[1].pk,
        lines[3].pk,
    ]


class _Values:
    """Stands in for the indicators app's ``indicator_value_list`` queryset."""

    def __init__(self, rows):
        self.rows = rows

    def filter(self, **kw):
        return _Values(
            [
                r
                for r in self.rows
                if r.code == kw["indicator__code"]
                and r.organization == kw["organization"]
                and r.year == kw["year"]
            ]
        )

    def first(self):
        return self.rows[0] if self.rows else None


def test_indicator_and_procedure_shares_read_the_indicators_selectors(registry, monkeypatch):
    """% of plan of the unit's figure of the year; on-time share of the period's dossiers;
    no figure (or no plan) gives no share."""
    rows = [
        SimpleNamespace(
            code="doanh_thu",
            organization=registry.investment,
            year=2019,
            plan=Decimal(7_700_000_000),
            actual=Decimal(7_702_000_000),
        ),
        SimpleNamespace(
            code="xuat_khau", organization=registry.investment, year=2019, plan=None, actual=1
        ),
    ]
    calls = []

    def procedure_counts(**kw):
        calls.append(kw)
        return [{"resolved": 2000, "on_time": 1990}, {"resolved": 892, "on_time": 892}]

    fake = SimpleNamespace(
        indicator_value_list=lambda actor: _Values(rows), procedure_counts=procedure_counts
    )
    monkeypatch.setattr(integration, "indicator_selectors", fake)
    query = SourceQuery(
        organization=registry.investment,
        indicator_code="doanh_thu",
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 12, 31),
    )
    assert integration.indicator_share(query).quantize(Decimal("0.0001")) == Decimal("1.0003")
    assert (
        integration.indicator_share(
            SourceQuery(**{**query.__dict__, "indicator_code": "xuat_khau"})
        )
        is None
    )
    assert (
        integration.indicator_share(
            SourceQuery(**{**query.__dict__, "organization": registry.planning})
        )
        is None
    )
    assert integration.procedures_share(query) == Decimal(2882) / Decimal(2892)
    assert calls[0]["date_from"] == date(2019, 1, 1) and calls[0]["actor"] is None


def test_the_installed_indicators_app_answers_for_linked_criteria(registry):
    """The providers are registered at start-up and read the indicators app's
    real selectors: a unit's % of plan, and the on-time share of the period's dossiers."""
    assert provider_for(CriterionSource.INDICATOR) is integration.indicator_share
    assert provider_for(CriterionSource.PROCEDURES) is integration.procedures_share
    rows = [["lao_dong", "Lao động", "người", "Phòng Quản lý Đầu tư", 2019, 40, 38]]
    result = indicators_import(
        actor=registry.officer, data=indicator_file(rows), filename="chi-tieu.xlsx"
    )
    assert result.ok, result.errors
    query = SourceQuery(
        organization=registry.investment,
        indicator_code="lao_dong",
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 12, 31),
    )

    assert integration.indicator_share(query) == Decimal(38) / Decimal(40)
    assert integration.procedures_share(query) is None  # no dossier in the period


def _launched(w, capture):
    with capture(execute=True):
        movement_transition(actor=w.r.officer, movement=w.movement, to_state="launched")
    w.movement.refresh_from_db()


def test_a_thematic_movement_opens_its_round_once_through_the_commendation_service(
    w, django_capture_on_commit_callbacks
):
    assert can_open_round(w.movement) is False  # still a draft
    _launched(w, django_capture_on_commit_callbacks)
    assert can_open_round(w.movement) is True
    with pytest.raises(PermissionDeniedError):
        movement_round_open(
            actor=w.r.investment_head,
            movement=w.movement,
            unit_deadline=date(2019, 12, 10),
            accepted_codes=["certificate_of_merit"],
        )
    round_ = movement_round_open(
        actor=w.r.officer,
        movement=w.movement,
        unit_deadline=date(2019, 12, 10),
        accepted_codes=["certificate_of_merit"],
    )
    round_.refresh_from_db()
    assert round_.kind == RoundKind.THEMATIC and round_.year == 2019
    assert round_.state == RoundState.OPEN
    assert list(round_.accepted_codes) == ["certificate_of_merit"]
    assert (
        round_.name == "Khen thưởng chuyên đề phong trào “An toàn thực phẩm trong các KCN năm 2019”"
    )
    w.movement.refresh_from_db()
    assert w.movement.commendation_round == round_
    event = AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_ROUND_OPENED).get()
    assert event.changes["round"] == [None, round_.name]
    with pytest.raises(ConflictError, match="đã có đợt xét"):
        movement_round_open(
            actor=w.r.officer,
            movement=w.movement,
            unit_deadline=date(2019, 12, 10),
            accepted_codes=["certificate_of_merit"],
        )
