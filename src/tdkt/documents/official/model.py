"""Input types of the official documents: plain, frozen data the workflow maps its records to.

The renderers know nothing of models or requests: the commendation workflow (built later) turns
its decision, proposal and council records into these values, and every document is a pure
function of them. Counts, subtotals, totals and the amount in words are always computed by the
renderers from the lines, never passed in, so the text of a decision cannot disagree with its
attached list (documents-and-forms.md §2 "Money check", §3 "Validate").

Texts are given as they should print, in Vietnamese, without the punctuation the layout adds
(the ";" and "." closing legal-basis lines, the "- " of recipients of copies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar


class RecipientKind(StrEnum):
    """Who receives an award; the groups of an attached list (documents-and-forms.md §2)."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    HOUSEHOLD = "household"


class CertificateKind(StrEnum):
    """The certificate printed for a line (glossary identifiers)."""

    CERTIFICATE_OF_MERIT = "certificate_of_merit"  # Giấy khen
    CERTIFICATE_OF_COMMENDATION = "certificate_of_commendation"  # Bằng khen


DEFAULT_GROUP_ORDER = (RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD)


@dataclass(frozen=True, kw_only=True)
class IssuingBody:
    """Box 2 of the header (Decree 30/2020 Annex I §II.2)."""

    superior: str
    """The superior body, upper case, e.g. "UBND THÀNH PHỐ HÀ NỘI"; empty when there is none."""
    name: str
    """The issuing body, upper case, e.g. "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI"."""
    place: str = "Hà Nội"
    """The place printed before the date ("Hà Nội, ngày …")."""


@dataclass(frozen=True, kw_only=True)
class DocumentReference:
    """Number, symbol and date of a document (boxes 3 and 4).

    A draft has no number yet: paper documents are numbered after signing (Decree 30 Art 15.2),
    so a draft prints "Số:      /QĐ-BQL" and a blank day and month.
    """

    symbol: str
    """Type and issuer abbreviations, e.g. "QĐ-BQL", "TTr-BQL", "BB-HĐTĐKT"."""
    number: int | None = None
    """The number in the issuer's yearly series; ``None`` for a draft."""
    issued_on: date | None = None
    """The signing date; for a draft only its year is printed (may be ``None``)."""

    def __post_init__(self) -> None:
        if self.number is not None and self.number < 1:
            raise ValueError("a document number starts at 1")

    @property
    def is_draft(self) -> bool:
        """A draft is a document without its number."""
        return self.number is None


@dataclass(frozen=True, kw_only=True)
class SignatureBlock:
    """Boxes 7a–7c: the authority and title lines, then the signer's name.

    ``lines`` are printed upper case and bold, e.g. ``("TRƯỞNG BAN",)`` or, for a deputy
    signing for the head, ``("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")``; a council under the
    agency's seal shows both titles, e.g. ``("TM. HỘI ĐỒNG", "CHỦ TỊCH", "TRƯỞNG BAN")``.
    """

    lines: tuple[str, ...]
    """Authority and title lines, top to bottom."""
    name: str
    """The signer's name, without academic titles."""

    @classmethod
    def head(cls, *, name: str, title: str = "TRƯỞNG BAN") -> SignatureBlock:
        """The head signs in person."""
        return cls(lines=(title,), name=name)

    @classmethod
    def deputy(
        cls, *, name: str, head_title: str = "TRƯỞNG BAN", title: str = "PHÓ TRƯỞNG BAN"
    ) -> SignatureBlock:
        """A deputy signs for the head ("KT." prefix, Decree 30 Art 13)."""
        return cls(lines=(f"KT. {head_title}", title), name=name)

    @property
    def title(self) -> str:
        """The signer's own title (the last line), e.g. for a certificate."""
        return self.lines[-1]


@dataclass(frozen=True, kw_only=True)
class Awardee:
    """A collective, individual or household named in a proposal or a decision."""

    kind: RecipientKind
    """Which group of the list the awardee belongs to."""
    name: str
    """Full name of the person or the collective ("Phòng Quản lý Đầu tư")."""
    position_unit: str = ""
    """Position and unit ("Chức vụ, đơn vị công tác"), e.g. "Chuyên viên, Văn phòng Ban"."""
    award: str = ""
    """The title or form, e.g. "Giấy khen"; shown in its own column when a list mixes them."""


