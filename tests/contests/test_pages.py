"""The contest pages: each role sees only its actions, hidden entries answer like missing
ones, pages read as Vietnamese, the prize list exports safely."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.contests.models import Contest, Entry
from tdkt.contests.services import entry_prize_set, score_set
from tdkt.contests.versions import entry_version
from tests.commendations.pages import giveaways, main_text
from tests.movements.pages import MISSING, page_of

from .conftest import PDF

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def vietnamese(response) -> str:
    """The page's main text, asserting that no English word or internal code shows (jurors
    are named by their accounts, whose names are the test's user names)."""
    assert response.status_code == 200, response.status_code
    text = main_text(response.content.decode(), skip=("timeline", "juror"))
    assert giveaways(text) == [], giveaways(text)
    return text


def detail(contest) -> str:
    return reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})


def entry_url(entry, name="contests:entry-detail") -> str:
    return reverse(name, kwargs={"uuid": entry.uuid})


def test_an_officer_creates_a_contest_through_the_page(registry):
    client = signed_in(registry.officer)
    vietnamese(client.get(reverse("contests:contest-create")))
    response = client.post(
        reverse("contests:contest-create"),
        {
            "name": "Cuộc thi viết về gương điển hình tiên tiến năm 2027",
            "year": "2027",
            "plan_number": "1445/KH-BQL",
            "plan_date": "2026-10-25",
            "opens_on": "2026-11-01",
            "closes_on": "2027-03-31",
            "rules": "Bài viết về người thật, việc thật.",
            "first_prizes": "1",
            "first_amount": "3000000",
            "second_prizes": "2",
            "second_amount": "2000000",
            "third_prizes": "0",
            "third_amount": "0",
            "consolation_prizes": "0",
            "consolation_amount": "0",
        },
    )
    contest = Contest.objects.get()
    assert response["Location"] == detail(contest)
    text = vietnamese(signed_in(registry.officer).get(detail(contest)))
    assert "Số 1445/KH-BQL ngày 25/10/2026" in text
    assert "Từ 01/11/2026 đến hết 31/03/2027" in text
    assert "3.000.000 đồng" in text
    assert "Mở nhận bài" in text


def test_a_bad_contest_form_shows_the_error_and_writes_nothing(registry):
    response = signed_in(registry.officer).post(
        reverse("contests:contest-create"),
        {"name": "X", "year": "2027", "opens_on": "2027-05-01", "closes_on": "2027-04-01"},
    )
    assert response.status_code == 200
    assert "Hạn cuối nhận bài không được trước ngày bắt đầu." in response.content.decode()
    assert not Contest.objects.exists()


def test_each_role_sees_only_its_actions_on_an_open_contest(w):
    officer = vietnamese(signed_in(w.r.officer).get(detail(w.contest)))
    # before the closing day the judging cannot start: no button, the reason instead
    assert "Kết thúc nhận bài, bắt đầu chấm" not in officer and "Chọn giám khảo" in officer
    assert "Chưa hết hạn nhận bài" in officer
    assert "Gửi bài dự thi" not in officer
    head = vietnamese(signed_in(w.r.investment_head).get(detail(w.contest)))
    assert "Gửi bài dự thi" in head and "Người cán bộ tận tụy" in head
    assert "Bông hoa giữa nhà máy" not in head
    assert "Sửa" not in head.split() and "Kết thúc nhận bài" not in head
    viewer = vietnamese(signed_in(w.r.viewer).get(detail(w.contest)))
    for action in ("Gửi bài dự thi", "Chọn giám khảo", "Bảng điểm", "Mở nhận bài"):
        assert action not in viewer
    assert signed_in(w.r.viewer).get(reverse("contests:contest-create")).status_code == 403
    assert (
        signed_in(w.r.viewer).get(entry_url(w.contest, "contests:entry-create")).status_code == 403
    )


def test_a_hidden_entry_answers_exactly_like_a_missing_one(w):
    client = signed_in(w.r.enterprise_rep)
    hidden = client.get(entry_url(w.investment_entry))
    missing = client.get(reverse("contests:entry-detail", kwargs={"uuid": MISSING}))
    assert hidden.status_code == missing.status_code == 404
    assert page_of(hidden.content, w.investment_entry.uuid) == page_of(missing.content)
    assert client.get(entry_url(w.investment_entry, "contests:entry-file")).status_code == 404


