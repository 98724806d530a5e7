"""Who is eligible: every person and collective of a unit with the engine's verdict per code.

For a unit of 2,000 people the page costs a handful of queries (the people, one UNION ALL of
their history rows, their posts, the collectives) and one screening pass through
``adapters.judge`` (verdicts without text); only the rows on the page shown are explained
(conditions, reasons in the user's language, citations), by a second ``judge`` call over those
rows alone. ``bench/eligibility_bench.py`` measures it against one read of the history rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.utils.translation import get_language

from tdkt.commendations.adapters import CodeVerdict, condition_text, judge
from tdkt.commendations.models import Proposal, Round
from tdkt.commendations.selectors.cases import (
    collective_cases,
    person_cases,
    read_people,
    screened,
    terms_for,
)
from tdkt.commendations.selectors.proposals import current_posts, proposal_for_unit
from tdkt.commendations.selectors.rules import rule_overrides
from tdkt.core.text import fold, is_uuid
from tdkt.organizations.models import Organization, Person
from tdkt.organizations.selectors import organization_list, person_list
from tdkt.rules import UnitCase
from tdkt.rules.codes import COLLECTIVE, INDIVIDUAL, applies_to
from tdkt.rules.labels import CODE_LABELS

PAGE_SIZE = 50
Pick = tuple[Person | None, Organization | None, str]


@dataclass(frozen=True)
class Reason:
    """One condition of a verdict: met (True), not met (False) or pending (None)."""

    ok: bool | None
    text: str
    citation: str


@dataclass(frozen=True)
class Cell:
    """The verdict for one code of one subject, with reasons when the row was explained."""

    code: str
    label: str
    eligible: bool
    vote: str
    reasons: tuple[Reason, ...] | None
    proposed: bool


@dataclass
class Row:
    """One person or collective of the unit (``uuid``: the person's or the organisation's)."""

    key: str
    kind: str
    name: str
    where: str
    uuid: UUID
    cells: list[Cell | None] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        """True for an individual, False for a collective."""
        return self.kind == INDIVIDUAL


@dataclass
class Eligibility:
    """The eligibility page of one unit for one round."""

    round: Round
    organization: Organization
    rule_set: str
    codes: list[tuple[str, str]]
    page: Page[Row]
    total: int
    eligible_counts: dict[str, int]
    proposal: Proposal | None


def _labels(codes: Sequence[str]) -> list[tuple[str, str]]:
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    return [(code, CODE_LABELS[lang].get(code, code)) for code in codes]


def _cells(
    kind: str,
    codes: list[tuple[str, str]],
    verdicts: Sequence[CodeVerdict],
    proposed: set[str],
    lang: str,
) -> list[Cell | None]:
    by_code = {v.code: v for v in verdicts}
    cells: list[Cell | None] = []
    for code, label in codes:
        verdict = by_code.get(code)
        if verdict is None or not applies_to(code, kind):
            cells.append(None)
            continue
        reasons = (
            None
            if verdict.conditions is None
            else tuple(
                Reason(c.ok, condition_text(c, lang), c.citation) for c in verdict.conditions
            )
        )
        cells.append(Cell(code, label, verdict.eligible, verdict.vote, reasons, code in proposed))
    return cells


def eligibility(
    *,
    actor: Any,
    round: Round,
    organization: Organization,
    search: str = "",
    only_eligible: bool = False,
    page: int | str | None = 1,
    page_size: int = PAGE_SIZE,
) -> Eligibility:
    """Return the unit's people (working there today) and collectives with their verdicts.

    ``organization`` must have been read through a scoped selector: its people and
    sub-units are read through the actor's scope again here, so nothing outside it appears.
    """
    terms = terms_for(round)
    in_unit = person_list(actor=actor, organization=organization).prefetch_related(None)
    people = list(in_unit.values_list("pk", "uuid", "full_name"))
    ids = in_unit.order_by().values("pk")
    posts = current_posts(ids)
    collectives = list(organization_list(actor=actor).filter(path__startswith=organization.path))
    history = read_people(ids)
    overrides = rule_overrides()
    collective = {case.id: case for case in collective_cases(collectives, terms, history)}
    judged = judge(
        UnitCase(
            as_of=terms.as_of,
            year=terms.year,
            cases=tuple(collective.values()),
            rule_set=terms.rule_set,
        ),
        overrides=overrides,
        screen=screened([pk for pk, _uuid, _name in people], history),
    )
    codes = _labels(terms.codes)
    rows = [
        Row(f"o{o.pk}", COLLECTIVE, o.name, o.parent.name if o.parent else "", o.uuid)
        for o in collectives
    ] + [Row(f"p{pk}", INDIVIDUAL, name, posts.get(pk, ""), uuid) for pk, uuid, name in people]
    accepted = {code for code, _label in codes}
    counts = dict.fromkeys(accepted, 0)
    eligible_rows = set()
    for row in rows:
        for verdict in judged.verdicts.get(row.key, ()):
            if verdict.eligible and verdict.code in accepted and applies_to(verdict.code, row.kind):
                counts[verdict.code] += 1
                eligible_rows.add(row.key)
    if search:
        key = fold(search)
        rows = [row for row in rows if key in fold(row.name)]
    if only_eligible:
        rows = [row for row in rows if row.key in eligible_rows]
    shown = Paginator(rows, page_size).get_page(page)
    proposal = proposal_for_unit(actor=actor, round=round, organization=organization)
    on_page = list(shown.object_list)
    explained = judge(
        UnitCase(
            as_of=terms.as_of,
            year=terms.year,
            cases=(
                *person_cases([int(r.key[1:]) for r in on_page if r.is_person], history, terms),
                *(collective[r.key] for r in on_page if not r.is_person),
            ),
            rule_set=terms.rule_set,
        ),
        overrides=overrides,
    )
    proposed = _proposed(proposal)
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    for row in on_page:
        row.cells = _cells(
            row.kind, codes, explained.verdicts.get(row.key, ()), proposed.get(row.key, set()), lang
        )
    return Eligibility(
        round=round,
        organization=organization,
        rule_set=judged.rule_set,
        codes=[(code, label) for code, label in codes],
        page=shown,
        total=len(rows),
        eligible_counts={code: counts[code] for code, _label in codes},
        proposal=proposal,
    )


def _proposed(proposal: Proposal | None) -> dict[str, set[str]]:
    """The codes already on the unit's proposal, by row key."""
    proposed: dict[str, set[str]] = {}
    if proposal is not None:
        for person_id, org_id, code in proposal.lines.filter(withdrawn=False).values_list(
            "person_id", "organization_id", "code"
        ):
            key = f"p{person_id}" if person_id else f"o{org_id}"
            proposed.setdefault(key, set()).add(code)
    return proposed


def eligibility_picks(
    *, actor: Any, organization: Organization, picks: Sequence[str]
) -> list[Pick]:
    """Turn the values ticked on the eligibility page ("<uuid>:<code>") into lines to add.

    Only people working in the unit today and its own sub-units are found (through the
    actor's scope); anything else ticked or forged is ignored.
    """
    wanted: dict[str, list[str]] = {}
    for value in picks:
        key, sep, code = str(value).partition(":")
        if sep and code:
            wanted.setdefault(key, []).append(code)
    people = person_list(actor=actor, organization=organization).filter(
        uuid__in=[k for k in wanted if is_uuid(k)]
    )
    units = organization_list(actor=actor).filter(
        path__startswith=organization.path, uuid__in=[k for k in wanted if is_uuid(k)]
    )
    found: list[Pick] = [
        (person, None, code) for person in people for code in wanted.get(str(person.uuid), [])
    ]
    found += [(None, unit, code) for unit in units for code in wanted.get(str(unit.uuid), [])]
    return found
