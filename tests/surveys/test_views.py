"""The survey screens: each role sees only its actions, the enterprise answers through the
page, a stale send keeps the user's choices, exports are formula-safe, outsiders get 404."""

from __future__ import annotations

import io

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.versions import encode_state, fingerprint
from tdkt.surveys.constants import SurveyState
from tdkt.surveys.models import Answer, Response, Survey
from tdkt.surveys.services import response_save
from tdkt.surveys.state import answers_state, survey_questions

from .conftest import SurveyWorld, answers

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, survey: Survey) -> str:
    return reverse(f"surveys:{name}", kwargs={"uuid": survey.uuid})


def _post_answers(
    sw: SurveyWorld, values: dict[str, object], seen: dict[str, object]
) -> dict[str, object]:
    return {**{k: "" if v is None else v for k, v in values.items()}, "seen": encode_state(seen)}


def test_menu_shows_surveys_to_officers_leaders_and_enterprises_only(sw: SurveyWorld) -> None:
    registry = sw.registry
    for user, sees in (
        (registry.officer, True),
        (registry.leader, True),
        (registry.enterprise_rep, True),
        (registry.investment_head, False),
        (registry.viewer, False),
    ):
        page = _client(user).get(reverse("web:dashboard")).content.decode()
        assert ('href="/surveys/"' in page) is sees, user.username


def test_enterprise_dashboard_lists_the_survey_waiting_for_it(sw: SurveyWorld) -> None:
    page = _client(sw.registry.enterprise_rep).get(reverse("web:dashboard")).content.decode()
    assert "Khảo sát mức độ hài lòng chờ doanh nghiệp trả lời" in page


def test_officer_sees_draft_actions_and_the_others_do_not(draft: SurveyWorld) -> None:
    page = _client(draft.registry.officer).get(_url("survey-detail", draft.survey)).content.decode()
    assert "Mở khảo sát cho doanh nghiệp trả lời" in page
    assert "Thêm câu hỏi vào nhóm này" in page
    assert 'aria-label="Đưa câu hỏi lên trên"' in page
    assert (
        _client(draft.registry.leader).get(_url("survey-detail", draft.survey)).status_code == 404
    )


def test_leader_sees_no_editing_actions_on_an_open_survey(sw: SurveyWorld) -> None:
    page = _client(sw.registry.leader).get(_url("survey-detail", sw.survey)).content.decode()
    assert "Xem kết quả" in page
    for action in ("Đóng khảo sát", "Sao chép thành bản nháp", "Sửa thông tin", "Lịch sử thay đổi"):
        assert action not in page


def test_leader_cannot_close_through_a_forged_post(sw: SurveyWorld) -> None:
    response = _client(sw.registry.leader).post(_url("survey-close", sw.survey))
    assert response.status_code == 403
    sw.survey.refresh_from_db()
    assert sw.survey.state == SurveyState.OPEN


def test_unit_head_gets_not_found_like_a_missing_survey(sw: SurveyWorld) -> None:
    client = _client(sw.registry.investment_head)
    real = client.get(_url("survey-results", sw.survey))
    missing = client.get(
        reverse("surveys:survey-results", kwargs={"uuid": "00000000-0000-4000-8000-000000000000"})
    )
    assert real.status_code == missing.status_code == 404


def test_officer_creates_a_survey_through_the_page(registry) -> None:
    response = _client(registry.officer).post(
        reverse("surveys:survey-create"),
        {
            "name": "Khảo sát năm 2027",
            "year": "2027",
            "opens_on": "2027-11-01",
            "closes_on": "2027-10-01",
            "introduction": "",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc phải từ ngày bắt đầu trở đi." in response.content.decode()
    assert not Survey.objects.exists()


def test_enterprise_answers_through_the_page(sw: SurveyWorld) -> None:
    client = _client(sw.registry.enterprise_rep)
    page = client.get(_url("survey-answer", sw.survey)).content.decode()
    assert "Rất không hài lòng" in page and "Rất hài lòng" in page
    assert "Gửi phiếu khảo sát" in page
    empty = answers_state(survey_questions(sw.survey), None)
    incomplete = answers(sw)
    incomplete[sw.support.field_name] = None
    refused = client.post(_url("survey-answer", sw.survey), _post_answers(sw, incomplete, empty))
    assert refused.status_code == 200
    assert "Hãy chọn một mức từ 1 đến 5" in refused.content.decode()
    assert not Response.objects.exists()
    sent = client.post(_url("survey-answer", sw.survey), _post_answers(sw, answers(sw), empty))
    assert sent.status_code == 302
    assert Response.objects.get().enterprise == sw.registry.enterprise


def test_stale_send_keeps_the_users_choice_and_shows_the_colleagues(sw: SurveyWorld) -> None:
    questions = survey_questions(sw.survey)
    empty = answers_state(questions, None)
    response_save(
        actor=sw.colleague,
        survey=sw.survey,
        answers=answers(sw, a=1),
        expected_version=fingerprint(empty),
    )
    mine = answers(sw, a=5, c=2)
    page = _client(sw.registry.enterprise_rep).post(
        _url("survey-answer", sw.survey), _post_answers(sw, mine, empty)
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Người khác vừa đổi câu trả lời này thành «1. Rất không hài lòng»" in text
    assert Answer.objects.get(question=sw.procedures).rating == 1  # nothing overwritten


def test_other_enterprise_never_sees_an_enterprises_answers(sw: SurveyWorld) -> None:
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, text="Bí mật của Sao Mai"),
        expected_version=None,
    )
    page = _client(sw.other_rep).get(_url("survey-answer", sw.survey)).content.decode()
    assert "Bí mật của Sao Mai" not in page
    assert "Gửi phiếu khảo sát" in page  # its own, empty form
    assert _client(sw.other_rep).get(_url("survey-results", sw.survey)).status_code == 404


@override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=1)
def test_results_page_for_leader_hides_names(sw: SurveyWorld) -> None:
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, text="Cần tập huấn thêm"),
        expected_version=None,
    )
    page = _client(sw.registry.leader).get(_url("survey-results", sw.survey)).content.decode()
    assert "Cần tập huấn thêm" in page
    assert "Công ty TNHH Điện tử Sao Mai" not in page
    assert "Tải phiếu trả lời" not in page
    officer_page = (
        _client(sw.registry.officer).get(_url("survey-results", sw.survey)).content.decode()
    )
    assert "Công ty TNHH Điện tử Sao Mai" in officer_page
    assert "Tải phiếu trả lời" in officer_page
    # The chart's data travels as JSON and Chart.js is the copy the project serves itself.
    assert 'id="survey-chart-data"' in page
    assert "/static/reports/vendor/chart.umd.js" in page and "cdn" not in page.lower()


