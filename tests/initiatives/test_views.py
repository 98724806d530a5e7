"""The initiative screens: each role sees only its actions, outsiders get 404, phone-safe pages."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import InitiativeApplication
from tdkt.initiatives.services import review_save

from .conftest import closed, filed, in_review

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def _form_data(cast, **overrides):
    data = {
        "year": "2019",
        "title": "Mẫu tờ khai điện tử cho doanh nghiệp",
        "kind": "operational",
        "area": "Thủ tục hành chính",
        "problem": "Doanh nghiệp khai sai nhiều.",
        "solution": "Tờ khai điện tử tự kiểm tra.",
        "applied_where": "Phòng Quản lý Đầu tư",
        "applied_since": "2019-04-01",
        "benefit": "Giảm một nửa hồ sơ phải sửa.",
        "benefit_vnd": "",
        "author_1": str(cast.registry.anh.pk),
        "share_1": "100",
    }
    data.update(overrides)
    return data


def test_an_author_files_from_the_form_and_sees_their_draft(client, cast):
    c = _client(client, cast.anh_user)
    page = c.get(reverse("initiatives:application-create"))
    assert page.status_code == 200
    assert "Tác giả và tỷ lệ đóng góp" in page.content.decode()
    response = c.post(reverse("initiatives:application-create"), _form_data(cast))
    application = InitiativeApplication.objects.get()
    assert response.status_code == 302
    detail = c.get(reverse("initiatives:application-detail", kwargs={"uuid": application.uuid}))
    html = detail.content.decode()
    assert "Nộp đơn" in html and "Sửa đơn" in html
    assert "Đưa ra Hội đồng" not in html and "Ghi điểm" not in html
    assert "01/04/2019" in html


def test_bad_shares_come_back_on_the_form_and_nothing_is_written(client, cast):
    c = _client(client, cast.anh_user)
    response = c.post(reverse("initiatives:application-create"), _form_data(cast, share_1="90"))
    assert response.status_code == 200
    assert "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%." in response.content.decode()
    assert not InitiativeApplication.objects.exists()


def test_a_stale_edit_comes_back_with_a_message(client, cast):
    application = filed(cast)
    c = _client(client, cast.anh_user)
    url = reverse("initiatives:application-update", kwargs={"uuid": application.uuid})
    old = str(application.version)
    assert c.post(url, _form_data(cast, version=old, title="Một")).status_code == 302
    response = c.post(url, _form_data(cast, version=old, title="Hai"))
    assert "vừa được người khác thay đổi" in response.content.decode()
    application.refresh_from_db()
    assert application.title == "Một"


@pytest.mark.parametrize("who", ["viewer", "enterprise_rep", "planning_head", "leader"])
def test_outsiders_get_not_found(client, cast, who):
    """Someone neither author, filer, officer nor member of its session: 404 like a missing one."""
    application = filed(cast)
    c = _client(client, getattr(cast.registry, who))
    url = reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    assert c.get(url).status_code == 404
    council = reverse("initiatives:council-detail", kwargs={"uuid": cast.council.uuid})
    if who != "leader":  # the leader sits on the 2019 session
        assert c.get(council).status_code == 404


def test_the_officer_registers_and_a_member_scores(client, cast):
    application = filed(cast)
    anh = _client(client, cast.anh_user)
    anh.post(
        reverse("initiatives:application-submit", kwargs={"uuid": application.uuid}),
        {"version": application.version},
    )
    client.logout()
    officer = _client(client, cast.registry.officer)
    url = reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    html = officer.get(url).content.decode()
    assert "Đưa ra Hội đồng" in html and "Trả lại đơn" in html and "Nộp đơn" not in html
    application.refresh_from_db()
    officer.post(
        reverse("initiatives:application-register", kwargs={"uuid": application.uuid}),
        {"council": cast.council.pk, "version": application.version},
    )
    application.refresh_from_db()
    assert application.state == ApplicationState.IN_REVIEW
    client.logout()
    member = _client(client, cast.duc_user)
    assert "Ghi điểm" in member.get(url).content.decode()
    points = {f"c{c.pk}": "20" for c in cast.council.criteria.all()}
    member.post(
        reverse("initiatives:application-review", kwargs={"uuid": application.uuid}),
        {**points, "comment": "Có tính mới."},
    )
    assert application.reviews.get().total == Decimal(60)


def test_an_author_on_the_council_sees_no_score_form_on_their_own(client, cast):
    """Ánh sits on the session too: their own application shows no scoring form."""
    from tdkt.initiatives.services import council_update

    council_update(
        actor=cast.registry.officer,
        council=cast.council,
        name=cast.council.name,
        members=[cast.registry.leader, cast.duc_user, cast.anh_user],
        chair=cast.registry.council,
        meeting_date=None,
        pass_mark="70",
        version=cast.council.version,
    )
    application = in_review(cast)
    c = _client(client, cast.anh_user)
    url = reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    assert "Ghi điểm" not in c.get(url).content.decode()
    response = c.post(
        reverse("initiatives:application-review", kwargs={"uuid": application.uuid}),
        {f"c{x.pk}": "30" for x in cast.council.criteria.all()},
    )
    assert response.status_code == 403
    assert not application.reviews.exists()


def test_the_chair_closes_and_the_author_reads_the_reasons_without_names(client, cast):
    application = in_review(cast)
    review_save(
        actor=cast.duc_user,
        application=application,
        points={c.pk: Decimal(5) for c in cast.council.criteria.all()},
        comment="Giải pháp đã có ở đơn vị khác.",
    )
    url = reverse("initiatives:council-detail", kwargs={"uuid": cast.council.uuid})
    member = _client(client, cast.duc_user)
    assert "Kết thúc phiên xét" not in member.get(url).content.decode()
    client.logout()
    chair = _client(client, cast.registry.council)
    assert "Kết thúc phiên xét" in chair.get(url).content.decode()
    chair.post(
        reverse("initiatives:council-close", kwargs={"uuid": cast.council.uuid}),
        {"version": cast.council.version},
    )
    cast.council.refresh_from_db()
    assert cast.council.state == CouncilState.CLOSED
    client.logout()
    author = _client(client, cast.anh_user)
    html = author.get(
        reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    ).content.decode()
    assert "Giải pháp đã có ở đơn vị khác." in html
    assert "Không được công nhận" in html
    assert str(cast.duc_user) not in html


def test_the_officer_records_the_decision_and_exports_the_results(client, cast):
    application = in_review(cast, title='=HYPERLINK("http://x")')
    for user in (cast.duc_user, cast.registry.leader):
        review_save(
            actor=user,
            application=application,
            points={c.pk: Decimal(25) for c in cast.council.criteria.all()},
        )
    council = closed(cast)
    officer = _client(client, cast.registry.officer)
    url = reverse("initiatives:council-detail", kwargs={"uuid": council.uuid})
    assert "Ghi quyết định công nhận sáng kiến" in officer.get(url).content.decode()
    officer.post(
        reverse("initiatives:council-decide", kwargs={"uuid": council.uuid}),
        {
            "decision_number": "15/QĐ-BQL",
            "decision_date": "2019-12-01",
            "signer": "Trưởng ban",
            "version": council.version,
        },
    )
    html = officer.get(url).content.decode()
    assert "Số 15/QĐ-BQL ngày 01/12/2019" in html
    response = officer.get(reverse("initiatives:council-export", kwargs={"uuid": council.uuid}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=8, column=2).value == '\'=HYPERLINK("http://x")'
    assert sheet.cell(row=8, column=6).value == 75
    assert sheet.cell(row=8, column=7).value == "Đã được công nhận"


def test_officer_sets_up_a_session_from_the_form(client, cast):
    officer = _client(client, cast.registry.officer)
    page = officer.get(reverse("initiatives:council-create"))
    assert page.status_code == 200
    response = officer.post(
        reverse("initiatives:council-create"),
        {
            "year": "2020",
            "name": "Hội đồng xét sáng kiến năm 2020",
            "meeting_date": "2020-11-10",
            "pass_mark": "65",
            "chair": cast.registry.council.pk,
            "members": [cast.registry.leader.pk, cast.duc_user.pk],
        },
    )
    assert response.status_code == 302
    client.logout()
    member = _client(client, cast.registry.viewer)
    assert member.get(reverse("initiatives:council-create")).status_code == 403


def test_pages_render_for_every_role(client, cast):
    """The home and the council list answer 200 for each role and carry no action it lacks."""
    in_review(cast)
    for user in (
        cast.registry.officer,
        cast.registry.council,
        cast.registry.viewer,
        cast.registry.investment_head,
        cast.anh_user,
    ):
        c = _client(client, user)
        home = c.get(reverse("initiatives:home")).content.decode()
        may_file = user in (cast.registry.investment_head, cast.anh_user)
        assert ("Lập đơn yêu cầu công nhận" in home) == may_file
        assert c.get(reverse("initiatives:council-list")).status_code == 200
        client.logout()
