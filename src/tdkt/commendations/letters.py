"""The Board's tờ trình (TTr) to the City for the lines above its own authority.

Maps a round's lines to the ``ProposalLetter`` input of ``tdkt.documents.official`` (the
renderer owns the layout, documents-and-forms.md §3) and renders it as .docx or PDF. One
letter per code: the City decides each title or form by its own decision, and the Board's
practice is one tờ trình per form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from tdkt.commendations.adapters import judge
from tdkt.commendations.authority import CITY_REQUEST
from tdkt.commendations.models import ProposalLine, Round
from tdkt.commendations.selectors.cases import terms_for
from tdkt.commendations.selectors.proposals import AFTER_APPRAISAL, current_posts, round_lines
from tdkt.commendations.selectors.rules import rule_overrides
from tdkt.core.errors import ApplicationError
from tdkt.rules import UnitCase
from tdkt.rules.labels import CODE_LABELS

if TYPE_CHECKING:  # the renderers import WeasyPrint: loaded only when a letter is drawn up
    from tdkt.documents.official import Awardee, ProposalLetter

BOARD_SUPERIOR = "UBND THÀNH PHỐ HÀ NỘI"
BOARD_UPPER = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI"
BOARD_NAME = "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội"
ADDRESSEES = ("Ủy ban nhân dân thành phố Hà Nội", "Sở Nội vụ thành phố Hà Nội")

_LAW_2013 = (
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013"
)
_LAW_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
_CITY_RULES = (
    "Căn cứ Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố Hà Nội của Ủy ban "
    "nhân dân Thành phố"
)
# The legal bases cited by rule set (legal-rules.md §0); the City's own regulation is cited by
# its title only, its number being UNVERIFIED for each period.
LEGAL_BASES: dict[str, tuple[str, ...]] = {
    "R2013": (
        _LAW_2013,
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        _CITY_RULES,
    ),
    "R2022a": (
        _LAW_2022,
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        _CITY_RULES,
    ),
    "R2022b": (
        _LAW_2022,
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
        "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        _CITY_RULES,
    ),
}


@dataclass(frozen=True, kw_only=True)
class LetterRequest:
    """What the officer fills in: the code, the number and date once signed, the council
    meeting cited, and the signer."""

    code: str
    council_minutes: str
    signer_name: str
    deputy: bool = False
    number: int | None = None
    issued_on: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The request as a background task's JSON argument (dates as ISO text)."""
        data = asdict(self)
        data["issued_on"] = self.issued_on.isoformat() if self.issued_on else None
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LetterRequest:
        """The request back from :meth:`to_json`."""
        issued = data.get("issued_on")
        return cls(
            code=str(data["code"]),
            council_minutes=str(data.get("council_minutes", "")),
            signer_name=str(data.get("signer_name", "")),
            deputy=bool(data.get("deputy", False)),
            number=int(data["number"]) if data.get("number") is not None else None,
            issued_on=date.fromisoformat(str(issued)) if issued else None,
        )


def nominee(line: ProposalLine, where: str) -> Awardee:
    """Return a line as an awardee of the letter (``where``: position and unit)."""
    from tdkt.documents.official import Awardee, RecipientKind

    if line.person is not None:
        return Awardee(
            kind=RecipientKind.INDIVIDUAL, name=line.person.full_name, position_unit=where
        )
    if line.organization is None:
        raise ValueError("a line names a person or a collective")
    return Awardee(kind=RecipientKind.COLLECTIVE, name=line.organization.name, position_unit=where)


def build_letter(
    round_: Round,
    nominees: Sequence[Awardee],
    request: LetterRequest,
    *,
    rule_set: str,
) -> ProposalLetter:
    """Return the tờ trình of a round for one code above the Board's authority."""
    from tdkt.documents.official import (
        DocumentReference,
        IssuingBody,
        ProposalLetter,
        SignatureBlock,
    )

    label = CODE_LABELS["vi"].get(request.code, request.code)
    signature = (
        SignatureBlock.deputy(name=request.signer_name)
        if request.deputy
        else SignatureBlock.head(name=request.signer_name)
    )
    return ProposalLetter(
        issuer=IssuingBody(superior=BOARD_SUPERIOR, name=BOARD_UPPER),
        reference=DocumentReference(
            symbol="TTr-BQL", number=request.number, issued_on=request.issued_on
        ),
        subject=f"Đề nghị {CITY_REQUEST[request.code]} năm {round_.year}",
        addressees=ADDRESSEES,
        legal_bases=LEGAL_BASES.get(rule_set, LEGAL_BASES["R2022b"]),
        council_minutes=request.council_minutes,
        proposer=BOARD_NAME,
        award_phrase=f"{CITY_REQUEST[request.code]} ({label})",
        achievement=f"đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {round_.year}",
        decider="Ủy ban nhân dân Thành phố",
        nominees=tuple(nominees),
        signature=signature,
    )


def _where(line: ProposalLine, posts: dict[int, str]) -> str:
    """A person's current post and unit; a collective's parent unit."""
    if line.person_id:
        return posts.get(line.person_id, "")
    parent = getattr(line.organization, "parent", None)
    return parent.name if parent is not None else ""


def letter_lines(*, actor: Any, round_: Round, code: str) -> list[ProposalLine]:
    """The lines of ``code`` appraised eligible in proposals past the appraisal."""
    return list(
        round_lines(
            actor=actor, round=round_, codes=(code,), states=AFTER_APPRAISAL, eligible_only=True
        )
    )


def build_round_letter(*, actor: Any, round_: Round, request: LetterRequest) -> ProposalLetter:
    """The tờ trình of ``round_`` for ``request.code``, as ``actor`` may read its lines.

    The one path of the page and of the background task; refuses a code with no line.
    """
    lines = letter_lines(actor=actor, round_=round_, code=request.code)
    if not lines:
        message = _(
            "Chưa có dòng nào đủ điều kiện (đã qua thẩm định) cho danh hiệu, hình thức này."
        )
        raise ApplicationError(message)
    posts = current_posts([line.person_id for line in lines if line.person_id])
    nominees = [nominee(line, _where(line, posts)) for line in lines]
    terms = terms_for(round_)
    chosen = judge(
        UnitCase(as_of=terms.as_of, year=terms.year, cases=(), rule_set=terms.rule_set),
        overrides=rule_overrides(),
    ).rule_set
    return build_letter(round_, nominees, request, rule_set=chosen)


def letter_file_name(round_: Round, code: str, fmt: str) -> str:
    """``to-trinh-2019-bang-khen-cua-chu-tich-ubnd-thanh-pho.pdf``: no internal code."""
    label = CODE_LABELS["vi"].get(code, code).replace("Đ", "D").replace("đ", "d")
    return f"to-trinh-{round_.year}-{slugify(label)}.{fmt}"


def render_letter(letter: ProposalLetter, fmt: str) -> bytes:
    """Return the letter as ``docx`` or ``pdf`` bytes."""
    from tdkt.documents.official import render_proposal_docx, render_proposal_pdf

    if fmt == "pdf":
        return render_proposal_pdf(letter)
    return render_proposal_docx(letter)
