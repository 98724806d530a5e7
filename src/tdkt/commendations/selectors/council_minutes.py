"""The minutes (biên bản) of a closed session, as the input of the official renderer.

``session_minutes`` maps the session to ``tdkt.documents.official.CouncilMinutes``
(documents-and-forms.md §4, Decree 30/2020 Mẫu 1.9): the council's own number series, the
members present and absent, the chair and the secretary, the proceedings, the ballot summary
and one result per line. The renderer prints the share over all members; whether a line passed
is the result the closing service stored from the rule engine's pass mark.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.commendations.constants import CouncilRole, SessionState
from tdkt.commendations.council_access import can_see_council
from tdkt.commendations.models import CouncilSession, SessionAttendance
from tdkt.commendations.selectors.council import award_label, recipient_name
from tdkt.core.errors import ApplicationError, ErrorCode, NotFoundError
from tdkt.documents.official import (
    BallotResult,
    BallotSummary,
    CouncilMember,
    CouncilMinutes,
    DocumentReference,
    IssuingBody,
    SignatureBlock,
)
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import Organization

COUNCIL_HEADER = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
DEFAULT_SUPERIOR = "BAN QUẢN LÝ CÁC KCN VÀ CX HÀ NỘI"
DEFAULT_PROCEEDINGS = (
    "Thư ký Hội đồng báo cáo tổng hợp đề nghị khen thưởng của các đơn vị.",
    "Các thành viên Hội đồng thảo luận, đối chiếu tiêu chuẩn theo quy định và biểu quyết.",
)


def _superior() -> str:
    """The Board's name in the header, upper case (the council works under the Board's seal)."""
    board = Organization.objects.filter(kind=OrganizationKind.BOARD, parent=None).first()
    if board is None or board.name.casefold() == DEFAULT_SUPERIOR.casefold():
        return DEFAULT_SUPERIOR
    name = board.name.replace("các khu công nghiệp và chế xuất", "các KCN và CX")
    return name.upper()


def _council_role(role: str) -> str:
    label = str(CouncilRole(role).label)
    return "Ủy viên, Thư ký" if role == CouncilRole.SECRETARY else label


def session_minutes(*, actor: Any, session: CouncilSession) -> CouncilMinutes:
    """Return the minutes of ``session``; refused until voting has closed."""
    if not can_see_council(actor, session.council):
        raise NotFoundError(_("Không tìm thấy phiên họp."))
    if session.state != SessionState.CLOSED or session.ended_at is None:
        raise ApplicationError(
            _("Biên bản được lập sau khi Chủ tịch Hội đồng kết thúc bỏ phiếu."),
            code=ErrorCode.CONFLICT,
        )
    attendance = list(
        SessionAttendance.objects.filter(session=session)
        .select_related("member")
        .order_by("member__position", "member_id")
    )
    members = tuple(
        CouncilMember(
            name=a.member.full_name,
            position=a.member.title,
            council_role=_council_role(a.member.role),
            present=a.present,
            written_opinion=a.written_opinion and not a.present,
        )
        for a in attendance
    )
    by_role = {a.member.role: a.member.full_name for a in attendance}
    chair = by_role.get(CouncilRole.CHAIR, "")
    secretary = by_role.get(CouncilRole.SECRETARY, "")
    items = session.items.select_related(
        "line__person", "line__organization", "line__proposal__organization"
    ).order_by("position", "pk")
    results = tuple(
        BallotResult(
            name=recipient_name(item.line),
            unit=item.line.proposal.organization.name,
            award=award_label(item.line.code),
            votes_for=item.yes_count,
            passed=bool(item.passed),
        )
        for item in items
    )
    paragraphs = tuple(p.strip() for p in session.proceedings.splitlines() if p.strip())
    started = timezone.localtime(session.starts_at)
    return CouncilMinutes(
        issuer=IssuingBody(superior=_superior(), name=COUNCIL_HEADER),
        reference=DocumentReference(
            symbol=session.minutes_symbol or session.council.series_symbol,
            number=session.minutes_number,
            issued_on=started.date(),
        ),
        meeting_name=session.title,
        started_at=started,
        ended_at=max(timezone.localtime(session.ended_at), started),
        venue=session.place or "—",
        members=members,
        chair=chair,
        secretary=secretary,
        proceedings=paragraphs or DEFAULT_PROCEEDINGS,
        ballot=BallotSummary(
            ballots_issued=session.ballots_issued or 0,
            ballots_returned=session.ballots_returned or 0,
            ballots_valid=session.ballots_valid or 0,
        ),
        results=results,
        chair_signature=SignatureBlock(lines=(), name=chair),
        secretary_signature=SignatureBlock(lines=(), name=secretary),
    )
