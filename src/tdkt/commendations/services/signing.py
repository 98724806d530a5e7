"""Signing a decision, and the Board's yearly number series.

Signing, in one transaction: takes the next number of the Board's yearly series under a row
lock (``DocumentSeries``; two leaders signing at once get one number each, never the same,
and a failed signature gives no number away), fixes the date, the rule set and the base
salary, turns the lines into ``granted`` awards with their verification tokens, and moves the
proposals to ``decided`` through the workflow (guard ``decision_signed``, registered here).
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    AwardStatus,
    CommentKind,
    DecisionState,
    ProposalState,
    PublicationState,
    SignerTitle,
)
from tdkt.commendations.decision_access import (
    ensure_can_manage_decisions,
    ensure_can_sign_decisions,
)
from tdkt.commendations.decision_texts import (
    BOARD_NAME,
    DECISION_SERIES,
    code_label,
    is_title,
    legal_bases_for,
)
from tdkt.commendations.models import (
    Award,
    Decision,
    DocumentSeries,
    Proposal,
    Publication,
    PublicationComment,
)
from tdkt.commendations.services.decisions import locked_draft
from tdkt.commendations.services.pricing import PRICED_FIELDS, price_awards
from tdkt.commendations.workflow import proposal_transition, register_guard
from tdkt.core.errors import ApplicationError, ErrorCode

# Bytes of randomness of a certificate's verification token (``secrets``, URL-safe): 256 bits.
TOKEN_BYTES = 32
# Registers (sổ vàng) of certificates, one series per kind and year, apart from the decision
# numbers (documents-and-forms.md §6.2).
REGISTER_FORMS = "GK"
REGISTER_TITLES = "CN"

S = ProposalState


@register_guard("decision_signed")
def _decision_signed(proposal: Proposal) -> str | None:
    """A proposal is decided once a signed decision grants at least one of its lines."""
    if not Award.objects.filter(
        proposal_line__proposal=proposal, decision__state=DecisionState.SIGNED
    ).exists():
        return _("Chưa có quyết định đã ký nào cho đề nghị này.")
    return None


def _signer_name(actor: Any) -> str:
    person = getattr(actor, "person", None)
    name: str = actor.get_full_name() or (person.full_name if person else "") or actor.username
    return name


def _check_publication(locked: Decision, awards: list[Award], signed_on: date) -> None:
    """Refuse while the list is still open for comments or an objection is unresolved."""
    proposals = {a.proposal_line.proposal_id for a in awards if a.proposal_line is not None}
    published = Proposal.objects.filter(pk__in=proposals, state=S.PUBLISHED).exists()
    if published and locked.round_id is not None:
        running = (
            Publication.objects.filter(
                round_id=locked.round_id, state=PublicationState.OPEN, ends_on__gte=signed_on
            )
            .order_by("-ends_on")
            .first()
        )
        if running is not None:
            raise ApplicationError(
                _(
                    "Danh sách đang được công khai đến hết ngày %(day)s; chỉ ký sau khi hết "
                    "thời hạn công khai."
                )
                % {"day": running.ends_on.strftime("%d/%m/%Y")},
                code=ErrorCode.CONFLICT,
            )
    lines = [a.proposal_line_id for a in awards if a.proposal_line_id is not None]
    open_objections = (
        PublicationComment.objects.filter(
            line_id__in=lines, kind=CommentKind.OBJECTION, resolution=""
        )
        .select_related("line__person", "line__organization")
        .order_by("id")
    )
    names = sorted({str(c.line.person or c.line.organization) for c in open_objections})
    if names:
        raise ApplicationError(
            _("Còn phản ánh chưa xử lý về: %(names)s.") % {"names": ", ".join(names)},
            code=ErrorCode.CONFLICT,
        )


def _take_numbers(symbol: str, year: int, count: int = 1) -> int:
    """Take ``count`` consecutive numbers of a yearly series under a row lock; return the
    first. Numbers are never reused: a failed signature rolls the series back with it."""
    DocumentSeries.objects.get_or_create(symbol=symbol, year=year)
    series = DocumentSeries.objects.select_for_update().get(symbol=symbol, year=year)
    first = series.last_number + 1
    series.last_number += count
    series.save(update_fields=["last_number"])
    return first


def _register_symbol(code: str) -> str:
    """The register (sổ vàng) of a line: Giấy chứng nhận for a title, Giấy khen for a form."""
    return REGISTER_TITLES if is_title(code) else REGISTER_FORMS


@transaction.atomic
def decision_sign(
    *,
    actor: Any,
    decision: Decision,
    signer_title: str,
    expected_version: int | None = None,
    signed_on: date | None = None,
) -> Decision:
    """Sign a draft as ``actor`` (a leader): number, date, money and awards are fixed.

    ``signed_on`` (default today, never in the future) exists for recording a decision
    signed on paper a few days earlier and for the demo data; screens do not offer it.
    """
    ensure_can_sign_decisions(actor)
    locked = locked_draft(decision, expected_version)
    if signer_title not in SignerTitle.values:
        message = _("Chọn chức danh người ký.")
        raise ApplicationError(message, fields={"signer_title": [message]})
    today = timezone.localdate()
    signed_on = signed_on or today
    if signed_on > today:
        message = _("Ngày ký không được ở tương lai.")
        raise ApplicationError(message, fields={"signed_on": [message]})
    awards = list(
        locked.awards.select_for_update(of=("self",))
        .select_related("proposal_line")
        .order_by("list_position", "id")
    )
    if not awards:
        raise ApplicationError(_("Quyết định chưa có ai trong danh sách."))
    _check_publication(locked, awards, signed_on)
    sheet = price_awards(awards, on=signed_on)
    if sheet.unknown:
        unknown = sorted({code_label(a.code) for a in awards if a.pk in sheet.unknown})
        raise ApplicationError(
            _(
                "Bộ quy tắc %(rule_set)s chưa có hệ số tiền thưởng của: %(codes)s. Cán bộ thi "
                "đua cần đặt tham số trước khi ký."
            )
            % {"rule_set": sheet.rule_set, "codes": ", ".join(unknown)}
        )
    if sheet.rule_set != locked.rule_set and locked.legal_basis == legal_bases_for(locked.rule_set):
        # Drafted under one regime, signed under another (e.g. across 01/07/2025): the
        # căn cứ nobody edited follow the rule set of the signing date.
        locked.legal_basis = legal_bases_for(sheet.rule_set)
    locked.number = _take_numbers(locked.series, signed_on.year)
    locked.state = DecisionState.SIGNED
    locked.decided_on = signed_on
    locked.year = signed_on.year
    locked.signer = actor
    locked.signer_title = signer_title
    locked.signer_name = _signer_name(actor)
    locked.rule_set = sheet.rule_set
    locked.base_salary_vnd = sheet.base_salary_vnd
    locked.priced_on = signed_on
    locked.version = F("version") + 1
    locked.save(
        update_fields=[
            "number",
            "state",
            "decided_on",
            "year",
            "signer",
            "signer_title",
            "signer_name",
            "rule_set",
            "base_salary_vnd",
            "priced_on",
            "legal_basis",
            "version",
        ]
    )
    locked.refresh_from_db(fields=["version"])
    registers: dict[str, list[Award]] = {}
    for award in awards:
        registers.setdefault(_register_symbol(award.code), []).append(award)
    for symbol, lines in sorted(registers.items()):
        first = _take_numbers(symbol, signed_on.year, len(lines))
        for offset, award in enumerate(lines):
            award.register_number = f"{first + offset:03d}/{symbol}-{signed_on.year}"
    for award in awards:
        award.status = AwardStatus.GRANTED
        award.decision_number = locked.number_label
        award.decision_date = signed_on
        award.issuer_name = BOARD_NAME
        award.verification_token = secrets.token_urlsafe(TOKEN_BYTES)
    Award.objects.bulk_update(
        awards,
        [
            *PRICED_FIELDS,
            "status",
            "decision_number",
            "decision_date",
            "issuer_name",
            "verification_token",
            "register_number",
        ],
    )
    _move_proposals(actor, awards)
    _close_publications(actor, locked, signed_on)
    record(
        event_type=AuditEventType.DECISION_SIGNED,
        actor=actor,
        obj=locked,
        changes={
            "state": [DecisionState.DRAFT, DecisionState.SIGNED],
            "number": [None, locked.number_label],
            "decided_on": [None, signed_on],
            "signer_title": [None, signer_title],
            "rule_set": [None, sheet.rule_set],
            "base_salary_vnd": [None, sheet.base_salary_vnd],
            "lines": [None, len(awards)],
            "total_prize_vnd": [None, sheet.total],
        },
    )
    return locked


def _move_proposals(actor: Any, awards: list[Award]) -> None:
    ids = sorted({a.proposal_line.proposal_id for a in awards if a.proposal_line is not None})
    for proposal in Proposal.objects.filter(pk__in=ids, state__in=[S.VOTED, S.PUBLISHED]):
        proposal_transition(actor=actor, proposal=proposal, to_state=S.DECIDED, system=True)


def _close_publications(actor: Any, decision: Decision, signed_on: date) -> None:
    """Close the round's publications whose comment period ended before the signature."""
    if decision.round_id is None:
        return
    for publication in Publication.objects.select_for_update().filter(
        round_id=decision.round_id, state=PublicationState.OPEN, ends_on__lt=signed_on
    ):
        publication.state = PublicationState.CLOSED
        publication.save(update_fields=["state"])
        record(
            event_type=AuditEventType.PUBLICATION_CLOSED,
            actor=actor,
            obj=publication,
            changes={"state": [PublicationState.OPEN, PublicationState.CLOSED]},
        )


@transaction.atomic
def document_series_align(
    *, actor: Any, year: int, last_number: int, symbol: str = DECISION_SERIES
) -> DocumentSeries:
    """Record the last number the Board already used on paper in a yearly series.

    The Board's decisions share one register with those issued outside tdkt, so the officer
    aligns the series with the paper register; the series only moves forward, so no number
    is ever given twice.
    """
    ensure_can_manage_decisions(actor)
    DocumentSeries.objects.get_or_create(symbol=symbol, year=year)
    series = DocumentSeries.objects.select_for_update().get(symbol=symbol, year=year)
    if last_number < series.last_number:
        message = _("Số đã dùng đến %(n)s; sổ văn bản không được lùi số.") % {
            "n": series.last_number
        }
        raise ApplicationError(message, fields={"last_number": [message]})
    before = series.last_number
    series.last_number = last_number
    series.save(update_fields=["last_number"])
    record(
        event_type=AuditEventType.DOCUMENT_SERIES_ALIGNED,
        actor=actor,
        obj=series,
        changes={"last_number": [before, last_number]},
    )
    return series
