"""The council screens: who sees what, who may do what, the ballot on the web, hidden
results, the paper form and the minutes as Word and PDF."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.constants import CouncilRole, SessionState, TallySource
from tdkt.commendations.models import BallotReceipt, Council, CouncilSession, SessionItem
from tdkt.commendations.services.ballots import ballot_cast
from tdkt.commendations.services.council import council_member_add
from tdkt.commendations.services.council_results import session_voting_close

from .council_helpers import (
    items_by_code,
    planned_session,
    proposals_at_council,
    seat_council,
    voting_session,
)

pytestmark = pytest.mark.django_db


def client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def url(name: str, obj=None, **kwargs) -> str:
    if obj is not None:
        kwargs["uuid"] = obj.uuid
    return reverse(f"commendations:{name}", kwargs=kwargs or None)


@pytest.fixture
def agenda(registry):
    return proposals_at_council(registry)


@pytest.fixture
def seats(registry):
    return seat_council(registry, size=5)


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _page(response, uuid) -> str:
    """The page without its per-response CSRF tokens and with the requested id masked."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode()).replace(str(uuid), "ID")


# Setting the council ------------------------------------------------------------------------


def test_officer_sets_a_council_and_its_members_through_the_forms(registry):
    """The officer lands on the new council, adds the leader as chair and sees him listed."""
    officer = client(registry.officer)
    response = officer.post(
        url("council-create"),
        {
            "year": 2025,
            "name": "Hội đồng Thi đua – Khen thưởng năm 2025",
            "established_by": "12/QĐ-BQL",
            "quorum_percent": "80",
            "series_symbol": "BB-HĐTĐKT",
        },
        follow=True,
    )
    council = Council.objects.get(year=2025)
    assert response.redirect_chain == [(url("council-detail", council), 302)]
    response = officer.post(
        url("council-member-add", council),
        {"user": registry.leader.pk, "role": CouncilRole.CHAIR, "title": "Trưởng ban"},
        follow=True,
    )
    body = _text(response)
    assert "Đã thêm leader." in body
    assert "Chủ tịch Hội đồng" in body and "Trưởng ban" in body
    assert "Hội đồng chưa có Thư ký" in body


def test_a_quorum_above_100_is_refused_inline(registry):
    """A quorum of 120 % is shown as a field error; no council is created."""
    response = client(registry.officer).post(
        url("council-create"),
        {"year": 2025, "name": "Hội đồng", "quorum_percent": "120", "series_symbol": "BB"},
    )
    assert response.status_code == 200
    assert "100" in _text(response)
    assert not Council.objects.exists()


@pytest.mark.parametrize("who", ["council", "leader", "viewer"])
def test_readers_get_403_before_their_input_is_read(registry, seats, who):
    """A board-wide reader or a viewer sending an edit gets 403 whatever they sent (here an
    empty, invalid form), and nothing is recorded as a change."""
    actor = getattr(registry, who)
    response = client(actor).post(url("council-update", seats.council), {})
    expected = 403 if who != "viewer" else 404
    assert response.status_code == expected
    assert not AuditEvent.objects.filter(event_type=AuditEventType.COUNCIL_UPDATED).exists()


def test_a_council_outside_ones_reach_answers_like_a_missing_one(registry, seats, agenda):
    """A unit head without a seat gets the same 404 page for a real council or session as for
    an unknown id; once seated on the council, the same head sees both."""
    session = planned_session(registry, seats, agenda)
    head = client(registry.planning_head)
    unknown = "00000000-0000-0000-0000-000000000000"
    missing = head.get(url("council-detail", uuid=unknown))
    hidden = head.get(url("council-detail", seats.council))
    assert hidden.status_code == missing.status_code == 404
    assert _page(hidden, seats.council.uuid) == _page(missing, unknown)
    assert head.get(url("session-detail", session)).status_code == 404
    council_member_add(
        actor=registry.officer,
        council=seats.council,
        user=registry.planning_head,
        role=CouncilRole.MEMBER,
    )
    assert head.get(url("council-detail", seats.council)).status_code == 200
    assert head.get(url("session-detail", session)).status_code == 200


def test_the_menu_shows_the_council_to_those_who_may_see_it(registry, seats):
    """Officers and seated members get the "Hội đồng" link; a viewer without a seat does not."""
    link = f'href="{url("council-list")}"'
    assert link in client(registry.officer).get("/").content.decode()
    assert link in client(seats.user(2)).get("/").content.decode()
    assert link not in client(registry.viewer).get("/").content.decode()


# The ballot on the web ----------------------------------------------------------------------


