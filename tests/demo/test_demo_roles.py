"""On a fresh demo each role lands on its own work: the dashboard's "Việc cần làm" lists
what that login may do now, and only that."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tdkt.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _work(username: str) -> str:
    client = Client()
    client.force_login(User.objects.get(username=username))
    page = client.get("/").content.decode()
    if "Việc cần làm" not in page:
        return ""
    start = page.index("Việc cần làm")
    return page[start : page.index("</article>", start)]


@pytest.mark.parametrize(
    ("username", "shown", "hidden"),
    [
        # The officer appraises the labour department's new list; nothing is left to draft.
        (
            "canbo.tdkt",
            ["Đề nghị mới gửi, chờ thẩm định", "/proposals/?state=submitted"],
            ["Dự thảo quyết định chờ ký", "Đề nghị đang soạn"],
        ),
        # The investment head finishes the draft and sees the 2019 result; as a member of the
        # council they also have the 2025 ballot.
        (
            "truongphong.dautu",
            [
                "Đề nghị đang soạn, chưa gửi",
                "Đề nghị đã có quyết định khen thưởng",
                "Phiên họp Hội đồng chờ bạn bỏ phiếu",
            ],
            ["chờ thẩm định", "chờ ký"],
        ),
        # A council member votes.
        ("hoidong.yen", ["Phiên họp Hội đồng chờ bạn bỏ phiếu", "/council/"], ["Đề nghị"]),
        # The labour deputy waits for the appraisal: only the 2019 result is there.
        ("phophong.laodong", ["Đề nghị đã có quyết định khen thưởng"], ["đang soạn", "Hội đồng"]),
    ],
)
def test_each_role_sees_its_own_work(seeded, username, shown, hidden):
    work = _work(username)
    for text in shown:
        assert text in work, (username, text)
    for text in hidden:
        assert text not in work, (username, text)


def test_a_viewer_has_no_work_listed(seeded):
    assert _work("xem") == ""
