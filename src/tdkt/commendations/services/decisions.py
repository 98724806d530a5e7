"""Draft decisions: an officer drafts one from the approved lines of a round, then edits it.

A draft has no number and no day; its lines are ``draft`` award rows, priced as of today
(``services.pricing``). A leader signs it with ``services.signing.decision_sign``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.constants import (
    AwardOrigin,
    AwardStatus,
    DecisionState,
    IssuerLevel,
    ProposalState,
    SignerTitle,
)
from tdkt.commendations.decision_access import (
    ensure_can_manage_decisions,
)
from tdkt.commendations.decision_texts import (
    DECISION_SERIES,
    ISSUER_LEVEL_OF_CODE,
    code_label,
    default_texts,
    is_title,
    legal_bases_for,
)
from tdkt.commendations.models import (
    Award,
    Decision,
    ProposalLine,
    Round,
)
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.selectors.lines import undecided_lines
from tdkt.commendations.services.pricing import PRICED_FIELDS, price_awards
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.core.text import fold
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.organizations.models import Employment

MAX_LEGAL_BASES = 20

S = ProposalState


def _unit_label(line: ProposalLine) -> str:
    """ "Chức vụ, đơn vị công tác" as the decision prints it, from the registry today."""
    if line.organization is not None:
        parent = line.organization.parent
        return parent.name if parent is not None else ""
    post = (
        Employment.objects.filter(person=line.person, start_date__lte=timezone.localdate())
        .select_related("organization")
        .order_by("end_date", "-start_date")  # a current post (no end date) first
        .first()
    )
    if post is None:
        return line.proposal.organization.name
    return ", ".join(part for part in (post.position, post.organization.name) if part)


def _choose_codes(available: set[str], codes: Sequence[str] | None) -> list[str]:
    if codes is None:
        chosen = sorted(available)
    else:
        chosen = sorted(set(codes))
        unknown = [code for code in chosen if code not in ISSUER_LEVEL_OF_CODE]
        if unknown:
            raise ApplicationError(
                _("Danh hiệu, hình thức không hợp lệ."), fields={"codes": [", ".join(unknown)]}
            )
    above = [code for code in chosen if ISSUER_LEVEL_OF_CODE[code] != IssuerLevel.DEPARTMENT]
    if above:
        message = _(
            "%(codes)s thuộc thẩm quyền cấp trên: lập tờ trình đề nghị, không ra quyết định "
            "của Ban."
        ) % {"codes": ", ".join(code_label(code) for code in above)}
        raise ApplicationError(message, fields={"codes": [message]})
    if len({is_title(code) for code in chosen}) > 1:
        message = _(
            "Một quyết định chỉ gồm danh hiệu thi đua hoặc chỉ gồm hình thức khen thưởng; "
            "hãy lập hai quyết định."
        )
        raise ApplicationError(message, fields={"codes": [message]})
    return chosen


@transaction.atomic
def decision_draft_create(
    *,
    actor: Any,
    round: Round,
    codes: Sequence[str] | None = None,
    signer_title: str = SignerTitle.HEAD,
) -> Decision:
    """Draft the Board's decision for the round's approved, undecided lines of ``codes``.

    Only codes the Trưởng ban decides may be drafted here; titles and forms go into separate
    decisions. Texts start from ``decision_texts`` and the căn cứ of the rule set in force
    today; the officer edits them with ``decision_update``.
    """
    ensure_can_manage_decisions(actor)
    if signer_title not in SignerTitle.values:
        raise ApplicationError(
            _("Chức danh người ký không hợp lệ."), fields={"signer_title": [_("Không hợp lệ.")]}
        )
    Round.objects.select_for_update().filter(pk=round.pk).first()  # one drafter at a time
    lines = [
        line
        for line in undecided_lines(round).select_related("proposal__round")
        if ISSUER_LEVEL_OF_CODE.get(line.code) == IssuerLevel.DEPARTMENT
    ]
    chosen = _choose_codes({line.code for line in lines}, codes)
    lines = [line for line in lines if line.code in chosen]
    if not lines:
        raise ApplicationError(
            _("Không còn dòng nào đã được Hội đồng thông qua mà chưa có quyết định."),
            fields={"codes": [_("Không có dòng nào.")]},
        )
    today = timezone.localdate()
    texts = default_texts(chosen, round.year)
    decision = Decision.objects.create(
        round=round,
        year=today.year,
        series=DECISION_SERIES,
        title=texts.title,
        issuer_level=IssuerLevel.DEPARTMENT,
        legal_basis=legal_bases_for(_rule_set_on(today)),
        proposal_basis=texts.proposal_basis,
        achievement_text=texts.achievement,
        award_phrase=texts.award_phrase,
        signer_title=signer_title,
        created_by=actor,
    )
    Award.objects.bulk_create(
        [_draft_award(decision, line, position, actor) for position, line in enumerate(lines)]
    )
    awards = list(decision.awards.order_by("list_position", "id"))
    sheet = price_awards(awards, on=today)
    Award.objects.bulk_update(awards, PRICED_FIELDS)
    decision.rule_set, decision.base_salary_vnd = sheet.rule_set, sheet.base_salary_vnd
    decision.priced_on = today
    decision.save(update_fields=["rule_set", "base_salary_vnd", "priced_on"])
    record(
        event_type=AuditEventType.DECISION_DRAFTED,
        actor=actor,
        obj=decision,
        changes={
            "round": [None, round.name],
            "title": [None, decision.title],
            "codes": [None, [code_label(code) for code in chosen]],
            "lines": [None, len(awards)],
            "total_prize_vnd": [None, sheet.total],
        },
    )
    return decision


def _rule_set_on(day: date) -> str:
    return rules.select_rule_set(day, overrides=rule_overrides()).name


def _draft_award(decision: Decision, line: ProposalLine, position: int, actor: Any) -> Award:
    name = line.person.full_name if line.person is not None else line.organization.name  # type: ignore[union-attr]  # one recipient (constraint)
    return Award(
        person=line.person,
        organization=line.organization,
        recipient_name=name,
        unit_label=_unit_label(line),
        code=line.code,
        issuer_level=IssuerLevel.DEPARTMENT,
        year=line.proposal.round.year,
        achievement=line.achievement,
        decision=decision,
        proposal_line=line,
        status=AwardStatus.DRAFT,
        origin=AwardOrigin.DECIDED,
        list_position=position,
        search_key=fold(name),
        created_by=actor,
    )


def locked_draft(decision: Decision, expected_version: int | None) -> Decision:
    """Lock a draft for a change, refusing a signed decision or a stale version."""
    locked = Decision.objects.select_for_update().get(pk=decision.pk)
    if locked.state != DecisionState.DRAFT:
        raise ApplicationError(
            _("Quyết định này đã được ký (số %(number)s), không thay đổi được nữa.")
            % {"number": locked.number_label},
            code=ErrorCode.CONFLICT,
        )
    if expected_version is not None and locked.version != expected_version:
        raise ApplicationError(
            _("Dự thảo vừa được người khác thay đổi. Hãy tải lại trang để xem thay đổi."),
            code=ErrorCode.CONFLICT,
        )
    return locked


DRAFT_TEXT_FIELDS = (
    "title",
    "legal_basis",
    "proposal_basis",
    "achievement_text",
    "award_phrase",
    "signer_title",
)


@transaction.atomic
def decision_update(
    *,
    actor: Any,
    decision: Decision,
    expected_version: int | None = None,
    title: str | Unchanged = UNCHANGED,
    legal_basis: Sequence[str] | Unchanged = UNCHANGED,
    proposal_basis: str | Unchanged = UNCHANGED,
    achievement_text: str | Unchanged = UNCHANGED,
    award_phrase: str | Unchanged = UNCHANGED,
    signer_title: str | Unchanged = UNCHANGED,
) -> Decision:
    """Change the texts of a draft; a stale ``expected_version`` is refused, never merged."""
    ensure_can_manage_decisions(actor)
    locked = locked_draft(decision, expected_version)
    values = given(
        title=title,
        legal_basis=legal_basis,
        proposal_basis=proposal_basis,
        achievement_text=achievement_text,
        award_phrase=award_phrase,
        signer_title=signer_title,
    )
    cleaned = _clean_texts(values)
    before = {name: getattr(locked, name) for name in cleaned}
    for name, value in cleaned.items():
        setattr(locked, name, value)
    changed = [name for name in cleaned if before[name] != cleaned[name]]
    if not changed:
        return locked
    locked.version = F("version") + 1
    locked.save(update_fields=[*changed, "version"])
    locked.refresh_from_db(fields=["version"])
    record(
        event_type=AuditEventType.DECISION_UPDATED,
        actor=actor,
        obj=locked,
        changes={name: [before[name], cleaned[name]] for name in changed},
    )
    return locked


def _clean_texts(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for name in ("title", "award_phrase", "achievement_text"):
        if name in values:
            text = " ".join(str(values[name]).split())
            if not text:
                errors[name] = [_("Không được để trống.")]
            cleaned[name] = text
    if "proposal_basis" in values:
        cleaned["proposal_basis"] = " ".join(str(values["proposal_basis"]).split())
    if "legal_basis" in values:
        bases = [" ".join(str(b).split()) for b in values["legal_basis"]]
        bases = [b for b in bases if b]
        if not bases:
            errors["legal_basis"] = [_("Cần ít nhất một căn cứ.")]
        elif len(bases) > MAX_LEGAL_BASES:
            errors["legal_basis"] = [
                _("Tối đa %(n)s dòng căn cứ.") % {"n": MAX_LEGAL_BASES},
            ]
        cleaned["legal_basis"] = bases
    if "signer_title" in values:
        if values["signer_title"] not in SignerTitle.values:
            errors["signer_title"] = [_("Chức danh người ký không hợp lệ.")]
        cleaned["signer_title"] = values["signer_title"]
    if errors:
        raise ApplicationError(_("Dự thảo chưa hợp lệ."), fields=errors)
    return cleaned


@transaction.atomic
def decision_discard(
    *, actor: Any, decision: Decision, expected_version: int | None = None
) -> None:
    """Delete a draft and its draft lines; the lines become available for another draft."""
    ensure_can_manage_decisions(actor)
    locked = locked_draft(decision, expected_version)
    lines = locked.awards.count()
    record(
        event_type=AuditEventType.DECISION_DISCARDED,
        actor=actor,
        obj=locked,
        changes={"title": [locked.title, None], "lines": [lines, None]},
    )
    locked.awards.all().delete()
    locked.delete()
