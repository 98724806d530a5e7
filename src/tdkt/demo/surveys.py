"""The enterprises' satisfaction surveys: last year's, closed, answered by most demo
enterprises; this year's, copied from it and open now, answered by some.

Loaded through the real services as the system (decision 0021), each answer given for its
enterprise; last year's days are passed to the services (``today``) so that the survey opens,
takes its answers and closes on the dates it reports. The ratings and comments are
illustrative (docs/demo-data.md). The demo enterprise login (``doanhnghiep``, E01) answered
last year and has this year's survey waiting on its dashboard.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from tdkt.organizations.models import Organization
from tdkt.surveys.constants import QuestionKind
from tdkt.surveys.models import Survey
from tdkt.surveys.services import (
    question_add,
    response_save,
    section_add,
    survey_close,
    survey_copy,
    survey_create,
    survey_open,
    survey_update,
)
from tdkt.surveys.state import survey_questions

from .enterprises import ENTERPRISES

NAME = "Khảo sát mức độ hài lòng của doanh nghiệp năm {year}"
INTRODUCTION = (
    "Kính gửi Quý doanh nghiệp,\n"
    "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội tổ chức khảo sát mức độ hài lòng của "
    "doanh nghiệp đối với công tác giải quyết thủ tục hành chính, hỗ trợ và hướng dẫn doanh "
    "nghiệp năm {year}. Ý kiến của Quý doanh nghiệp được giữ kín và giúp Ban phục vụ tốt hơn."
)


@dataclass(frozen=True)
class SectionSpec:
    title: str
    questions: tuple[tuple[str, str], ...]


_R, _T = QuestionKind.RATING, QuestionKind.TEXT
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "Thủ tục hành chính",
        (
            ("Thông tin về thủ tục hành chính được công khai đầy đủ, dễ tìm", _R),
            ("Thành phần hồ sơ, quy trình giải quyết rõ ràng, dễ thực hiện", _R),
            ("Hồ sơ được giải quyết đúng hoặc sớm hơn thời hạn", _R),
            ("Dịch vụ công trực tuyến dễ sử dụng", _R),
        ),
    ),
    SectionSpec(
        "Thái độ, năng lực của cán bộ",
        (
            ("Cán bộ tiếp nhận, hướng dẫn tận tình, lịch sự", _R),
            ("Cán bộ giải đáp đầy đủ, chính xác các vướng mắc", _R),
        ),
    ),
    SectionSpec(
        "Hỗ trợ, hướng dẫn và tập huấn",
        (
            ("Hội nghị đối thoại, tập huấn pháp luật hữu ích với doanh nghiệp", _R),
            ("Ban Quản lý kịp thời hỗ trợ tháo gỡ khó khăn của doanh nghiệp", _R),
            ("Góp ý để Ban Quản lý phục vụ doanh nghiệp tốt hơn", _T),
        ),
    ),
)

COMMENTS = (
    "Đề nghị tăng số thủ tục được nộp và trả kết quả hoàn toàn trực tuyến.",
    "Cán bộ một cửa hướng dẫn nhiệt tình, dễ hiểu.",
    "Mong Ban tổ chức thêm lớp tập huấn về an toàn lao động và phòng cháy chữa cháy.",
    "Thời gian cấp giấy phép lao động cho người nước ngoài còn dài.",
    "Hệ thống dịch vụ công đôi khi chậm vào cuối tháng.",
    "Đề nghị gửi văn bản hướng dẫn mới qua thư điện tử cho doanh nghiệp.",
)
#: Last year: every demo enterprise but these answered (most, not all: the rate is < 100%).
LAST_YEAR_SILENT = {"E07", "E15", "E22", "E29"}
#: This year: these have answered so far (E01, the demo login's enterprise, has not).
THIS_YEAR_ANSWERED = ("E02", "E03", "E06", "E10", "E12", "E16", "E21", "E23", "E26")
# Ratings lean to satisfied, with some 3s and a few 1–2s, steadier this year.
_WEIGHTS = {"last": (2, 5, 18, 45, 30), "this": (1, 3, 14, 46, 36)}


def load_surveys(*, orgs: Mapping[str, Organization], created: Counter[str]) -> None:
    """Load what is missing of last year's and this year's survey and their answers."""
    year = timezone.localdate().year
    last = Survey.objects.filter(year=year - 1, name=NAME.format(year=year - 1)).first()
    if last is None:
        last = _last_year(year - 1, orgs, created)
    if not Survey.objects.filter(year=year).exists():
        _this_year(last, orgs, created)


def _ratings(rng: random.Random, weights: tuple[int, ...], count: int) -> list[int]:
    return rng.choices([1, 2, 3, 4, 5], weights=weights, k=count)


def _answer(
    survey: Survey,
    enterprise: Organization,
    rng: random.Random,
    weights: tuple[int, ...],
    today: date | None,
) -> None:
    questions = survey_questions(survey)
    ratings = iter(_ratings(rng, weights, len(questions)))
    answers: dict[str, object] = {}
    for question in questions:
        if question.kind == QuestionKind.RATING:
            answers[question.field_name] = next(ratings)
        else:
            answers[question.field_name] = rng.choice(COMMENTS) if rng.random() < 0.4 else ""
    response_save(
        actor=None,
        survey=survey,
        answers=answers,
        expected_version=None,
        enterprise=enterprise,
        today=today,
    )


def _last_year(year: int, orgs: Mapping[str, Organization], created: Counter[str]) -> Survey:
    opens_on, closes_on = date(year, 11, 1), date(year, 11, 30)
    survey = survey_create(
        actor=None,
        name=NAME.format(year=year),
        year=year,
        opens_on=opens_on,
        closes_on=closes_on,
        introduction=INTRODUCTION.format(year=year),
    )
    for spec in SECTIONS:
        section = section_add(actor=None, survey=survey, title=spec.title, expected_version=None)
        for text, kind in spec.questions:
            question_add(actor=None, section=section, text=text, kind=kind, expected_version=None)
    survey = survey_open(actor=None, survey=survey, expected_version=None, today=opens_on)
    rng = random.Random(year)  # noqa: S311 - demo data, not security
    answering = [spec.key for spec in ENTERPRISES if spec.key not in LAST_YEAR_SILENT]
    for index, key in enumerate(answering):
        day = opens_on + timedelta(days=index % 25)
        _answer(survey, orgs[f"ent:{key}"], rng, _WEIGHTS["last"], day)
    survey = survey_close(
        actor=None, survey=survey, expected_version=None, today=closes_on + timedelta(days=1)
    )
    created["surveys"] += 1
    created["survey_responses"] += len(answering)
    return survey


def _this_year(last: Survey, orgs: Mapping[str, Organization], created: Counter[str]) -> None:
    """Copy last year's survey, set its days around today, open it, add some answers."""
    today = timezone.localdate()
    draft = survey_copy(actor=None, source=last)
    survey = survey_update(
        actor=None,
        survey=draft,
        expected_version=draft.version,
        name=draft.name,
        year=today.year,
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=20),
        introduction=draft.introduction,
    )
    survey = survey_open(actor=None, survey=survey, expected_version=survey.version)
    rng = random.Random(today.year)  # noqa: S311 - demo data, not security
    for key in THIS_YEAR_ANSWERED:
        _answer(survey, orgs[f"ent:{key}"], rng, _WEIGHTS["this"], None)
    created["surveys"] += 1
    created["survey_responses"] += len(THIS_YEAR_ANSWERED)