def test_member_votes_once_and_the_page_never_shows_the_choices(registry, seats, agenda):
    """The ballot lists each line with its unit and achievement; after submitting, the member
    is told the ballot was received and a second submit is refused."""
    session = voting_session(registry, seats, agenda)
    items = items_by_code(session)
    member = client(seats.user(2))
    page = _text(member.get(url("session-ballot", session)))
    assert "Nguyễn Văn Ánh" in page and "Chiến sĩ thi đua cơ sở" in page
    assert "Phòng Quản lý Đầu tư" in page and "Hoàn thành xuất sắc nhiệm vụ năm 2025." in page
    data = {f"item_{pk}": ("yes" if i % 2 else "no") for i, pk in enumerate(items.values())}
    response = member.post(url("session-ballot", session), data, follow=True)
    assert response.redirect_chain == [(url("session-detail", session), 302)]
    body = _text(response)
    assert "Đã ghi nhận phiếu bầu của bạn." in body
    assert "Bạn đã bỏ phiếu ở phiên họp này." in body
    assert "Đồng ý: " not in body  # no count, no choice echoed back
    again = member.post(url("session-ballot", session), data, follow=True)
    assert "mỗi thành viên chỉ bỏ phiếu một lần" in _text(again)
    assert BallotReceipt.objects.filter(session=session).count() == 1


def test_an_incomplete_ballot_is_shown_again_and_nothing_is_counted(registry, seats, agenda):
    """Leaving a line without a choice re-shows the ballot with the message under that line."""
    session = voting_session(registry, seats, agenda)
    items = list(items_by_code(session).values())
    response = client(seats.user(1)).post(
        url("session-ballot", session), {f"item_{items[0]}": "yes"}
    )
    assert response.status_code == 200
    assert "Hãy chọn Đồng ý hoặc Không đồng ý." in _text(response)
    assert not BallotReceipt.objects.exists()


def test_only_members_reach_the_ballot(registry, seats, agenda):
    """An officer may see the session but gets 403 on the ballot; a viewer gets 404."""
    session = voting_session(registry, seats, agenda)
    assert client(registry.officer).get(url("session-ballot", session)).status_code == 403
    assert client(registry.viewer).get(url("session-ballot", session)).status_code == 404


def test_a_conflict_declared_on_the_web_takes_the_line_off_the_ballot(registry, seats, agenda):
    """The member declares a conflict on one line; the ballot then has no choice for it."""
    session = voting_session(registry, seats, agenda)
    items = list(items_by_code(session).values())
    member = client(seats.user(3))
    response = member.post(
        url("session-conflict", session, item_id=items[0]),
        {"reason": "Người thân của ứng viên"},
        follow=True,
    )
    assert "Đã ghi nhận: bạn không tham gia biểu quyết" in _text(response)
    page = member.get(url("session-ballot", session)).content.decode()
    assert f'name="item_{items[0]}"' not in page
    assert f'name="item_{items[1]}"' in page
    assert "Bạn đã khai báo không tham gia biểu quyết nội dung này." in page


# Chair, secretary and hidden results ----------------------------------------------------------


def test_chair_opens_and_closes_and_results_appear_only_then(registry, seats, agenda):
    """The chair's page shows "Đã nhận 1/5 phiếu" and no count while voting; after closing,
    every visitor sees the counts, the outcome and the minutes links."""
    session = planned_session(registry, seats, agenda)
    chair = client(seats.chair.user)
    assert client(seats.user(1)).post(url("session-open", session)).status_code == 403
    chair.post(url("session-open", session))
    session.refresh_from_db()
    assert session.state == SessionState.VOTING
    ballot_cast(
        actor=seats.user(1),
        session=session,
        choices=dict.fromkeys(items_by_code(session).values(), True),
    )
    body = _text(chair.get(url("session-detail", session)))
    assert "Đã nhận 1/5 phiếu." in body
    assert "Kết quả biểu quyết" not in body and "Không đạt" not in body
    assert "kết quả chỉ được công bố khi Chủ tịch Hội đồng kết thúc bỏ phiếu" in body
    assert client(registry.officer).post(url("session-close", session)).status_code == 403
    response = chair.post(url("session-close", session), follow=True)
    body = _text(response)
    assert "Đã kết thúc bỏ phiếu." in body
    assert "Kết quả biểu quyết" in body
    assert "Đồng ý: <strong>1</strong>" in body and "20,00%" in body and "Không đạt" in body
    assert url("session-minutes-pdf", session) in body
    viewer_body = _text(client(registry.leader).get(url("session-detail", session)))
    assert "Đồng ý: <strong>1</strong>" in viewer_body
    assert "Chiến sĩ thi đua cơ sở: 1 đồng ý, 0 không đồng ý — Không đạt" in viewer_body
    assert (
        "<ins>10/01/2026 08:30</ins>" in viewer_body and "2026-01-10T" not in viewer_body
    )  # history


