"""Realistic sample inputs: the Board's 2019 year-end Giấy khen round (source article).

Used by the documentation's rendered sample, the benchmarks and the tests, so that all three
show the same documents. Names are invented; amounts follow R2013 (Giấy khen 0.3 / 0.6 ×
1.490.000 đồng, rounded to the nearest 10.000 đồng).
"""

from __future__ import annotations

from datetime import date, datetime

from .model import (
    Awardee,
    BallotResult,
    BallotSummary,
    Certificate,
    CertificateKind,
    CouncilMember,
    CouncilMinutes,
    DecisionDocument,
    DecisionLine,
    DocumentReference,
    IssuingBody,
    PaymentLine,
    PaymentList,
    ProposalLetter,
    RecipientKind,
    SignatureBlock,
)

BOARD = IssuingBody(
    superior="UBND THÀNH PHỐ HÀ NỘI",
    name="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI",
)
BOARD_NAME = "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội"
HEAD = SignatureBlock.head(name="Nguyễn Văn Hùng")
DEPUTY = SignatureBlock.deputy(name="Trần Thị Minh Hà")
INDIVIDUAL_PRIZE, COLLECTIVE_PRIZE = 450_000, 890_000  # 0.3 and 0.6 × 1.490.000, nearest 10.000

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Đức", "Thu", "Minh", "Quốc", "Ngọc", "Hữu")
_GIVEN = ("Anh", "Hường", "Dũng", "Hạnh", "Tuấn", "Lương", "Thủy", "Việt", "Yến", "Quý", "Ước")
_UNITS = (
    "Văn phòng Ban",
    "Phòng Quản lý Đầu tư",
    "Phòng Quản lý Doanh nghiệp",
    "Phòng Quản lý Quy hoạch và Xây dựng",
    "Phòng Quản lý Lao động",
    "Phòng Quản lý Môi trường",
)
_POSITIONS = ("Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Chuyên viên chính")


def person(i: int) -> str:
    """A deterministic Vietnamese name for row ``i``."""
    return f"{_SURNAMES[i % 10]} {_MIDDLE[i * 3 % 8]} {_GIVEN[(i * 7 + i // 10) % 11]}"