@dataclass(frozen=True, kw_only=True)
class DecisionLine(Awardee):
    """One row of a decision's attached list."""

    amount: int
    """Prize money in đồng (coefficient × base salary, rounded as the rule set says)."""
    note: str = ""
    """"Ghi chú" column."""

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError("amount must be a whole number of đồng (int)")
        if self.amount < 0:
            raise ValueError("prize money cannot be negative")


@dataclass(frozen=True, kw_only=True)
class DecisionDocument:
    """A commendation decision (Quyết định khen thưởng, Mẫu 1.2) with its attached list."""

    issuer: IssuingBody
    """Header box 2."""
    reference: DocumentReference
    """Number ("125/QĐ-BQL"), date; no number for a draft."""
    subject: str
    """The summary under QUYẾT ĐỊNH, e.g. "Về việc tặng Giấy khen cho các tập thể, cá nhân …"."""
    authority: str
    """The authority line, e.g. "TRƯỞNG BAN BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI"."""
    legal_bases: tuple[str, ...]
    """"Căn cứ …" lines without closing punctuation (the layout adds ";")."""
    proposal_basis: str
    """The last basis, e.g. "Xét đề nghị của Chánh Văn phòng Ban tại Tờ trình số …" (ends ".")."""
    award_phrase: str
    """Start of Điều 1 before "cho …", e.g. "Tặng Giấy khen của Trưởng ban Ban Quản lý …"."""
    achievement: str
    """Why, e.g. "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019"."""
    funding: str
    """The paying fund, e.g. "Quỹ thi đua, khen thưởng của Ban Quản lý …"."""
    payer: str = ""
    """Who pays out, e.g. "Văn phòng Ban"; empty to leave the sentence out."""
    executors: str
    """Who carries the decision out, e.g. "Chánh Văn phòng Ban, Trưởng các phòng, đơn vị"."""
    effective_on_signing: bool = True
    """Add "Quyết định này có hiệu lực kể từ ngày ký." to Điều 3."""
    signature: SignatureBlock
    """Box 7."""
    copies_to: tuple[str, ...]
    """"Nơi nhận" entries without "- " and punctuation, e.g. ("Như Điều 3", "Lưu: VT, VP")."""
    issued_by: str
    """Whose decision, in the list's reference line, e.g. "Trưởng ban Ban Quản lý …"."""
    list_title: str
    """The second title line of the attached list, e.g. "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"."""
    lines: tuple[DecisionLine, ...]
    """The attached list, in the order to print within each group."""
    group_order: tuple[RecipientKind, ...] = DEFAULT_GROUP_ORDER
    """Order of the groups; empty groups are skipped (practice differs, §2 "Groups")."""
    list_landscape: bool = False
    """Print the attached list on landscape pages (allowed for tables, §1.1)."""

    def __post_init__(self) -> None:
        if not self.lines:
            raise ValueError("a commendation decision has at least one line")
        missing = {line.kind for line in self.lines} - set(self.group_order)
        if missing:
            raise ValueError(f"group_order lacks {sorted(missing)}")


@dataclass(frozen=True, kw_only=True)
class ProposalLetter:
    """A tờ trình (TTr, Mẫu 1.4 with a Kính gửi block) asking a higher level to award."""

    issuer: IssuingBody
    """The proposing body (the Board when it proposes to the City)."""
    reference: DocumentReference
    """Number and date, symbol e.g. "TTr-BQL"."""
    subject: str
    """The line under TỜ TRÌNH, e.g. "Đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố"."""
    addressees: tuple[str, ...]
    """"Kính gửi" recipients: the deciding authority, then the advisory body."""
    legal_bases: tuple[str, ...]
    """"Căn cứ …" lines without closing punctuation."""
    council_minutes: str
    """The council meeting the proposal rests on, e.g. "Biên bản họp Hội đồng … ngày …"
    (practice checks that it is cited, §3 "Validate"); printed as the last basis."""
    proposer: str
    """Who asks, e.g. "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội"."""
    award_phrase: str
    """What is asked, e.g. "tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"."""
    achievement: str
    """Why, e.g. "đã có thành tích xuất sắc trong công tác năm 2019"."""
    decider: str
    """Who decides, e.g. "Ủy ban nhân dân Thành phố" ("kính đề nghị … xem xét, quyết định")."""
    nominees: tuple[Awardee, ...]
    """The awardees proposed, listed inline by group."""
    group_order: tuple[RecipientKind, ...] = (
        RecipientKind.INDIVIDUAL,
        RecipientKind.COLLECTIVE,
        RecipientKind.HOUSEHOLD,
    )
    """Order of the inline groups (the templates read put individuals first)."""
    signature: SignatureBlock
    """The head of the proposing body."""
    copies_to: tuple[str, ...] = ("Như trên", "Lưu: VT, VP")
    """"Nơi nhận" entries."""

    def __post_init__(self) -> None:
        if not self.nominees:
            raise ValueError("a proposal names at least one awardee")
        if not self.addressees:
            raise ValueError("a proposal has at least one addressee")
        missing = {n.kind for n in self.nominees} - set(self.group_order)
        if missing:
            raise ValueError(f"group_order lacks {sorted(missing)}")


