"""A contest open today for the test registry, built through the services.

Jurors: the council member and the leader (both of the Board itself) and the head of the
planning department (so the planning department's entry is one they never score). Entries:
the investment department's, the enterprise's and the planning department's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tdkt.contests.models import Contest, Entry
from tdkt.contests.services import contest_create, contest_jury_set, entry_submit
from tdkt.contests.workflow import contest_transition
from tests.builders import Registry

PDF = b"%PDF-1.4\n%%EOF\n"


@dataclass
class World:
    r: Registry
    contest: Contest
    investment_entry: Entry
    enterprise_entry: Entry
    planning_entry: Entry

    @property
    def after_close(self) -> date:
        return self.contest.closes_on + timedelta(days=1)


def new_contest(r: Registry, **extra) -> Contest:
    today = timezone.localdate()
    values = {
        "name": "Cuộc thi viết về gương điển hình tiên tiến, “Người tốt, việc tốt”",
        "year": today.year,
        "opens_on": today - timedelta(days=10),
        "closes_on": today + timedelta(days=10),
        "plan_number": "1445/KH-BQL",
        "plan_date": today - timedelta(days=20),
        "rules": "Bài viết về người thật, việc thật.\nKhông quá 3.000 chữ.",
        "first_prizes": 1,
        "first_amount": 3_000_000,
        "second_prizes": 1,
        "second_amount": 2_000_000,
        "third_prizes": 1,
        "third_amount": 1_500_000,
        "consolation_prizes": 2,
        "consolation_amount": 500_000,
    }
    values.update(extra)
    return contest_create(actor=r.officer, **values)


def submit(r: Registry, contest: Contest, actor, organization, title: str, **extra) -> Entry:
    values = {
        "title": title,
        "subject_kind": "individual",
        "subject_name": "Nguyễn Văn Ánh",
        "authors": "Trần Thu Trang",
        "text": "Anh Ánh luôn đến sớm, về muộn.\nAnh giúp doanh nghiệp tháo gỡ khó khăn.",
    }
    values.update(extra)
    return entry_submit(actor=actor, contest=contest, organization=organization, **values)


def build_world(r: Registry) -> World:
    contest = new_contest(r)
    contest_jury_set(
        actor=r.officer, contest=contest, jurors=[r.council, r.leader, r.planning_head]
    )
    contest = contest_transition(actor=r.officer, contest=contest, to_state="open")
    return World(
        r=r,
        contest=contest,
        investment_entry=submit(
            r, contest, r.investment_head, r.investment, "Người cán bộ tận tụy"
        ),
        enterprise_entry=submit(
            r,
            contest,
            r.enterprise_rep,
            r.enterprise,
            "Bông hoa giữa nhà máy",
            subject_name="Lê Thị Hoa",
        ),
        planning_entry=submit(
            r,
            contest,
            r.planning_head,
            r.planning,
            "Tổ quy hoạch đoàn kết",
            subject_kind="collective",
            subject_name="Phòng Quy hoạch và Xây dựng",
        ),
    )


def start_judging(w: World) -> None:
    w.contest = contest_transition(
        actor=w.r.officer, contest=w.contest, to_state="judging", on=w.after_close
    )
    for entry in (w.investment_entry, w.enterprise_entry, w.planning_entry):
        entry.refresh_from_db()


@pytest.fixture
def w(registry) -> World:
    return build_world(registry)


@pytest.fixture
def judging(w) -> World:
    start_judging(w)
    return w
