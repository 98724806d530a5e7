"""The draft of a movement's interim or final review report, from the movement's data.

The figures (launch, participants and acknowledgements, criteria and the units' scores, the
year's registration for a regular movement) come from tdkt; the assessment and the direction
are left as bracketed placeholders for the officer, who finishes the report in Word
(decision 0606). The layout is ``tdkt.documents.official.review``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tdkt.commendations.decision_texts import BOARD_NAME_UPPER, BOARD_PLACE, BOARD_SUPERIOR
from tdkt.documents.official.model import DocumentReference, IssuingBody, SignatureBlock
from tdkt.documents.official.review import ReviewReport, ReviewSection, ReviewTable
from tdkt.movements.constants import MovementKind, ReviewKind
from tdkt.movements.models import Movement, RegistrationCampaign
from tdkt.movements.selectors.movements import (
    ScoreTable,
    movement_score_table,
    participant_organizations,
)
from tdkt.movements.selectors.registrations import registration_dashboard

REPORT_SYMBOL = "BC-BQL"
PLACEHOLDER = "[Cán bộ thi đua – khen thưởng bổ sung: {what}.]"


def _d(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _n(value: Decimal | int | None, places: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{places}f}" if places else f"{value:,}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _period(movement: Movement) -> str:
    if movement.kind == MovementKind.REGULAR:
        return f"năm {movement.starts_on.year}"
    if movement.kind == MovementKind.FIVE_YEAR:
        return f"giai đoạn {movement.starts_on.year}–{movement.ends_on.year}"
    return f"từ ngày {_d(movement.starts_on)} đến ngày {_d(movement.ends_on)}"


def _launch_section(movement: Movement) -> ReviewSection:
    participants = participant_organizations(movement)
    acknowledged = [p for p in participants if p.acknowledged_at is not None]
    texts = []
    basis = []
    if movement.plan_number:
        dated = f" ngày {_d(movement.plan_date)}" if movement.plan_date else ""
        basis.append(f"Kế hoạch số {movement.plan_number}{dated} của Ban Quản lý")
    if movement.higher_movement is not None:
        basis.append(f"hưởng ứng phong trào thi đua “{movement.higher_movement.name}”")
    elif movement.higher_movement_text:
        basis.append(f"hưởng ứng {movement.higher_movement_text}")
    if basis:
        texts.append("Thực hiện " + ", ".join(basis) + ".")
    launched = f" ngày {_d(movement.launched_on)}" if movement.launched_on else ""
    texts.append(
        f"Ban Quản lý đã phát động phong trào{launched} tới {len(participants)} phòng, đơn vị "
        f"và doanh nghiệp; {len(acknowledged)} đơn vị đã xác nhận nhận phát động trên hệ thống."
    )
    if movement.slogan:
        texts.append(f"Khẩu hiệu của phong trào: “{movement.slogan}”.")
    if movement.description:
        texts.append(movement.description)
    texts.append(PLACEHOLDER.format(what="các hoạt động hưởng ứng tiêu biểu của các đơn vị"))
    return ReviewSection(heading="Công tác triển khai phong trào", paragraphs=tuple(texts))


def _scores_section(table: ScoreTable) -> ReviewSection | None:
    if not table.criteria:
        return None
    maximum = sum((c.weight * c.max_points for c in table.criteria), Decimal(0))
    texts = [
        f"Phong trào có {len(table.criteria)} tiêu chí, tổng điểm tối đa {_n(maximum)} điểm "
        "(chưa kể điểm thưởng):"
    ]
    texts += [f"{c.position}. {c.text} (tối đa {_n(c.max_points)} điểm)." for c in table.criteria]
    scored = [row for row in table.rows if row.result.complete]
    if not scored:
        texts.append("Các đơn vị chưa được chấm điểm đủ các tiêu chí.")
        return ReviewSection(heading="Kết quả thực hiện các tiêu chí", paragraphs=tuple(texts))
    rows = tuple(
        (
            str(i),
            row.participant.organization.name,
            _n(row.result.total),
            _n(row.result.percent, 1),
            str(row.result.rank),
        )
        for i, row in enumerate(scored, start=1)
    )
    return ReviewSection(
        heading="Kết quả thực hiện các tiêu chí",
        paragraphs=tuple(texts),
        table=ReviewTable(
            title="Kết quả chấm điểm của các đơn vị:",
            headings=("STT", "Đơn vị", "Tổng điểm", "Tỷ lệ so với điểm tối đa (%)", "Xếp hạng"),
            rows=rows,
        ),
    )


def _registration_section(movement: Movement, actor: Any) -> ReviewSection | None:
    if movement.kind != MovementKind.REGULAR:
        return None
    campaign = RegistrationCampaign.objects.filter(year=movement.starts_on.year).first()
    if campaign is None:
        return None
    units = registration_dashboard(actor=actor, campaign=campaign)
    eligible = sum(u.eligible for u in units)
    registered = sum(u.registered for u in units)
    share = Decimal(registered * 100) / Decimal(eligible) if eligible else Decimal(100)
    texts = (
        f"Năm {campaign.year} có {registered}/{eligible} tập thể, cá nhân đăng ký thi đua, "
        f"đạt {_n(share, 1)}% (chỉ tiêu {campaign.target_percent}%).",
    )
    rows = tuple(
        (str(i), u.organization.name, str(u.eligible), str(u.registered), _n(u.rate, 1))
        for i, u in enumerate(units, start=1)
    )
    return ReviewSection(
        heading=f"Đăng ký thi đua năm {campaign.year}",
        paragraphs=texts,
        table=ReviewTable(
            title="Tỷ lệ đăng ký thi đua của các đơn vị:",
            headings=("STT", "Đơn vị", "Phải đăng ký", "Đã đăng ký", "Tỷ lệ (%)"),
            rows=rows,
        ),
    )


def _closing_sections(kind: str, table: ScoreTable) -> list[ReviewSection]:
    sections = [
        ReviewSection(
            heading="Đánh giá chung",
            paragraphs=(
                "1. Ưu điểm: " + PLACEHOLDER.format(what="những kết quả nổi bật"),
                "2. Hạn chế, nguyên nhân: " + PLACEHOLDER.format(what="hạn chế và nguyên nhân"),
            ),
        )
    ]
    if kind == ReviewKind.FINAL:
        leaders = [r.participant.organization.name for r in table.rows if r.result.rank == 1]
        proposal = (
            f"Đề nghị khen thưởng các tập thể dẫn đầu phong trào: {', '.join(leaders)}."
            if leaders
            else PLACEHOLDER.format(what="các tập thể, cá nhân đề nghị khen thưởng")
        )
        sections.append(ReviewSection(heading="Đề xuất khen thưởng", paragraphs=(proposal,)))
    sections.append(
        ReviewSection(
            heading="Phương hướng, nhiệm vụ thời gian tới",
            paragraphs=(PLACEHOLDER.format(what="phương hướng, nhiệm vụ"),),
        )
    )
    return sections


def review_report(
    *, actor: Any, movement: Movement, kind: str, on: date | None = None
) -> ReviewReport:
    """Compose the draft review report of ``movement`` (``kind`` interim or final)."""
    table = movement_score_table(actor=actor, movement=movement)
    label = "Sơ kết" if kind == ReviewKind.INTERIM else "Tổng kết"
    sections = [
        s
        for s in (
            _launch_section(movement),
            _scores_section(table),
            _registration_section(movement, actor),
        )
        if s is not None
    ]
    sections += _closing_sections(kind, table)
    return ReviewReport(
        issuer=IssuingBody(superior=BOARD_SUPERIOR, name=BOARD_NAME_UPPER, place=BOARD_PLACE),
        reference=DocumentReference(symbol=REPORT_SYMBOL, issued_on=on or timezone.localdate()),
        subject=f"{label} phong trào thi đua “{movement.name}” {_period(movement)}",
        sections=tuple(sections),
        signature=SignatureBlock.deputy(name=""),
        copies_to=(
            "UBND Thành phố (để báo cáo)",
            "Ban Thi đua – Khen thưởng Thành phố",
            "Các phòng, đơn vị thuộc Ban",
            "Lưu: VT, VP",
        ),
    )
