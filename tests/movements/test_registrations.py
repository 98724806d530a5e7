"""Yearly registration: campaigns, sheets prefilled from last year, approval by the level
above, and the check proposals are held against (``registration_for``)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    OutOfScopeError,
    PermissionDeniedError,
)
from tdkt.movements.constants import RegistrationStatus, SheetState
from tdkt.movements.models import RegistrationLine
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.selectors import registration_for, sheet_get
from tdkt.movements.services import (
    campaign_open,
    campaign_update,
    sheet_line_add,
    sheet_line_remove,
    sheet_start,
)
from tdkt.notifications.models import Notification
from tdkt.rules.codes import (
    ADVANCED_COLLECTIVE,
    ADVANCED_WORKER,
    EXCELLENT_COLLECTIVE,
    GRASSROOTS_FIGHTER,
    PROVINCIAL_FIGHTER,
)

from .registration_helpers import TODAY, open_year

pytestmark = pytest.mark.django_db


def lines_of(sheet):
    return sorted(
        (str(line.person or line.organization), line.code)
        for line in RegistrationLine.objects.filter(sheet=sheet)
    )


def test_opening_a_year_notifies_the_units_and_refuses_a_second_campaign(
    registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        y = open_year(registry)
    heads = set(Notification.objects.values_list("recipient__username", flat=True))
    assert {"investment_head", "planning_head"} <= heads
    assert "enterprise_rep" not in heads
    note = Notification.objects.filter(recipient=registry.investment_head).get()
    assert note.title == "Đăng ký thi đua năm 2020"
    assert "14/02/2020" in note.body
    assert y.campaign.target_percent == 100
    with pytest.raises(ApplicationError, match="Đã mở đăng ký thi đua năm này"):
        campaign_open(
            actor=registry.officer,
            year=2020,
            deadline=date(2020, 2, 1),
            organizations=[registry.centre],
        )
    with pytest.raises(PermissionDeniedError):
        campaign_open(
            actor=registry.investment_head,
            year=2021,
            deadline=date(2021, 2, 1),
            organizations=[registry.investment],
        )


def test_a_new_sheet_lists_the_unit_and_its_people_and_next_year_copies_it(registry):
    """2020 starts with the defaults (the unit: TT LĐTT, each person: LĐTT); the unit raises
    one line; the 2021 sheet starts from 2020's for those still there."""
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    assert lines_of(sheet) == [
        ("Nguyễn Văn Ánh", ADVANCED_WORKER),
        ("Phòng Quản lý Đầu tư", ADVANCED_COLLECTIVE),
    ]
    anh_line = sheet.lines.get(person=registry.anh)
    sheet_line_remove(actor=registry.investment_head, line=anh_line)
    sheet_line_add(
        actor=registry.investment_head,
        sheet=sheet,
        person=registry.anh,
        code=GRASSROOTS_FIGHTER,
        note="Sáng kiến về một cửa điện tử",
        today=TODAY,
    )
    sheet_line_add(
        actor=registry.investment_head,
        sheet=sheet,
        organization=y.team,
        code=ADVANCED_COLLECTIVE,
    )
    event = (
        AuditEvent.objects.filter(event_type=AuditEventType.REGISTRATION_LINE_ADDED)
        .order_by("seq")
        .first()
    )
    assert event is not None
    assert event.changes == {
        "registrant": [None, "Nguyễn Văn Ánh"],
        "title": [None, "Chiến sĩ thi đua cơ sở"],
    }
    next_year = campaign_open(
        actor=registry.officer,
        year=2021,
        deadline=date(2021, 2, 5),
        organizations=[registry.investment],
    )
    copied = sheet_start(
        actor=registry.officer,
        campaign=next_year,
        organization=registry.investment,
        today=date(2021, 1, 15),
    )
    assert lines_of(copied) == [
        ("Nguyễn Văn Ánh", GRASSROOTS_FIGHTER),
        ("Phòng Quản lý Đầu tư", ADVANCED_COLLECTIVE),
        ("Tổ Xúc tiến đầu tư", ADVANCED_COLLECTIVE),
    ]
    assert copied.lines.get(person=registry.anh).note == "Sáng kiến về một cửa điện tử"
    started = AuditEvent.objects.filter(
        event_type=AuditEventType.REGISTRATION_SHEET_STARTED, object_id=str(copied.uuid)
    ).get()
    assert started.changes["copied"] == [None, 3]


