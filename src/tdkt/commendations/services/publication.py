"""Publication of a round's voted list, comments and objections, withdrawal of a line.

The officer publishes the approved lines of every voted proposal of a round for a period;
the proposals move ``voted → published`` through the workflow's one transition function,
whose ``publication_open`` guard this module registers. Comments and objections are recorded
against a line; an objection left unresolved blocks the signature of a decision holding that
line (``services.decisions``). A line may be withdrawn, with a reason, until it is decided.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    AwardStatus,
    CommentKind,
    ProposalState,
    PublicationState,
)
from tdkt.commendations.decision_access import ensure_can_manage_decisions
from tdkt.commendations.models import (
    Award,
    Decision,
    Proposal,
    ProposalLine,
    Publication,
    PublicationComment,
    Round,
)
from tdkt.commendations.selectors.lines import AFTER_VOTE
from tdkt.commendations.services.pricing import reprice_draft
from tdkt.commendations.workflow import proposal_transition, register_guard
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.selectors import working_calendar

# The comment period when the officer gives none: 10 working days, the period NĐ 98/2023
# Art 46.2 and NĐ 152/2025 Art 44.2 set for the names proposed to the bộ/tỉnh level, which
# Hanoi applies as well (legal-rules §6 "Publication"). Unit-level publication has no fixed
# period in the sources read, so this is a default the officer may change on each notice.
PUBLICATION_WORKING_DAYS = 10


@register_guard("publication_open")
def _publication_open(proposal: Proposal) -> str | None:
    """A proposal is published only while its round has a publication that is not closed."""
    if not Publication.objects.filter(round=proposal.round, state=PublicationState.OPEN).exists():
        return _("Đợt xét chưa có thông báo công khai danh sách.")
    return None


def default_period(starts_on: date) -> tuple[date, date]:
    """Return the default comment period starting on ``starts_on`` (working days counted)."""
    return starts_on, working_calendar().add_working_days(starts_on, PUBLICATION_WORKING_DAYS)


@transaction.atomic
def publication_open(
    *,
    actor: Any,
    round: Round,
    starts_on: date | None = None,
    ends_on: date | None = None,
    note: str = "",
) -> Publication:
    """Publish the approved lines of the round's voted proposals for a comment period.

    The period defaults to :data:`PUBLICATION_WORKING_DAYS` working days from today; every
    voted proposal of the round moves to ``published``.
    """
    ensure_can_manage_decisions(actor)
    today = timezone.localdate()
    starts_on = starts_on or today
    if ends_on is None:
        ends_on = default_period(starts_on)[1]
    if ends_on < starts_on:
        message = _("Ngày kết thúc công khai phải sau ngày bắt đầu.")
        raise ApplicationError(message, fields={"ends_on": [message]})
    Round.objects.select_for_update().filter(pk=round.pk).first()  # one publisher at a time
    running = Publication.objects.filter(
        round=round, state=PublicationState.OPEN, ends_on__gte=starts_on
    ).first()
    if running is not None:
        raise ApplicationError(
            _("Danh sách của đợt xét đang được công khai đến ngày %(day)s.")
            % {"day": running.ends_on.strftime("%d/%m/%Y")},
            code=ErrorCode.CONFLICT,
        )
    voted = list(round.proposals.filter(state=ProposalState.VOTED).order_by("id"))
    if not voted:
        raise ApplicationError(
            _("Đợt xét chưa có đề nghị nào được Hội đồng bỏ phiếu để công khai.")
        )
    publication = Publication.objects.create(
        round=round, starts_on=starts_on, ends_on=ends_on, note=note.strip(), created_by=actor
    )
    for proposal in voted:
        proposal_transition(actor=actor, proposal=proposal, to_state=ProposalState.PUBLISHED)
    record(
        event_type=AuditEventType.PUBLICATION_OPENED,
        actor=actor,
        obj=publication,
        changes={
            "round": [None, round.name],
            "starts_on": [None, starts_on],
            "ends_on": [None, ends_on],
            "proposals": [None, len(voted)],
        },
    )
    return publication


@transaction.atomic
def publication_comment_add(
    *,
    actor: Any,
    publication: Publication,
    line: ProposalLine,
    kind: str,
    author_name: str,
    text: str,
    received_on: date | None = None,
) -> PublicationComment:
    """Record a comment or an objection received about a published line."""
    ensure_can_manage_decisions(actor)
    errors: dict[str, list[str]] = {}
    if kind not in CommentKind.values:
        errors["kind"] = [_("Chọn loại ý kiến.")]
    if not author_name.strip():
        errors["author_name"] = [_("Ghi người, đơn vị góp ý.")]
    if not text.strip():
        errors["text"] = [_("Ghi nội dung ý kiến.")]
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate():
        errors["received_on"] = [_("Ngày nhận không được ở tương lai.")]
    if line.proposal.round_id != publication.round_id:
        errors["line"] = [_("Dòng này không thuộc danh sách đang công khai.")]
    if errors:
        raise ApplicationError(_("Ý kiến chưa hợp lệ."), fields=errors)
    comment = PublicationComment.objects.create(
        publication=publication,
        line=line,
        kind=kind,
        author_name=author_name.strip(),
        text=text.strip(),
        received_on=received_on,
        recorded_by=actor,
    )
    record(
        event_type=AuditEventType.PUBLICATION_COMMENT_RECORDED,
        actor=actor,
        obj=publication,
        changes={
            "line": [None, str(line)],
            "comment_kind": [None, str(CommentKind(kind).label)],
            "author_name": [None, comment.author_name],
            "text": [None, comment.text],
        },
    )
    return comment


@transaction.atomic
def publication_comment_resolve(
    *, actor: Any, comment: PublicationComment, resolution: str
) -> PublicationComment:
    """Record how a comment or objection was settled (an objection then no longer blocks)."""
    ensure_can_manage_decisions(actor)
    resolution = resolution.strip()
    if not resolution:
        message = _("Ghi kết quả xử lý ý kiến.")
        raise ApplicationError(message, fields={"resolution": [message]})
    locked = PublicationComment.objects.select_for_update().get(pk=comment.pk)
    before = locked.resolution
    locked.resolution = resolution
    locked.save(update_fields=["resolution"])
    record(
        event_type=AuditEventType.PUBLICATION_COMMENT_RESOLVED,
        actor=actor,
        obj=locked.publication,
        changes={"line": [None, str(locked.line)], "resolution": [before or None, resolution]},
    )
    return locked


@transaction.atomic
def proposal_line_withdraw(*, actor: Any, line: ProposalLine, reason: str) -> ProposalLine:
    """Take a voted line off the list before it is decided, with the reason.

    A line already in a draft decision leaves the draft (its draft award is deleted and the
    draft is repriced); a line already granted must be revoked instead.
    """
    ensure_can_manage_decisions(actor)
    locked = (
        ProposalLine.objects.select_for_update(of=("self",))
        .select_related("proposal")
        .get(pk=line.pk)
    )
    reason = reason.strip()
    if not reason:
        message = _("Cần ghi lý do rút khỏi danh sách.")
        raise ApplicationError(message, fields={"reason": [message]})
    if locked.withdrawn:
        raise ApplicationError(_("Dòng này đã được rút khỏi danh sách."), code=ErrorCode.CONFLICT)
    if locked.proposal.state not in AFTER_VOTE:
        raise ApplicationError(
            _("Chỉ rút được dòng của đề nghị đã được Hội đồng bỏ phiếu."),
            code=ErrorCode.CONFLICT,
        )
    award = Award.objects.select_related("decision").filter(proposal_line=locked).first()
    if award is not None and award.status != AwardStatus.DRAFT:
        raise ApplicationError(
            _("Dòng này đã có quyết định khen thưởng; hãy thu hồi khen thưởng thay vì rút."),
            code=ErrorCode.CONFLICT,
        )
    draft: Decision | None = None
    if award is not None:
        draft = award.decision
        award.delete()
    locked.withdrawn = True
    locked.withdrawal_reason = reason
    locked.save(update_fields=["withdrawn", "withdrawal_reason"])
    record(
        event_type=AuditEventType.PROPOSAL_LINE_WITHDRAWN,
        actor=actor,
        obj=locked.proposal,
        changes={
            "line": [None, str(locked)],
            "reason": [None, reason],
            **({"decision": [draft.title, None]} if draft else {}),
        },
    )
    if draft is not None:
        reprice_draft(draft)
    return locked
