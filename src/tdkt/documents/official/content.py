"""What each document says: the inputs turned into the exact texts both layouts print.

The .docx (docxtpl) and PDF (WeasyPrint) templates only place these texts; every sentence,
count, subtotal and total is composed here once, so the two formats cannot drift apart and the
figures in Điều 1–2 always equal the attached list (documents-and-forms.md §2 "Money check").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from tdkt.core.vnwords import amount_in_words

from .formatting import (
    KIND_LABELS,
    counted,
    end_mark,
    join_and,
    long_date,
    money,
    number_symbol,
    place_and_date,
    punctuate,
    roman,
)
from .model import (
    Awardee,
    CouncilMinutes,
    DecisionDocument,
    DecisionLine,
    DocumentReference,
    IssuingBody,
    ProposalLetter,
    RecipientKind,
    SignatureBlock,
    ordered_groups,
)


@dataclass(frozen=True)
class Header:
    """Boxes 1–4: issuing body on the left, national title on the right."""

    superior: str
    name: str
    number: str  # "Số: 125/QĐ-BQL"
    place_date: str  # "" for minutes (no date line)


@dataclass(frozen=True)
class Article:
    """One "Điều N." paragraph: the bold label and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class ListRow:
    """A line of an attached list as printed."""

    index: int
    name: str
    position_unit: str
    award: str
    amount: str
    note: str


@dataclass(frozen=True)
class ListGroup:
    """A group of the attached list: Roman heading with its count, rows and subtotal."""

    heading: str  # "I. Tập thể (12)"
    rows: list[ListRow]
    subtotal: str  # "8.424.000"


@dataclass(frozen=True)
class DecisionView:
    """Everything a decision template prints."""

    header: Header
    subject: str
    authority: str
    bases: list[str]
    articles: list[Article]
    signature: SignatureBlock
    copies: list[str]
    has_list: bool
    list_title: str
    list_reference: str
    groups: list[ListGroup]
    mixed_awards: bool
    total: str
    total_words: str
    landscape: bool


def header_for(issuer: IssuingBody, ref: DocumentReference, *, dated: bool = True) -> Header:
    """Compose boxes 1–4 of ``issuer`` and ``ref``."""
    return Header(
        superior=issuer.superior,
        name=issuer.name,
        number=f"Số: {number_symbol(ref)}",
        place_date=place_and_date(issuer.place, ref) if dated else "",
    )


def _counts(groups: Sequence[tuple[RecipientKind, Sequence[object]]]) -> str:
    return join_and([counted(len(members), kind) for kind, members in groups])


def _kinds_phrase(kinds: Sequence[RecipientKind]) -> str:
    """Return "các tập thể, cá nhân" for the kinds present."""
    return "các " + ", ".join(KIND_LABELS[k].lower() for k in kinds)


def _rewards_sentence(groups: list[tuple[RecipientKind, list[DecisionLine]]]) -> str:
    """Return "Mỗi tập thể được thưởng …" when each group pays one amount, else the list."""
    uniform = [(kind, {line.amount for line in lines}) for kind, lines in groups]
    if all(len(amounts) == 1 for _, amounts in uniform):
        parts = [
            f"mỗi {KIND_LABELS[kind].lower()} được thưởng {money(next(iter(amounts)))} đồng"
            for kind, amounts in uniform
        ]
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."
    return (
        "Mức tiền thưởng của từng "
        + "/".join(KIND_LABELS[kind].lower() for kind, _ in groups)
        + " theo danh sách kèm theo."
    )


