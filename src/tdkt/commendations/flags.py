"""Warnings on proposal lines: already granted, proposed twice, over a cap, not registered.

Flags are computed when a proposal is read, so they always reflect the other units'
proposals and the archive as they are now; the ``flags`` column keeps the snapshot taken when
the unit submitted (what the appraisal started from). A flag never blocks anything: the
officer appraising the line decides, with a coded reason (docs/decisions/0506).

* ``already_granted``: a granted award of the same code for the same recipient covers the
  round's year (its year, or a period that includes it).
* ``duplicate``: the same recipient and code on another line of the round (this proposal or
  another unit's, e.g. after a transfer).
* ``over_cap`` / ``over_round_cap``: the rule set caps a code as a share of another (R2013:
  CSTĐ cơ sở ≤ 15 % of LĐTT), and the lines of this proposal, or of the whole round, that the
  engine finds eligible exceed it (``UnitCase`` caps, through ``adapters.judge``).
* ``not_registered``: the recipient did not register for the title at the start of the year.
  Registrations belong to the movements app, which depends on this one; it installs its check
  through ``set_registration_check`` at start-up rather than being imported here (0056).
* ``under_verification``: an accepted complaint or denunciation concerns the recipient, and
  nobody is commended while one is being verified (NĐ 152/2025 Art 4). The petitions app
  installs its check through ``set_verification_check`` the same way (decision 0832).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.adapters import judge
from tdkt.commendations.constants import AwardStatus
from tdkt.commendations.models import Award, Proposal, ProposalLine, Round
from tdkt.commendations.selectors.cases import Subjects, build_cases, terms_for
from tdkt.commendations.selectors.rules import rule_overrides
from tdkt.organizations.models import Organization, Person
from tdkt.rules import UnitCase


class LineFlag(StrEnum):
    ALREADY_GRANTED = "already_granted"
    DUPLICATE = "duplicate"
    OVER_CAP = "over_cap"
    OVER_ROUND_CAP = "over_round_cap"
    NOT_REGISTERED = "not_registered"
    UNDER_VERIFICATION = "under_verification"


FLAG_LABELS: dict[str, Any] = {
    LineFlag.ALREADY_GRANTED: _("Đã được khen cùng danh hiệu, hình thức cho năm này"),
    LineFlag.DUPLICATE: _("Đề nghị trùng trong đợt xét"),
    LineFlag.OVER_CAP: _("Vượt tỷ lệ cho phép trong đề nghị của đơn vị"),
    LineFlag.OVER_ROUND_CAP: _("Vượt tỷ lệ cho phép trong cả đợt xét"),
    LineFlag.NOT_REGISTERED: _("Chưa đăng ký thi đua"),
    LineFlag.UNDER_VERIFICATION: _("Đang có đơn khiếu nại, tố cáo được xác minh, giải quyết"),
}

RegistrationCheck = Callable[[Round, Sequence[ProposalLine]], set[int]]
"""Given a round and lines, return the ids of the lines whose recipient did not register."""

_registration_check: RegistrationCheck | None = None


def set_registration_check(check: RegistrationCheck | None) -> None:
    """Install the check of registrations (issue #10); None removes it."""
    global _registration_check
    _registration_check = check


VerificationCheck = Callable[[Sequence[ProposalLine]], set[int]]
"""Given lines, return the ids of those whose recipient a petition being verified concerns."""

_verification_check: VerificationCheck | None = None
_verification_readers: Callable[[Any], bool] | None = None


def set_verification_check(
    check: VerificationCheck | None, readers: Callable[[Any], bool] | None = None
) -> None:
    """Install the check of petitions under verification and who may read its flag (the
    petitions' readers: the flag must not tell a unit head who is being investigated);
    None removes them."""
    global _verification_check, _verification_readers
    _verification_check = check
    _verification_readers = readers


def visible_flags(flags: Sequence[str], actor: Any) -> list[str]:
    """Return the flags ``actor`` may read: ``under_verification`` only for petition readers."""
    if LineFlag.UNDER_VERIFICATION in flags and not (
        _verification_readers is not None and _verification_readers(actor)
    ):
        return [flag for flag in flags if flag != LineFlag.UNDER_VERIFICATION]
    return list(flags)


def _recipient(line: ProposalLine) -> tuple[int | None, int | None]:
    return (line.person_id, line.organization_id)


def _already_granted(round_: Round, lines: Sequence[ProposalLine]) -> set[int]:
    people = {line.person_id for line in lines if line.person_id}
    orgs = {line.organization_id for line in lines if line.organization_id}
    year = round_.year
    granted = {
        (a.person_id, a.organization_id, a.code)
        for a in Award.objects.filter(
            Q(person__in=people) | Q(organization__in=orgs),
            Q(year=year) | Q(year__lte=year, period_end_year__gte=year),
            status=AwardStatus.GRANTED,
            code__in={line.code for line in lines},
        ).only("person_id", "organization_id", "code")
    }
    return {line.pk for line in lines if (*_recipient(line), line.code) in granted}


def _duplicates(round_: Round, lines: Sequence[ProposalLine]) -> set[int]:
    counts: dict[tuple[Any, ...], int] = defaultdict(int)
    for person_id, org_id, code in ProposalLine.objects.filter(
        proposal__round=round_, withdrawn=False
    ).values_list("person_id", "organization_id", "code"):
        counts[(person_id, org_id, code)] += 1
    return {line.pk for line in lines if counts[(*_recipient(line), line.code)] > 1}


def _over_caps(round_: Round, lines: Iterable[ProposalLine]) -> set[int]:
    """Return the lines of a capped code when the eligible ones exceed the engine's cap."""
    lines = [line for line in lines if not line.withdrawn]
    person_codes: dict[int, list[str]] = defaultdict(list)
    org_codes: dict[int, list[str]] = defaultdict(list)
    people: dict[int, Person] = {}
    orgs: dict[int, Organization] = {}
    for line in lines:
        if line.person is not None:
            person_codes[line.person.pk].append(line.code)
            people[line.person.pk] = line.person
        elif line.organization is not None:
            org_codes[line.organization.pk].append(line.code)
            orgs[line.organization.pk] = line.organization
    if not lines:
        return set()
    terms = terms_for(round_)
    cases = build_cases(
        Subjects(
            people=list(people),
            organizations=list(orgs.values()),
            person_codes=person_codes,
            organization_codes=org_codes,
        ),
        terms,
    )
    unit = UnitCase(as_of=terms.as_of, year=terms.year, cases=tuple(cases), rule_set=terms.rule_set)
    caps = judge(unit, overrides=rule_overrides()).caps
    over = {cap.code for cap in caps if cap.eligible > cap.max}
    return {line.pk for line in lines if line.code in over}


def line_flags(proposal: Proposal, *, with_round_caps: bool = True) -> dict[int, list[str]]:
    """Return the flags of each line of ``proposal`` (withdrawn lines have none)."""
    lines = [line for line in proposal.lines.all() if not line.withdrawn]
    out: dict[int, list[str]] = {line.pk: [] for line in lines}
    if not lines:
        return out
    round_ = proposal.round
    found: Mapping[str, set[int]] = {
        LineFlag.ALREADY_GRANTED: _already_granted(round_, lines),
        LineFlag.DUPLICATE: _duplicates(round_, lines),
        LineFlag.OVER_CAP: _over_caps(round_, lines),
        LineFlag.OVER_ROUND_CAP: (
            _over_caps(
                round_,
                ProposalLine.objects.filter(proposal__round=round_, withdrawn=False).select_related(
                    "person", "organization"
                ),
            )
            & {line.pk for line in lines}
            if with_round_caps
            else set()
        ),
        LineFlag.NOT_REGISTERED: (
            _registration_check(round_, lines) if _registration_check is not None else set()
        ),
        LineFlag.UNDER_VERIFICATION: (
            _verification_check(lines) if _verification_check is not None else set()
        ),
    }
    for flag, ids in found.items():
        for line_id in ids:
            out[line_id].append(str(flag))
    return out