def test_secretary_records_attendance_on_the_form(registry, seats, agenda):
    """The secretary marks one member absent with a written opinion; the page then shows the
    quorum (4/5 = 80 %) as met. The chair may not open that form."""
    from tdkt.commendations.services.council_sessions import session_create

    session = session_create(
        actor=registry.officer,
        council=seats.council,
        round=agenda.round,
        title="Họp",
        starts_at=CouncilSession._meta.get_field("starts_at").to_python("2026-01-10T08:30+07:00"),
    )
    assert client(seats.chair.user).get(url("session-attendance", session)).status_code == 403
    data = {"version": session.version}
    for i, member in enumerate(seats.members):
        data[f"member_{member.pk}"] = "written" if i == 2 else "present"
    response = client(seats.secretary.user).post(
        url("session-attendance", session), data, follow=True
    )
    body = _text(response)
    assert "Đã điểm danh: 4 có mặt, 1 vắng." in body
    assert "Có mặt 4/5 thành viên" in body and "đủ điều kiện bỏ phiếu" in body
    assert "Thành viên 03: vắng, có ý kiến bằng văn bản" in body


def test_paper_counts_too_high_are_shown_on_the_line(registry, seats, agenda):
    """On paper, 4 + 2 ballots on a line with 5 members present is refused under that line."""
    session = voting_session(registry, seats, agenda, tally_source=TallySource.PAPER)
    items = list(items_by_code(session).values())
    data = {"version": session.version, "ballots_issued": 5, "ballots_returned": 5}
    data["ballots_valid"] = 5
    for pk in items:
        data[f"yes_{pk}"], data[f"no_{pk}"] = 4, 1
    data[f"yes_{items[1]}"], data[f"no_{items[1]}"] = 4, 2
    secretary = client(seats.secretary.user)
    response = secretary.post(url("session-paper", session), data)
    assert response.status_code == 200
    assert "Đồng ý + không đồng ý (6) vượt quá 5" in _text(response)
    data[f"no_{items[1]}"] = 1
    secretary.post(url("session-paper", session), data)
    assert set(SessionItem.objects.filter(session=session).values_list("yes_count", flat=True)) == {
        4
    }
    again = _text(secretary.get(url("session-paper", session)))
    assert 'value="4"' in again  # the secretary sees what she entered
    assert client(seats.chair.user).get(url("session-paper", session)).status_code == 403


# Minutes ------------------------------------------------------------------------------------


def test_minutes_as_word_and_pdf_after_closing(registry, seats, agenda):
    """Before closing the minutes are refused with a message; after, the .docx and the PDF
    carry the number in the council's series, the members and the results."""
    from docx import Document
    from pypdf import PdfReader

    session = voting_session(registry, seats, agenda)
    member = client(seats.user(1))
    early = member.get(url("session-minutes-docx", session))
    assert early.status_code == 400
    assert "sau khi Chủ tịch Hội đồng kết thúc bỏ phiếu" in early.content.decode()
    for i in range(5):
        ballot_cast(
            actor=seats.user(i),
            session=session,
            choices=dict.fromkeys(items_by_code(session).values(), True),
        )
    session_voting_close(actor=seats.chair.user, session=session)
    docx = member.get(url("session-minutes-docx", session))
    assert docx["Content-Disposition"] == 'attachment; filename="bien-ban-01-2026.docx"'
    document = Document(io.BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "BIÊN BẢN" in text and "01/BB-HĐTĐKT" in text
    assert "Nguyễn Văn Ánh" in text and "Thành viên 05" in text
    pdf = member.get(url("session-minutes-pdf", session))
    assert pdf["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    pdf_text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    assert "Nguyễn Văn Ánh" in pdf_text and "Đạt" in pdf_text
    assert client(registry.viewer).get(url("session-minutes-pdf", session)).status_code == 404


def test_my_sessions_offer_the_ballot_only_to_members_who_may_vote(registry, seats, agenda):
    """On the council list, a present member who has not voted gets "Bỏ phiếu"; once voted,
    "Đã bỏ phiếu"; a member recorded absent gets no ballot button."""
    session = voting_session(registry, seats, agenda, absent=(3,))
    ballot = url("session-ballot", session)
    assert ballot in client(seats.user(2)).get(url("council-list")).content.decode()
    assert ballot not in client(seats.user(3)).get(url("council-list")).content.decode()
    ballot_cast(
        actor=seats.user(2),
        session=session,
        choices=dict.fromkeys(items_by_code(session).values(), True),
    )
    body = client(seats.user(2)).get(url("council-list")).content.decode()
    assert ballot not in body and "Đã bỏ phiếu" in body