def decision_view(doc: DecisionDocument) -> DecisionView:
    """Compose the texts of a decision and its attached list."""
    groups = ordered_groups(doc.lines, doc.group_order)
    total = sum(line.amount for line in doc.lines)
    words = amount_in_words(total)
    single = len(doc.lines) == 1
    if single:
        line = doc.lines[0]
        who = f"{line.name}, {line.position_unit}" if line.position_unit else line.name
        article1 = (
            f"{doc.award_phrase} cho {who}, {doc.achievement}, "
            f"kèm theo tiền thưởng {money(line.amount)} đồng."
        )
        executors = f"{doc.executors} và {line.name}"
        article2 = f"Tiền thưởng chi từ {doc.funding}."
    else:
        article1 = (
            f"{doc.award_phrase} cho {_counts(groups)} (có danh sách kèm theo) {doc.achievement}."
        )
        executors = f"{doc.executors} và {_kinds_phrase([k for k, _ in groups])} có tên tại Điều 1"
        article2 = (
            f"{_rewards_sentence(groups)} Tổng số tiền thưởng là {money(total)} đồng "
            f"(Bằng chữ: {words}), chi từ {doc.funding}."
        )
    if doc.payer:
        article2 += f" {doc.payer} thực hiện chi trả."
    article3 = f"{executors} chịu trách nhiệm thi hành Quyết định này."
    if doc.effective_on_signing:
        article3 = "Quyết định này có hiệu lực kể từ ngày ký. " + article3
    mixed = len({line.award for line in doc.lines}) > 1
    return DecisionView(
        header=header_for(doc.issuer, doc.reference),
        subject=doc.subject,
        authority=doc.authority,
        bases=punctuate([*doc.legal_bases, doc.proposal_basis]),
        articles=[
            Article("Điều 1.", article1),
            Article("Điều 2.", article2),
            Article("Điều 3.", end_mark(article3)),
        ],
        signature=doc.signature,
        copies=punctuate(list(doc.copies_to)),
        has_list=not single,
        list_title=doc.list_title,
        list_reference=(
            f"(Kèm theo Quyết định số {number_symbol(doc.reference)} "
            f"{_reference_date(doc.reference)} của {doc.issued_by})"
        ),
        groups=list_groups(groups),
        mixed_awards=mixed,
        total=money(total),
        total_words=words,
        landscape=doc.list_landscape,
    )


def _reference_date(ref: DocumentReference) -> str:
    year = ref.issued_on.year if ref.issued_on else None
    return long_date(None if ref.is_draft else ref.issued_on, year=year)


def list_groups(groups: list[tuple[RecipientKind, list[DecisionLine]]]) -> list[ListGroup]:
    """Number the rows from 1 inside each group, with the group's subtotal."""
    return [
        ListGroup(
            heading=f"{roman(g)}. {KIND_LABELS[kind]} ({len(lines)})",
            rows=[
                ListRow(
                    index=i,
                    name=line.name,
                    position_unit=line.position_unit,
                    award=line.award,
                    amount=money(line.amount),
                    note=line.note,
                )
                for i, line in enumerate(lines, start=1)
            ],
            subtotal=money(sum(line.amount for line in lines)),
        )
        for g, (kind, lines) in enumerate(groups, start=1)
    ]


@dataclass(frozen=True)
class NomineeGroup:
    """An inline group of a tờ trình: "I. Cá nhân (3)" then "1. Name, position"."""

    heading: str
    items: list[str]


@dataclass(frozen=True)
class ProposalView:
    """Everything a tờ trình template prints."""

    header: Header
    subject: str
    addressee_inline: str  # one addressee: on the "Kính gửi:" line
    addressee_lines: list[str]  # several: one "- …;" line each
    bases: list[str]
    request: str
    groups: list[NomineeGroup]
    achievement: str
    enclosures: str
    closing: str
    signature: SignatureBlock
    copies: list[str]


def proposal_view(doc: ProposalLetter) -> ProposalView:
    """Compose the texts of a tờ trình; counts come from the nominees."""
    groups = ordered_groups(doc.nominees, doc.group_order)
    several = len(doc.addressees) > 1
    return ProposalView(
        header=header_for(doc.issuer, doc.reference),
        subject=doc.subject,
        addressee_inline="" if several else doc.addressees[0],
        addressee_lines=[f"- {a}" for a in punctuate(list(doc.addressees))] if several else [],
        bases=punctuate([*doc.legal_bases, doc.council_minutes]),
        request=(
            f"{doc.proposer} kính đề nghị {doc.decider} xét {doc.award_phrase} cho "
            f"{_counts(groups)} (có danh sách kèm theo), gồm:"
        ),
        groups=[
            NomineeGroup(
                heading=f"{roman(g)}. {KIND_LABELS[kind]} ({len(members)})",
                items=[f"{i}. {_awardee_text(m)}" for i, m in enumerate(members, start=1)],
            )
            for g, (kind, members) in enumerate(groups, start=1)
        ],
        achievement=f"Đã có thành tích {doc.achievement.removeprefix('đã có thành tích ')}.",
        enclosures="(Có biên bản, danh sách, báo cáo thành tích kèm theo)",
        closing=end_mark(f"{doc.proposer} kính đề nghị {doc.decider} xem xét, quyết định"),
        signature=doc.signature,
        copies=punctuate(list(doc.copies_to)),
    )


