"""The review report drafted from a movement's data (Decree 30/2020 layout, .docx)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tdkt.documents.official.review import render_review_docx
from tdkt.movements.constants import MovementKind, SheetState
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.review import review_report
from tdkt.movements.services import (
    ScoreInput,
    criterion_add,
    movement_acknowledge,
    movement_create,
    movement_participants_set,
    movement_scores_set,
    sheet_start,
)
from tdkt.movements.workflow import movement_transition
from tests.documents.official.helpers import assert_in_order, docx_paragraphs

from .registration_helpers import TODAY, open_year

pytestmark = pytest.mark.django_db


def test_a_final_review_of_a_regular_movement_has_scores_registrations_and_placeholders(
    registry, django_capture_on_commit_callbacks
):
    o = registry.officer
    movement = movement_create(
        actor=o,
        code="TĐYN-2020",
        name="Thi đua yêu nước năm 2020",
        kind=MovementKind.REGULAR,
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 12, 31),
        higher_movement_text="Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2020",
        slogan="Đoàn kết, sáng tạo",
    )
    movement_participants_set(
        actor=o, movement=movement, organizations=[registry.investment, registry.planning]
    )
    tasks = criterion_add(actor=o, movement=movement, text="Hoàn thành nhiệm vụ", max_points=60)
    saving = criterion_add(actor=o, movement=movement, text="Tiết kiệm", max_points=40)
    with django_capture_on_commit_callbacks(execute=True):
        movement_transition(actor=o, movement=movement, to_state="launched", on=date(2020, 2, 10))
    movement_acknowledge(
        actor=registry.investment_head,
        participant=movement.participants.get(organization=registry.investment),
    )
    for unit, points in ((registry.investment, (58, 39)), (registry.planning, (50, 35))):
        movement_scores_set(
            actor=o,
            movement=movement,
            organization=unit,
            scores=[
                ScoreInput(criterion=tasks, points=Decimal(points[0])),
                ScoreInput(criterion=saving, points=Decimal(points[1])),
            ],
        )
    y = open_year(registry, with_team=False)
    sheet = sheet_start(
        actor=registry.investment_head,
        campaign=y.campaign,
        organization=registry.investment,
        today=TODAY,
    )
    sheet_transition(actor=registry.investment_head, sheet=sheet, to_state=SheetState.SUBMITTED)
    movement.refresh_from_db()
    report = review_report(actor=o, movement=movement, kind="final", on=date(2020, 12, 20))
    texts = docx_paragraphs(render_review_docx(report))
    assert_in_order(
        texts,
        [
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ CHẾ XUẤT HÀ NỘI",
            "/BC-BQL",
            "năm 2020",
            "BÁO CÁO",
            "Tổng kết phong trào thi đua “Thi đua yêu nước năm 2020” năm 2020",
            "I. CÔNG TÁC TRIỂN KHAI PHONG TRÀO",
            "Thực hiện hưởng ứng Phong trào thi đua yêu nước của Thành phố Hà Nội năm 2020.",
            "phát động phong trào ngày 10/02/2020 tới 2 phòng, đơn vị và doanh nghiệp; 1 đơn vị",
            "Khẩu hiệu của phong trào: “Đoàn kết, sáng tạo”.",
            "II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ",
            "tổng điểm tối đa 100,00 điểm",
            "Phòng Quản lý Đầu tư",
            "97,00",
            "97,0",
            "Phòng Quy hoạch và Xây dựng",
            "85,00",
            "III. ĐĂNG KÝ THI ĐUA NĂM 2020",
            "Năm 2020 có 2/4 tập thể, cá nhân đăng ký thi đua, đạt 50,0% (chỉ tiêu 100%).",
            "IV. ĐÁNH GIÁ CHUNG",
            "[Cán bộ thi đua – khen thưởng bổ sung",
            "V. ĐỀ XUẤT KHEN THƯỞNG",
            "Đề nghị khen thưởng các tập thể dẫn đầu phong trào: Phòng Quản lý Đầu tư.",
            "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "Nơi nhận:",
            "KT. TRƯỞNG BAN",
        ],
    )


def test_an_interim_review_without_scores_says_so_and_proposes_nothing(w):
    report = review_report(actor=w.r.officer, movement=w.movement, kind="interim")
    texts = docx_paragraphs(render_review_docx(report))
    whole = "\n".join(texts)
    assert "Sơ kết phong trào thi đua" in whole
    assert "Các đơn vị chưa được chấm điểm đủ các tiêu chí." in whole
    assert "ĐỀ XUẤT KHEN THƯỞNG" not in whole
    assert "ĐĂNG KÝ THI ĐUA" not in whole  # a thematic movement
