"""The demo's 2019 movements from the article and the registrations of 2019 and 2020."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tdkt.movements.constants import MovementState, SheetState
from tdkt.movements.models import Movement, RegistrationCampaign, RegistrationSheet
from tdkt.movements.selectors import movement_score_table, registration_dashboard

from .test_seed_demo import seeded  # noqa: F401 (the module's seeded database)

pytestmark = pytest.mark.django_db


def test_the_articles_movements_with_their_plans(seeded):  # noqa: F811
    """163/KH-BQL (food safety), 1445/KH-BQL (Người tốt, việc tốt), 136/KH-BQL (reform,
    relaying 08-CTr/TU), the five-year movements, and the 2020 movement launched."""
    plans = dict(Movement.objects.exclude(plan_number="").values_list("plan_number", "code"))
    assert plans == {
        "163/KH-BQL": "ATTP-2019",
        "1445/KH-BQL": "NTVT-2019",
        "136/KH-BQL": "CCHC-2019",
    }
    food = Movement.objects.get(code="ATTP-2019")
    assert (food.state, food.plan_date.isoformat(), food.launched_on.isoformat()) == (
        "closed",
        "2019-01-23",
        "2019-01-25",
    )
    assert "08-CTr/TU" in Movement.objects.get(code="CCHC-2019").higher_movement_text
    kinds = dict(Movement.objects.values_list("code", "kind"))
    assert kinds["DNHN-1620"] == kinds["NTM-1620"] == "five_year"
    assert Movement.objects.get(code="TĐYN-2020").state == MovementState.LAUNCHED


def test_the_2019_movement_ranks_every_unit(seeded):  # noqa: F811
    movement = Movement.objects.get(code="KCLC-2019")
    table = movement_score_table(actor=None, movement=movement)
    assert len(table.rows) == 8
    assert all(row.result.complete for row in table.rows)
    assert table.rows[0].participant.organization.name == "Phòng Quản lý Đầu tư"
    assert table.rows[0].result.rank == 1


def test_registrations_of_2019_are_approved_and_2020_shows_every_state(seeded):  # noqa: F811
    y2019, y2020 = (RegistrationCampaign.objects.get(year=y) for y in (2019, 2020))
    assert (y2019.state, y2020.state, y2020.target_percent) == ("closed", "open", 100)
    assert set(y2019.sheets.values_list("state", flat=True)) == {SheetState.APPROVED}
    states = set(y2020.sheets.values_list("state", flat=True))
    assert states == {SheetState.APPROVED, SheetState.RETURNED, SheetState.SUBMITTED}
    rows = registration_dashboard(actor=None, campaign=y2020)
    assert len(rows) == 8
    assert [r.organization.name for r in rows if r.sheet is None] == [
        "Văn phòng đại diện Ban Quản lý"
    ]
    assert any(r.meets_target for r in rows) and not all(r.meets_target for r in rows)
    # 2020 sheets started from 2019's: the 2019 fighters are still on them.
    investment = RegistrationSheet.objects.get(
        campaign=y2020, organization__name="Phòng Quản lý Đầu tư"
    )
    assert investment.lines.filter(code="grassroots_emulation_fighter").exists()
    assert investment.lines.filter(code="excellent_collective").exists()


def test_a_second_seed_adds_no_movement_or_registration(seeded):  # noqa: F811
    before = (Movement.objects.count(), RegistrationSheet.objects.count())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing to do" in out.getvalue()
    assert (Movement.objects.count(), RegistrationSheet.objects.count()) == before