@override_settings(TDKT_SURVEY_MIN_ZONE_ANSWERS=1)
def test_exports_are_formula_safe_and_answers_export_is_for_officers(sw: SurveyWorld) -> None:
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, text='=HYPERLINK("http://x")'),
        expected_version=None,
    )
    assert (
        _client(sw.registry.leader).get(_url("survey-answers-export", sw.survey)).status_code == 403
    )
    raw = _client(sw.registry.officer).get(_url("survey-answers-export", sw.survey))
    assert raw.status_code == 200 and raw["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(raw.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert 4 in values  # ratings stay numbers
    results = _client(sw.registry.leader).get(_url("survey-results-export", sw.survey))
    book = load_workbook(io.BytesIO(results.content))
    assert book.sheetnames == ["Tổng hợp", "Theo câu hỏi", "Theo khu công nghiệp", "Ý kiến"]
    comments = [c.value for row in book["Ý kiến"].iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in comments
    assert "Công ty TNHH Điện tử Sao Mai" not in comments


@pytest.mark.parametrize("page", ["survey-list", "survey-detail", "survey-results"])
def test_pages_render_for_a_phone(sw: SurveyWorld, page: str) -> None:
    """Every table sits in a scrolling wrapper and nothing carries an inline style or script."""
    url = reverse("surveys:survey-list") if page == "survey-list" else _url(page, sw.survey)
    text = _client(sw.registry.officer).get(url).content.decode()
    assert 'name="viewport"' in text
    assert "style=" not in text and "<script>" not in text
    assert text.count("<table") == text.count('<div class="table-wrap"><table')


def test_officer_builds_and_opens_a_survey_through_the_pages(registry) -> None:
    client = _client(registry.officer)
    created = client.post(
        reverse("surveys:survey-create"),
        {
            "name": "Khảo sát 2026",
            "year": "2026",
            "opens_on": "2026-01-01",
            "closes_on": "2100-01-31",
        },
    )
    survey = Survey.objects.get()
    assert created.status_code == 302 and created["Location"] == _url("survey-detail", survey)
    client.post(_url("survey-section-add", survey), {"title": "Thủ tục", "version": survey.version})
    section = survey.sections.get()
    survey.refresh_from_db()
    client.post(
        reverse("surveys:survey-question-add", kwargs={"uuid": section.uuid}),
        {"text": "Hồ sơ đúng hạn", "kind": "rating", "version": survey.version},
    )
    assert section.questions.get().text == "Hồ sơ đúng hạn"
    stale = survey.version  # the page before the question was added
    client.post(_url("survey-open", survey), {"version": stale})
    survey.refresh_from_db()
    assert survey.state == SurveyState.DRAFT  # refused: drawn from an older version
    client.post(_url("survey-open", survey), {"version": survey.version})
    survey.refresh_from_db()
    assert survey.state == SurveyState.OPEN
    page = client.get(_url("survey-detail", survey)).content.decode()
    assert "Thêm câu hỏi vào nhóm này" not in page and "Đóng khảo sát" in page
    assert "Mở khảo sát cho doanh nghiệp trả lời" in page  # its history names the opening


def test_a_leader_does_not_read_too_few_answers(sw: SurveyWorld) -> None:
    """One enterprise's answers alone would be its own ratings: below the minimum a leader
    sees that results are withheld, the officer sees them."""
    response_save(
        actor=sw.registry.enterprise_rep,
        survey=sw.survey,
        answers=answers(sw, text="Ý kiến riêng của Sao Mai"),
        expected_version=None,
    )
    page = _client(sw.registry.leader).get(_url("survey-results", sw.survey)).content.decode()
    assert "kết quả chưa được công bố" in page
    assert "Ý kiến riêng của Sao Mai" not in page
    officer = _client(sw.registry.officer).get(_url("survey-results", sw.survey)).content.decode()
    assert "Ý kiến riêng của Sao Mai" in officer


@pytest.mark.parametrize("who", ["investment_head", "viewer", "council"])
def test_outsiders_have_no_survey_pages(registry, who: str) -> None:
    client = _client(getattr(registry, who))
    assert client.get(reverse("surveys:survey-list")).status_code == 404
    assert client.get(reverse("surveys:survey-create")).status_code == 404
