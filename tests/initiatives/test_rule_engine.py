"""A recognised application reaches the rule engine through the archive, once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tdkt.commendations.adapters import RoundTerms, judge
from tdkt.commendations.models import Award, Initiative
from tdkt.commendations.selectors.cases import Subjects, build_cases
from tdkt.initiatives.services import council_decide, review_save
from tdkt.rules import UnitCase
from tests.commendations.conftest import give_history

from .conftest import closed, in_review

pytestmark = pytest.mark.django_db

FIGHTER = "grassroots_emulation_fighter"


def _anh_is_fighter(registry) -> bool:
    """Ask the engine, through the one adapter, whether Ánh may be CSTĐCS for 2019 (R2013:
    Lao động tiên tiến and a recognised, unused initiative are both required)."""
    terms = RoundTerms(
        year=2019, as_of=date(2019, 12, 10), rule_set="auto", codes=("advanced_worker", FIGHTER)
    )
    cases = build_cases(Subjects(people=[registry.anh.pk]), terms)
    verdicts = judge(UnitCase(as_of=terms.as_of, year=2019, cases=tuple(cases))).verdicts
    return {v.code: v.eligible for v in verdicts[f"p{registry.anh.pk}"]}[FIGHTER]


def _recognise(cast):
    application = in_review(cast)
    for user in (cast.duc_user, cast.registry.leader):
        review_save(
            actor=user,
            application=application,
            points={c.pk: Decimal(25) for c in cast.council.criteria.all()},
        )
    council = closed(cast)
    council_decide(
        actor=cast.registry.officer,
        council=council,
        decision_number="12/QĐ-BQL",
        decision_date=date(2019, 11, 20),
        signer="Trưởng ban",
    )
    return application


def test_a_recognised_application_makes_its_author_eligible_by_the_initiative_route(cast):
    """Before the decision Ánh lacks an initiative for CSTĐCS 2019; after it, Ánh qualifies."""
    registry = cast.registry
    give_history(registry, registry.anh)
    assert _anh_is_fighter(registry) is False
    _recognise(cast)
    assert _anh_is_fighter(registry) is True


def test_the_recognised_initiative_cannot_serve_twice(cast):
    """Once the initiative has served an award (``used_for``), the engine no longer counts it."""
    registry = cast.registry
    give_history(registry, registry.anh)
    application = _recognise(cast)
    initiative = Initiative.objects.get(person=registry.anh)
    assert application.authors.get().initiative == initiative
    award = Award.objects.filter(person=registry.anh).first()
    Initiative.objects.filter(pk=initiative.pk).update(used_for=award)
    assert _anh_is_fighter(registry) is False


def test_not_recognised_applications_give_nothing_to_the_engine(cast):
    """An application below the pass mark leaves the archive and the verdict unchanged."""
    registry = cast.registry
    give_history(registry, registry.anh)
    application = in_review(cast)
    review_save(
        actor=cast.duc_user,
        application=application,
        points={c.pk: Decimal(5) for c in cast.council.criteria.all()},
    )
    council = closed(cast)
    council_decide(
        actor=registry.officer,
        council=council,
        decision_number="12/QĐ-BQL",
        decision_date=date(2019, 11, 20),
        signer="Trưởng ban",
    )
    assert not Initiative.objects.exists()
    assert _anh_is_fighter(registry) is False
