"""The demo's initiative sessions: a decided 2025 one feeding the archive, an open one now."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tdkt.commendations.adapters import group_history, history_rows
from tdkt.commendations.models import Initiative
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import InitiativeApplication, InitiativeCouncil

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_the_2025_session_recognised_two_initiatives_into_the_archive(seeded):
    council = InitiativeCouncil.objects.get(year=2025)
    assert council.state == CouncilState.DECIDED
    states = sorted(council.applications.values_list("state", flat=True))
    assert states == [
        ApplicationState.NOT_RECOGNISED,
        ApplicationState.RECOGNISED,
        ApplicationState.RECOGNISED,
    ]
    recognised = Initiative.objects.filter(decision_number="25/QĐ-BQL", year=2025)
    # One row per author: Đạt alone, then Ánh and Đạt together.
    assert recognised.count() == 3
    assert {row.person.full_name for row in recognised} == {"Đinh Quang Đạt", "Nguyễn Văn Ánh"}
    # The rule engine's adapter reads Đạt's two as unused cơ sở initiatives of 2025.
    dat = recognised.filter(person__full_name="Đinh Quang Đạt")
    ids = {str(pk) for pk in dat.values_list("pk", flat=True)}
    history = group_history(history_rows(people=dat.values("person")))
    seen = {i.id: i for h in history.values() for i in h.initiatives}
    assert len(ids) == 2
    assert all(
        (seen[i].year, seen[i].scope, seen[i].used_for) == (2025, "grassroots", None) for i in ids
    )
    rejected = council.applications.get(state=ApplicationState.NOT_RECOGNISED)
    assert rejected.reviews.exclude(comment="").exists()


def test_the_current_session_has_work_for_each_role(seeded):
    council = InitiativeCouncil.objects.get(year=timezone.localdate().year)
    assert council.state == CouncilState.OPEN
    states = set(
        InitiativeApplication.objects.filter(year=council.year).values_list("state", flat=True)
    )
    assert states == {
        ApplicationState.IN_REVIEW,
        ApplicationState.SUBMITTED,
        ApplicationState.DRAFT,
    }


def test_a_second_load_writes_no_session(seeded):
    before = (InitiativeCouncil.objects.count(), InitiativeApplication.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (InitiativeCouncil.objects.count(), InitiativeApplication.objects.count()) == before