def test_lines_must_fit_the_unit_and_the_registrant(registry):
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    head = registry.investment_head
    cases = [
        ({"person": registry.duc, "code": ADVANCED_WORKER}, "Cá nhân không công tác"),
        ({"person": registry.anh, "code": EXCELLENT_COLLECTIVE}, "không dành cho"),
        ({"organization": registry.planning, "code": ADVANCED_COLLECTIVE}, "đơn vị trực thuộc"),
        ({"person": registry.anh, "code": ADVANCED_WORKER}, "Đã đăng ký"),
        ({"code": ADVANCED_WORKER}, "Chọn một cá nhân"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ApplicationError, match=message):
            sheet_line_add(actor=head, sheet=sheet, today=TODAY, **kwargs)
    with pytest.raises(PermissionDeniedError):
        sheet_line_add(
            actor=registry.planning_head, sheet=sheet, person=registry.anh, code=PROVINCIAL_FIGHTER
        )
    with pytest.raises(PermissionDeniedError):
        sheet_start(actor=registry.viewer, campaign=y.campaign, organization=registry.investment)
    with pytest.raises(ConflictError, match="đã lập"):
        sheet_start(actor=head, campaign=y.campaign, organization=registry.investment)
    with pytest.raises(ApplicationError, match="không thuộc danh sách"):
        sheet_start(actor=registry.officer, campaign=y.campaign, organization=registry.centre)


def test_the_level_above_approves_or_returns_a_unit_never_its_own(
    registry, django_capture_on_commit_callbacks
):
    """The investment head approves the sub-unit's sheet but not the department's own, which
    the Board's officer approves; a return needs a reason and tells the unit why."""
    y = open_year(registry)
    own = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    team = sheet_start(
        actor=registry.investment_head, campaign=y.campaign, organization=y.team, today=TODAY
    )
    for sheet in (own, team):
        sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    with pytest.raises(PermissionDeniedError):
        sheet_transition(actor=registry.investment_head, sheet=own, to_state=SheetState.APPROVED)
    with pytest.raises(PermissionDeniedError):
        sheet_transition(actor=registry.planning_head, sheet=team, to_state=SheetState.APPROVED)
    with pytest.raises(PermissionDeniedError):
        sheet_transition(actor=registry.leader, sheet=own, to_state=SheetState.APPROVED)
    approved = sheet_transition(
        actor=registry.investment_head, sheet=team, to_state=SheetState.APPROVED
    )
    assert approved.state == SheetState.APPROVED
    with pytest.raises(ApplicationError, match="Cần ghi lý do"):
        sheet_transition(actor=registry.officer, sheet=own, to_state=SheetState.RETURNED)
    with django_capture_on_commit_callbacks(execute=True):
        returned = sheet_transition(
            actor=registry.officer,
            sheet=own,
            to_state=SheetState.RETURNED,
            reason="Thiếu đăng ký của cán bộ mới",
        )
    assert (returned.state, returned.return_reason) == (
        SheetState.RETURNED,
        "Thiếu đăng ký của cán bộ mới",
    )
    told = Notification.objects.filter(recipient=registry.investment_head).order_by("-id")[0]
    assert told.title == "Bản đăng ký thi đua năm 2020 bị trả lại để sửa"
    assert told.body == "Lý do: Thiếu đăng ký của cán bộ mới"
    assert f"/registrations/sheets/{own.uuid}/" == told.link
    # The unit corrects and submits again; the officer approves.
    sheet_line_add(
        actor=registry.investment_head,
        sheet=own,
        person=registry.anh,
        code=PROVINCIAL_FIGHTER,
        today=TODAY,
    )
    sheet_transition(actor=registry.investment_head, sheet=own, to_state=SheetState.SUBMITTED)
    done = sheet_transition(actor=registry.officer, sheet=own, to_state=SheetState.APPROVED)
    assert list(done.transitions.values_list("to_state", flat=True)) == [
        "submitted",
        "returned",
        "submitted",
        "approved",
    ]


def test_a_submitted_sheet_is_frozen_and_a_stale_approval_is_a_conflict(registry):
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    seen = sheet.version
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    with pytest.raises(ConflictError, match="đã gửi"):
        sheet_line_remove(actor=registry.investment_head, line=sheet.lines.first())
    with pytest.raises(ConflictError, match="vừa được người khác thay đổi"):
        sheet_transition(
            actor=registry.officer,
            sheet=sheet,
            to_state=SheetState.APPROVED,
            expected_version=seen,
        )


def test_a_closed_campaign_takes_no_more_changes_from_units(registry):
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    campaign_update(actor=registry.officer, campaign=y.campaign, state="closed")
    with pytest.raises(ConflictError, match="đã kết thúc"):
        sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    with pytest.raises(ConflictError, match="đã kết thúc"):
        sheet_start(
            actor=registry.planning_head, campaign=y.campaign, organization=registry.planning
        )


def test_a_unit_sees_only_its_own_sheets(registry):
    """Another unit's sheet answers exactly like a missing one."""
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    assert sheet_get(actor=registry.viewer, uuid=sheet.uuid) == sheet
    assert sheet_get(actor=registry.council, uuid=sheet.uuid) == sheet
    with pytest.raises(OutOfScopeError) as hidden:
        sheet_get(actor=registry.planning_head, uuid=sheet.uuid)
    with pytest.raises(NotFoundError) as missing:
        sheet_get(actor=registry.planning_head, uuid="00000000-0000-0000-0000-000000000000")
    assert hidden.value.message == missing.value.message


def test_registration_for_answers_approved_pending_or_not_and_higher_titles_cover_lower(
    registry,
):
    y = open_year(registry)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    sheet_line_add(
        actor=registry.investment_head,
        sheet=sheet,
        person=registry.anh,
        code=GRASSROOTS_FIGHTER,
        today=TODAY,
    )
    ask = {"year": 2020, "person": registry.anh}
    assert registration_for(code=ADVANCED_WORKER, **ask) == RegistrationStatus.NOT_REGISTERED
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    assert registration_for(code=GRASSROOTS_FIGHTER, **ask) == RegistrationStatus.PENDING
    sheet_transition(actor=registry.officer, sheet=sheet, to_state=SheetState.APPROVED)
    assert registration_for(code=GRASSROOTS_FIGHTER, **ask) == RegistrationStatus.REGISTERED
    assert registration_for(code=ADVANCED_WORKER, **ask) == RegistrationStatus.REGISTERED
    assert registration_for(code=PROVINCIAL_FIGHTER, **ask) == RegistrationStatus.NOT_REGISTERED
    assert (
        registration_for(year=2021, code=GRASSROOTS_FIGHTER, person=registry.anh)
        == RegistrationStatus.NOT_REGISTERED
    )
    assert (
        registration_for(year=2020, code=ADVANCED_COLLECTIVE, organization=registry.investment)
        == RegistrationStatus.REGISTERED
    )
    assert (
        registration_for(year=2020, code=ADVANCED_COLLECTIVE, organization=registry.planning)
        == RegistrationStatus.NOT_REGISTERED
    )
    with pytest.raises(ValueError):
        registration_for(year=2020, code=ADVANCED_WORKER)


def test_no_email_without_an_address_but_the_notification_is_there(
    registry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_year(registry, with_team=False)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=registry.planning_head).exists()
