"""Review of the contests: a repeated POST of the sending form creates one entry."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tdkt.accounts.constants import Role
from tdkt.contests.models import Entry
from tdkt.contests.selectors import contest_results
from tdkt.contests.services import (
    score_set,
)
from tests.builders import make_user
from tests.contests.conftest import World


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def row_of(w: World, entry: Entry, actor=None):
    return next(
        r for r in contest_results(actor=actor, contest=w.contest).rows if r.entry.pk == entry.pk
    )


def score_all(w: World, entry: Entry, marks: dict) -> None:
    for juror, points in marks.items():
        score_set(actor=juror, entry=entry, points=points)


# 6. A repeated POST ---------------------------------------------------------------------------


def test_sending_the_same_form_twice_creates_one_entry(w):
    head = make_user("centre_head", Role.UNIT_HEAD, w.r.centre)
    client = signed_in(head)
    url = reverse("contests:entry-create", kwargs={"uuid": w.contest.uuid})
    page = client.get(url).content.decode()
    key = page.split('name="key" value="', 1)[1].split('"', 1)[0]
    data = {
        "title": "Chị Lan",
        "subject_kind": "individual",
        "subject_name": "Nguyễn Thị Lan",
        "authors": "Tổ văn phòng",
        "text": "Câu chuyện.",
        "subject": "",
        "key": key,
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Entry.objects.filter(organization=w.r.centre, title="Chị Lan").count() == 1
    # another form (another key) sends another entry
    data["key"] = client.get(url).content.decode().split('name="key" value="', 1)[1][:36]
    client.post(url, data)
    assert Entry.objects.filter(organization=w.r.centre, title="Chị Lan").count() == 2
