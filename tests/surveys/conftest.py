"""A small survey built through the real services: two groups, three rating questions and
one free-text question, open today; a second enterprise in another zone with its own user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import IndustrialZone, Organization
from tdkt.organizations.services import organization_create, zone_create
from tdkt.surveys.constants import QuestionKind
from tdkt.surveys.models import Question, Survey
from tdkt.surveys.services import question_add, section_add, survey_create, survey_open
from tests.builders import Registry, make_user


@dataclass
class SurveyWorld:
    registry: Registry
    survey: Survey
    procedures: Question
    speed: Question
    support: Question
    comment: Question
    other_zone: IndustrialZone
    other: Organization  # a second enterprise, in another zone
    other_rep: User
    colleague: User  # a second representative of the registry's enterprise


def build_survey(registry: Registry, *, open_it: bool = True) -> SurveyWorld:
    officer = registry.officer
    today = timezone.localdate()
    survey = survey_create(
        actor=officer,
        name=f"Khảo sát mức độ hài lòng của doanh nghiệp năm {today.year}",
        year=today.year,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        introduction="Kính gửi Quý doanh nghiệp.",
    )
    admin = section_add(
        actor=officer, survey=survey, title="Thủ tục hành chính", expected_version=None
    )
    help_ = section_add(
        actor=officer, survey=survey, title="Hỗ trợ doanh nghiệp", expected_version=None
    )
    procedures = question_add(
        actor=officer,
        section=admin,
        text="Thủ tục được hướng dẫn rõ ràng",
        kind=QuestionKind.RATING,
        expected_version=None,
    )
    speed = question_add(
        actor=officer,
        section=admin,
        text="Hồ sơ được giải quyết đúng hạn",
        kind=QuestionKind.RATING,
        expected_version=None,
    )
    support = question_add(
        actor=officer,
        section=help_,
        text="Cán bộ hỗ trợ nhiệt tình",
        kind=QuestionKind.RATING,
        expected_version=None,
    )
    comment = question_add(
        actor=officer,
        section=help_,
        text="Góp ý khác",
        kind=QuestionKind.TEXT,
        expected_version=None,
    )
    if open_it:
        survey = survey_open(actor=officer, survey=survey, expected_version=None)
    survey.refresh_from_db()
    other_zone = zone_create(actor=officer, name="KCN Nội Bài", district="Sóc Sơn")
    other = organization_create(
        actor=officer,
        name="Công ty TNHH Cơ khí Nội Bài",
        kind=OrganizationKind.ENTERPRISE,
        parent=registry.board,
        enterprise={
            "tax_code": "0107654321",
            "investment_type": "ddi",
            "zone": other_zone,
        },
    )
    return SurveyWorld(
        registry=registry,
        survey=survey,
        procedures=procedures,
        speed=speed,
        support=support,
        comment=comment,
        other_zone=other_zone,
        other=other,
        other_rep=make_user("noibai_rep", Role.ENTERPRISE_REPRESENTATIVE, other),
        colleague=make_user("saomai_rep2", Role.ENTERPRISE_REPRESENTATIVE, registry.enterprise),
    )


def answers(
    sw: SurveyWorld, a: int = 4, b: int = 5, c: int = 3, text: str = ""
) -> dict[str, object]:
    return {
        sw.procedures.field_name: a,
        sw.speed.field_name: b,
        sw.support.field_name: c,
        sw.comment.field_name: text,
    }


@pytest.fixture
def sw(registry: Registry) -> SurveyWorld:
    return build_survey(registry)


@pytest.fixture
def draft(registry: Registry) -> SurveyWorld:
    return build_survey(registry, open_it=False)
