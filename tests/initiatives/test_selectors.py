"""Who reads which application and session, and each role's waiting work."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.core.errors import NotFoundError
from tdkt.initiatives.selectors import (
    application_get,
    application_list,
    council_list,
    initiative_work,
)
from tdkt.initiatives.services import application_submit, review_save

from .conftest import filed, in_review

pytestmark = pytest.mark.django_db


def test_a_draft_is_read_by_its_filer_and_the_officer_only(cast):
    application = filed(cast)
    assert list(application_list(actor=cast.anh_user)) == [application]
    assert list(application_list(actor=cast.registry.officer)) == [application]
    for outsider in (cast.duc_user, cast.registry.council, cast.registry.investment_head):
        assert not application_list(actor=outsider).exists()
        with pytest.raises(NotFoundError):
            application_get(actor=outsider, uuid=application.uuid)


def test_members_read_the_applications_of_their_session_once_registered(cast):
    application = in_review(cast)
    assert list(application_list(actor=cast.duc_user)) == [application]
    assert application_get(actor=cast.registry.council, uuid=application.uuid) == application
    with pytest.raises(NotFoundError):
        application_get(actor=cast.registry.planning_head, uuid=application.uuid)


def test_sessions_are_read_by_the_officer_and_their_members(cast):
    assert list(council_list(actor=cast.registry.officer)) == [cast.council]
    assert list(council_list(actor=cast.duc_user)) == [cast.council]
    assert not council_list(actor=cast.anh_user).exists()
    assert not council_list(actor=cast.registry.viewer).exists()


def _labels(user):
    return {item.label: item.count for item in initiative_work(actor=user)}


def test_each_role_finds_its_waiting_work(cast, client):
    application = application_submit(actor=cast.anh_user, application=filed(cast))
    assert _labels(cast.registry.officer) == {"Đơn sáng kiến chờ đưa ra Hội đồng": 1}
    assert _labels(cast.duc_user) == {}
    in_review(cast, title="Sáng kiến thứ hai")
    assert _labels(cast.duc_user) == {"Đơn sáng kiến chờ bạn chấm điểm": 1}
    assert _labels(cast.registry.council) == {
        "Đơn sáng kiến chờ bạn chấm điểm": 1,
        "Phiên xét sáng kiến chờ bạn kết thúc": 1,
    }
    second = application_list(actor=cast.duc_user).get()
    review_save(
        actor=cast.duc_user,
        application=second,
        points={c.pk: Decimal(20) for c in cast.council.criteria.all()},
    )
    assert _labels(cast.duc_user) == {}
    client.force_login(cast.registry.officer)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Đơn sáng kiến chờ đưa ra Hội đồng" in html
    assert application.state == "submitted"
