"""Review of the contests: file names, long texts and the prize limits' messages."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tdkt.accounts.constants import Role
from tdkt.commendations.uploads import safe_name
from tdkt.contests.models import Entry
from tests.builders import make_user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(user, contest) -> str:
    url = reverse("contests:contest-detail", kwargs={"uuid": contest.uuid})
    return signed_in(user).get(url).content.decode()


# 10. File names, long texts, prize limits -----------------------------------------------------


def test_a_long_file_name_keeps_its_extension():
    name = safe_name("a" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name) <= 200
    assert safe_name("bai.pdf") == "bai.pdf"
    assert len(safe_name("b" * 300)) == 200


def test_line_breaks_count_once_against_the_text_limit(w):
    head = make_user("centre_head", Role.UNIT_HEAD, w.r.centre)
    text = "Đoạn văn ngắn.\r\n" * 1900  # 28,500 characters typed, 30,400 sent
    response = signed_in(head).post(
        reverse("contests:entry-create", kwargs={"uuid": w.contest.uuid}),
        {
            "title": "Chị Lan",
            "subject_kind": "individual",
            "subject_name": "Nguyễn Thị Lan",
            "authors": "Tổ văn phòng",
            "text": text,
            "subject": "",
        },
    )
    assert response.status_code == 302
    assert len(Entry.objects.get(title="Chị Lan").text) <= 30_000


def test_prize_limits_speak_the_app_s_language(registry):
    data = {
        "name": "Cuộc thi 2",
        "year": "2026",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-31",
        "first_prizes": "51",
        "first_amount": "2000000000",
    }
    page = signed_in(registry.officer).post(reverse("contests:contest-create"), data)
    html = page.content.decode()
    assert "Tiền thưởng mỗi giải từ 0 đến 1.000.000.000 đồng." in html
    assert "Số giải của mỗi hạng từ 0 đến 50." in html
    assert "Ensure this value" not in html and "Đảm bảo" not in html