def _awardee_text(awardee: Awardee) -> str:
    return f"{awardee.name}, {awardee.position_unit}" if awardee.position_unit else awardee.name


@dataclass(frozen=True)
class MemberRow:
    """A council member as listed in the minutes."""

    index: int
    name: str
    position: str
    council_role: str
    attendance: str  # "Có mặt", "Vắng (có ý kiến bằng văn bản)", "Vắng"


@dataclass(frozen=True)
class ResultRow:
    """A candidate in the tally table; the percentage is over ALL members (§4)."""

    index: int
    name: str
    unit: str
    award: str
    votes_for: int
    members_total: int
    percent: str  # "85,71"
    outcome: str  # "Đạt" / "Không đạt"


@dataclass(frozen=True)
class MinutesView:
    """Everything a minutes template prints."""

    header: Header
    meeting_name: str
    opening: list[str]
    members: list[MemberRow]
    proceedings: list[str]
    ballot: list[str]
    results: list[ResultRow]
    closing: str
    chair_signature: SignatureBlock
    secretary_signature: SignatureBlock
    copies: list[str]


def clock(moment: datetime) -> str:
    """Return "08 giờ 30 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def percent(part: int, whole: int) -> str:
    """Return a percentage with two decimals and a decimal comma ("85,71")."""
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))
    return f"{value}".replace(".", ",")


def minutes_view(doc: CouncilMinutes) -> MinutesView:
    """Compose the texts of council minutes with the tally table."""
    total = len(doc.members)
    present = [m for m in doc.members if m.present]
    absent = [m for m in doc.members if not m.present]
    opening = [
        f"Thời gian: bắt đầu lúc {clock(doc.started_at)}, {long_date(doc.started_at.date())}.",
        f"Địa điểm: {doc.venue}.",
        f"Thành phần: {len(present)}/{total} thành viên Hội đồng có mặt"
        + (f"; vắng: {', '.join(m.name for m in absent)}." if absent else "."),
        f"Chủ trì: {doc.chair}. Thư ký: {doc.secretary}.",
    ]
    ballot: list[str] = []
    if doc.ballot:
        b = doc.ballot
        written = sum(1 for m in absent if m.written_opinion)
        ballot = [
            f"Tổng số thành viên Hội đồng: {total}; có mặt: {len(present)}; vắng có ý kiến "
            f"bằng văn bản: {written}.",
            f"Số phiếu phát ra: {b.ballots_issued}; số phiếu thu về: {b.ballots_returned}; "
            f"số phiếu hợp lệ: {b.ballots_valid}; số phiếu không hợp lệ: {b.ballots_invalid}.",
        ]
        if b.counting_committee:
            ballot.append(f"Ban kiểm phiếu: {', '.join(b.counting_committee)}.")
    return MinutesView(
        header=header_for(doc.issuer, doc.reference, dated=False),
        meeting_name=doc.meeting_name,
        opening=opening,
        members=[
            MemberRow(
                index=i,
                name=m.name,
                position=m.position,
                council_role=m.council_role,
                attendance="Có mặt"
                if m.present
                else ("Vắng (có ý kiến bằng văn bản)" if m.written_opinion else "Vắng"),
            )
            for i, m in enumerate(doc.members, start=1)
        ],
        proceedings=list(doc.proceedings),
        ballot=ballot,
        results=[
            ResultRow(
                index=i,
                name=r.name,
                unit=r.unit,
                award=r.award,
                votes_for=r.votes_for,
                members_total=total,
                percent=percent(r.votes_for, total),
                outcome="Đạt" if r.passed else "Không đạt",
            )
            for i, r in enumerate(doc.results, start=1)
        ],
        closing=end_mark(
            f"Cuộc họp kết thúc lúc {clock(doc.ended_at)} "
            + (
                "cùng ngày"
                if doc.ended_at.date() == doc.started_at.date()
                else long_date(doc.ended_at.date())
            )
        ),
        chair_signature=doc.chair_signature,
        secretary_signature=doc.secretary_signature,
        copies=punctuate(list(doc.copies_to)),
    )