def sample_lines(count: int, *, collectives: int | None = None) -> tuple[DecisionLine, ...]:
    """``count`` lines: about one collective for every four individuals."""
    collectives = max(1, count // 5) if collectives is None else collectives
    lines = [
        DecisionLine(
            kind=RecipientKind.COLLECTIVE,
            name=_UNITS[i % len(_UNITS)] + (f" (tổ {i // len(_UNITS) + 1})" if i >= 6 else ""),
            position_unit=BOARD_NAME,
            award="Giấy khen",
            amount=COLLECTIVE_PRIZE,
        )
        for i in range(collectives)
    ]
    lines += [
        DecisionLine(
            kind=RecipientKind.INDIVIDUAL,
            name=person(i),
            position_unit=f"{_POSITIONS[i % 4]}, {_UNITS[i % len(_UNITS)]}",
            award="Giấy khen",
            amount=INDIVIDUAL_PRIZE,
        )
        for i in range(count - collectives)
    ]
    return tuple(lines)


def sample_decision(
    *, lines: int = 24, number: int | None = 125, landscape: bool = False
) -> DecisionDocument:
    """The year-end Giấy khen decision of 2019 with ``lines`` lines (a draft if no number)."""
    return DecisionDocument(
        issuer=BOARD,
        reference=DocumentReference(symbol="QĐ-BQL", number=number, issued_on=date(2020, 1, 10)),
        subject=(
            "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc "
            "trong thực hiện nhiệm vụ năm 2019"
        ),
        authority=f"TRƯỞNG BAN {BOARD.name}",
        legal_bases=(
            "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung "
            "một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013",
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            "Căn cứ Quyết định số 09/2020/QĐ-UBND ngày 23 tháng 4 năm 2020 của UBND Thành phố "
            "ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố Hà Nội",
        ),
        proposal_basis=(
            "Xét đề nghị của Chánh Văn phòng Ban tại Tờ trình số 12/TTr-VP ngày 06 tháng 01 "
            "năm 2020 và Biên bản họp Hội đồng Thi đua - Khen thưởng Ban ngày 03 tháng 01 "
            "năm 2020"
        ),
        award_phrase=f"Tặng Giấy khen của Trưởng ban {BOARD_NAME}",
        achievement="đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019",
        funding=f"Quỹ thi đua, khen thưởng của {BOARD_NAME} năm 2020",
        payer="Văn phòng Ban",
        executors="Chánh Văn phòng Ban, Trưởng các phòng, đơn vị thuộc Ban",
        signature=DEPUTY,
        copies_to=("Như Điều 3", "Trưởng ban (để báo cáo)", "Lưu: VT, VP"),
        issued_by=f"Trưởng ban {BOARD_NAME}",
        list_title="TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2019",
        lines=sample_lines(lines),
        list_landscape=landscape,
    )


def sample_proposal() -> ProposalLetter:
    """The Board's tờ trình to the City for Bằng khen of the Chairman of the City."""
    decision = sample_decision(lines=6)
    return ProposalLetter(
        issuer=BOARD,
        reference=DocumentReference(symbol="TTr-BQL", number=8, issued_on=date(2020, 1, 6)),
        subject="Đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố năm 2019",
        addressees=("Ủy ban nhân dân thành phố Hà Nội", "Ban Thi đua - Khen thưởng Thành phố"),
        legal_bases=decision.legal_bases,
        council_minutes=(
            "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Ban ngày 03 tháng 01 năm 2020"
        ),
        proposer=BOARD_NAME,
        award_phrase="tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
        achievement="đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019",
        decider="Ủy ban nhân dân Thành phố",
        nominees=tuple(
            Awardee(kind=line.kind, name=line.name, position_unit=line.position_unit)
            for line in decision.lines
        ),
        signature=HEAD,
    )


def sample_minutes() -> CouncilMinutes:
    """The council's meeting of 03/01/2020 with a secret ballot on three candidates."""
    roles = [("Nguyễn Văn Hùng", "Trưởng ban", "Chủ tịch Hội đồng")]
    roles += [(person(i), "Trưởng phòng", "Ủy viên") for i in range(1, 6)]
    roles.append((person(7), "Chánh Văn phòng", "Ủy viên, Thư ký"))
    members = tuple(
        CouncilMember(
            name=name, position=position, council_role=role, present=i != 4,
            written_opinion=i == 4,
        )
        for i, (name, position, role) in enumerate(roles)
    )  # fmt: skip
    return CouncilMinutes(
        issuer=IssuingBody(
            superior="BAN QUẢN LÝ CÁC KCN VÀ CX HÀ NỘI",
            name="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        ),
        reference=DocumentReference(symbol="BB-HĐTĐKT", number=1, issued_on=date(2020, 1, 3)),
        meeting_name="Họp xét, đề nghị khen thưởng năm 2019",
        started_at=datetime(2020, 1, 3, 8, 30),  # noqa: DTZ001 (wall-clock time of the meeting)
        ended_at=datetime(2020, 1, 3, 11, 0),  # noqa: DTZ001
        venue=f"Phòng họp tầng 3, trụ sở {BOARD_NAME}",
        members=members,
        chair=members[0].name,
        secretary=members[-1].name,
        proceedings=(
            "Thư ký Hội đồng báo cáo tổng hợp đề nghị khen thưởng của các phòng, đơn vị.",
            "Các thành viên thảo luận, đối chiếu tiêu chuẩn theo quy định và bỏ phiếu kín.",
        ),
        ballot=BallotSummary(
            ballots_issued=6,
            ballots_returned=6,
            ballots_valid=6,
            counting_committee=(f"{person(1)} (Trưởng ban kiểm phiếu)", f"{person(2)}"),
        ),
        results=(
            BallotResult(
                name=person(3),
                unit=_UNITS[3],
                award="Chiến sĩ thi đua cơ sở",
                votes_for=6,
                passed=True,
            ),
            BallotResult(
                name=person(5),
                unit=_UNITS[5],
                award="Chiến sĩ thi đua cơ sở",
                votes_for=5,
                passed=True,
            ),
            BallotResult(
                name=person(9),
                unit=_UNITS[1],
                award="Chiến sĩ thi đua cơ sở",
                votes_for=3,
                passed=False,
            ),
        ),
        chair_signature=SignatureBlock(lines=(), name=members[0].name),
        secretary_signature=SignatureBlock(lines=(), name=members[-1].name),
    )


def sample_certificates(
    count: int, *, base_url: str = "https://tdkt.example.vn"
) -> list[Certificate]:
    """One Giấy khen per line of a signed sample decision with ``count`` lines."""
    decision = sample_decision(lines=max(count, 2))
    return [
        Certificate(
            kind=CertificateKind.CERTIFICATE_OF_MERIT,
            recipient_kind=line.kind,
            salutation="Bà" if " Thị " in line.name else "Ông",
            name=line.name,
            position_unit=line.position_unit,
            achievement="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019",
            decision=decision.reference,
            issuer_lines=("TRƯỞNG BAN", "BAN QUẢN LÝ CÁC KCN VÀ CX HÀ NỘI"),
            signature=decision.signature,
            register_number=f"{i:03d}/GK-2020",
            verification_url=f"{base_url}/verify/{i:04d}sample{i * 7919 % 100000:05d}/",
        )
        for i, line in enumerate(decision.lines[:count], start=1)
    ]


def sample_payment_list(lines: int = 24) -> PaymentList:
    """The payment list of the sample decision."""
    decision = sample_decision(lines=lines)
    return PaymentList(
        issuer=BOARD,
        decision=decision.reference,
        base_salary=1_490_000,
        lines=tuple(
            PaymentLine(
                kind=line.kind,
                name=line.name,
                unit=line.position_unit,
                award=line.award,
                coefficient="0.6" if line.kind == RecipientKind.COLLECTIVE else "0.3",
                amount=line.amount,
            )
            for line in decision.lines
        ),
    )