@dataclass(frozen=True, kw_only=True)
class CouncilMember:
    """A member of the council at a meeting."""

    name: str
    """Full name."""
    position: str
    """Post in the agency, e.g. "Phó Trưởng ban"."""
    council_role: str
    """Role in the council, e.g. "Chủ tịch Hội đồng", "Ủy viên", "Thư ký"."""
    present: bool = True
    """Attended the meeting."""
    written_opinion: bool = False
    """Absent but sent a written opinion (counted in the ballot summary)."""


@dataclass(frozen=True, kw_only=True)
class BallotResult:
    """The vote on one candidate (tally annex, documents-and-forms.md §4)."""

    name: str
    """The person or collective voted on."""
    unit: str
    """Their unit."""
    award: str
    """The title or form voted on."""
    votes_for: int
    """Ballots in favour."""
    passed: bool
    """Whether the threshold of the rule set was met (the rule engine decides, not the layout)."""


@dataclass(frozen=True, kw_only=True)
class BallotSummary:
    """Ballot counts of a secret vote."""

    ballots_issued: int
    """Phiếu phát ra."""
    ballots_returned: int
    """Phiếu thu về."""
    ballots_valid: int
    """Phiếu hợp lệ."""
    counting_committee: tuple[str, ...] = ()
    """Members of the ban kiểm phiếu, "Name (role)"."""

    @property
    def ballots_invalid(self) -> int:
        """Phiếu không hợp lệ."""
        return self.ballots_returned - self.ballots_valid


@dataclass(frozen=True, kw_only=True)
class CouncilMinutes:
    """Minutes of a council meeting (biên bản, Mẫu 1.9), with its ballot tally."""

    issuer: IssuingBody
    """The council under the agency: superior = the Board, name = the council."""
    reference: DocumentReference
    """The council's own number series, e.g. "BB-HĐTĐKT"; the minutes print no date line."""
    meeting_name: str
    """The line under BIÊN BẢN, e.g. "Họp xét, đề nghị khen thưởng năm 2019"."""
    started_at: datetime
    """When the meeting opened."""
    ended_at: datetime
    """When it closed."""
    venue: str
    """Where, e.g. "Phòng họp tầng 3, trụ sở Ban Quản lý …"."""
    members: tuple[CouncilMember, ...]
    """Every member of the council, present or not (the vote percentage is over all)."""
    chair: str
    """Name of the member chairing."""
    secretary: str
    """Name of the member taking the minutes."""
    proceedings: tuple[str, ...]
    """Paragraphs of the debate and conclusions."""
    ballot: BallotSummary | None = None
    """Counts of the secret ballot, if one was held."""
    results: tuple[BallotResult, ...] = ()
    """One row per candidate voted on."""
    chair_signature: SignatureBlock
    """CHỦ TỌA (right)."""
    secretary_signature: SignatureBlock
    """THƯ KÝ (left)."""
    copies_to: tuple[str, ...] = ("Thành viên Hội đồng", "Lưu: VT, Hồ sơ")
    """"Nơi nhận" entries."""

    def __post_init__(self) -> None:
        if not self.members:
            raise ValueError("a council has members")
        if self.ended_at < self.started_at:
            raise ValueError("the meeting cannot end before it starts")
        for result in self.results:
            if not 0 <= result.votes_for <= len(self.members):
                raise ValueError(f"{result.name}: votes_for out of range")


