"""The archive services record awards, ratings, initiatives and disciplines, once, audited."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import AwardOrigin, AwardStatus, IssuerLevel
from tdkt.commendations.models import Award, Discipline, Initiative, YearlyRating
from tdkt.commendations.services import (
    AwardEntry,
    DisciplineEntry,
    InitiativeEntry,
    RatingEntry,
    awards_record,
    disciplines_record,
    initiatives_record,
    ratings_record,
)
from tdkt.core.errors import ApplicationError, PermissionDeniedError

pytestmark = pytest.mark.django_db


def _award(registry, **changes):
    values = {
        "person": registry.anh,
        "code": "advanced_worker",
        "year": 2019,
        "decision_number": "15/QĐ-BQL",
        "decision_date": date(2020, 1, 10),
    }
    return AwardEntry(**{**values, **changes})


def test_an_award_is_recorded_once_with_its_issuer_level_and_an_audit_event(registry):
    """The first recording creates the award (imported, granted, Board level by its code);
    recording the same award again changes nothing and records nothing."""
    first = awards_record(actor=registry.officer, entries=[_award(registry)])
    assert first.outcomes == ["created"]
    award = Award.objects.get()
    assert (award.status, award.origin) == (AwardStatus.GRANTED, AwardOrigin.IMPORTED)
    assert award.issuer_level == IssuerLevel.DEPARTMENT
    assert award.recipient_name == "Nguyễn Văn Ánh" and award.search_key == "nguyen van anh"
    events = AuditEvent.objects.filter(event_type=AuditEventType.AWARD_RECORDED)
    assert events.count() == 1 and events.get().object_id == str(award.uuid)
    again = awards_record(actor=registry.officer, entries=[_award(registry)])
    assert again.outcomes == ["unchanged"]
    assert Award.objects.count() == 1 and events.count() == 1


def test_a_provincial_title_gets_the_province_level(registry):
    """Without an explicit issuer level, a Bằng khen of the City is a provincial award."""
    awards_record(
        actor=registry.officer,
        entries=[_award(registry, code="provincial_certificate_of_commendation")],
    )
    assert Award.objects.get().issuer_level == IssuerLevel.PROVINCE


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "gold_star"}, "code", "Không có danh hiệu"),
        ({"code": "advanced_collective"}, "code", "không xét cho cá nhân"),
        ({"year": 1900}, "year", "Năm phải trong khoảng"),
        ({"year": 2019, "period_end_year": 2018}, "period_end_year", "sau năm bắt đầu"),
        ({"decision_number": "QĐ số 15"}, "decision_number", "số/ký hiệu"),
        ({"decision_date": date(2018, 5, 1)}, "decision_date", "sau năm thành tích"),
        ({"prize_vnd": -1}, "prize_vnd", "không được âm"),
    ],
)
def test_a_bad_award_is_refused_with_a_vietnamese_message_and_nothing_is_written(
    registry, changes, field, message
):
    """Every rule of an award names its field; the whole batch is refused."""
    entries = [_award(registry, year=2018), _award(registry, **changes)]
    with pytest.raises(ApplicationError, match=message) as caught:
        awards_record(actor=registry.officer, entries=entries)
    assert field in caught.value.fields and caught.value.extra["index"] == 1
    assert not Award.objects.exists()


def test_a_collective_title_goes_to_an_organisation(registry):
    """A collective award names the organisation, not a person."""
    awards_record(
        actor=registry.officer,
        entries=[
            AwardEntry(
                organization=registry.investment,
                code="advanced_collective",
                year=2019,
                decision_number="13/QĐ-BQL",
            )
        ],
    )
    award = Award.objects.get()
    assert award.organization == registry.investment and award.person is None
    with pytest.raises(ApplicationError, match="không xét cho tập thể"):
        awards_record(
            actor=registry.officer,
            entries=[
                AwardEntry(
                    organization=registry.investment,
                    code="advanced_worker",
                    year=2019,
                    decision_number="13/QĐ-BQL",
                )
            ],
        )


@pytest.mark.parametrize("who", ["investment_head", "viewer", "leader", "council"])
def test_only_officers_add_awards_initiatives_and_disciplines(registry, who):
    """Awards, initiatives and disciplines are legal acts copied by the emulation office."""
    actor = getattr(registry, who)
    with pytest.raises(PermissionDeniedError):
        awards_record(actor=actor, entries=[_award(registry)])
    with pytest.raises(PermissionDeniedError):
        initiatives_record(
            actor=actor,
            entries=[
                InitiativeEntry(person=registry.anh, title="X", year=2019, scope="grassroots")
            ],
        )
    with pytest.raises(PermissionDeniedError):
        disciplines_record(
            actor=actor,
            entries=[DisciplineEntry(person=registry.anh, year=2019, level="reprimand")],
        )
    assert not (
        Award.objects.exists() or Initiative.objects.exists() or Discipline.objects.exists()
    )


def test_a_rating_is_added_then_changed_then_left_alone(registry):
    """A new year is created, a different rating replaces the old one (both audited on the
    person), and the same rating again changes nothing."""
    entry = RatingEntry(person=registry.anh, year=2019, rating="good")
    assert ratings_record(actor=registry.officer, entries=[entry]).outcomes == ["created"]
    changed = RatingEntry(person=registry.anh, year=2019, rating="excellent")
    assert ratings_record(actor=registry.officer, entries=[changed]).outcomes == ["updated"]
    assert ratings_record(actor=registry.officer, entries=[changed]).outcomes == ["unchanged"]
    assert YearlyRating.objects.get().rating == "excellent"
    kinds = list(
        AuditEvent.objects.filter(object_id=str(registry.anh.uuid))
        .order_by("seq")
        .values_list("event_type", flat=True)
    )
    assert kinds[-2:] == [AuditEventType.RATING_RECORDED, AuditEventType.RATING_UPDATED]


def test_a_unit_head_rates_their_own_people_and_unit_only(registry):
    """A head rates their unit's people and the unit itself; another unit's person is 403."""
    ratings_record(
        actor=registry.investment_head,
        entries=[
            RatingEntry(person=registry.anh, year=2019, rating="good"),
            RatingEntry(organization=registry.investment, year=2019, rating="excellent"),
        ],
    )
    assert YearlyRating.objects.count() == 2
    with pytest.raises(PermissionDeniedError):
        ratings_record(
            actor=registry.investment_head,
            entries=[RatingEntry(person=registry.duc, year=2019, rating="good")],
        )
    with pytest.raises(PermissionDeniedError):
        ratings_record(
            actor=registry.viewer,
            entries=[RatingEntry(person=registry.anh, year=2018, rating="good")],
        )
    assert YearlyRating.objects.count() == 2


def test_two_ratings_of_the_same_year_in_one_batch_are_refused(registry):
    """Which of two ratings of 2019 is right? Neither is written."""
    with pytest.raises(ApplicationError, match="Trùng xếp loại"):
        ratings_record(
            actor=registry.officer,
            entries=[
                RatingEntry(person=registry.anh, year=2019, rating="good"),
                RatingEntry(person=registry.anh, year=2019, rating="excellent"),
            ],
        )
    with pytest.raises(ApplicationError, match="không hợp lệ"):
        ratings_record(
            actor=registry.officer,
            entries=[RatingEntry(person=registry.anh, year=2019, rating="great")],
        )
    assert not YearlyRating.objects.exists()


def test_initiatives_and_disciplines_are_kept_once(registry):
    """The same initiative title (whatever its accents) and year, or the same discipline of
    the same decision, is recorded once."""
    initiative = InitiativeEntry(
        person=registry.anh, title="Số hoá hồ sơ", year=2019, scope="grassroots"
    )
    assert initiatives_record(actor=registry.officer, entries=[initiative]).outcomes == ["created"]
    same = InitiativeEntry(person=registry.anh, title="so hoa ho so", year=2019, scope="grassroots")
    assert initiatives_record(actor=registry.officer, entries=[same]).outcomes == ["unchanged"]
    discipline = DisciplineEntry(
        person=registry.anh, year=2019, level="reprimand", decision_number="45/QĐ-BQL"
    )
    assert disciplines_record(actor=registry.officer, entries=[discipline]).outcomes == ["created"]
    assert disciplines_record(actor=registry.officer, entries=[discipline]).outcomes == [
        "unchanged"
    ]
    with pytest.raises(ApplicationError, match="Phạm vi ảnh hưởng"):
        initiatives_record(
            actor=registry.officer,
            entries=[InitiativeEntry(person=registry.anh, title="Y", year=2019, scope="world")],
        )
    with pytest.raises(ApplicationError, match="Hình thức kỷ luật"):
        disciplines_record(
            actor=registry.officer,
            entries=[DisciplineEntry(person=registry.anh, year=2019, level="fine")],
        )
    assert Initiative.objects.count() == 1 and Discipline.objects.count() == 1
