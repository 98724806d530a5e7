"""Defects found by the security and QA review of the initiative process, one test each."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.accounts.constants import Role
from tdkt.commendations.models import Initiative
from tdkt.commendations.services import InitiativeEntry, initiatives_record
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.initiatives import permissions as perms
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import InitiativeCouncil
from tdkt.initiatives.selectors import application_reviews, waiting_for_member
from tdkt.initiatives.services import (
    AuthorInput,
    application_create,
    application_register,
    application_submit,
    council_decide,
    council_update,
    review_save,
)
from tdkt.notifications.models import Notification
from tdkt.organizations.selectors import audit_events_recent
from tests.builders import make_user

from .conftest import closed, content, in_review

pytestmark = pytest.mark.django_db


def _points(application, value=Decimal(30)):
    return {c.pk: min(value, c.max_points) for c in application.council.criteria.all()}


def _seat(cast, *users):
    council = cast.council
    return council_update(
        actor=cast.registry.officer,
        council=council,
        name=council.name,
        members=[cast.registry.leader, cast.duc_user, *users],
        chair=cast.registry.council,
        meeting_date=None,
        pass_mark=council.pass_mark,
        version=None,
    )


def _decide(cast, **overrides):
    values = {
        "actor": cast.registry.officer,
        "council": cast.council,
        "decision_number": "25/QĐ-BQL",
        "decision_date": date(2019, 11, 20),
        "signer": "Trưởng ban",
    }
    values.update(overrides)
    return council_decide(**values)


# --- 1. the dashboard's recent changes ------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEADER, Role.COUNCIL_MEMBER])
def test_recent_changes_hide_applications_and_scores_from_board_readers(cast, role):
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    closed(cast)
    reader = make_user(f"reader_{role}", role)
    kinds = {e.event_type for e in audit_events_recent(actor=reader, limit=100)}
    assert not [
        k for k in kinds if k.startswith(("initiative_application.", "initiative_council."))
    ]


# --- 2. an author on the council does not see the running average ---------------------------


def test_an_author_member_sees_no_running_average_of_their_application(client, cast):
    application = in_review(cast)
    _seat(cast, cast.anh_user)
    review_save(actor=cast.duc_user, application=application, points=_points(application, 13))
    url = reverse("initiatives:council-detail", kwargs={"uuid": cast.council.uuid})
    client.force_login(cast.anh_user)
    html = client.get(url).content.decode()
    assert "trung bình 39" not in html and "phiếu chấm" not in html
    sheet = load_workbook(
        io.BytesIO(
            client.get(
                reverse("initiatives:council-export", kwargs={"uuid": cast.council.uuid})
            ).content
        )
    ).active
    assert (sheet.cell(8, 5).value, sheet.cell(8, 6).value) == (None, None)
    # Another member and the officer still follow the scoring.
    client.force_login(cast.registry.leader)
    assert "trung bình 39" in client.get(url).content.decode()


# --- 3. no rounding up to the pass mark -----------------------------------------------------


def test_an_average_just_below_the_pass_mark_does_not_pass(cast):
    application = in_review(cast)
    first, second, third = list(cast.council.criteria.all())  # 40, 30, 30
    for user, points in (
        (cast.duc_user, Decimal("9.99")),
        (cast.registry.leader, Decimal(10)),
        (cast.registry.council, Decimal(10)),
    ):
        review_save(
            actor=user,
            application=application,
            points={first.pk: points, second.pk: Decimal(30), third.pk: Decimal(30)},
        )
    closed(cast)
    application.refresh_from_db()
    assert application.state == ApplicationState.NOT_RECOGNISED
    assert application.average == Decimal("69.99")


# --- 4. the unit head who filed does not score ----------------------------------------------


def _filed_by_head(cast):
    head = cast.registry.investment_head
    application = application_create(
        actor=head, data=content(authors=[AuthorInput(cast.registry.anh, Decimal(100))])
    )
    application = application_submit(actor=head, application=application)
    _seat(cast, head)
    Notification.objects.all().delete()
    return head, application_register(
        actor=cast.registry.officer, application=application, council=cast.council
    )


def test_the_filer_on_the_council_does_not_score_the_application(cast):
    head, application = _filed_by_head(cast)
    assert not perms.can_score(head, application)
    with pytest.raises(PermissionDeniedError):
        review_save(actor=head, application=application, points=_points(application, 100))
    seat = perms.seat_of(head, cast.council)
    with pytest.raises(ApplicationError):
        review_save(actor=None, seat=seat, application=application, points=_points(application))
    assert not waiting_for_member(actor=head).exists()
    told = set(
        Notification.objects.filter(kind="initiative.to_score").values_list("recipient", flat=True)
    )
    assert head.pk not in told and cast.duc_user.pk in told
    assert application_reviews(actor=cast.registry.officer, application=application).eligible == 3


# --- 5. a bad version is no server error ----------------------------------------------------


@pytest.mark.parametrize("version", ["²", "9" * 5000, "١"])
def test_a_bad_version_is_refused_without_a_server_error(client, cast, version):
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    client.force_login(cast.registry.council)
    client.raise_request_exception = False
    url = reverse("initiatives:council-close", kwargs={"uuid": cast.council.uuid})
    response = client.post(url, {"version": version}, follow=True)
    assert response.status_code == 200
    assert "vừa được người khác thay đổi" in response.content.decode()
    cast.council.refresh_from_db()
    assert cast.council.state == CouncilState.OPEN


# --- 6. the archive's older initiative is not silently reused -------------------------------


def test_a_decision_is_refused_when_the_archive_holds_the_same_initiative(cast):
    initiatives_record(
        actor=cast.registry.officer,
        entries=[
            InitiativeEntry(
                person=cast.registry.anh,
                title="SỐ HOÁ HỒ SƠ CẤP GIẤY CHỨNG NHẬN ĐẦU TƯ",
                year=2019,
                scope="provincial",
                recognized_by="UBND thành phố",
                decision_number="9/QĐ-UBND",
                recognized_on=date(2019, 6, 1),
            )
        ],
    )
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    closed(cast)
    with pytest.raises(ConflictError) as refused:
        _decide(cast)
    assert "Nguyễn Văn Ánh" in refused.value.message
    assert "9/QĐ-UBND ngày 01/06/2019" in refused.value.message
    cast.council.refresh_from_db()
    assert cast.council.state == CouncilState.CLOSED
    assert Initiative.objects.count() == 1
    assert application.authors.get().initiative is None


# --- 7. the decision follows the review -----------------------------------------------------


def test_the_decision_date_may_not_precede_the_meeting_or_the_closing(cast):
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    council = cast.council
    council_update(
        actor=cast.registry.officer,
        council=council,
        name=council.name,
        members=[cast.registry.leader, cast.duc_user],
        chair=cast.registry.council,
        meeting_date=date(2019, 11, 10),
        pass_mark=council.pass_mark,
        version=None,
    )
    closed(cast, on=date(2019, 11, 15))
    with pytest.raises(ApplicationError, match="ngày họp Hội đồng"):
        _decide(cast, decision_date=date(2019, 11, 9))
    with pytest.raises(ApplicationError, match="kết thúc phiên xét"):
        _decide(cast, decision_date=date(2019, 11, 14))
    with pytest.raises(ApplicationError, match="tương lai"):
        _decide(cast, decision_date=timezone.localdate() + timedelta(days=1))
    assert _decide(cast, decision_date=date(2019, 11, 15)).state == CouncilState.DECIDED


# --- 8. a member who scored and left does not lock the session ------------------------------


def test_a_locked_member_who_scored_keeps_the_seat_and_the_session_stays_editable(client, cast):
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application, 10))
    cast.duc_user.is_active = False
    cast.duc_user.save(update_fields=["is_active"])
    council = council_update(
        actor=cast.registry.officer,
        council=cast.council,
        name=cast.council.name,
        members=[cast.registry.leader, cast.duc_user],
        chair=cast.registry.council,
        meeting_date=None,
        pass_mark=Decimal(60),
        version=None,
    )
    assert council.pass_mark == Decimal(60)
    assert council.seats.filter(user=cast.duc_user).exists()
    # A locked account still takes no new seat, nor the chair.
    stranger = make_user("locked", Role.LEADER)
    stranger.is_active = False
    stranger.save(update_fields=["is_active"])
    with pytest.raises(ApplicationError, match="đã khoá"):
        _seat(cast, stranger)
    # The edit form offers the locked member, so the officer can save it too.
    client.force_login(cast.registry.officer)
    url = reverse("initiatives:council-update", kwargs={"uuid": council.uuid})
    response = client.post(
        url,
        {
            "version": council.version,
            "name": council.name,
            "pass_mark": "65",
            "chair": cast.registry.council.pk,
            "members": [cast.registry.leader.pk, cast.duc_user.pk],
        },
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.pass_mark == Decimal(65)


# --- 9. scoring locks the session first -----------------------------------------------------


def test_scoring_locks_the_session_row(cast, monkeypatch):
    application = in_review(cast)
    locked = []
    original = InitiativeCouncil.objects.select_for_update

    def spy(*args, **kwargs):
        locked.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(InitiativeCouncil.objects, "select_for_update", spy)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    assert locked


# --- 10. the history reads in Vietnamese ----------------------------------------------------


def test_the_application_history_reads_in_vietnamese(cast):
    from tdkt.audit.services import history_for
    from tdkt.web.audit_display import timeline

    application = in_review(cast)
    first, second, third = list(cast.council.criteria.all())
    review_save(
        actor=cast.duc_user,
        application=application,
        points={first.pk: Decimal("23.5"), second.pk: Decimal(30), third.pk: Decimal(30)},
    )
    rows = timeline(history_for(application), actor=cast.registry.officer)
    changes = [(c.label, c.before, c.after) for entry in rows for c in entry.changes]
    labels = {label for label, _before, _after in changes}
    assert "Submitted at" not in labels and "Nộp lúc" in labels
    assert "Danh hiệu, hình thức" not in labels and "Tên sáng kiến" in labels
    assert ("Tổng điểm", "—", "83,5") in changes
    council_rows = timeline(history_for(cast.council), actor=cast.registry.officer)
    criteria = [c.after for e in council_rows for c in e.changes if c.label == "Tiêu chí chấm điểm"]
    assert criteria and "40.00" not in criteria[0] and "40" in criteria[0]


# --- 11. pages offer only what can be done --------------------------------------------------


def test_the_edit_page_of_a_submitted_application_is_not_offered(client, cast):
    application = in_review(cast)
    client.force_login(cast.anh_user)
    url = reverse("initiatives:application-update", kwargs={"uuid": application.uuid})
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert "Lưu đơn" not in html and "Đơn đã nộp, không sửa được nữa." in html


def test_an_author_gets_no_link_to_a_session_they_cannot_open(client, cast):
    application = in_review(cast)
    council_url = reverse("initiatives:council-detail", kwargs={"uuid": cast.council.uuid})
    detail = reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    client.force_login(cast.anh_user)
    html = client.get(detail).content.decode()
    assert council_url not in html and cast.council.name in html
    client.force_login(cast.duc_user)
    assert council_url in client.get(detail).content.decode()


def test_the_criteria_link_goes_once_a_member_has_scored(client, cast):
    application = in_review(cast)
    criteria_url = reverse("initiatives:council-criteria", kwargs={"uuid": cast.council.uuid})
    url = reverse("initiatives:council-detail", kwargs={"uuid": cast.council.uuid})
    client.force_login(cast.registry.officer)
    assert criteria_url in client.get(url).content.decode()
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    assert criteria_url not in client.get(url).content.decode()


# --- 12. forms say what is wrong ------------------------------------------------------------


def _form_data(cast, **overrides):
    data = {
        "year": "2019",
        "title": "Mẫu tờ khai điện tử",
        "kind": "operational",
        "area": "Thủ tục hành chính",
        "problem": "Khai sai nhiều.",
        "solution": "Tờ khai tự kiểm tra.",
        "applied_where": "Phòng Quản lý Đầu tư",
        "applied_since": "2019-04-01",
        "benefit": "Giảm hồ sơ phải sửa.",
        "benefit_vnd": "",
        "author_1": str(cast.registry.anh.pk),
        "share_1": "100",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"version": "²"}, "Trang này không còn đúng"),
        ({"applied_since": "2019-02-30"}, "Ngày không có thật hoặc ghi sai dạng"),
        ({"applied_since": "0001-01-01"}, "không được trước năm 1980"),
        ({"benefit_vnd": "1" + "0" * 16}, "Số tiền làm lợi quá lớn"),
        ({"author_2": "", "share_2": "50"}, "Hãy chọn tác giả có tỷ lệ đóng góp này."),
    ],
)
def test_the_application_form_says_what_is_wrong(client, cast, overrides, message):
    from tdkt.initiatives.models import InitiativeApplication

    client.force_login(cast.anh_user)
    response = client.post(reverse("initiatives:application-create"), _form_data(cast, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not InitiativeApplication.objects.exists()


def test_a_score_error_names_the_criterion_with_a_decimal_comma(client, cast):
    application = in_review(cast)
    first, *others = list(cast.council.criteria.all())
    data = {f"c{c.pk}": "10" for c in others}
    data[f"c{first.pk}"] = "40,5"
    client.force_login(cast.duc_user)
    url = reverse("initiatives:application-review", kwargs={"uuid": application.uuid})
    html = client.post(url, data, follow=True).content.decode()
    assert f"Tiêu chí “{first.name}”: tối đa 40 điểm." in html
    assert "40.00" not in html


def test_a_decision_with_an_impossible_date_says_so(client, cast):
    application = in_review(cast)
    review_save(actor=cast.duc_user, application=application, points=_points(application))
    closed(cast)
    client.force_login(cast.registry.officer)
    url = reverse("initiatives:council-decide", kwargs={"uuid": cast.council.uuid})
    data = {"decision_number": "25/QĐ-BQL", "decision_date": "2019-02-30", "signer": "Trưởng ban"}
    html = client.post(url, data, follow=True).content.decode()
    assert "Ngày quyết định: Ngày không có thật hoặc ghi sai dạng" in html