def test_a_unit_head_submits_with_a_file_then_edits_and_a_stale_edit_is_explained(w):
    client = signed_in(w.r.investment_head)
    vietnamese(client.get(entry_url(w.contest, "contests:entry-create")))
    upload = io.BytesIO(PDF)
    upload.name = "Bài viết.pdf"
    response = client.post(
        entry_url(w.contest, "contests:entry-create"),
        {
            "title": "Người giữ lửa",
            "subject_kind": "individual",
            "subject_name": "Nguyễn Văn Ánh",
            "subject": f"p:{w.r.anh.uuid}",
            "authors": "Phạm Hà",
            "text": "Câu chuyện về anh Ánh.",
            "file": upload,
        },
    )
    entry = Entry.objects.get(title="Người giữ lửa")
    assert response["Location"] == entry_url(entry)
    assert entry.subject_person == w.r.anh
    page = vietnamese(client.get(entry_url(entry)))
    assert "Bài viết.pdf" in page and "Rút bài dự thi" in page
    assert client.get(entry_url(entry, "contests:entry-file")).content == PDF
    form = client.get(entry_url(entry, "contests:entry-update")).content.decode()
    seen = form.split('name="seen" value="')[1].split('"')[0]
    data = {
        "seen": seen,
        "title": "Người giữ lửa (bản sửa)",
        "subject_kind": "individual",
        "subject_name": "Nguyễn Văn Ánh",
        "authors": "Phạm Hà",
        "text": "Câu chuyện về anh Ánh.",
    }
    assert client.post(entry_url(entry, "contests:entry-update"), data).status_code == 302
    stale = client.post(entry_url(entry, "contests:entry-update"), {**data, "title": "Lần hai"})
    assert stale.status_code == 200
    assert "sau khi bạn mở" in stale.content.decode()
    entry.refresh_from_db()
    assert entry.title == "Người giữ lửa (bản sửa)"
    assert entry_version(entry)


def test_the_juror_scores_on_the_entry_page_and_the_officer_assigns_prizes(judging):
    w = judging
    juror = signed_in(w.r.council)
    page = vietnamese(juror.get(entry_url(w.investment_entry)))
    assert "Ghi điểm" in page and "Xin không chấm" in page
    assert "Lưu giải" not in page
    juror.post(entry_url(w.investment_entry, "contests:entry-score"), {"points": "88.5"})
    page = vietnamese(juror.get(entry_url(w.investment_entry)))
    assert ("Đã có 1/3 giám khảo chấm." in page and "88,5" in page) or "88.5" in page
    own = vietnamese(signed_in(w.r.planning_head).get(entry_url(w.planning_entry)))
    assert "Bạn ở phía gửi bài" in own and "Ghi điểm" not in own
    for juror_user in (w.r.leader, w.r.planning_head):
        score_set(actor=juror_user, entry=w.investment_entry, points=90)
    officer = signed_in(w.r.officer)
    results = vietnamese(
        officer.get(reverse("contests:contest-results", kwargs={"uuid": w.contest.uuid}))
    )
    assert "89,50" in results
    response = officer.post(
        entry_url(w.investment_entry, "contests:entry-prize"), {"prize": "first", "back": "results"}
    )
    assert response.status_code == 302
    w.investment_entry.refresh_from_db()
    assert w.investment_entry.prize == "first"
    assert (
        signed_in(w.r.viewer)
        .get(reverse("contests:contest-results", kwargs={"uuid": w.contest.uuid}))
        .status_code
        == 404
    )


def test_the_prize_list_exports_to_excel_without_running_formulas(judging):
    w = judging
    entry = w.enterprise_entry
    Entry.objects.filter(pk=entry.pk).update(title='=HYPERLINK("http://x")')
    for juror in (w.r.council, w.r.leader, w.r.planning_head):
        score_set(actor=juror, entry=entry, points=95)
    entry_prize_set(actor=w.r.officer, entry=entry, prize="first")
    response = signed_in(w.r.officer).get(
        reverse("contests:contest-prizes", kwargs={"uuid": w.contest.uuid})
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert '\'=HYPERLINK("http://x")' in values
    assert 3_000_000 in values and "Giải Nhất" in values
    assert (
        signed_in(w.r.viewer)
        .get(reverse("contests:contest-prizes", kwargs={"uuid": w.contest.uuid}))
        .status_code
        == 404
    )


def test_the_dashboard_and_the_menu_show_the_contest(w):
    page = signed_in(w.r.investment_head).get(reverse("web:dashboard")).content.decode()
    assert "Cuộc thi viết sắp hết hạn nhận bài" in page
    assert "Cuộc thi viết, gương điển hình" in page
    listing = vietnamese(signed_in(w.r.viewer).get(reverse("contests:contest-list")))
    assert "Nhận bài từ" in listing
    assert timezone.localdate() - timedelta(days=10) == w.contest.opens_on
    vietnamese(signed_in(w.r.viewer).get(reverse("contests:exemplary-list")))


def test_the_dashboard_s_recent_changes_do_not_reveal_entries_or_marks(judging):
    w = judging
    score_set(actor=w.r.council, entry=w.investment_entry, points=77)
    for user in (w.r.leader, w.r.officer):
        page = signed_in(user).get(reverse("web:dashboard")).content.decode()
        assert "Người cán bộ tận tụy" not in page
        assert "Giám khảo chấm bài dự thi" not in page