@dataclass(frozen=True, kw_only=True)
class Certificate:
    """One Bằng khen or Giấy khen, printed onto a blank or plain paper (§6)."""

    kind: CertificateKind
    """Giấy khen or Bằng khen; chooses the default page size and heading."""
    recipient_kind: RecipientKind
    """Collectives are introduced by "Tập thể"."""
    salutation: str = ""
    """"Ông" or "Bà" for an individual (from the sex field); ignored for a collective."""
    name: str
    """The awardee."""
    position_unit: str = ""
    """Position and unit."""
    achievement: str
    """The achievement line, as the decision words it ("Đã có thành tích …")."""
    decision: DocumentReference
    """The decision granting it (number and date are printed)."""
    place: str = "Hà Nội"
    """Printed before the decision date."""
    issuer_lines: tuple[str, ...]
    """Pre-printed issuer title, e.g. ("TRƯỞNG BAN", "BAN QUẢN LÝ CÁC KCN VÀ CX HÀ NỘI")."""
    signature: SignatureBlock
    """Signer's title and name."""
    register_number: str = ""
    """"Số sổ vàng/Số bằng", a series per certificate type and year; empty if none."""
    verification_url: str
    """Absolute URL of the public verification page (``…/verify/<token>/``) for the QR code."""

    def __post_init__(self) -> None:
        if self.decision.is_draft or self.decision.issued_on is None:
            raise ValueError("a certificate is printed only for a signed, numbered decision")
        if not self.verification_url.startswith(("https://", "http://")):
            raise ValueError("verification_url must be an absolute http(s) URL")


@dataclass(frozen=True, kw_only=True)
class PaymentLine:
    """One row of a payment list (danh sách chi thưởng, §7)."""

    kind: RecipientKind
    """Group of the row."""
    name: str
    """Person or collective paid."""
    unit: str = ""
    """Đơn vị."""
    award: str
    """Danh hiệu/Hình thức."""
    coefficient: str
    """Coefficient × base salary, as a decimal string ("0.3", "1.5"), so no float rounding."""
    amount: int
    """Amount paid in đồng (coefficient × base salary, rounded as configured)."""

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 0:
            raise ValueError("amount must be a non-negative whole number of đồng")


@dataclass(frozen=True, kw_only=True)
class PaymentList:
    """The list finance pays from, one per decision (optionally per submitting unit)."""

    issuer: IssuingBody
    """Header of the sheet."""
    decision: DocumentReference
    """The decision paid ("Kèm theo Quyết định số … ngày …")."""
    base_salary: int
    """Mức lương cơ sở in force on the decision date, in đồng."""
    lines: tuple[PaymentLine, ...]
    """The rows, in order within each group."""
    group_order: tuple[RecipientKind, ...] = DEFAULT_GROUP_ORDER
    """Order of the groups; empty ones are skipped."""
    signatures: tuple[str, ...] = ("NGƯỜI LẬP", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ")
    """Signature captions at the foot, left to right."""

    def __post_init__(self) -> None:
        missing = {line.kind for line in self.lines} - set(self.group_order)
        if missing:
            raise ValueError(f"group_order lacks {sorted(missing)}")


@dataclass(frozen=True, kw_only=True)
class ArchivedDecision:
    """One decision in the archive export, with its status (contract ``decisions list``)."""

    decision: DecisionDocument
    """The decision as signed (or drafted)."""
    status: str = "signed"
    """``draft``, ``signed`` or ``revoked``."""
    revoked_lines: frozenset[int] = field(default_factory=frozenset)
    """Indexes into ``decision.lines`` of the lines revoked since."""


_Grouped = TypeVar("_Grouped", bound=Awardee | PaymentLine)


def ordered_groups(
    items: Sequence[_Grouped], order: Sequence[RecipientKind]
) -> list[tuple[RecipientKind, list[_Grouped]]]:
    """Split ``items`` into groups in ``order``, keeping their order inside a group."""
    return [
        (kind, members)
        for kind in order
        if (members := [item for item in items if item.kind == kind])
    ]
